import { type Kysely, sql } from 'kysely';

/**
 * One store for every submission to the state (issue 17; docs/decisions/0119). The register files
 * (`statistics_register_submission`, migration 0019) move into `statistics_submission` (migration
 * 0018) as kind `register`, with the same id, period = the year, the file, its hash and the rows
 * compared in the payload, and the register's own facts (layout, children, counts by severity) in
 * three columns only the register fills. The old table and its trigger function are dropped (a
 * drop fires no row trigger). The store now also refuses truncate, as the register's table did.
 */
const statements = [
  `alter table statistics_submission
     add column layout_id text,
     add column child_count integer check (child_count >= 0),
     add column counts jsonb`,
  `insert into statistics_submission
     (municipality_id, id, kind, period_key, submitted_at, submitted_by, submitted_by_name, row_count,
      payload, file_sha256, layout_id, child_count, counts)
   select municipality_id, id, 'register', year::text, submitted_at, submitted_by, submitted_by_name, row_count,
      jsonb_build_object(
        'rows', rows,
        'key', jsonb_build_array('key'),
        'compared', jsonb_build_array('basis', 'form', 'decidedOn', 'startedOn', 'endedOn'),
        'file', file),
      file_sha256, layout_id, child_count, counts
   from statistics_register_submission`,
  `drop table statistics_register_submission`,
  `drop function statistics_register_submission_is_final()`,
  `create trigger statistics_submission_no_truncate before truncate on statistics_submission
     for each statement execute function statistics_submission_is_final()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
