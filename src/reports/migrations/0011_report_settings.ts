import { type Kysely, sql } from 'kysely';

/**
 * Issue 14. The municipality's switchboard number, which the public report form gives when it
 * says "call the switchboard" outside office hours; the administrator sets it (decision 0068).
 */
const statements = [
  `create table report_setting (
    municipality_id uuid primary key references municipality (id),
    switchboard_phone text not null check (length(switchboard_phone) between 1 and 40),
    updated_by uuid references user_account (id),
    updated_at timestamptz not null default now()
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
