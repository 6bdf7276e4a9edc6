import { type Kysely, sql } from 'kysely';

/**
 * Indexes the benchmark showed missing at the largest city's scale (docs/performance.md).
 *
 * child_case_child: the audit writer asks, inside the municipality's audit lock, whether a child
 * belongs to one of the actor's cases; without an index on the child that meant reading every
 * case of the manager's unit over ten years (about 2,000 rows at tier L) while every other user
 * of the city waited for the lock. The partial unique index on open cases does not cover closed
 * ones.
 */
const statements = [`create index child_case_child on child_case (municipality_id, child_id)`];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
