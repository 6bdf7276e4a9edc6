import { addDays, type IsoDate } from '../deadlines/calendar.ts';
import { checkDecisionMaker } from './decisions.ts';
import { type Duty, dutyFrom } from './duty.ts';
import { type DecisionMaker, isFamilyHome, type Placement, periodOn } from './model.ts';
import { dateRefusals, type Refusal } from './validation.ts';

/**
 * A temporary moving ban (tillfälligt flyttningsförbud, 27–30 §§ LVU; docs/decisions/0124). The
 * committee decides it when a moving ban is probably needed and the court's ban cannot be awaited;
 * its chair or an appointed member when the committee cannot wait either, reported at its next
 * meeting (27 § andra stycket); the court, once the committee has applied (27 § tredje stycket).
 * Never an official (30 kap. 7 § 11 SoL). Its clock:
 * - the committee's (or chair's) ban is put before the administrative court within a week of the
 *   decision, or it ends (28 §, 7 § första och tredje styckena);
 * - once the court has confirmed it, the committee applies for a moving ban within two weeks of the
 *   court's decision, or it ends (29 §, 30 § första stycket 1);
 * - it ends when the court decides the moving ban (30 § första stycket 2), when the court does not
 *   confirm it, or when the committee decides it is no longer needed (30 § andra stycket).
 * Pure: codes and dates only.
 */
export interface TemporaryMovingBan {
  decidedOn: IsoDate;
  decidedBy: DecisionMaker;
  /** The day the decision and the papers were put before the administrative court. */
  submittedOn: IsoDate | null;
  /** The administrative court's review of the committee's ban. */
  courtReview: { on: IsoDate; confirmed: boolean } | null;
  /** The committee's application for a moving ban (24–25 §§). */
  appliedOn: IsoDate | null;
  /** The court decided the question of a moving ban. */
  banDecidedOn: IsoDate | null;
  /** The committee decided the ban should end at once (30 § andra stycket). */
  liftedOn: IsoDate | null;
}

export type TemporaryBanEnd = 'notSubmitted' | 'notConfirmed' | 'notApplied' | 'banDecided' | 'lifted';

export interface TemporaryBanState {
  /** In force on the day, or ended (the first day it no longer applies, and why). */
  ended: { on: IsoDate; reason: TemporaryBanEnd } | null;
  /** What is still to do, with its last day. */
  duties: Duty[];
  /** A chair's or appointed member's decision is reported at the committee's next meeting. */
  reportToCommittee: boolean;
}

function ends(ban: TemporaryMovingBan): { on: IsoDate; reason: TemporaryBanEnd }[] {
  const found: { on: IsoDate; reason: TemporaryBanEnd }[] = [];
  const byCourt = ban.decidedBy.kind === 'court';
  if (!byCourt) {
    const submit = dutyFrom('temporaryMovingBanCourt', ban.decidedOn);
    if (submit && (!ban.submittedOn || ban.submittedOn > submit.dueOn))
      found.push({ on: addDays(submit.dueOn, 1), reason: 'notSubmitted' });
    if (ban.courtReview && !ban.courtReview.confirmed)
      found.push({ on: ban.courtReview.on, reason: 'notConfirmed' });
    if (ban.courtReview?.confirmed) {
      const apply = dutyFrom('movingBanApplicationAfterTemporary', ban.courtReview.on);
      // An application made before the court confirmed the ban counts: the court has it already.
      if (apply && (!ban.appliedOn || ban.appliedOn > apply.dueOn))
        found.push({ on: addDays(apply.dueOn, 1), reason: 'notApplied' });
    }
  }
  if (ban.banDecidedOn) found.push({ on: ban.banDecidedOn, reason: 'banDecided' });
  if (ban.liftedOn) found.push({ on: ban.liftedOn, reason: 'lifted' });
  return found;
}

export function temporaryBanState(ban: TemporaryMovingBan, today: IsoDate): TemporaryBanState {
  const ended =
    ends(ban)
      .filter((e) => e.on <= today)
      .sort((a, b) => a.on.localeCompare(b.on))[0] ?? null;
  const duties: Duty[] = [];
  if (!ended && ban.decidedBy.kind !== 'court') {
    if (!ban.submittedOn) {
      const submit = dutyFrom('temporaryMovingBanCourt', ban.decidedOn);
      if (submit) duties.push(submit);
    } else if (ban.courtReview?.confirmed && !ban.appliedOn) {
      const apply = dutyFrom('movingBanApplicationAfterTemporary', ban.courtReview.on);
      if (apply) duties.push(apply);
    }
  }
  return { ended, duties, reportToCommittee: ban.decidedBy.kind === 'chair' };
}

/** Recording a temporary ban: by whom the law allows, for a child in a family home, dates in order. */
export function temporaryBanRefusals(
  ban: TemporaryMovingBan,
  placement: Placement,
  today: IsoDate,
): Refusal[] {
  const dates = dateRefusals(
    [
      ['decidedOn', ban.decidedOn],
      ['submittedOn', ban.submittedOn],
      ['courtReviewOn', ban.courtReview?.on],
      ['appliedOn', ban.appliedOn],
      ['banDecidedOn', ban.banDecidedOn],
      ['liftedOn', ban.liftedOn],
    ],
    today,
  );
  if (dates.length) return dates;
  const refusals: Refusal[] = [];
  const { refusal } = checkDecisionMaker('temporaryMovingBan', ban.decidedBy);
  if (refusal) refusals.push({ code: refusal, at: 'decidedBy' });
  const start = placement.periods[0]?.startedOn;
  if (!start || ban.decidedOn < start) return [...refusals, { code: 'beforePlacement', at: 'decidedOn' }];
  if (placement.end && ban.decidedOn > placement.end.endedOn)
    return [...refusals, { code: 'afterPlacementEnd', at: 'decidedOn' }];
  const period = periodOn(placement, ban.decidedOn);
  if (!period || !isFamilyHome(period.form)) refusals.push({ code: 'banNotInFamilyHome', at: 'decidedOn' });
  // The court decides a temporary ban only once the committee has applied (27 § tredje stycket).
  if (ban.decidedBy.kind === 'court' && (!ban.appliedOn || ban.appliedOn > ban.decidedOn))
    refusals.push({ code: 'temporaryBanOutOfOrder', at: 'appliedOn' });
  const order: [string, IsoDate | null | undefined][] = [
    ['submittedOn', ban.submittedOn],
    ['courtReviewOn', ban.courtReview?.on],
  ];
  let last = ban.decidedOn;
  for (const [at, date] of order) {
    if (!date) continue;
    if (date < last) refusals.push({ code: 'temporaryBanOutOfOrder', at });
    else last = date;
  }
  if (ban.courtReview && !ban.submittedOn && ban.decidedBy.kind !== 'court')
    refusals.push({ code: 'temporaryBanOutOfOrder', at: 'submittedOn' });
  for (const [at, date] of [
    ['banDecidedOn', ban.banDecidedOn],
    ['liftedOn', ban.liftedOn],
  ] as const)
    if (date && date < ban.decidedOn) refusals.push({ code: 'temporaryBanOutOfOrder', at });
  if (ban.banDecidedOn && !ban.appliedOn)
    refusals.push({ code: 'temporaryBanOutOfOrder', at: 'banDecidedOn' });
  return refusals;
}
