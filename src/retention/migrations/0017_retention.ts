import { type Kysely, sql } from 'kysely';

/**
 * Issue 16, the culling job (docs/decisions/0082, 0125).
 * - The archivist role (registrator/arkivarie): reviews the dry run and approves culling.
 * - An approved run (`retention_run`) and its files (`retention_run_file`): who approved it, on
 *   which day's assessment, and how far the job has come. No content: ids, dates and counts.
 * - The ledger (0013's `retention_culled`) names the run that culled each record.
 * - Signed notes and accounts of the child stay final, except that a DELETE goes through inside a
 *   transaction that has set `samtak.retention_run` to a run that is being carried out for the
 *   same municipality (`set_config(..., true)`: for that transaction only).
 */
const statements = [
  // The role list is spelt out again in full: a check constraint cannot be extended (0003).
  `alter table user_account drop constraint user_account_role_check`,
  `alter table user_account add constraint user_account_role_check check (role in ('administrator',
    'intakeWorker', 'socialWorker', 'manager', 'partnerProfessional', 'statisticsReader', 'guideEditor',
    'archivist'))`,

  `create table retention_run (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    state text not null default 'approved' check (state in ('approved', 'running', 'done')),
    assessed_on date not null,
    approved_by uuid not null,
    approved_at timestamptz not null default now(),
    started_at timestamptz,
    finished_at timestamptz,
    unique (municipality_id, id),
    foreign key (municipality_id, approved_by) references user_account (municipality_id, id)
  )`,
  `create index retention_run_state on retention_run (municipality_id, state)`,

  // One row per file the archivist approved: pending until the job reaches it, then culled or
  // skipped (with a code saying why: the file changed, needs review, or its removal failed).
  `create table retention_run_file (
    municipality_id uuid not null,
    run_id uuid not null,
    person_id uuid not null,
    last_entry_on date not null,
    records_to_cull integer not null,
    state text not null default 'pending' check (state in ('pending', 'culled', 'skipped')),
    skip_reason text check (skip_reason ~ '^[A-Za-z0-9:._-]{1,100}$'),
    records_culled integer not null default 0,
    done_at timestamptz,
    primary key (municipality_id, run_id, person_id),
    foreign key (municipality_id, run_id) references retention_run (municipality_id, id),
    check ((state = 'skipped') = (skip_reason is not null))
  )`,

  `alter table retention_culled add column run_id uuid`,

  `create or replace function signed_record_is_final() returns trigger language plpgsql as $$
   begin
     if tg_op = 'DELETE' then
       if exists (select 1 from retention_run r
                  where r.id::text = current_setting('samtak.retention_run', true)
                    and r.municipality_id = old.municipality_id and r.state = 'running') then
         return old;
       end if;
     end if;
     raise exception '% is signed and final: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
   end $$`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
