import { addMonths, type IsoDate } from '../deadlines/calendar.ts';
import { type Duty, dutyFrom, latestDate } from './duty.ts';
import { isPrivateHome, type Placement, type PlacementType, periodOn } from './model.ts';

/**
 * The register of homes: family and emergency homes the committee investigated, and the HVB,
 * supported and protected housing it buys places from. A home's address is where the child is, so
 * the wiring hides it as a protected child's address is hidden (docs/design/placements.md).
 */

export const registers = ['criminalRecord', 'suspicionRegister'] as const;
export type Register = (typeof registers)[number];

export interface Carer {
  id: string;
  name: string;
}

/** A family home, a kinship family home or an emergency home (enskilt hem). */
export interface PrivateHome {
  kind: 'privateHome';
  id: string;
  name: string;
  /** What the home was investigated for: family home, kinship family home, emergency home. */
  forms: readonly PlacementType[];
  /** The municipality the home lies in (its code, e.g. '2480'). */
  municipalityCode: string;
  /** Those the committee intends to engage for the care (SoF 3 kap. 3 §). */
  carers: readonly Carer[];
  /** The home investigation (22 kap. 2 och 4 §§): when it was completed, and its result. */
  investigation: { completedOn: IsoDate; result: 'approved' | 'notApproved' } | null;
  registerExtracts: readonly { carerId: string; register: Register; obtainedOn: IsoDate }[];
  /** Training the committee provided (22 kap. 3 § andra stycket, 4 § tredje stycket). */
  training: readonly { carerId: string; completedOn: IsoDate }[];
  /** Children or young people placed in the home by other municipalities, as far as known. */
  placedByOthers?: number;
}

/** An HVB, supported housing or protected housing, run privately, by a municipality or region, or by the state. */
export interface CareProvider {
  kind: 'provider';
  id: string;
  name: string;
  forms: readonly PlacementType[];
  ownership: 'private' | 'public' | 'state';
  /** IVO's permit for a private provider (26 kap. 1 §), by the forms it covers. */
  ivoPermit: { reference: string; grantedOn: IsoDate; forms: readonly PlacementType[] } | null;
  /** A municipality's or region's notification to IVO (26 kap. 2 §). */
  ivoNotifiedOn: IsoDate | null;
}

export type Home = PrivateHome | CareProvider;

export type HomeRefusal =
  | { code: 'homeFormMismatch' }
  | { code: 'homeNotInvestigated' }
  | { code: 'homeNotApproved' }
  | { code: 'noCarers' }
  | { code: 'registerExtractMissing'; carerId: string; register: Register }
  | { code: 'otherMunicipalityNotConsulted' }
  | { code: 'providerPermitMissing' }
  | { code: 'providerNotNotified' };

export interface HomeDecision {
  form: PlacementType;
  decidedOn: IsoDate;
  /** The placing municipality's code. */
  municipalityCode: string;
  /** When the committee informed and consulted the home's municipality (22 kap. 6 §). */
  consultedOn?: IsoDate | null;
}

function privateHomeRefusals(home: PrivateHome, decision: HomeDecision): HomeRefusal[] {
  const refusals: HomeRefusal[] = [];
  const investigation = home.investigation;
  // The investigation must be complete before the decision (22 kap. 2 § andra stycket, 4 § första stycket).
  if (!investigation || investigation.completedOn > decision.decidedOn)
    refusals.push({ code: 'homeNotInvestigated' });
  else if (investigation.result !== 'approved') refusals.push({ code: 'homeNotApproved' });
  if (home.carers.length === 0) refusals.push({ code: 'noCarers' });
  // Both extracts for each carer, obtained before the decision (SoF 3 kap. 3 §).
  for (const carer of home.carers) {
    for (const register of registers) {
      const obtained = home.registerExtracts.some(
        (e) => e.carerId === carer.id && e.register === register && e.obtainedOn <= decision.decidedOn,
      );
      if (!obtained) refusals.push({ code: 'registerExtractMissing', carerId: carer.id, register });
    }
  }
  const consulted = decision.consultedOn && decision.consultedOn <= decision.decidedOn;
  if (home.municipalityCode !== decision.municipalityCode && !consulted) {
    refusals.push({ code: 'otherMunicipalityNotConsulted' });
  }
  return refusals;
}

function providerRefusals(home: CareProvider, decision: HomeDecision): HomeRefusal[] {
  if (home.ownership === 'private') {
    const permit = home.ivoPermit;
    const covers = permit && permit.grantedOn <= decision.decidedOn && permit.forms.includes(decision.form);
    return covers ? [] : [{ code: 'providerPermitMissing' }];
  }
  if (home.ownership === 'public' && !(home.ivoNotifiedOn && home.ivoNotifiedOn <= decision.decidedOn)) {
    return [{ code: 'providerNotNotified' }];
  }
  return [];
}

/**
 * Why a child may not be placed in this home by this decision, as codes (empty when it may). The
 * state's special youth homes need no check here: the state assigns the place (12 § LVU).
 */
export function homeRefusals(home: Home, decision: HomeDecision): HomeRefusal[] {
  const fits =
    home.forms.includes(decision.form) && (home.kind === 'privateHome') === isPrivateHome(decision.form);
  if (!fits) return [{ code: 'homeFormMismatch' }];
  return home.kind === 'privateHome' ? privateHomeRefusals(home, decision) : providerRefusals(home, decision);
}

export type HomeAlert =
  | { code: 'registerExtractMissing'; carerId: string; register: Register }
  | { code: 'registerExtractOld'; carerId: string; register: Register; obtainedOn: IsoDate; renewBy: IsoDate }
  | { code: 'homeNotInvestigated' }
  | { code: 'trainingMissing'; carerId: string }
  | { code: 'providerPermitMissing' };

/**
 * What the home-finding team must renew before the home can take another child: missing or old
 * register extracts, a missing investigation or training. How old an extract may be is the
 * municipality's setting (the law asks for extracts before each decision, SoF 3 kap. 3 §).
 */
export function homeAlerts(home: Home, today: IsoDate, extractMaxAgeMonths = 12): HomeAlert[] {
  if (home.kind === 'provider') {
    return home.ownership === 'private' && !home.ivoPermit ? [{ code: 'providerPermitMissing' }] : [];
  }
  const alerts: HomeAlert[] = [];
  if (!home.investigation) alerts.push({ code: 'homeNotInvestigated' });
  for (const carer of home.carers) {
    for (const register of registers) {
      const dates = home.registerExtracts
        .filter((e) => e.carerId === carer.id && e.register === register)
        .map((e) => e.obtainedOn);
      const obtainedOn = latestDate(dates);
      if (!obtainedOn) {
        alerts.push({ code: 'registerExtractMissing', carerId: carer.id, register });
        continue;
      }
      const renewBy = addMonths(obtainedOn, extractMaxAgeMonths);
      if (renewBy <= today)
        alerts.push({ code: 'registerExtractOld', carerId: carer.id, register, obtainedOn, renewBy });
    }
    if (!home.training.some((t) => t.carerId === carer.id))
      alerts.push({ code: 'trainingMissing', carerId: carer.id });
  }
  return alerts;
}

/** The placements with a child in the home on a date. */
export function placementsInHome(
  homeId: string,
  placements: readonly Placement[],
  date: IsoDate,
): Placement[] {
  return placements.filter((p) => periodOn(p, date)?.homeId === homeId);
}

/**
 * The notice to IVO owed by a decision to place one more child in a family or emergency home, when
 * more than three children or young people will then be placed there (SoF (2025:468) 16 kap. 2 §).
 */
export function ivoNotice(
  home: PrivateHome,
  placements: readonly Placement[],
  decidedOn: IsoDate,
): Duty | null {
  const placed = placementsInHome(home.id, placements, decidedOn).length + (home.placedByOthers ?? 0);
  return placed + 1 > 3 ? dutyFrom('ivoPlacementNotice', decidedOn, { subject: home.id }) : null;
}
