import { type Kysely, sql } from 'kysely';

/**
 * The cases a worklist still has deadlines in, found without reading a unit's whole history.
 *
 * A worklist shows cases that are open, closed with a follow-up still to do, or closed since the
 * start of last month (docs/performance.md). A unit of the largest city has about 2,000 cases over
 * ten years and about 100 of them are due, so the index on (unit, phase) read twenty rows for each
 * one shown, and more every year. The partial indexes hold only the open and follow-up cases; the
 * one on closed_on serves "closed since"; PostgreSQL combines them with a BitmapOr.
 */
const due = `phase <> 'closed' or (follow_up_planned and follow_up_done_on is null)`;
const statements = [
  `create index child_case_unit_due on child_case (municipality_id, unit_id) where ${due}`,
  `create index child_case_responsible_due on child_case (municipality_id, responsible_user_id) where ${due}`,
  `create index child_case_unit_closed on child_case (municipality_id, unit_id, closed_on)`,
  `create index child_case_responsible_closed on child_case (municipality_id, responsible_user_id, closed_on)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
