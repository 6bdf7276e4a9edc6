import { type Kysely, sql } from 'kysely';

/**
 * Reporting to Socialstyrelsen, Kolada comparison values and export jobs (issue 17, part B;
 * docs/decisions/0130–0133):
 * - `statistics_register_submission`: each register file marked as sent, append-only like the
 *   audit trail (a correction is a new submission), with the file exactly as produced and its hash;
 * - `statistics_comparison_import` and `statistics_comparison_value`: Kolada values imported from a
 *   downloaded file, with the file's name and who imported it, shown with year and source;
 * - `statistics_export_job`: a long export built in the background, its progress and its file.
 */
const statements = [
  `create table statistics_register_submission (
    municipality_id uuid not null references municipality (id),
    id uuid not null default gen_random_uuid(),
    year integer not null check (year between 2000 and 2100),
    layout_id text not null,
    submitted_at timestamptz not null default now(),
    submitted_by uuid not null,
    submitted_by_name text not null,
    file text not null,
    file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
    row_count integer not null check (row_count >= 0),
    child_count integer not null check (child_count >= 0),
    counts jsonb not null,
    rows jsonb not null,
    primary key (municipality_id, id)
  )`,
  `create index statistics_register_submission_year on statistics_register_submission (municipality_id, year, submitted_at)`,
  `create function statistics_register_submission_is_final() returns trigger language plpgsql as $$
   begin
     raise exception 'statistics_register_submission is read-only: % refused', tg_op using errcode = 'insufficient_privilege';
   end $$`,
  `create trigger statistics_register_submission_no_update_or_delete before update or delete on statistics_register_submission
     for each row execute function statistics_register_submission_is_final()`,
  `create trigger statistics_register_submission_no_truncate before truncate on statistics_register_submission
     for each statement execute function statistics_register_submission_is_final()`,
  `create table statistics_comparison_import (
    municipality_id uuid not null references municipality (id),
    id uuid not null default gen_random_uuid(),
    file_name text not null check (length(file_name) between 1 and 200),
    indicator_id text,
    value_count integer not null check (value_count >= 0),
    imported_at timestamptz not null default now(),
    imported_by uuid not null,
    imported_by_name text not null,
    primary key (municipality_id, id)
  )`,
  `create table statistics_comparison_value (
    municipality_id uuid not null,
    import_id uuid not null,
    kpi_id text not null check (kpi_id ~ '^[A-Z][0-9A-Z_]{1,19}$'),
    kpi_title text,
    area_code text not null check (area_code ~ '^[0-9]{4}$'),
    year integer not null check (year between 1990 and 2100),
    gender text not null check (gender in ('T', 'K', 'M')),
    value double precision not null,
    primary key (municipality_id, import_id, kpi_id, area_code, year, gender),
    foreign key (municipality_id, import_id) references statistics_comparison_import (municipality_id, id) on delete cascade
  )`,
  `create index statistics_comparison_value_kpi on statistics_comparison_value (municipality_id, kpi_id, year)`,
  `create table statistics_export_job (
    municipality_id uuid not null references municipality (id),
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    format text not null check (format in ('csv', 'xlsx')),
    table_key text not null,
    period_key text not null,
    unit_id uuid,
    status text not null default 'running' check (status in ('running', 'done', 'failed')),
    done integer not null default 0,
    total integer not null default 0,
    file bytea,
    file_name text,
    created_at timestamptz not null default now(),
    finished_at timestamptz,
    primary key (municipality_id, id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
