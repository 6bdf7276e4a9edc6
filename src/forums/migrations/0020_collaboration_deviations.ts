import { type Kysely, sql } from 'kysely';
import { deviationCategories, deviationStatuses } from '../deviations.ts';

/**
 * Collaboration deviations in a forum (issue 18, docs/decisions/0135), migration
 * 0020_collaboration_deviations: one member organisation reports where collaboration failed, the
 * counterpart answers, the forum reviews them each quarter. Never about a child.
 */
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const statements = [
  `create table forum_deviation (
    id uuid primary key default gen_random_uuid(),
    forum_id uuid not null references forum (id),
    municipality_id uuid not null references municipality (id),
    reporting_organisation_id uuid not null references partner_organisation (id),
    counterpart_organisation_id uuid not null references partner_organisation (id),
    occurred_on date not null,
    reported_on date not null,
    category text not null check (category in (${list(deviationCategories)})),
    description text not null check (length(description) between 1 and 4000),
    suggestion text not null default '' check (length(suggestion) <= 2000),
    status text not null check (status in (${list(deviationStatuses)})),
    answer text not null default '' check (length(answer) <= 4000),
    answered_on date,
    reviewed_on date,
    reported_by uuid not null references user_account (id),
    answered_by uuid references user_account (id),
    created_at timestamptz not null default now(),
    check (reporting_organisation_id <> counterpart_organisation_id)
  )`,
  `create index forum_deviation_forum on forum_deviation (forum_id, reported_on)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
