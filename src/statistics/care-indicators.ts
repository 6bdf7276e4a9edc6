import { addDays, addMonths, type IsoDate } from '../deadlines/calendar.ts';
import { computeDeadline } from '../deadlines/deadlines.ts';
import type { DeadlineRuleId } from '../deadlines/rules.ts';
import { type Figure, inScope, type Scope, shareFigure, Tally } from './figures.ts';
import type {
  CareBasis,
  CarePlanRow,
  CareRow,
  FavourableDecisionRow,
  PlacementPeriodRow,
  PrivateTalkRow,
  ReconsiderationRow,
} from './inputs.ts';
import { groupBy, oncePerList } from './once-per-list.ts';
import { contains, daysIn, earlier, overlap, spanUntil } from './periods.ts';

/**
 * Figures of out-of-home care and of favourable decisions not carried out. Placements are
 * designed elsewhere (src/placements/); these need only the plain rows of ./inputs.ts.
 */

/** The day a state is measured on: the period's last day, or today while the period runs. */
export function measuredOn(scope: Scope): IsoDate {
  return earlier(scope.period.to, scope.today);
}

function placementOn(periods: readonly PlacementPeriodRow[], careId: string, day: IsoDate) {
  return byCare(periods)
    .get(careId)
    ?.find((p) => p.startedOn <= day && (p.endedOn === null || p.endedOn >= day));
}

const grouped = oncePerList((rows: readonly { careId: string }[]) => groupBy(rows, (r) => r.careId));
const positions = oncePerList((rows: readonly { careId: string }[]) =>
  groupBy(
    rows.map((_, i) => i),
    (i) => rows[i]!.careId,
  ),
);

/** The rows of each care, in their order; grouped once per list. */
function byCare<T extends { careId: string }>(rows: readonly T[]): Map<string, T[]> {
  return grouped(rows) as Map<string, T[]>;
}

/** Where the rows of these cares stand in the list, in the list's order. */
function positionsOf(rows: readonly { careId: string }[], careIds: Iterable<string>): number[] {
  const map = positions(rows);
  const found: number[] = [];
  for (const id of careIds) for (const i of map.get(id) ?? []) found.push(i);
  return found.sort((a, b) => a - b);
}

/**
 * Whether the care plan is current on a day: one exists, and once the child has been placed two
 * years it has been revised at least once (9 kap. 13 § andra stycket SoL: "senast när barnet har
 * varit placerat i två år").
 */
export function carePlanCurrent(care: CareRow, plans: readonly CarePlanRow[], day: IsoDate): boolean {
  const versions = plans.filter((p) => p.kind === 'carePlan' && p.establishedOn <= day);
  if (versions.length === 0) return false;
  const twoYears = care.startedOn ? addMonths(care.startedOn, 24) : null;
  return twoYears === null || day < twoYears || versions.length >= 2;
}

/** Whether the implementation plan is current: the latest version's own follow-up is not overdue. */
export function implementationPlanCurrent(plans: readonly CarePlanRow[], day: IsoDate): boolean {
  const latest = plans
    .filter((p) => p.kind === 'implementationPlan' && p.establishedOn <= day)
    .sort((a, b) => a.establishedOn.localeCompare(b.establishedOn))
    .at(-1);
  return !!latest && (latest.followUpOn === null || latest.followUpOn >= day);
}

const planOutcomes = ['both', 'carePlanOnly', 'implementationPlanOnly', 'neither'] as const;

/**
 * Children placed on the measuring day, and whether each has a current care plan and
 * implementation plan (9 kap. 12 § SoL). Immediate custody (6 § LVU) is left out: its care plan
 * comes with the application for care (4 § LVU), not before.
 */
export function placedChildrenWithCurrentPlans(
  cares: readonly CareRow[],
  periods: readonly PlacementPeriodRow[],
  plans: readonly CarePlanRow[],
  scope: Scope,
): Figure {
  const day = measuredOn(scope);
  const plansOf = byCare(plans);
  const tally = new Tally([...planOutcomes, 'placed']);
  const seen = new Set<string>();
  for (const care of cares) {
    if (care.basis === 'lvu6' || !care.startedOn || care.startedOn > day) continue;
    if ((care.endedOn !== null && care.endedOn < day) || !inScope(scope, care.unitId)) continue;
    if (!placementOn(periods, care.id, day) || seen.has(care.childId)) continue;
    seen.add(care.childId);
    const own = plansOf.get(care.id) ?? [];
    const carePlan = carePlanCurrent(care, own, day);
    const implementation = implementationPlanCurrent(own, day);
    const outcome =
      carePlan && implementation
        ? 'both'
        : carePlan
          ? 'carePlanOnly'
          : implementation
            ? 'implementationPlanOnly'
            : 'neither';
    tally.add(outcome, care.id);
    tally.add('placed', care.id);
  }
  return shareFigure('placedChildrenWithCurrentPlans', tally, {
    parts: planOutcomes,
    numerator: ['both'],
    total: 'placed',
  });
}

/** The clock rule for a care's reconsiderations: överväga (SoL, 2 § LVU) or pröva (3 § LVU). */
export function reconsiderationRule(basis: CareBasis): DeadlineRuleId | null {
  if (basis === 'sol' || basis === 'lvu2') return 'placementReconsideration';
  if (basis === 'lvu3') return 'lvuReview';
  return null;
}

/**
 * Each six-monthly reconsideration that fell due in the period, and whether one was held in its
 * window: after the previous due date (or from the start) and on or before its own. The due dates
 * are the clock's (counted from the day the care was carried out, never drifting), so the figure
 * agrees with what the worklist told the worker.
 */
export function reconsiderationsOnTime(
  cares: readonly CareRow[],
  reconsiderations: readonly ReconsiderationRow[],
  scope: Scope,
): Figure {
  const heldOf = byCare(reconsiderations);
  const tally = new Tally(['onTime', 'notOnTime', 'due']);
  for (const care of cares) {
    const rule = reconsiderationRule(care.basis);
    if (!rule || !care.startedOn || !inScope(scope, care.unitId)) continue;
    const held = (heldOf.get(care.id) ?? []).map((r) => r.heldOn);
    let windowStart = care.startedOn;
    for (let k = 0; ; k++) {
      const due = computeDeadline(rule, care.startedOn, { occurrence: k }).dueDate;
      if (due > scope.period.to || due >= scope.today || (care.endedOn !== null && due > care.endedOn)) break;
      if (due >= scope.period.from) {
        const onTime = held.some((day) => day >= windowStart && day <= due);
        const rowId = `${care.id}#${k + 1}`;
        tally.add(onTime ? 'onTime' : 'notOnTime', rowId);
        tally.add('due', rowId);
      }
      windowStart = addDays(due, 1);
    }
  }
  return shareFigure('reconsiderationsOnTime', tally, {
    parts: ['onTime', 'notOnTime'],
    numerator: ['onTime'],
    total: 'due',
  });
}

/** A stretch of days as years, each day a share of its own calendar year, so a whole year is 1. */
export function yearsIn(from: IsoDate, to: IsoDate): number {
  let years = 0;
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    const year = { from: `${y}-01-01`, to: `${y}-12-31` };
    const part = overlap(year, { from, to });
    if (part) years += daysIn(part) / daysIn(year);
  }
  return years;
}

/**
 * Private talks with placed children per child-year placed (22 kap. 11 § 2 SoL): the talks held
 * in the period over the time children spent placed in it. Placed children without any talk in
 * the period are counted too, since a mean can hide them.
 */
export function privateTalksPerPlacedChildYear(
  cares: readonly CareRow[],
  periods: readonly PlacementPeriodRow[],
  talks: readonly PrivateTalkRow[],
  scope: Scope,
): Figure {
  const until = earlier(scope.period.to, scope.today);
  const careOf = new Map(cares.map((c) => [c.id, c]));
  const tally = new Tally(['talks', 'placedChildren', 'childrenWithTalk', 'childrenWithoutTalk']);
  let childYears = 0;
  const placed = new Map<string, string>();
  // Only the periods and talks of these cares, in the lists' order (a unit's share of a city's).
  for (const i of positionsOf(periods, careOf.keys())) {
    const p = periods[i]!;
    const care = careOf.get(p.careId);
    if (!care || !inScope(scope, care.unitId)) continue;
    const span = spanUntil(p.startedOn, p.endedOn, until);
    const part = span && overlap(span, scope.period);
    if (!part) continue;
    childYears += yearsIn(part.from, part.to);
    placed.set(care.childId, care.id);
  }
  const talked = new Set<string>();
  for (const i of positionsOf(talks, careOf.keys())) {
    const t = talks[i]!;
    const care = careOf.get(t.careId);
    if (!care || !placed.has(care.childId) || !contains(scope.period, t.heldOn) || t.heldOn > until) continue;
    tally.add('talks', `${t.careId}@${t.heldOn}`);
    talked.add(care.childId);
  }
  for (const [child, careId] of placed) {
    tally.add('placedChildren', careId);
    tally.add(talked.has(child) ? 'childrenWithTalk' : 'childrenWithoutTalk', careId);
  }
  const talkCount = tally.count('talks');
  return {
    id: 'privateTalksPerPlacedChildYear',
    value: childYears > 0 ? talkCount / childYears : null,
    numerator: talkCount,
    denominator: childYears,
    cells: tally.cells,
    lines: [{ members: ['childrenWithTalk', 'childrenWithoutTalk'], total: 'placedChildren' }],
    valueFrom: ['talks', 'placedChildren'],
    rows: tally.rows,
  };
}

/**
 * The last day a favourable decision may wait: three months from the day of the decision (34 kap.
 * 1 § SoL), the same day number three months on. Not moved off a weekend: it is the day after
 * which the duty to report arises, not a last day for an action (lag 1930:173 does not apply).
 */
export function threeMonthMark(day: IsoDate): IsoDate {
  return addMonths(day, 3);
}

/**
 * Of the reportable decisions whose three months ended in the period, the share not carried out
 * by then. A decision that stopped applying before its three months were up is not counted;
 * interrupted executions not resumed within three months are counted apart (34 kap. 1 § andra
 * stycket).
 */
export function decisionsNotCarriedOutWithin3Months(
  decisions: readonly FavourableDecisionRow[],
  scope: Scope,
): Figure {
  const tally = new Tally([
    'carriedOutInTime',
    'notCarriedOut',
    'due',
    'resumedInTime',
    'notResumed',
    'interrupted',
  ]);
  const by = (day: IsoDate | null, mark: IsoDate) => day !== null && day <= mark && day <= scope.today;
  for (const d of decisions) {
    if (!d.reportable || !inScope(scope, d.unitId)) continue;
    const mark = threeMonthMark(d.decidedOn);
    if (
      contains(scope.period, mark) &&
      mark < scope.today &&
      !(by(d.endedOn, mark) && !by(d.carriedOutOn, mark))
    ) {
      tally.add(by(d.carriedOutOn, mark) ? 'carriedOutInTime' : 'notCarriedOut', d.id);
      tally.add('due', d.id);
    }
    if (d.interruptedOn) {
      const again = threeMonthMark(d.interruptedOn);
      if (contains(scope.period, again) && again < scope.today && !by(d.endedOn, again)) {
        tally.add(by(d.resumedOn, again) ? 'resumedInTime' : 'notResumed', d.id);
        tally.add('interrupted', d.id);
      }
    }
  }
  return shareFigure('decisionsNotCarriedOutWithin3Months', tally, {
    parts: ['carriedOutInTime', 'notCarriedOut'],
    numerator: ['notCarriedOut'],
    total: 'due',
    extraLines: [{ members: ['resumedInTime', 'notResumed'], total: 'interrupted' }],
  });
}
