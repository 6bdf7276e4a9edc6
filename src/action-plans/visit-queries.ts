import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';

/** The visits of a plan and their tasks, for the plan's page (whoever may read the plan). */
export async function visitsOfPlan(db: Kysely<Database>, planId: string) {
  const visits = await db
    .selectFrom('plan_visit')
    .select(['id', 'visited_on', 'status', 'report'])
    .where('plan_id', '=', planId)
    .orderBy('visited_on', 'desc')
    .execute();
  const tasks = visits.length
    ? await db
        .selectFrom('plan_visit_task')
        .selectAll()
        .where(
          'visit_id',
          'in',
          visits.map((v) => v.id),
        )
        .orderBy('due_on')
        .execute()
    : [];
  // The good example each visit's report was started as, if any (decision 0139).
  const examples = visits.length
    ? await db
        .selectFrom('good_practice')
        .select(['id', 'source_visit_id'])
        .where(
          'source_visit_id',
          'in',
          visits.map((v) => v.id),
        )
        .execute()
    : [];
  return {
    visits: visits.map((v) => ({
      ...v,
      exampleId: examples.find((e) => e.source_visit_id === v.id)?.id ?? null,
    })),
    tasks,
  };
}
