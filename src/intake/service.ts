import { type Kysely, sql } from 'kysely';
import {
  caseContextOf,
  deadlinesOf,
  requireText,
  type StepError,
  type StepRefusal,
} from '../cases/domain.ts';
import { caseById, historyOfChild } from '../cases/queries.ts';
import type { ChildCase } from '../cases/schema.ts';
import { isChild, parsePersonQuery } from '../people/domain.ts';
import { type PersonSummary, peopleMatching } from '../people/queries.ts';
import { seenInList } from '../people/service.ts';
import type { Resource } from '../platform/access/policy.ts';
import { type AccessScope, type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import { loadSections } from '../platform/features.ts';
import type { Report } from '../reports/schema.ts';
import type { ReportSection } from './sections.ts';

/** Intake: new reports, linking each to its child, the protection assessment and reporter feedback. */

/** Candidates are filtered on birth date and age after the search, so it fetches more than a search shows. */
const candidateLimit = 50;

export const reportResource = (r: Report, c: ChildCase | null | undefined): Resource => ({
  type: 'report',
  municipalityId: r.municipality_id,
  case: caseContextOf(c ?? null, r.unit_id),
});

const reportAudit = (r: Report, action: string, childId = r.child_id) => ({
  action,
  subjectPersonId: childId,
  recordType: 'report',
  recordId: r.id,
});

async function reportById(scope: AccessScope, id: string, forUpdate = false) {
  let q = scope.db
    .selectFrom('report')
    .selectAll()
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** How many reports one intake page shows; the rest are on the following pages, never dropped. */
export const intakePageSize = 50;

/**
 * Why a report waits, most urgent first: a child assessed as needing immediate protection whose
 * report is not yet linked (few, and nothing may hide them), then the protection assessments owed
 * the same day a report comes in, then linking to the child, then feedback to the reporter.
 */
export const intakeGroups = ['immediate', 'protection', 'link', 'feedback'] as const;
export type IntakeGroup = (typeof intakeGroups)[number];

/**
 * Reports that need intake's hand: not yet linked to a child, not yet assessed, feedback owed
 * (once there is an answer to give). Every one of them is on some page: ordered by urgency, then
 * by how long it has waited, and counted per group so the page can say what the others hold.
 */
export async function intakeList(db: Kysely<Database>, context: RequestContext, requestedPage = 1) {
  return withAccess(db, context, async (scope) => {
    scope.authorize('report.list', { type: 'reportRegister', municipalityId: scope.actor.municipalityId });
    const waiting = waitingReports(scope);
    const grouped = await waiting
      .select([groupOf.as('group_rank'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('group_rank')
      .execute();
    const counts = Object.fromEntries(intakeGroups.map((g) => [g, 0])) as Record<IntakeGroup, number>;
    for (const g of grouped) counts[intakeGroups[Number(g.group_rank)]!] = Number(g.n);
    const total = grouped.reduce((sum, g) => sum + Number(g.n), 0);
    const pages = Math.max(1, Math.ceil(total / intakePageSize));
    const page = Math.min(Math.max(1, requestedPage), pages);
    const rows = await waiting
      .select(intakeColumns)
      .select(groupOf.as('group_rank'))
      .orderBy('group_rank')
      .orderBy('r.received_at')
      .orderBy('r.id')
      .offset((page - 1) * intakePageSize)
      .limit(intakePageSize)
      .execute();
    await scope.audit(
      ...rows.map((r) => ({
        action: 'report.list',
        subjectPersonId: r.child_id,
        recordType: 'report',
        recordId: r.id,
      })),
    );
    const listed = rows.map((r) => ({ ...r, group: intakeGroups[Number(r.group_rank)]! }));
    // counts: how many wait in each group, over all pages.
    return { rows: listed, page, pages, total, counts };
  });
}

const groupOf = sql<number>`case
  when (r.protection_outcome = 'immediateProtectionNeeded' or c.immediate_protection)
    and (r.child_id is null or r.protection_outcome is null) then 0
  when r.protection_outcome is null then 1
  when r.child_id is null then 2
  else 3 end`;

const intakeColumns = [
  'r.id',
  'r.reference',
  'r.received_on',
  'r.received_at',
  'r.reporter_kind',
  'r.reporter_organisation_kind',
  'r.child_given_name',
  'r.child_family_name',
  'r.child_id',
  'r.case_id',
  'r.protection_outcome',
  'r.protection_assessed_on',
  'r.feedback_requested',
  'r.feedback_sent_on',
  'r.joined_ongoing',
  'r.linked_on',
  'r.unit_id',
  'c.phase',
  'c.initial_decided_on',
  'c.immediate_protection',
  'p.given_name',
  'p.family_name',
] as const;

function waitingReports(scope: AccessScope) {
  return (
    scope.db
      .selectFrom('report as r')
      .leftJoin('child_case as c', (join) =>
        join.onRef('c.municipality_id', '=', 'r.municipality_id').onRef('c.id', '=', 'r.case_id'),
      )
      .leftJoin('person as p', (join) =>
        join.onRef('p.municipality_id', '=', 'r.municipality_id').onRef('p.id', '=', 'r.child_id'),
      )
      .where('r.municipality_id', '=', scope.actor.municipalityId)
      // A manager sees the reports of their own unit only (the intake unit's manager: all new ones).
      .$if(scope.actor.role === 'manager', (q) => {
        const unitId = scope.actor.unitId;
        // A manager without a unit has no reports of their own.
        if (!unitId) return q.where(sql<boolean>`false`);
        return q.where((eb) => eb.or([eb('r.unit_id', '=', unitId), eb('c.unit_id', '=', unitId)]));
      })
      .where((eb) =>
        eb.or([
          eb('r.child_id', 'is', null),
          eb('r.protection_outcome', 'is', null),
          // Feedback is only owed once there is an answer to give.
          eb.and([
            eb('r.feedback_requested', '=', true),
            eb('r.feedback_sent_on', 'is', null),
            eb.or([
              eb('c.initial_decided_on', 'is not', null),
              eb.and([eb('r.joined_ongoing', '=', true), eb('c.phase', '<>', 'initialAssessment')]),
            ]),
          ]),
        ]),
      )
  );
}
export type IntakeListing = Awaited<ReturnType<typeof intakeList>>;
export type IntakeRow = IntakeListing['rows'][number];

/** One report with what intake needs beside it: its case, the child's history, candidates to link. */
export async function readReport(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  query: string | undefined,
  today: string,
  sections: readonly ReportSection[] = [],
) {
  return withAccess(db, context, async (scope) => {
    const report = await reportById(scope, id);
    if (!report) {
      scope.authorize('worklist.read', {
        type: 'worklist',
        municipalityId: scope.actor.municipalityId,
        unitId: scope.actor.unitId,
      });
      return null;
    }
    const c = report.case_id ? await caseById(scope, report.case_id) : null;
    scope.authorize('report.read', reportResource(report, c), { audit: reportAudit(report, 'report.read') });
    let candidates: PersonSummary[] = [];
    let child: PersonSummary | undefined;
    if (report.child_id) {
      child = await scope.db
        .selectFrom('person')
        .select([
          'id',
          'personal_number',
          'is_coordination_number',
          'given_name',
          'family_name',
          'birth_date',
          'protected_identity',
        ])
        .where('municipality_id', '=', report.municipality_id)
        .where('id', '=', report.child_id)
        .executeTakeFirst();
    } else {
      // Candidates: by the number the reporter gave, or by name and date of birth, or by a search.
      scope.authorize('person.search', {
        type: 'personRegister',
        municipalityId: scope.actor.municipalityId,
      });
      const typed = query?.trim();
      const auto = report.child_personal_number
        ? report.child_personal_number
        : [report.child_given_name, report.child_family_name].filter(Boolean).join(' ');
      const parsed = parsePersonQuery(typed || auto, today);
      candidates = await peopleMatching(scope, parsed, candidateLimit);
      if (!typed && report.child_birth_date && parsed.kind === 'name')
        candidates = candidates.filter((p) => p.birth_date === report.child_birth_date);
      candidates = candidates.filter((p) => isChild(p.birth_date, report.received_on));
    }
    const history = report.child_id ? await historyOfChild(scope, report.child_id) : null;
    // The children offered to link the report to were seen for this report: the trail says which.
    const seenForReport = seenInList(candidates).map((e) => ({
      ...e,
      recordType: 'report',
      recordId: report.id,
    }));
    await scope.audit(reportAudit(report, 'report.read'), ...seenForReport);
    const deadlines = deadlinesOf(c ?? null, [report]);
    const loaded = await loadSections(scope, sections, report);
    return {
      report,
      case: c ?? null,
      child: child ?? null,
      candidates,
      history,
      deadlines,
      sections: loaded,
    };
  });
}
export type ReportView = NonNullable<Awaited<ReturnType<typeof readReport>>>;

export type IntakeOutcome =
  | { ok: true; caseId?: string | null }
  | { ok: false; errors: StepError[] }
  | { ok: false; refusal: StepRefusal | 'notAChild' | 'noUnit' | 'concurrentChange' };

async function onReport(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  step: (scope: AccessScope, r: Report, c: ChildCase | null) => Promise<IntakeOutcome>,
  action = 'report.process',
): Promise<IntakeOutcome | null> {
  return withAccess(db, context, async (scope) => {
    const report = await reportById(scope, id, true);
    if (!report) {
      scope.authorize('worklist.read', {
        type: 'worklist',
        municipalityId: scope.actor.municipalityId,
        unitId: scope.actor.unitId,
      });
      return null;
    }
    const c = report.case_id ? ((await caseById(scope, report.case_id, true)) ?? null) : null;
    scope.authorize('report.process', reportResource(report, c), { audit: reportAudit(report, action) });
    const outcome = await step(scope, report, c);
    if (outcome.ok) {
      const after = await reportById(scope, id);
      await scope.audit(reportAudit(report, action, after?.child_id ?? report.child_id));
    }
    return outcome;
  });
}

/**
 * Links a report to its child. A child with an ongoing initial assessment or investigation has the
 * report joined to it; otherwise a new case starts, its initial assessment counted from the day
 * the report came in.
 */
export function linkReport(
  db: Kysely<Database>,
  context: RequestContext,
  reportId: string,
  childId: string,
  today: string,
) {
  return onReport(
    db,
    context,
    reportId,
    async (scope, report) => {
      if (report.child_id) return { ok: false, refusal: 'alreadyDone' };
      const child = await scope.db
        .selectFrom('person')
        .select(['id', 'birth_date'])
        .where('municipality_id', '=', report.municipality_id)
        .where('id', '=', childId)
        .executeTakeFirst();
      if (!child) return { ok: false, errors: [{ field: 'childId', code: 'invalid' }] };
      if (!isChild(child.birth_date, report.received_on)) return { ok: false, refusal: 'notAChild' };
      const immediate = report.protection_outcome === 'immediateProtectionNeeded';
      let open = await scope.db
        .selectFrom('child_case')
        .selectAll()
        .where('municipality_id', '=', report.municipality_id)
        .where('child_id', '=', child.id)
        .where('phase', '<>', 'closed')
        .forUpdate()
        .executeTakeFirst();
      let joined = false;
      if (open) {
        joined = open.phase === 'investigation';
        await scope.db
          .updateTable('child_case')
          .set((eb) => ({
            // The earliest report starts the clock.
            opened_on: [open!.opened_on, report.received_on].sort()[0] as string,
            immediate_protection: immediate ? true : eb.ref('immediate_protection'),
          }))
          .where('municipality_id', '=', report.municipality_id)
          .where('id', '=', open.id)
          .execute();
      } else {
        const unitId = report.unit_id ?? scope.actor.unitId;
        if (!unitId) return { ok: false, refusal: 'noUnit' };
        const created = await scope.db
          .insertInto('child_case')
          .values({
            municipality_id: report.municipality_id,
            child_id: child.id,
            unit_id: unitId,
            phase: 'initialAssessment',
            opened_on: report.received_on,
            immediate_protection: immediate,
          })
          // Another intake worker may have opened a case for the child a moment ago.
          .onConflict((oc) =>
            // A literal, not a parameter: a prepared statement (named, or the postgres client's)
            // cannot match a parameter to the partial index's predicate (decision 0142).
            oc.columns(['municipality_id', 'child_id']).where('phase', '<>', sql.lit('closed')).doNothing(),
          )
          .returningAll()
          .executeTakeFirst();
        if (!created) return { ok: false, refusal: 'concurrentChange' };
        open = created;
      }
      await scope.db
        .updateTable('report')
        .set({
          child_id: child.id,
          case_id: open.id,
          joined_ongoing: joined,
          linked_at: new Date(),
          linked_on: today,
          linked_by: scope.actor.userId,
        })
        .where('municipality_id', '=', report.municipality_id)
        .where('id', '=', report.id)
        .execute();
      return { ok: true, caseId: open.id };
    },
    'report.link',
  );
}

/** The protection assessment, recorded the day the report came in; immediate need raises the case. */
export function assessProtection(
  db: Kysely<Database>,
  context: RequestContext,
  reportId: string,
  input: { outcome?: string | undefined; reasoning?: string | undefined },
  today: string,
) {
  return onReport(
    db,
    context,
    reportId,
    async (scope, report, c) => {
      if (report.protection_outcome) return { ok: false, refusal: 'alreadyDone' };
      const errors: StepError[] = [];
      const outcome = input.outcome;
      if (outcome !== 'immediateProtectionNeeded' && outcome !== 'noImmediateProtection')
        errors.push({ field: 'outcome', code: 'required' });
      const reasoning = requireText(errors, 'reasoning', input.reasoning, { max: 10_000 });
      if (errors.length) return { ok: false, errors };
      await scope.db
        .updateTable('report')
        .set({
          protection_outcome: outcome as 'immediateProtectionNeeded' | 'noImmediateProtection',
          protection_reasoning: reasoning,
          protection_assessed_on: today,
          protection_assessed_by: scope.actor.userId,
        })
        .where('municipality_id', '=', report.municipality_id)
        .where('id', '=', report.id)
        .execute();
      if (c && outcome === 'immediateProtectionNeeded') {
        await scope.db
          .updateTable('child_case')
          .set({ immediate_protection: true })
          .where('municipality_id', '=', c.municipality_id)
          .where('id', '=', c.id)
          .execute();
      }
      return { ok: true };
    },
    'report.protectionAssessment',
  );
}

/**
 * Feedback to a professional reporter who asked for it: sent (its text kept) or, when it would
 * not be appropriate with regard to the child, withheld with the reason (SoL 14:1 a).
 */
export function recordFeedback(
  db: Kysely<Database>,
  context: RequestContext,
  reportId: string,
  input: { mode?: string | undefined; text?: string | undefined; withheldReason?: string | undefined },
  today: string,
) {
  return onReport(
    db,
    context,
    reportId,
    async (scope, report, c) => {
      if (!report.feedback_requested) return { ok: false, refusal: 'wrongPhase' };
      if (report.feedback_sent_on) return { ok: false, refusal: 'alreadyDone' };
      const answered = c?.initial_decided_on || (report.joined_ongoing && c?.phase !== 'initialAssessment');
      if (!answered) return { ok: false, refusal: 'notDecided' };
      const errors: StepError[] = [];
      const withheld = input.mode === 'withheld';
      if (input.mode !== 'sent' && !withheld) errors.push({ field: 'mode', code: 'required' });
      const text = requireText(errors, 'feedbackText', input.text, { optional: withheld, max: 5000 });
      const reason = requireText(errors, 'withheldReason', input.withheldReason, {
        optional: !withheld,
        min: 10,
        max: 2000,
      });
      if (errors.length) return { ok: false, errors };
      await scope.db
        .updateTable('report')
        .set({
          feedback_text: withheld ? null : text,
          feedback_withheld_reason: withheld ? reason : null,
          feedback_sent_on: today,
          feedback_sent_by: scope.actor.userId,
        })
        .where('municipality_id', '=', report.municipality_id)
        .where('id', '=', report.id)
        .execute();
      return { ok: true };
    },
    'report.feedback',
  );
}
