import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/**
 * The planner's statistics. PostgreSQL keeps them current itself (autovacuum); PGlite runs no
 * background workers, so without this a table that grew from nothing is planned as if it were
 * still empty, and one slow plan on PGlite's single connection makes every other request wait.
 */

/** How often the embedded database looks for tables whose statistics are out of date. */
export const staleCheckIntervalMs = 60_000;

export async function analyzeAll(db: Kysely<Database>): Promise<void> {
  await sql`analyze`.execute(db);
}

/**
 * Analyzes the tables changed enough since their last analysis, by autovacuum's own default rule
 * (50 rows plus a tenth of the table), and returns their names.
 */
export async function analyzeStale(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ relname: string }>`
    select relname from pg_stat_user_tables
     where schemaname = 'public' and n_mod_since_analyze > 50 + 0.1 * greatest(n_live_tup, 0)
     order by relname`.execute(db);
  for (const { relname } of rows) await sql`analyze ${sql.id(relname)}`.execute(db);
  return rows.map((r) => r.relname);
}
