import type { IsoDate } from '../deadlines/calendar.ts';
import { checkDecisionMaker, type DecisionMatter } from './decisions.ts';
import { type DecisionMaker, decisionOn, isFamilyHome, isLvu, type Placement, periodOn } from './model.ts';
import type { MovingBan, Restriction } from './schedule.ts';
import { dateRefusals, type Refusal } from './validation.ts';

/**
 * The committee's decisions that limit the guardians during the care, and their reviews
 * (docs/decisions/0120): an LVU 14 § decision on contact or on keeping the whereabouts secret,
 * reviewed at least every three months (14 § tredje stycket); a moving ban (24 § LVU) the committee
 * applies for (25 §) and the court decides, reviewed every three months (26 §). None of them may be
 * decided by an official (30 kap. 7 § 8, 11 och 12 SoL); the chair may not either. Pure: codes only.
 */

export type RestrictionKind = Restriction['kind'];
export const restrictionKinds = [
  'whereaboutsSecret',
  'contact',
] as const satisfies readonly RestrictionKind[];

export interface RestrictionInput {
  kind: RestrictionKind;
  decidedOn: IsoDate;
  decidedBy: DecisionMaker;
}

export interface MovingBanInput {
  appliedOn: IsoDate;
  decidedBy: DecisionMaker;
  /** The administrative court's ban (24 §); null while the application is pending. */
  courtDecidedOn: IsoDate | null;
}

export interface ReviewInput {
  decidedOn: IsoDate;
  decidedBy: DecisionMaker;
}

function makerRefusals(matter: DecisionMatter, maker: DecisionMaker): Refusal[] {
  const { refusal } = checkDecisionMaker(matter, maker);
  return refusal ? [{ code: refusal, at: 'decidedBy' }] : [];
}

/** A date inside the placement: on or after its start, not after its end. */
function withinPlacement(placement: Placement, date: IsoDate, at: string): Refusal[] {
  const start = placement.periods[0]?.startedOn;
  if (!start || date < start) return [{ code: 'beforePlacement', at }];
  if (placement.end && date > placement.end.endedOn) return [{ code: 'afterPlacementEnd', at }];
  return [];
}

/** An LVU 14 § decision: only during care under LVU, by the committee or a subcommittee. */
export function restrictionRefusals(
  input: RestrictionInput,
  placement: Placement,
  today: IsoDate,
): Refusal[] {
  const dates = dateRefusals([['decidedOn', input.decidedOn]], today);
  if (dates.length) return dates;
  const refusals = makerRefusals('lvuRestriction', input.decidedBy);
  const inside = withinPlacement(placement, input.decidedOn, 'decidedOn');
  if (inside.length) return [...refusals, ...inside];
  const basis = decisionOn(placement, input.decidedOn)?.basis;
  if (!basis || !isLvu(basis)) refusals.push({ code: 'notLvuCare', at: 'kind' });
  return refusals;
}

/** The committee's application for a moving ban, and the court's ban: only for a child in a family home. */
export function movingBanRefusals(input: MovingBanInput, placement: Placement, today: IsoDate): Refusal[] {
  const dates = dateRefusals(
    [
      ['appliedOn', input.appliedOn],
      ['courtDecidedOn', input.courtDecidedOn],
    ],
    today,
  );
  if (dates.length) return dates;
  const refusals = makerRefusals('movingBanApplication', input.decidedBy);
  const inside = withinPlacement(placement, input.appliedOn, 'appliedOn');
  if (inside.length) return [...refusals, ...inside];
  const period = periodOn(placement, input.appliedOn);
  // 24 § LVU: a home under 22 kap. 2 § första stycket SoL, the family home or other private home.
  if (!period || !isFamilyHome(period.form)) refusals.push({ code: 'banNotInFamilyHome', at: 'appliedOn' });
  if (input.courtDecidedOn && input.courtDecidedOn < input.appliedOn)
    refusals.push({ code: 'courtBeforeApplication', at: 'courtDecidedOn' });
  return refusals;
}

/** The day a restriction or a ban took effect: the committee's decision, the court's ban. */
export const inForceFrom = (subject: Restriction | MovingBan): IsoDate => subject.decidedOn;

/** A review of a decision in force: after it took effect, not after it ended, by the committee. */
export function reviewRefusals(
  input: ReviewInput,
  subject: { kind: 'restriction'; item: Restriction } | { kind: 'movingBan'; item: MovingBan | null },
  today: IsoDate,
): Refusal[] {
  const dates = dateRefusals([['reviewedOn', input.decidedOn]], today);
  if (dates.length) return dates;
  const refusals = makerRefusals(
    subject.kind === 'restriction' ? 'lvuRestriction' : 'movingBanReview',
    input.decidedBy,
  );
  const item = subject.item;
  // A moving ban the court has not decided is not yet in force: there is nothing to review.
  if (!item) return [...refusals, { code: 'banNotInForce', at: 'subject' }];
  if (item.endedOn) refusals.push({ code: 'subjectEnded', at: 'subject' });
  else if (input.decidedOn < inForceFrom(item))
    refusals.push({ code: 'reviewBeforeDecision', at: 'reviewedOn' });
  return refusals;
}
