import { addMonths, type IsoDate, isIsoDate } from '../deadlines/calendar.ts';

/**
 * The placement of a child outside the home (vård utanför det egna hemmet) as plain data. A
 * placement is the care: one legal basis after another (voluntary care may become compulsory, an
 * immediate custody becomes care decided by the court), one home after another (a move is a new
 * period of the same care), and one end. See docs/decisions/0070.
 */

/**
 * The legal basis of the care: voluntary care with consent under SoL (2025:400), compulsory care
 * under LVU 2 § (the home environment) or 3 § (the young person's own behaviour), or immediate custody
 * under LVU 6 § while the court has not yet decided.
 */
export const legalBases = ['sol', 'lvu2', 'lvu3', 'lvu6'] as const;
export type LegalBasis = (typeof legalBases)[number];

export const isLvu = (basis: LegalBasis): boolean => basis !== 'sol';
/** Care decided by the court under LVU 2 or 3 § (not immediate custody). */
export const isLvuCare = (basis: LegalBasis): boolean => basis === 'lvu2' || basis === 'lvu3';

/**
 * Where the child lives (the glossary's `placementType`): family home (familjehem), kinship or
 * network family home (släktinghem/nätverkshem, legally a family home, 22 kap. 1 §), emergency home
 * (jourhem, 22 kap. 4 §), HVB (hem för vård eller boende, 9 kap. 4 §), supported housing for 16–20
 * (stödboende, 9 kap. 3 §), protected housing (skyddat boende, 9 kap. 6 §) and a special youth home
 * run by the state (särskilt ungdomshem, 12 § LVU).
 */
export const placementTypes = [
  'familyHome',
  'kinshipFamilyHome',
  'emergencyHome',
  'residentialCareHome',
  'supportedHousing',
  'protectedHousing',
  'specialYouthHome',
] as const;
export type PlacementType = (typeof placementTypes)[number];

/** Family homes in the sense of 9 kap. 2 § and 22 kap. 14 § (custody transfer, the IVO list). */
export const isFamilyHome = (form: PlacementType): boolean =>
  form === 'familyHome' || form === 'kinshipFamilyHome';

/** Private homes (enskilda hem) that must be investigated before a child is placed (22 kap. 2 och 4 §§). */
export const isPrivateHome = (form: PlacementType): boolean => isFamilyHome(form) || form === 'emergencyHome';

/**
 * The homes the law lists for a care plan and an implementation plan (9 kap. 12 §) and for a
 * designated social worker (22 kap. 12 §): family homes, supported housing, protected housing and
 * HVB, which includes the state's special youth homes (SoF 1 kap. 5 §). Emergency homes are not listed.
 */
export const isListedCareHome = (form: PlacementType): boolean => form !== 'emergencyHome';

export const endOutcomes = [
  'returnedHome',
  'otherPlacement',
  'custodyTransferred',
  'ownHousing',
  'turned18',
  'turned21',
  'other',
] as const;
export type EndOutcome = (typeof endOutcomes)[number];

/**
 * Who took a decision: the social welfare committee itself (nämnden), one of its subcommittees
 * (utskott), its chair or another member it appointed when the committee could not wait, an
 * official under delegation (tjänsteman), or the administrative court (förvaltningsrätten).
 */
/** What the committee considers (22 kap. 13, 14 och 16 §§ SoL; 13 § LVU); here so the rules can name it. */
export type ConsiderationKind = 'reconsideration' | 'lvuReview' | 'custodyTransfer' | 'movingBan';

export const decisionMakerKinds = ['committee', 'subcommittee', 'chair', 'official', 'court'] as const;
export type DecisionMakerKind = (typeof decisionMakerKinds)[number];

export interface DecisionMaker {
  kind: DecisionMakerKind;
  /** The user (an official) or the body's name; shown in the record. */
  name: string;
}

/** A decision on the legal basis of the care. */
export interface CareDecision {
  basis: LegalBasis;
  decidedOn: IsoDate;
  decidedBy: DecisionMaker;
  /** The day the decision was put into effect (verkställighet); null while not yet executed. */
  executedOn: IsoDate | null;
}

/** A stay in one home: the first one starts the placement, each move starts a new one. */
export interface PlacementPeriod {
  homeId: string;
  form: PlacementType;
  /** The decision on this home (for SoL, the decision on care in it; for LVU, 11 § LVU). */
  decidedOn: IsoDate;
  decidedBy: DecisionMaker;
  /** The day the child actually moved in (verkställighet). */
  startedOn: IsoDate;
  /** Supported housing for a 16- or 17-year-old: the special reasons recorded (9 kap. 1 §). */
  specialReasons?: string | null;
  /** Protected housing: placed together with a guardian of age who is granted it too (22 kap. 5 §). */
  withGuardian?: boolean;
}

export interface PlacementEnd {
  endedOn: IsoDate;
  outcome: EndOutcome;
  /**
   * LVU care ended and the child returns to the guardians but the reunion needs preparing: the
   * mandatory follow-up starts only once reunited (21 b § andra stycket LVU).
   */
  reunionPrepared?: boolean;
  reunitedOn?: IsoDate | null;
}

export interface Placement {
  id: string;
  childId: string;
  caseId: string | null;
  /** Ordered by decision date; the last is the basis in force. At least one. */
  decisions: CareDecision[];
  /** Ordered by start; empty while the placement is decided but not yet carried out. */
  periods: PlacementPeriod[];
  end: PlacementEnd | null;
  /** The social worker responsible for the contacts with the child (22 kap. 12 §). */
  designatedWorkerId: string | null;
}

export function currentDecision(placement: Placement): CareDecision {
  const decision = placement.decisions.at(-1);
  if (!decision) throw new RangeError(`Placement ${placement.id} has no decision`);
  return decision;
}

/** The care decision in force on a date: the last one decided by then (null before the first). */
export function decisionOn(placement: Placement, date: IsoDate): CareDecision | null {
  let found: CareDecision | null = null;
  for (const decision of placement.decisions) if (decision.decidedOn <= date) found = decision;
  return found;
}

export function currentPeriod(placement: Placement): PlacementPeriod | null {
  return placement.periods.at(-1) ?? null;
}

/** The day the placement was carried out (verkställighet): the first day in the first home. */
export function startedOn(placement: Placement): IsoDate | null {
  return placement.periods[0]?.startedOn ?? null;
}

/**
 * The day the reconsiderations count from: the start of the care, or the execution of a later care
 * decision (the court's, or voluntary care turned compulsory), which restarts the count.
 */
export function careClockStart(placement: Placement): IsoDate | null {
  const start = startedOn(placement);
  const executed = currentDecision(placement).executedOn;
  return start && executed && executed > start ? executed : start;
}

/**
 * The day the child came to the current home: consecutive periods in the same home are one stay
 * (a new decision on the same home is not a move), so only a move to another home restarts it.
 */
export function inCurrentHomeSince(placement: Placement): IsoDate | null {
  const periods = placement.periods;
  const last = periods.at(-1);
  if (!last) return null;
  let since = last.startedOn;
  for (let i = periods.length - 2; i >= 0 && periods[i]!.homeId === last.homeId; i--) {
    since = periods[i]!.startedOn;
  }
  return since;
}

/** The period the child was in on a date, if any. */
export function periodOn(placement: Placement, date: IsoDate): PlacementPeriod | null {
  if (placement.end && date > placement.end.endedOn) return null;
  let found: PlacementPeriod | null = null;
  for (const period of placement.periods) if (period.startedOn <= date) found = period;
  return found;
}

/**
 * The day someone born on `birthDate` turns `years`. Someone born on 29 February turns a year older
 * on 1 March in a common year, as `ageOn` in src/people/domain.ts counts it.
 */
export function birthday(birthDate: IsoDate, years: number): IsoDate {
  const same = `${String(Number(birthDate.slice(0, 4)) + years).padStart(4, '0')}${birthDate.slice(4)}`;
  return isIsoDate(same) ? same : addMonths(same.replace(/-29$/, '-01'), 1);
}
