import { type Kysely, sql } from 'kysely';

/**
 * Issue 12. The log review's "only unusual access" reads the newest unusual events of a period:
 * a small partial index hands them over in time order, so the scan never walks the whole period
 * looking for the few that stand out.
 */
const statements = [
  `create index audit_event_unusual on audit_event (municipality_id, occurred_at) where unusual`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
