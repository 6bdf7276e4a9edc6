import { type Kysely, sql } from 'kysely';

/**
 * The indexes the indicator queries read by (docs/decisions/0094): cases by each date that can
 * put them in a period, reports by the day they came in and by child and day (re-reports after a
 * closed case). Measured at tier L: without them the case query was a sequential scan.
 */
const statements = [
  `create index child_case_opened on child_case (municipality_id, opened_on)`,
  `create index child_case_investigation_opened on child_case (municipality_id, investigation_opened_on) where investigation_opened_on is not null`,
  `create index child_case_decided on child_case (municipality_id, decided_on) where decided_on is not null`,
  `create index child_case_closed on child_case (municipality_id, closed_on) where closed_on is not null`,
  `create index report_received on report (municipality_id, received_on)`,
  `create index report_child_received on report (municipality_id, child_id, received_on)`,
  `create index deadline_extension_extended_to on deadline_extension (municipality_id, extended_to)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
