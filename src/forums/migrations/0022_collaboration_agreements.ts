import { type Kysely, sql } from 'kysely';
import { goalAreas } from '../../sip/schema.ts';
import { agreementTopics } from '../agreements.ts';
import { projectStatuses } from '../joint-projects.ts';

/**
 * A forum's agreements and joint projects (issue 18, docs/decisions/0136), migration
 * 0022_collaboration_agreements: an agreement between member organisations as versions (each with
 * its parties, dates and summary, never changed once adopted); a joint project with goals in the
 * shared goal areas, each followed by one of Samtak's indicators or a figure kept by hand. Never
 * about a child.
 */
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const statements = [
  `create table forum_agreement (
    id uuid primary key default gen_random_uuid(),
    forum_id uuid not null references forum (id),
    municipality_id uuid not null references municipality (id),
    topic text not null check (topic in (${list(agreementTopics)})),
    created_by uuid not null references user_account (id),
    created_at timestamptz not null default now()
  )`,
  `create index forum_agreement_forum on forum_agreement (forum_id)`,
  `create table forum_agreement_version (
    id uuid primary key default gen_random_uuid(),
    agreement_id uuid not null references forum_agreement (id),
    version integer not null check (version >= 1),
    title text not null check (length(title) between 1 and 300),
    party_organisation_ids text[] not null check (cardinality(party_organisation_ids) >= 2),
    adopted_on date not null,
    adopted_by text not null check (length(adopted_by) between 1 and 300),
    valid_from date not null,
    review_by date not null,
    valid_until date,
    summary text not null default '' check (length(summary) <= 8000),
    document_url text check (length(document_url) <= 2000),
    changes text not null default '' check (length(changes) <= 4000),
    created_by uuid not null references user_account (id),
    created_at timestamptz not null default now(),
    unique (agreement_id, version),
    check (review_by > valid_from)
  )`,
  `create table forum_project (
    id uuid primary key default gen_random_uuid(),
    forum_id uuid not null references forum (id),
    municipality_id uuid not null references municipality (id),
    title text not null check (length(title) between 1 and 200),
    description text not null default '' check (length(description) <= 8000),
    organisation_ids text[] not null,
    lead_organisation_id uuid not null references partner_organisation (id),
    starts_on date,
    ends_on date,
    status text not null check (status in (${list(projectStatuses)})),
    created_by uuid not null references user_account (id),
    created_at timestamptz not null default now(),
    check (ends_on is null or starts_on is null or ends_on >= starts_on)
  )`,
  `create index forum_project_forum on forum_project (forum_id)`,
  `create table forum_project_goal (
    id uuid primary key default gen_random_uuid(),
    project_id uuid not null references forum_project (id),
    position integer not null,
    area text not null check (area in (${list(goalAreas)})),
    goal text not null check (length(goal) between 1 and 1000),
    indicator_kind text not null check (indicator_kind in ('none', 'samtak', 'manual')),
    samtak_indicator_id text,
    manual_indicator text not null default '' check (length(manual_indicator) <= 500),
    unique (project_id, position)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
