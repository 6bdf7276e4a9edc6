import type { Kysely } from 'kysely';
import { createReader, type Outcome } from '../collaboration/form.ts';
import { recordChange } from '../collaboration/history.ts';
import type { CoordinatorScope } from '../collaboration/municipalities.ts';
import { changesOf } from '../good-practice/queries.ts';
import { writeAuditEvents } from '../platform/audit/audit.ts';
import type { Database } from '../platform/db/schema.ts';
import { conflict, notFound } from '../platform/http/errors.ts';
import type { Coordinator } from './coordinator-gate.ts';
import { planInScope } from './coordinator-queries.ts';
import { visitTexts } from './i18n/index.ts';
import { organisationsOf, planOrganisationIds } from './queries.ts';
import { planContents } from './service.ts';
import {
  type FollowUpInput,
  type PlanSnapshot,
  planSnapshot,
  snapshotDigest,
  tasksFromNextSteps,
  type VisitInput,
  type VisitStep,
  validateFollowUp,
  validateVisit,
  visitStepRefusal,
} from './visits.ts';

/**
 * Follow-up visits (docs/decisions/0104, 0108): the coordinator records them on a plan of a
 * municipality in scope. Every change is one transaction with its visible history and an audit
 * event in the municipality's chain, with no municipal actor and the reason `coordinator:<id>`
 * (as the installation operator's acts are written, decision 0086). Nothing here is about a child.
 */

type Failure = Extract<Outcome<unknown, string>, { ok: false }>;

async function audit(
  db: Kysely<Database>,
  coordinator: Coordinator,
  municipalityId: string,
  action: string,
  recordType: string,
  recordId: string,
  clientAddress: string | null,
) {
  await writeAuditEvents(db, { municipalityId, actor: null, clientAddress }, [
    { action, recordType, recordId, reason: `coordinator:${coordinator.id}` },
  ]);
  await db
    .insertInto('collaboration_change')
    .values({
      record_type: recordType,
      record_id: recordId,
      action,
      fields: [],
      confirmed_warnings: '[]',
      note: '',
      actor_user_id: null,
      actor_name: coordinator.office ? `${coordinator.name}, ${coordinator.office}` : coordinator.name,
    })
    .execute();
}

export async function createVisit(
  db: Kysely<Database>,
  coordinator: Coordinator,
  planId: string,
  input: VisitInput,
  confirmed: boolean,
  today: string,
  clientAddress: string | null,
): Promise<{ ok: true; id: string } | Failure> {
  return db.transaction().execute(async (trx) => {
    const found = await planInScope(trx, coordinator.scope, planId);
    if (!found) throw notFound();
    const organisations = await organisationsOf(trx, found.plan.municipality_id);
    const outcome = validateVisit(
      {
        ...input,
        visitors: [
          { name: coordinator.name, organisation: coordinator.office || '–', userId: coordinator.id },
          ...(input.visitors ?? []),
        ],
      },
      {
        guard: { today, confirmed, knownNames: organisations.map((o) => o.name) },
        organisationIds: organisations.map((o) => o.id),
      },
    );
    if (!outcome.ok) return outcome;
    const v = outcome.value;
    const visit = await trx
      .insertInto('plan_visit')
      .values({
        municipality_id: found.plan.municipality_id,
        plan_id: planId,
        visited_on: v.visitedOn,
        place: v.place,
        status: 'planned',
        created_by: coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('plan_visit_visitor')
      .values(
        v.visitors.map((x, position) => ({
          visit_id: visit.id,
          position,
          // Only the signed-in coordinator is linked to an account; others are named.
          coordinator_id: x.userId === coordinator.id ? coordinator.id : null,
          name: x.name,
          organisation: x.organisation,
        })),
      )
      .execute();
    if (v.attendees.length)
      await trx
        .insertInto('plan_visit_attendee')
        .values(
          v.attendees.map((a, position) => ({
            visit_id: visit.id,
            position,
            name: a.name,
            role: a.role,
            organisation_id: a.organisationId,
            organisation_name: a.organisationName,
          })),
        )
        .execute();
    await audit(
      trx,
      coordinator,
      found.plan.municipality_id,
      'visit.create',
      'visit',
      visit.id,
      clientAddress,
    );
    return { ok: true, id: visit.id };
  });
}

/** A visit of a municipality in scope with everything its page shows; undefined when not in scope. */
export async function visitInScope(db: Kysely<Database>, scope: CoordinatorScope, visitId: string) {
  const visit = await db.selectFrom('plan_visit').selectAll().where('id', '=', visitId).executeTakeFirst();
  if (!visit) return undefined;
  const found = await planInScope(db, scope, visit.plan_id);
  if (!found) return undefined;
  return { visit, ...found, ...(await visitParts(db, visit.id)) };
}

async function visitParts(db: Kysely<Database>, visitId: string) {
  const [visitors, attendees, findings, tasks, snapshot, changes] = await Promise.all([
    db
      .selectFrom('plan_visit_visitor')
      .selectAll()
      .where('visit_id', '=', visitId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('plan_visit_attendee')
      .selectAll()
      .where('visit_id', '=', visitId)
      .orderBy('position')
      .execute(),
    db.selectFrom('plan_visit_finding').selectAll().where('visit_id', '=', visitId).execute(),
    db
      .selectFrom('plan_visit_task')
      .selectAll()
      .where('visit_id', '=', visitId)
      .orderBy('position')
      .execute(),
    db.selectFrom('plan_visit_snapshot').selectAll().where('visit_id', '=', visitId).executeTakeFirst(),
    changesOf(db, 'visit', visitId),
  ]);
  return { visitors, attendees, findings, tasks, snapshot, changes };
}
export type VisitPage = NonNullable<Awaited<ReturnType<typeof visitInScope>>>;

/** Opens a visit in scope for a step, locked; 404 outside the scope, 409 with the reason when refused. */
async function openForStep(
  trx: Kysely<Database>,
  coordinator: Coordinator,
  visitId: string,
  step: VisitStep,
  today: string,
  report = '',
) {
  const visit = await trx
    .selectFrom('plan_visit')
    .selectAll()
    .where('id', '=', visitId)
    .forUpdate()
    .executeTakeFirst();
  if (!visit) throw notFound();
  const found = await planInScope(trx, coordinator.scope, visit.plan_id);
  if (!found) throw notFound();
  const visitors = await trx
    .selectFrom('plan_visit_visitor')
    .select('coordinator_id')
    .where('visit_id', '=', visitId)
    .execute();
  const refusal = visitStepRefusal(
    step,
    {
      status: visit.status,
      visitedOn: visit.visited_on,
      visitorUserIds: visitors.flatMap((v) => (v.coordinator_id ? [v.coordinator_id] : [])),
      report,
    },
    coordinator.id,
    today,
  );
  if (refusal) throw conflict((lang) => visitTexts(lang).refusals[refusal]);
  return { visit, plan: found.plan };
}

/** The visit is held: the plan as it stands today is frozen with the visit, once. */
export async function holdVisit(
  db: Kysely<Database>,
  coordinator: Coordinator,
  visitId: string,
  today: string,
  clientAddress: string | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { visit, plan } = await openForStep(trx, coordinator, visitId, 'hold', today);
    const contents = await planContents(trx, plan, await planOrganisationIds(trx, plan.id), today);
    const snapshot: PlanSnapshot = planSnapshot(
      today,
      {
        id: plan.id,
        version: plan.version,
        title: plan.title,
        status: plan.status,
        adoptedByBody: plan.adopted_by_body,
        adoptedOn: plan.adopted_on,
        deadline: plan.deadline,
      },
      contents.areas.map((a) => ({
        area: a.area as PlanSnapshot['areas'][number]['area'],
        title: a.title,
        rationale: a.rationale,
        themes: a.themes as PlanSnapshot['areas'][number]['themes'],
        measures: contents.measures
          .filter((m) => m.areaPosition === a.position)
          .map((m) => ({
            id: m.id,
            title: m.title,
            status: m.status,
            ownerRole: m.ownerRole,
            dueOn: m.dueOn,
            evidence: m.evidence,
          })),
        indicators: contents.indicators
          .filter((i) => i.areaPosition === a.position)
          .map((i) => ({ indicator: i.indicator, current: i.current })),
      })),
    );
    await trx
      .insertInto('plan_visit_snapshot')
      .values({
        visit_id: visit.id,
        taken_on: today,
        snapshot: JSON.stringify(snapshot),
        digest: snapshotDigest(snapshot),
      })
      .execute();
    await trx
      .updateTable('plan_visit')
      .set({ status: 'held', held_at: new Date() })
      .where('id', '=', visit.id)
      .execute();
    await audit(trx, coordinator, visit.municipality_id, 'visit.hold', 'visit', visit.id, clientAddress);
  });
}

/** Findings per measure and the next steps, which replace the visit's open tasks. */
export async function recordFollowUp(
  db: Kysely<Database>,
  coordinator: Coordinator,
  visitId: string,
  input: FollowUpInput,
  confirmed: boolean,
  today: string,
  clientAddress: string | null,
): Promise<{ ok: true } | Failure> {
  return db.transaction().execute(async (trx) => {
    const { visit, plan } = await openForStep(trx, coordinator, visitId, 'editFollowUp', today);
    const [organisations, measures, organisationIds] = await Promise.all([
      organisationsOf(trx, plan.municipality_id),
      trx.selectFrom('action_plan_measure').select('id').where('plan_id', '=', plan.id).execute(),
      planOrganisationIds(trx, plan.id),
    ]);
    const outcome = validateFollowUp(input, {
      guard: { today, confirmed, knownNames: organisations.map((o) => o.name) },
      visitedOn: visit.visited_on,
      measureIds: measures.map((m) => m.id),
      organisationIds,
    });
    if (!outcome.ok) return outcome;
    const value = outcome.value;
    await trx.deleteFrom('plan_visit_finding').where('visit_id', '=', visit.id).execute();
    if (value.findings.length)
      await trx
        .insertInto('plan_visit_finding')
        .values(
          value.findings.map((f) => ({
            visit_id: visit.id,
            measure_id: f.measureId,
            assessment: f.assessment,
            finding: f.finding,
          })),
        )
        .execute();
    // Tasks their owners have finished stay; the open ones are replaced by the corrected steps.
    await trx
      .deleteFrom('plan_visit_task')
      .where('visit_id', '=', visit.id)
      .where('status', '=', 'open')
      .execute();
    const kept = await trx
      .selectFrom('plan_visit_task')
      .select((eb) => eb.fn.max('position').as('last'))
      .where('visit_id', '=', visit.id)
      .executeTakeFirst();
    const offset = kept?.last === null || kept?.last === undefined ? 0 : Number(kept.last) + 1;
    const tasks = tasksFromNextSteps(visit.id, value);
    if (tasks.length)
      await trx
        .insertInto('plan_visit_task')
        .values(
          tasks.map((t, i) => ({
            visit_id: visit.id,
            municipality_id: visit.municipality_id,
            position: offset + i,
            description: t.description,
            measure_id: t.measureId,
            owner_organisation_id: t.ownerOrganisationId,
            owner_role: t.ownerRole,
            due_on: t.dueOn,
          })),
        )
        .execute();
    await audit(trx, coordinator, visit.municipality_id, 'visit.followUp', 'visit', visit.id, clientAddress);
    return { ok: true };
  });
}

/** The visitor's report: saved as a draft, or made final (the visit is then reported). */
export async function saveReport(
  db: Kysely<Database>,
  coordinator: Coordinator,
  visitId: string,
  text: string | undefined,
  finish: boolean,
  confirmed: boolean,
  today: string,
  clientAddress: string | null,
): Promise<{ ok: true } | Failure> {
  return db.transaction().execute(async (trx) => {
    const form = createReader(null);
    const draft = form.text('report', text, { max: 20_000, multiline: true });
    const { visit, plan } = await openForStep(
      trx,
      coordinator,
      visitId,
      finish ? 'finishReport' : 'writeReport',
      today,
      draft,
    );
    const organisations = await organisationsOf(trx, plan.municipality_id);
    const guarded = createReader({ today, confirmed, knownNames: organisations.map((o) => o.name) });
    const report = guarded.text('report', text, { max: 20_000, multiline: true });
    const outcome = guarded.done(() => report);
    if (!outcome.ok) return outcome;
    await trx
      .updateTable('plan_visit')
      .set({ report, ...(finish ? { status: 'reported' as const, reported_at: new Date() } : {}) })
      .where('id', '=', visit.id)
      .execute();
    await audit(
      trx,
      coordinator,
      visit.municipality_id,
      finish ? 'visit.finishReport' : 'visit.writeReport',
      'visit',
      visit.id,
      clientAddress,
    );
    return { ok: true };
  });
}

// ---- The municipality's side: its plan's visits and the tasks of its organisations ----

/** A task marked done by its owner organisation (or the municipality's manager); audited. */
export async function completeTask(
  trx: Kysely<Database>,
  taskId: string,
  planId: string,
  by: { userId: string; organisationId: string | null; all: boolean },
  today: string,
): Promise<{ id: string; visitId: string } | null> {
  const task = await trx
    .selectFrom('plan_visit_task as t')
    .innerJoin('plan_visit as v', 'v.id', 't.visit_id')
    .select(['t.id', 't.visit_id', 't.owner_organisation_id', 't.status'])
    .where('t.id', '=', taskId)
    .where('v.plan_id', '=', planId)
    .forUpdate()
    .executeTakeFirst();
  if (!task) return null;
  if (!by.all && task.owner_organisation_id !== by.organisationId) return null;
  if (task.status !== 'open') throw conflict((lang) => visitTexts(lang).refusals.wrongStatus);
  await trx
    .updateTable('plan_visit_task')
    .set({ status: 'done', done_on: today, done_by: by.userId })
    .where('id', '=', task.id)
    .execute();
  return { id: task.id, visitId: task.visit_id };
}
