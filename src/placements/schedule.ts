import type { IsoDate } from '../deadlines/calendar.ts';
import { ageOn } from '../people/domain.ts';
import { type Duty, dutyFrom, latestDate } from './duty.ts';
import {
  birthday,
  type ConsiderationKind,
  careClockStart,
  currentDecision,
  currentPeriod,
  inCurrentHomeSince,
  isFamilyHome,
  isListedCareHome,
  isLvuCare,
  isPrivateHome,
  type Placement,
  type PlacementType,
  startedOn,
} from './model.ts';
import { type TemporaryMovingBan, temporaryBanState } from './temporary-ban.ts';

/**
 * The schedule of a placement: every duty still to be done, counted from the day the placement was
 * carried out (verkställighet) and from what was actually done since (docs/decisions/0071). Pure:
 * the caller passes plain records and decides what is urgent with the clock's `urgencyOf`.
 */

export type { ConsiderationKind } from './model.ts';

/** A consideration the committee actually made (22 kap. 13, 14 och 16 §§; 13 § LVU). */
export interface Consideration {
  kind: ConsiderationKind;
  decidedOn: IsoDate;
}

/** A decision under 14 § andra stycket LVU: contact regulated, or the whereabouts kept secret. */
export interface Restriction {
  id: string;
  kind: 'contact' | 'whereaboutsSecret';
  decidedOn: IsoDate;
  endedOn: IsoDate | null;
  reviewedOn: readonly IsoDate[];
}

/** A moving ban (24 § LVU) the court decided, reviewed by the committee every three months (26 §). */
export interface MovingBan {
  id: string;
  decidedOn: IsoDate;
  endedOn: IsoDate | null;
  reviewedOn: readonly IsoDate[];
}

export interface ScheduleFacts {
  placement: Placement;
  child: { birthDate: IsoDate };
  considerations?: readonly Consideration[];
  plans?: {
    carePlanOn?: IsoDate | null;
    carePlanRevisedOn?: IsoDate | null;
    implementationPlanOn?: IsoDate | null;
  };
  /** The region told about the health examination, or recorded as unnecessary (22 kap. 7 §). */
  regionNotifiedOn?: IsoDate | null;
  /** Immediate custody: put before the court (7 §), the application made (8 §), a court's extension. */
  court?: {
    submittedOn?: IsoDate | null;
    careAppliedOn?: IsoDate | null;
    applicationExtendedTo?: IsoDate | null;
  };
  fosterAgreements?: readonly { homeId: string; signedOn: IsoDate }[];
  /** The day the child's investigation ended (20 kap. 3 §), for the emergency home's two months. */
  investigationClosedOn?: IsoDate | null;
  /** Special reasons for a longer stay in the emergency home, recorded (22 kap. 4 § andra stycket). */
  emergencyHomeSpecialReasonsOn?: IsoDate | null;
  restrictions?: readonly Restriction[];
  movingBans?: readonly MovingBan[];
  /**
   * Temporary moving bans (27–30 §§ LVU) and the day their state is read on: a ban not put before
   * the court, or not applied for, in time has ended and owes nothing (docs/decisions/0124, 0114).
   */
  temporaryBans?: { on: IsoDate; bans: readonly (TemporaryMovingBan & { id: string })[] };
  /** A guardian, or the child from 15, asked for the voluntary care to end (22 kap. 16 §). */
  endOfCareRequestedOn?: readonly IsoDate[];
  followUp?: { startedOn: IsoDate | null; endedOn: IsoDate | null } | null;
}

const underAge = (birthDate: IsoDate, date: IsoDate, age: number) => ageOn(birthDate, date) < age;

function lastConsidered(facts: ScheduleFacts, kind: ConsiderationKind, onOrAfter: IsoDate): IsoDate | null {
  const made = (facts.considerations ?? []).filter((c) => c.kind === kind && c.decidedOn >= onOrAfter);
  return latestDate(made.map((c) => c.decidedOn));
}

/** A recurring duty: due its first length after the anchor, then its interval after the last one made. */
function recurring(rule: Duty['rule'], anchor: IsoDate, last: IsoDate | null): Duty | null {
  return last ? dutyFrom(rule, last, { repeat: true }) : dutyFrom(rule, anchor);
}

const firstPeriodWhere = (placement: Placement, test: (form: PlacementType) => boolean) =>
  placement.periods.find((p) => test(p.form)) ?? null;

/** Duties of the care itself: plans, the region, the designated worker, the reconsiderations. */
function careDuties(facts: ScheduleFacts, start: IsoDate): (Duty | null)[] {
  const { placement, child } = facts;
  const decision = currentDecision(placement);
  const plans = facts.plans ?? {};
  const duties: (Duty | null)[] = [];
  const listed = firstPeriodWhere(placement, isListedCareHome);
  if (listed && !plans.implementationPlanOn) duties.push(dutyFrom('implementationPlan', listed.startedOn));
  if (listed && !placement.designatedWorkerId)
    duties.push(dutyFrom('designatedSocialWorker', listed.startedOn));
  // The first revision is owed for a child (9 kap. 13 §): not when the two years end after 18.
  const revisionDue = dutyFrom('carePlanRevision', start);
  if (!plans.carePlanRevisedOn && revisionDue && underAge(child.birthDate, revisionDue.statutoryDate, 18)) {
    duties.push(revisionDue);
  }
  if (!facts.regionNotifiedOn) duties.push(dutyFrom('healthExamination', start));
  const anchor = careClockStart(placement) ?? start;
  if (decision.basis === 'sol' || decision.basis === 'lvu2') {
    const due = recurring(
      'placementReconsideration',
      anchor,
      lastConsidered(facts, 'reconsideration', anchor),
    );
    // 22 kap. 13 § concerns a child; LVU 2 § care ends at 18 anyway (21 §).
    if (due && underAge(child.birthDate, due.statutoryDate, 18)) duties.push(due);
  }
  if (decision.basis === 'lvu3' && decision.executedOn) {
    duties.push(
      recurring('lvuReview', decision.executedOn, lastConsidered(facts, 'lvuReview', decision.executedOn)),
    );
  }
  if (isLvuCare(decision.basis)) {
    duties.push(dutyFrom('lvuAgeLimit', birthday(child.birthDate, decision.basis === 'lvu2' ? 18 : 21)));
  }
  return duties;
}

/** The care plan: due at the decision, or with the application for care after immediate custody. */
function carePlanDuty(facts: ScheduleFacts, careApplication: Duty | null): Duty | null {
  if (facts.plans?.carePlanOn) return null;
  if (careApplication) return dutyFrom('carePlan', careApplication.statutoryDate, { immediate: true });
  const applied = facts.court?.careAppliedOn;
  if (currentDecision(facts.placement).basis === 'lvu6' && applied) {
    return dutyFrom('carePlan', applied, { immediate: true });
  }
  const listed = firstPeriodWhere(facts.placement, isListedCareHome);
  if (!listed) return null;
  const first = facts.placement.periods[0];
  return dutyFrom('carePlan', listed === first ? facts.placement.decisions[0]!.decidedOn : listed.decidedOn);
}

/** Immediate custody (6 § LVU): to the court within a week, the application within four weeks. */
function custodyDuties(facts: ScheduleFacts): { court: Duty | null; application: Duty | null } {
  const decision = currentDecision(facts.placement);
  // A court's own immediate custody (6 § tredje stycket) follows an application already made.
  if (decision.basis !== 'lvu6' || decision.decidedBy.kind === 'court')
    return { court: null, application: null };
  const court = facts.court ?? {};
  return {
    court: court.submittedOn ? null : dutyFrom('immediateCustodyCourt', decision.decidedOn),
    application:
      court.careAppliedOn || !decision.executedOn
        ? null
        : dutyFrom('careApplication', decision.executedOn, {
            extendedTo: court.applicationExtendedTo ?? null,
          }),
  };
}

/** Duties of the current home: custody transfer, the foster-home agreement, the emergency home's limit. */
function homeDuties(facts: ScheduleFacts): (Duty | null)[] {
  const { placement, child } = facts;
  const period = currentPeriod(placement);
  const since = inCurrentHomeSince(placement);
  if (!period || !since) return [];
  const duties: (Duty | null)[] = [];
  if (isFamilyHome(period.form)) {
    const first = placement.periods.find((p) => p.homeId === period.homeId && p.startedOn === since)!;
    if (
      !(facts.fosterAgreements ?? []).some((a) => a.homeId === period.homeId && a.signedOn >= first.decidedOn)
    ) {
      duties.push(dutyFrom('fosterHomeAgreement', first.decidedOn, { subject: period.homeId }));
    }
    const twoYears = dutyFrom('custodyTransfer', since);
    if (twoYears && currentDecision(placement).basis !== 'lvu6') {
      // Only a consideration made once the two years have passed counts (22 kap. 14 §).
      const last = lastConsidered(facts, 'custodyTransfer', twoYears.statutoryDate);
      const due = last ? dutyFrom('custodyTransfer', last, { repeat: true }) : twoYears;
      if (due && underAge(child.birthDate, due.statutoryDate, 18)) duties.push(due);
    }
  }
  if (
    period.form === 'emergencyHome' &&
    facts.investigationClosedOn &&
    !facts.emergencyHomeSpecialReasonsOn
  ) {
    duties.push(dutyFrom('emergencyHomeLimit', facts.investigationClosedOn, { subject: period.homeId }));
  }
  if (isPrivateHome(period.form) && currentDecision(placement).basis === 'sol') {
    for (const requested of facts.endOfCareRequestedOn ?? []) {
      if (requested >= since && !lastConsidered(facts, 'movingBan', requested)) {
        duties.push(dutyFrom('movingBanConsideration', requested));
      }
    }
  }
  return duties;
}

/** Three-monthly reviews of LVU 14 § decisions and of moving bans in force. */
function reviewDuties(facts: ScheduleFacts): (Duty | null)[] {
  const open = <T extends { endedOn: IsoDate | null }>(items: readonly T[] | undefined) =>
    (items ?? []).filter((item) => item.endedOn === null);
  return [
    ...open(facts.restrictions).map((r) =>
      dutyFrom('lvuRestrictionReview', latestDate([r.decidedOn, ...r.reviewedOn])!, { subject: r.id }),
    ),
    ...open(facts.movingBans).map((b) =>
      dutyFrom('movingBanReview', latestDate([b.decidedOn, ...b.reviewedOn])!, { subject: b.id }),
    ),
  ];
}

/** A temporary ban's duties while in force: to the court within a week, the application within two weeks. */
function temporaryBanDuties(facts: ScheduleFacts): Duty[] {
  const { on, bans } = facts.temporaryBans ?? { on: '', bans: [] };
  return bans.flatMap((b) => temporaryBanState(b, on).duties.map((d) => ({ ...d, subject: b.id })));
}

/** Forms after which a voluntary placement may be followed up (23 kap. 2 §): family home, protected housing, HVB. */
const followUpForms: ReadonlySet<PlacementType> = new Set([
  'familyHome',
  'kinshipFamilyHome',
  'protectedHousing',
  'residentialCareHome',
  'specialYouthHome',
]);

/** After the end: the mandatory follow-up after LVU care (21 b–21 c §§), or a decided one (23 kap.). */
function followUpDuties(facts: ScheduleFacts): (Duty | null)[] {
  const { placement, child } = facts;
  const end = placement.end;
  const last = currentPeriod(placement);
  if (!end || !last || !underAge(child.birthDate, end.endedOn, 18)) return [];
  const followUp = facts.followUp ?? null;
  if (followUp?.endedOn) return [];
  if (isLvuCare(currentDecision(placement).basis)) {
    // When the reunion needs preparing, the follow-up starts once the child is home (21 b § andra stycket).
    const from = end.reunionPrepared ? (end.reunitedOn ?? null) : end.endedOn;
    if (!from) return [];
    if (!followUp?.startedOn) return [dutyFrom('lvuFollowUp', from, { immediate: true, subject: 'start' })];
    return [dutyFrom('lvuFollowUp', followUp.startedOn, { subject: 'end' })];
  }
  if (!followUp?.startedOn || !followUpForms.has(last.form)) return [];
  return [dutyFrom('placementFollowUp', end.endedOn, { subject: 'end' })];
}

/** Every duty of the placement still to be done, soonest first. */
export function placementDuties(facts: ScheduleFacts): Duty[] {
  const start = startedOn(facts.placement);
  const { court, application } = custodyDuties(facts);
  const duties: (Duty | null)[] = [];
  if (facts.placement.end) {
    duties.push(...followUpDuties(facts));
  } else {
    duties.push(court, application, carePlanDuty(facts, application));
    if (start) duties.push(...careDuties(facts, start), ...homeDuties(facts), ...reviewDuties(facts));
    duties.push(...temporaryBanDuties(facts));
  }
  return duties
    .filter((d): d is Duty => d !== null)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.rule.localeCompare(b.rule));
}

/** The last reconsideration or review actually made, null before the first (the API's `lastReconsideredOn`). */
export function lastReconsideredOn(facts: ScheduleFacts): IsoDate | null {
  const made = (facts.considerations ?? []).filter(
    (c) => c.kind === 'reconsideration' || c.kind === 'lvuReview',
  );
  return latestDate(made.map((c) => c.decidedOn));
}

/** The fields the API's placement resource carries (the fixed contract). */
export function placementResource(facts: ScheduleFacts) {
  const { placement } = facts;
  return {
    id: placement.id,
    childId: placement.childId,
    form: currentPeriod(placement)?.form ?? null,
    legalBasis: currentDecision(placement).basis,
    decidedOn: placement.decisions[0]!.decidedOn,
    startedOn: startedOn(placement),
    endedOn: placement.end?.endedOn ?? null,
    lastReconsideredOn: lastReconsideredOn(facts),
    duties: placementDuties(facts).map((d) => ({ rule: d.rule, dueOn: d.dueOn, reference: d.referenceText })),
  };
}
