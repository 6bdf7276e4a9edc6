import type { Kysely } from 'kysely';
import { type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import { planOrganisationIds, planRow } from './queries.ts';
import { completeTask } from './visit-service.ts';

/**
 * A task from a follow-up visit, marked done on the plan's page by its owner organisation (a
 * partner its own, the municipality's manager any), under the same rule as moving a measure:
 * `plan.updateMeasure` with the task's owner as the measure's owner. Audited as `visit.taskDone`.
 */
export async function markTaskDone(
  db: Kysely<Database>,
  context: RequestContext,
  planId: string,
  taskId: string,
  today: string,
): Promise<void> {
  await withAccess(db, context, async (scope) => {
    const plan = await planRow(scope.db, scope.actor.municipalityId, planId);
    if (!plan) throw notFound();
    const task = await scope.db
      .selectFrom('plan_visit_task as t')
      .innerJoin('plan_visit as v', 'v.id', 't.visit_id')
      .select(['t.owner_organisation_id'])
      .where('t.id', '=', taskId)
      .where('v.plan_id', '=', planId)
      .executeTakeFirst();
    if (!task) throw notFound();
    scope.authorize('plan.updateMeasure', {
      type: 'actionPlan',
      municipalityId: scope.actor.municipalityId,
      organisationIds: await planOrganisationIds(scope.db, planId),
      measureOwnerId: task.owner_organisation_id,
    });
    const done = await completeTask(
      scope.db,
      taskId,
      planId,
      { userId: scope.actor.userId, organisationId: null, all: true },
      today,
    );
    if (!done) throw notFound();
    await scope.audit({ action: 'visit.taskDone', recordType: 'visitTask', recordId: done.id });
  });
}
