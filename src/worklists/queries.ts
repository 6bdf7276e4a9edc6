import type { ExpressionBuilder, Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import {
  type CaseDeadline,
  deadlinesOf,
  lastMonth,
  metInPeriod,
  type OpenDeadline,
  openDeadlines,
  urgencyOrder,
} from '../cases/domain.ts';
import type { ChildCase, ChildCaseTable } from '../cases/schema.ts';
import type { Database } from '../platform/db/schema.ts';
import type { Report } from '../reports/schema.ts';

/** What the deadline rules read of a case and of a report (cases/domain.ts). */
const caseColumns = [
  'id',
  'child_id',
  'phase',
  'unit_id',
  'responsible_user_id',
  'opened_on',
  'immediate_protection',
  'initial_decided_on',
  'investigation_opened_on',
  'decided_on',
  'decision_outcome',
  'closed_on',
  'follow_up_planned',
  'follow_up_done_on',
] as const satisfies readonly (keyof ChildCase)[];

const reportColumns = [
  'id',
  'received_on',
  'protection_assessed_on',
  'feedback_requested',
  'feedback_sent_on',
  'joined_ongoing',
  'case_id',
  'linked_on',
] as const satisfies readonly (keyof Report)[];

const isProtection = (item: WorklistItem) => item.deadline.ruleId === 'protectionAssessment';

/**
 * What the start page always shows however long the list: immediate protection, protection
 * assessments, and whatever falls due today (docs/decisions/0061). Older overdue duties are
 * counted in the reminder and fill the rest of the room.
 */
export function isUrgent(item: WorklistItem): boolean {
  return item.immediate || isProtection(item) || item.urgency === 'dueToday';
}

/** Whose deadlines a worklist shows. */
export type WorklistScope =
  | { kind: 'intake' }
  | { kind: 'responsible'; userId: string }
  | { kind: 'unit'; unitId: string };

export interface WorklistItem extends OpenDeadline {
  caseId: string | null;
  childId: string | null;
  childName: string;
  /** The name as the reporter wrote it, before the report is linked to a registered child. */
  asReported: boolean;
  /** When the report of a report's deadline came in (its protection assessment is due that day). */
  receivedAt: Date | null;
  immediate: boolean;
  unassigned: boolean;
}

export interface Worklist {
  items: WorklistItem[];
  /** Deadlines that fell due last month, met on time or not (for managers). */
  lastMonth: { from: string; to: string; met: number; missed: number };
}

/**
 * The open deadlines of a worklist, immediate protection first, then by due date. Runs on any
 * Kysely (a transaction of an AccessScope for pages, the database for the e-mail digest's counts).
 */
export async function dueDeadlinesFor(
  db: Kysely<Database>,
  municipalityId: string,
  scope: WorklistScope,
  today: string,
): Promise<Worklist> {
  const period = lastMonth(today);
  // One statement for the cases with their reports and time-limit extensions, nested as JSON
  // (their dates are plain date strings either way): round trips cost more here than the rows.
  let casesQuery = db
    .selectFrom('child_case as c')
    .innerJoin('person as p', (join) =>
      join.onRef('p.municipality_id', '=', 'c.municipality_id').onRef('p.id', '=', 'c.child_id'),
    )
    .select(caseColumns.map((column) => `c.${column}` as const))
    .select(['p.given_name', 'p.family_name'])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('report as r')
          .select(reportColumns.map((column) => `r.${column}` as const))
          .select('r.received_at')
          .whereRef('r.municipality_id', '=', 'c.municipality_id')
          .whereRef('r.case_id', '=', 'c.id'),
      ).as('reports'),
      jsonArrayFrom(
        eb
          .selectFrom('deadline_extension as x')
          .select(['x.rule_id', 'x.extended_to'])
          .whereRef('x.municipality_id', '=', 'c.municipality_id')
          .whereRef('x.case_id', '=', 'c.id'),
      ).as('extensions'),
    ])
    .where('c.municipality_id', '=', municipalityId);
  const stillDue = (eb: ExpressionBuilder<Database & { c: ChildCaseTable }, 'c'>) =>
    eb.or([
      eb('c.phase', '<>', 'closed'),
      eb.and([eb('c.follow_up_planned', '=', true), eb('c.follow_up_done_on', 'is', null)]),
      // Closed cases stay in view for a month so last month's met deadlines can be counted.
      eb('c.closed_on', '>=', period.from),
    ]);
  if (scope.kind === 'intake')
    // Intake's: initial assessments, and feedback still owed to a reporter whatever came of it.
    casesQuery = casesQuery.where((eb) =>
      eb.or([
        eb('c.phase', '=', 'initialAssessment'),
        eb.exists(
          eb
            .selectFrom('report as fr')
            .select('fr.id')
            .whereRef('fr.municipality_id', '=', 'c.municipality_id')
            .whereRef('fr.case_id', '=', 'c.id')
            .where('fr.feedback_requested', '=', true)
            .where('fr.feedback_sent_on', 'is', null),
        ),
      ]),
    );
  else if (scope.kind === 'responsible')
    casesQuery = casesQuery.where('c.responsible_user_id', '=', scope.userId).where(stillDue);
  else casesQuery = casesQuery.where('c.unit_id', '=', scope.unitId).where(stillDue);
  const cases = await casesQuery.execute();

  // Reports not yet linked to a child's case: intake's all, a unit's those sent to it.
  const unlinked =
    scope.kind === 'responsible'
      ? []
      : await db
          .selectFrom('report')
          .select([
            ...reportColumns,
            'received_at',
            'child_given_name',
            'child_family_name',
            'protection_outcome',
          ])
          .where('municipality_id', '=', municipalityId)
          .where('case_id', 'is', null)
          .$if(scope.kind === 'unit', (q) =>
            q.where('unit_id', '=', scope.kind === 'unit' ? scope.unitId : ''),
          )
          .execute();

  const items: WorklistItem[] = [];
  const all: CaseDeadline[] = [];
  for (const c of cases) {
    const own = deadlinesOf(c, c.reports, c.extensions);
    all.push(...own);
    const intakeOnlyFeedback = scope.kind === 'intake' && c.phase !== 'initialAssessment';
    for (const d of openDeadlines(own, today)) {
      if (intakeOnlyFeedback && d.deadline.ruleId !== 'reporterFeedback') continue;
      // JSON carries the time of receipt as text.
      const received = c.reports.find((r) => r.id === d.reportId)?.received_at;
      items.push({
        ...d,
        caseId: c.id,
        childId: c.child_id,
        childName: `${c.given_name} ${c.family_name}`,
        asReported: false,
        receivedAt: received ? new Date(received) : null,
        immediate: c.immediate_protection,
        unassigned: c.phase === 'investigation' && !c.responsible_user_id,
      });
    }
  }
  for (const r of unlinked) {
    const own = deadlinesOf(null, [r]);
    all.push(...own);
    for (const d of openDeadlines(own, today)) {
      items.push({
        ...d,
        caseId: null,
        childId: null,
        childName: [r.child_given_name, r.child_family_name].filter(Boolean).join(' '),
        asReported: true,
        receivedAt: r.received_at,
        immediate: r.protection_outcome === 'immediateProtectionNeeded',
        unassigned: false,
      });
    }
  }
  items.sort(
    (a, b) =>
      Number(b.immediate) - Number(a.immediate) ||
      // A protection assessment is due the day the report came in: it goes before any older duty
      // (docs/decisions/0061), the earliest report first.
      Number(isProtection(b)) - Number(isProtection(a)) ||
      urgencyOrder(a.urgency) - urgencyOrder(b.urgency) ||
      a.deadline.dueDate.localeCompare(b.deadline.dueDate) ||
      (a.receivedAt?.getTime() ?? 0) - (b.receivedAt?.getTime() ?? 0),
  );
  return { items, lastMonth: { ...period, ...metInPeriod(all, period.from, period.to, today) } };
}
