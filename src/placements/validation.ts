import { type IsoDate, isIsoDate } from '../deadlines/calendar.ts';
import { ageOn } from '../people/domain.ts';
import {
  checkDecisionMaker,
  type DecisionRefusal,
  matterOfCareDecision,
  matterOfConsideration,
  matterOfHome,
} from './decisions.ts';
import {
  type ConsiderationKind,
  type DecisionMaker,
  decisionOn,
  isFamilyHome,
  type Placement,
  periodOn,
  startedOn,
} from './model.ts';

/**
 * Refusals of a placement record and of the committee's considerations, as codes with where they
 * apply (`at`), never texts: the routes turn them into a 4xx in the user's language.
 */

export type RefusalCode =
  | 'dateInvalid'
  | 'dateInFuture'
  | 'noDecision'
  | 'decisionsOutOfOrder'
  | 'executedBeforeDecision'
  | 'startedBeforeDecision'
  | 'startNotExecution'
  | 'periodsOutOfOrder'
  | 'endedBeforeStart'
  | 'endWithoutStart'
  | 'reunitedBeforeEnd'
  | 'supportedHousingUnder16'
  | 'supportedHousingSpecialReasonsMissing'
  | 'protectedHousingWithoutGuardian'
  | 'lvuAgeLimit'
  | 'beforePlacement'
  | 'afterPlacementEnd'
  | 'wrongConsiderationForBasis'
  | 'notInFamilyHome'
  | 'factorMissing'
  | 'visitNotInHome'
  | 'aloneNotStated'
  | 'notAloneReasonMissing'
  | 'attemptRecordsNoTalk'
  | 'guidelineOutOfRange'
  | 'beforeArrival'
  | 'appliedBeforePermit'
  | 'appointedBeforeApplication'
  | 'reasonTextMissing'
  | 'guardianNameMissing'
  | 'notLvuCare'
  | 'courtBeforeApplication'
  | 'banNotInForce'
  | 'subjectEnded'
  | 'banNotInFamilyHome'
  | 'reviewBeforeDecision'
  | 'temporaryBanOutOfOrder'
  | 'temporaryBanEnded'
  | 'stepAlreadyRecorded'
  | 'stepNotForCourtBan'
  | 'notChairDecision'
  | 'courtTemporaryBanWithoutApplication'
  | DecisionRefusal;

export interface Refusal {
  code: RefusalCode;
  /** Where: 'decisions[1]', 'periods[0].startedOn', 'end', 'factors.relationToParents' … */
  at?: string;
}

/** Dates that are not calendar dates or lie after today, each with where it is. */
export function dateRefusals(
  dates: readonly [string, IsoDate | null | undefined][],
  today: IsoDate,
): Refusal[] {
  const refusals: Refusal[] = [];
  for (const [at, date] of dates) {
    if (date === null || date === undefined) continue;
    if (!isIsoDate(date)) refusals.push({ code: 'dateInvalid', at });
    else if (date > today) refusals.push({ code: 'dateInFuture', at });
  }
  return refusals;
}

function makerRefusal(refusal: DecisionRefusal | null, at: string): Refusal[] {
  return refusal ? [{ code: refusal, at }] : [];
}

function orderRefusals(placement: Placement): Refusal[] {
  const refusals: Refusal[] = [];
  placement.decisions.forEach((d, i) => {
    const prev = placement.decisions[i - 1];
    if (prev && d.decidedOn < prev.decidedOn)
      refusals.push({ code: 'decisionsOutOfOrder', at: `decisions[${i}]` });
    if (d.executedOn && d.executedOn < d.decidedOn) {
      refusals.push({ code: 'executedBeforeDecision', at: `decisions[${i}].executedOn` });
    }
  });
  const first = placement.decisions[0];
  placement.periods.forEach((p, i) => {
    const prev = placement.periods[i - 1];
    if (p.startedOn < p.decidedOn)
      refusals.push({ code: 'startedBeforeDecision', at: `periods[${i}].startedOn` });
    if (prev && p.startedOn <= prev.startedOn)
      refusals.push({ code: 'periodsOutOfOrder', at: `periods[${i}]` });
  });
  // Verkställighet of the first decision is the day the child came to the first home.
  const start = startedOn(placement);
  if (first && start && first.executedOn !== start)
    refusals.push({ code: 'startNotExecution', at: 'decisions[0].executedOn' });
  const end = placement.end;
  if (end) {
    const lastStart = placement.periods.at(-1)?.startedOn;
    if (!lastStart) refusals.push({ code: 'endWithoutStart', at: 'end' });
    else if (end.endedOn < lastStart) refusals.push({ code: 'endedBeforeStart', at: 'end.endedOn' });
    if (end.reunitedOn && end.reunitedOn < end.endedOn)
      refusals.push({ code: 'reunitedBeforeEnd', at: 'end.reunitedOn' });
  }
  return refusals;
}

/** What the law says about the child's age and the form: supported housing, protected housing, LVU's ages. */
function formRefusals(placement: Placement, birthDate: IsoDate): Refusal[] {
  const refusals: Refusal[] = [];
  placement.periods.forEach((p, i) => {
    const age = ageOn(birthDate, p.startedOn);
    if (p.form === 'supportedHousing' && age < 16)
      refusals.push({ code: 'supportedHousingUnder16', at: `periods[${i}]` });
    if (p.form === 'supportedHousing' && age < 18 && age >= 16 && !p.specialReasons?.trim()) {
      refusals.push({ code: 'supportedHousingSpecialReasonsMissing', at: `periods[${i}].specialReasons` });
    }
    if (p.form === 'protectedHousing' && age < 18 && !p.withGuardian) {
      refusals.push({ code: 'protectedHousingWithoutGuardian', at: `periods[${i}].withGuardian` });
    }
  });
  // LVU 2 § care is for those under 18, 3 § care under 20 when decided, immediate custody under 20 (1 och 6 §§).
  const limits = { sol: Number.POSITIVE_INFINITY, lvu2: 18, lvu3: 20, lvu6: 20 };
  placement.decisions.forEach((d, i) => {
    if (ageOn(birthDate, d.decidedOn) >= limits[d.basis])
      refusals.push({ code: 'lvuAgeLimit', at: `decisions[${i}]` });
  });
  return refusals;
}

/** Who decided each care decision and each choice of home (30 kap. 6–7 §§; 4, 6 och 11 §§ LVU). */
function makerRefusals(placement: Placement): Refusal[] {
  const refusals: Refusal[] = [];
  const firstForm = placement.periods[0]?.form ?? 'residentialCareHome';
  placement.decisions.forEach((d, i) => {
    const { refusal } = checkDecisionMaker(matterOfCareDecision(d.basis, firstForm), d.decidedBy);
    refusals.push(...makerRefusal(refusal, `decisions[${i}].decidedBy`));
  });
  placement.periods.forEach((p, i) => {
    const basis = decisionOn(placement, p.decidedOn)?.basis;
    const { refusal } = checkDecisionMaker(matterOfHome(p.form, basis ?? 'sol'), p.decidedBy);
    refusals.push(...makerRefusal(refusal, `periods[${i}].decidedBy`));
  });
  return refusals;
}

/** Every refusal of a placement record; empty when it may be saved. */
export function placementRefusals(
  placement: Placement,
  child: { birthDate: IsoDate },
  today: IsoDate,
): Refusal[] {
  if (placement.decisions.length === 0) return [{ code: 'noDecision', at: 'decisions' }];
  const dates = dateRefusals(
    [
      ...placement.decisions.flatMap((d, i): [string, IsoDate | null][] => [
        [`decisions[${i}].decidedOn`, d.decidedOn],
        [`decisions[${i}].executedOn`, d.executedOn],
      ]),
      ...placement.periods.flatMap((p, i): [string, IsoDate][] => [
        [`periods[${i}].decidedOn`, p.decidedOn],
        [`periods[${i}].startedOn`, p.startedOn],
      ]),
      ['end.endedOn', placement.end?.endedOn],
      ['end.reunitedOn', placement.end?.reunitedOn],
    ],
    today,
  );
  // Order and ages are judged only on real dates.
  if (dates.length) return dates;
  return [
    ...orderRefusals(placement),
    ...formRefusals(placement, child.birthDate),
    ...makerRefusals(placement),
  ];
}

/** The five things to weigh when considering a transfer of custody (22 kap. 14 §; 13 c § LVU). */
export const custodyTransferFactors = [
  'childAndFosterParentsViews',
  'relationToFosterParents',
  'contactWithParents',
  'relationToParents',
  'socialSituation',
] as const;
export type CustodyTransferFactor = (typeof custodyTransferFactors)[number];

export interface ConsiderationInput {
  kind: ConsiderationKind;
  decidedOn: IsoDate;
  decidedBy: DecisionMaker;
  /** For a custody transfer: what the committee found on each factor. */
  factors?: Partial<Record<CustodyTransferFactor, string>>;
}

/** Refusals of a consideration the committee records: who decided, when, of what kind. */
export function considerationRefusals(
  input: ConsiderationInput,
  placement: Placement,
  today: IsoDate,
): Refusal[] {
  const dates = dateRefusals([['decidedOn', input.decidedOn]], today);
  if (dates.length) return dates;
  const refusals = makerRefusal(
    checkDecisionMaker(matterOfConsideration(input.kind), input.decidedBy).refusal,
    'decidedBy',
  );
  const start = startedOn(placement);
  if (!start || input.decidedOn < start) return [...refusals, { code: 'beforePlacement', at: 'decidedOn' }];
  if (placement.end && input.decidedOn > placement.end.endedOn)
    refusals.push({ code: 'afterPlacementEnd', at: 'decidedOn' });
  const basis = decisionOn(placement, input.decidedOn)?.basis;
  const fits =
    (input.kind === 'reconsideration' && (basis === 'sol' || basis === 'lvu2')) ||
    (input.kind === 'lvuReview' && basis === 'lvu3') ||
    input.kind === 'custodyTransfer' ||
    input.kind === 'movingBan';
  if (!fits) refusals.push({ code: 'wrongConsiderationForBasis', at: 'kind' });
  if (input.kind === 'custodyTransfer') {
    const period = periodOn(placement, input.decidedOn);
    if (!period || !isFamilyHome(period.form)) {
      refusals.push({ code: 'notInFamilyHome', at: 'kind' });
    }
    for (const factor of custodyTransferFactors) {
      if (!input.factors?.[factor]?.trim()) refusals.push({ code: 'factorMissing', at: `factors.${factor}` });
    }
  }
  return refusals;
}
