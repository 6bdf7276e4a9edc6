import { addMonths, daysBetween, type IsoDate } from '../deadlines/calendar.ts';
import { computeDeadline } from '../deadlines/deadlines.ts';
import type { DeadlineRuleId } from '../deadlines/rules.ts';
import type { IndicatorId } from './catalogue.ts';
import { daysFigure, type Figure, inScope, type Scope, shareFigure, Tally, tableFigure } from './figures.ts';
import type { CaseRow, ExtensionRow, ReportRow } from './inputs.ts';
import { groupBy, oncePerList } from './once-per-list.ts';
import { contains } from './periods.ts';

/**
 * The figures of the case flow: the statutory limits kept, days to a decision, what reports led
 * to, and children reported again after their case closed. Pure: rows in, figures out.
 */

/** How a time limit that fell due turned out. Extended ones are kept apart (20 kap. 2–3 §§ SoL). */
export const deadlineOutcomes = [
  'within',
  'late',
  'overdue',
  'extendedInTime',
  'extendedLate',
  'extendedPending',
] as const;
export type DeadlineOutcome = (typeof deadlineOutcomes)[number];

export function deadlineOutcome(
  dueDate: IsoDate,
  done: IsoDate | null,
  extendedTo: IsoDate | null,
  today: IsoDate,
): DeadlineOutcome {
  // Judged as it stood on `today`: a completion dated later had not happened yet.
  const completedOn = done !== null && done <= today ? done : null;
  if (completedOn !== null && completedOn <= dueDate) return 'within';
  if (extendedTo !== null) {
    if (completedOn !== null) return completedOn <= extendedTo ? 'extendedInTime' : 'extendedLate';
    return extendedTo < today ? 'extendedLate' : 'extendedPending';
  }
  return completedOn !== null ? 'late' : 'overdue';
}

function latestExtensions(extensions: readonly ExtensionRow[], ruleId: ExtensionRow['ruleId']) {
  const latest = new Map<string, IsoDate>();
  for (const e of extensions) {
    if (e.ruleId !== ruleId) continue;
    const known = latest.get(e.caseId);
    if (!known || e.extendedTo > known) latest.set(e.caseId, e.extendedTo);
  }
  return latest;
}

// A year's page judges tens of thousands of limits that start on a few hundred distinct days:
// the due date of a rule and a start day never changes, so it is worked out once.
const dueDates = new Map<string, IsoDate>();
function dueDateOf(ruleId: DeadlineRuleId, start: IsoDate): IsoDate {
  const key = `${ruleId}:${start}`;
  let due = dueDates.get(key);
  if (due === undefined) {
    due = computeDeadline(ruleId, start).dueDate;
    // Bounded by rules × calendar days; cleared rather than grown without end.
    if (dueDates.size > 100_000) dueDates.clear();
    dueDates.set(key, due);
  }
  return due;
}

/**
 * Lookups built once per list of rows, so computing the same figures for every unit on a page
 * does not rebuild them per unit.
 */
const caseIndex = oncePerList(
  (cases: readonly CaseRow[]): Map<string, CaseRow> => new Map(cases.map((c) => [c.id, c])),
);

/** The days each child was reported on, in the reports' order. */
const reportDays = oncePerList((reports: readonly ReportRow[]): Map<string, IsoDate[]> => {
  const byChild = groupBy(
    reports.filter((r) => r.childId),
    (r) => r.childId as string,
  );
  return new Map([...byChild].map(([child, rows]) => [child, rows.map((r) => r.receivedOn)]));
});

/** How to read a limit off a row: its unit, the day its clock started, the day it was met. */
interface Clock<Row> {
  unitId: (row: Row) => string | null;
  start: (row: Row) => IsoDate | null;
  completedOn: (row: Row) => IsoDate | null;
}

/**
 * The share of limits that fell due in the period and were met without an extension. A limit
 * belongs to the period its due date (the statutory date moved to the next weekday, lag 1930:173)
 * falls in, and only once that day has passed, so a period's figure stops changing when it ends.
 */
function deadlineFigure<Row extends { id: string }>(
  id: IndicatorId,
  ruleId: DeadlineRuleId & ExtensionRow['ruleId'],
  rows: readonly Row[],
  clock: Clock<Row>,
  extensions: readonly ExtensionRow[],
  scope: Scope,
): Figure {
  const extendedTo = latestExtensions(extensions, ruleId);
  const tally = new Tally([...deadlineOutcomes, 'due']);
  for (const row of rows) {
    const start = clock.start(row);
    if (start === null || !inScope(scope, clock.unitId(row))) continue;
    const due = dueDateOf(ruleId, start);
    if (!contains(scope.period, due) || due >= scope.today) continue;
    tally.add(
      deadlineOutcome(due, clock.completedOn(row), extendedTo.get(row.id) ?? null, scope.today),
      row.id,
    );
    tally.add('due', row.id);
  }
  return shareFigure(id, tally, { parts: deadlineOutcomes, numerator: ['within'], total: 'due' });
}

/** Initial assessments decided within 14 days of the report (20 kap. 2 § SoL), by the intake unit. */
export function initialAssessmentWithin14Days(
  cases: readonly CaseRow[],
  extensions: readonly ExtensionRow[],
  scope: Scope,
): Figure {
  return deadlineFigure(
    'initialAssessmentWithin14Days',
    'initialAssessment',
    cases,
    {
      unitId: (c) => c.intakeUnitId ?? c.unitId,
      start: (c) => c.openedOn,
      completedOn: (c) => c.initialDecidedOn,
    },
    extensions,
    scope,
  );
}

/** Investigations completed (decided) within four months of opening (20 kap. 3 § SoL). */
export function investigationWithin4Months(
  cases: readonly CaseRow[],
  extensions: readonly ExtensionRow[],
  scope: Scope,
): Figure {
  return deadlineFigure(
    'investigationWithin4Months',
    'investigation',
    cases,
    { unitId: (c) => c.unitId, start: (c) => c.investigationOpenedOn, completedOn: (c) => c.decidedOn },
    extensions,
    scope,
  );
}

/** Days from opening an investigation to its decision, for investigations decided in the period. */
export function daysOpeningToDecision(cases: readonly CaseRow[], scope: Scope): Figure {
  const tally = new Tally(['decided']);
  const days: number[] = [];
  for (const c of cases) {
    if (!c.investigationOpenedOn || !c.decidedOn || !contains(scope.period, c.decidedOn)) continue;
    if (c.decidedOn > scope.today || !inScope(scope, c.unitId)) continue;
    days.push(daysBetween(c.investigationOpenedOn, c.decidedOn));
    tally.add('decided', c.id);
  }
  return daysFigure('daysOpeningToDecision', days, tally, 'decided');
}

/**
 * Of the reports received in the period whose initial assessment is done, the share that led to
 * (or joined) an investigation. Reports still being assessed are counted apart.
 */
export function reportsInvestigated(
  reports: readonly ReportRow[],
  cases: readonly CaseRow[],
  scope: Scope,
): Figure {
  const caseOf = caseIndex(cases);
  const tally = new Tally(['investigated', 'notInvestigated', 'pending', 'assessed', 'received']);
  for (const r of reports) {
    if (!contains(scope.period, r.receivedOn) || r.receivedOn > scope.today) continue;
    if (!inScope(scope, r.unitId)) continue;
    const c = r.caseId ? caseOf.get(r.caseId) : undefined;
    const outcome =
      r.joinedOngoing || c?.initialDecision === 'openInvestigation'
        ? 'investigated'
        : c?.initialDecision === 'noInvestigation'
          ? 'notInvestigated'
          : 'pending';
    tally.add(outcome, r.id);
    if (outcome !== 'pending') tally.add('assessed', r.id);
    tally.add('received', r.id);
  }
  return shareFigure('reportsInvestigated', tally, {
    parts: ['investigated', 'notInvestigated'],
    numerator: ['investigated'],
    total: 'assessed',
    extraLines: [{ members: ['assessed', 'pending'], total: 'received' }],
  });
}

export const closureKinds = ['noInvestigation', 'noIntervention', 'afterInterventions'] as const;
export type ClosureKind = (typeof closureKinds)[number];

export function closureKindOf(c: CaseRow): ClosureKind {
  if (c.initialDecision === 'noInvestigation') return 'noInvestigation';
  return c.decisionOutcome === 'interventions' ? 'afterInterventions' : 'noIntervention';
}

const reportAgainOutcomes = ['reportedAgain', 'notReportedAgain'] as const;

/**
 * Of the cases closed in the period, the share whose child was reported again within twelve
 * months after the closing day. A case closed less than twelve months ago cannot be judged yet
 * and is counted apart (`notYetObserved`), not as "not reported again".
 */
export function newReportWithin12MonthsAfterClosure(
  cases: readonly CaseRow[],
  reports: readonly ReportRow[],
  scope: Scope,
): Figure {
  const daysOf = reportDays(reports);
  const cellNames = reportAgainOutcomes.flatMap((o) => closureKinds.map((k) => `${o}|${k}`));
  const tally = new Tally([...cellNames, 'notYetObserved']);
  for (const c of cases) {
    if (!c.closedOn || !contains(scope.period, c.closedOn) || !inScope(scope, c.unitId)) continue;
    const closedOn = c.closedOn;
    const end = addMonths(closedOn, 12);
    if (end >= scope.today) {
      tally.add('notYetObserved', c.id);
      continue;
    }
    const again = (daysOf.get(c.childId) ?? []).some((day) => day > closedOn && day <= end);
    tally.add(`${again ? 'reportedAgain' : 'notReportedAgain'}|${closureKindOf(c)}`, c.id);
  }
  const table = tableFigure(
    'newReportWithin12MonthsAfterClosure',
    tally,
    reportAgainOutcomes,
    closureKinds,
    'observed',
  );
  const reportedAgain = tally.count('reportedAgain|*');
  const observed = tally.count('observed');
  tally.cells.closed = observed + tally.count('notYetObserved');
  return {
    ...table,
    value: observed === 0 ? null : reportedAgain / observed,
    numerator: reportedAgain,
    denominator: observed,
    lines: [...table.lines, { members: ['observed', 'notYetObserved'], total: 'closed' }],
    valueFrom: ['reportedAgain|*', 'observed'],
  };
}
