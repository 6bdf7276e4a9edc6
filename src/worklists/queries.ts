import type { ExpressionBuilder, Kysely } from 'kysely';
import {
  type CaseDeadline,
  deadlinesOf,
  lastMonth,
  metInPeriod,
  type OpenDeadline,
  openDeadlines,
  urgencyOrder,
} from '../cases/domain.ts';
import type { ChildCaseTable, Database } from '../platform/db/schema.ts';

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
  let casesQuery = db
    .selectFrom('child_case as c')
    .innerJoin('person as p', (join) =>
      join.onRef('p.municipality_id', '=', 'c.municipality_id').onRef('p.id', '=', 'c.child_id'),
    )
    .selectAll('c')
    .select(['p.given_name', 'p.family_name'])
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
  const caseIds = cases.map((c) => c.id);

  let reportsQuery = db.selectFrom('report').selectAll().where('municipality_id', '=', municipalityId);
  reportsQuery =
    scope.kind === 'responsible'
      ? reportsQuery.where(
          'case_id',
          'in',
          caseIds.length ? caseIds : ['00000000-0000-0000-0000-000000000000'],
        )
      : reportsQuery.where((eb) =>
          eb.or([
            ...(caseIds.length ? [eb('case_id', 'in', caseIds)] : []),
            eb.and([
              eb('case_id', 'is', null),
              ...(scope.kind === 'unit' ? [eb('unit_id', '=', scope.unitId)] : []),
            ]),
          ]),
        );
  const reports = await reportsQuery.execute();
  const extensions = caseIds.length
    ? await db
        .selectFrom('deadline_extension')
        .select(['case_id', 'rule_id', 'extended_to'])
        .where('municipality_id', '=', municipalityId)
        .where('case_id', 'in', caseIds)
        .execute()
    : [];

  const items: WorklistItem[] = [];
  const all: CaseDeadline[] = [];
  for (const c of cases) {
    const own = deadlinesOf(
      c,
      reports.filter((r) => r.case_id === c.id),
      extensions.filter((e) => e.case_id === c.id),
    );
    all.push(...own);
    const intakeOnlyFeedback = scope.kind === 'intake' && c.phase !== 'initialAssessment';
    for (const d of openDeadlines(own, today)) {
      if (intakeOnlyFeedback && d.deadline.ruleId !== 'reporterFeedback') continue;
      items.push({
        ...d,
        caseId: c.id,
        childId: c.child_id,
        childName: `${c.given_name} ${c.family_name}`,
        asReported: false,
        immediate: c.immediate_protection,
        unassigned: c.phase === 'investigation' && !c.responsible_user_id,
      });
    }
  }
  for (const r of reports.filter((report) => !report.case_id)) {
    const own = deadlinesOf(null, [r]);
    all.push(...own);
    for (const d of openDeadlines(own, today)) {
      items.push({
        ...d,
        caseId: null,
        childId: null,
        childName: [r.child_given_name, r.child_family_name].filter(Boolean).join(' '),
        asReported: true,
        immediate: r.protection_outcome === 'immediateProtectionNeeded',
        unassigned: false,
      });
    }
  }
  items.sort(
    (a, b) =>
      Number(b.immediate) - Number(a.immediate) ||
      urgencyOrder(a.urgency) - urgencyOrder(b.urgency) ||
      a.deadline.dueDate.localeCompare(b.deadline.dueDate),
  );
  return { items, lastMonth: { ...period, ...metInPeriod(all, period.from, period.to, today) } };
}
