import { type Kysely, sql } from 'kysely';

/**
 * Issue 16, the retention leftovers (decisions 0081, 0082, 0116, 0117).
 * - `protected_details_access`: the reason a user gave for seeing a protected person's
 *   whereabouts, as a record of the person's file (0081 rule 2), so the audit event holds only its
 *   id and the reason is culled with the file.
 * - `person.archived_on`: the day the person's file was archived (only kept records left after
 *   culling); an archived person is out of search and lists for everyone but the archivist.
 */
const statements = [
  `create table protected_details_access (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    person_id uuid not null,
    user_id uuid not null,
    reason text not null check (length(trim(reason)) between 10 and 1000),
    occurred_at timestamptz not null default now(),
    unique (municipality_id, id),
    foreign key (municipality_id, person_id) references person (municipality_id, id),
    foreign key (municipality_id, user_id) references user_account (municipality_id, id)
  )`,
  `create index protected_details_access_person on protected_details_access (municipality_id, person_id)`,
  `alter table person add column archived_on date`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
