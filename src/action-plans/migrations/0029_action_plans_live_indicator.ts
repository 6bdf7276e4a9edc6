import { type Kysely, sql } from 'kysely';

/**
 * Issue 19: the action plan's live indicator "initial assessments within 14 days" counts the
 * cases whose assessment was decided in the last twelve months. No index had the decision day,
 * so every view of an adopted plan read the whole case table: at tier L 160,000 cases, 93 ms, the
 * page's slowest statement by far. Indexed by the day, with the opening day in the index, the
 * count reads one range of the index and no table rows (the coordinator's county view counts the
 * same).
 */
const statements = [
  `create index child_case_initial_decided on child_case (municipality_id, initial_decided_on)
     include (opened_on) where initial_decided_on is not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
