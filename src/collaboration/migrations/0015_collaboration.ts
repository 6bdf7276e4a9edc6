import { type Kysely, sql } from 'kysely';
import { commentStates } from '../../good-practice/comments.ts';
import { evidenceLevels, exampleKinds, exampleStates } from '../../good-practice/examples.ts';
import { exampleSearchVectorSql } from '../../good-practice/search.ts';
import { planAreas, targetGroups, themes } from '../areas.ts';
import { counties, municipalitySizeBandIds } from '../municipalities.ts';

/**
 * The collaboration layer (issue 18), first part: good examples shared between municipalities,
 * their comments from the public, the good-practice editors, and the layer's visible history of
 * changes. Nothing here holds a child's personal data: there is no column for an identity number,
 * and free text is checked by the guard before it is written (docs/decisions/0101). Later parts of
 * the layer are further migrations under the same number (docs/decisions/0105).
 */
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const statements = [
  // Who may review examples and moderate comments: flagged per account (docs/design/collaboration.md).
  `alter table user_account add column good_practice_editor boolean not null default false`,
  // The examples' size facet: set by whoever runs the installation (the demo sets its own).
  `alter table municipality add column population integer check (population >= 0)`,

  `create table good_practice (
    id uuid primary key default gen_random_uuid(),
    kind text not null check (kind in (${list(exampleKinds)})),
    author_user_id uuid not null references user_account (id),
    author_municipality_id uuid not null references municipality (id),
    author_organisation_key text not null check (length(author_organisation_key) <= 100),
    author_organisation_name text not null check (length(author_organisation_name) between 1 and 200),
    created_at timestamptz not null default now()
  )`,

  `create table good_practice_revision (
    id uuid primary key default gen_random_uuid(),
    example_id uuid not null references good_practice (id),
    revision_no integer not null check (revision_no > 0),
    state text not null check (state in (${list(exampleStates)})),
    title text not null check (length(title) between 1 and 200),
    area text not null check (area in (${list(planAreas)})),
    themes text[] not null default '{}' check (themes <@ array[${list(themes)}]::text[]),
    target_groups text[] not null default '{}' check (target_groups <@ array[${list(targetGroups)}]::text[]),
    problem text not null check (length(problem) between 1 and 8000),
    what_was_done text not null check (length(what_was_done) between 1 and 8000),
    results text not null default '' check (length(results) <= 8000),
    result_values jsonb not null default '[]',
    period_from date,
    period_to date check (period_to >= period_from),
    cost text not null default '' check (length(cost) <= 1000),
    contact_name text not null default '' check (length(contact_name) <= 200),
    contact_role text not null check (length(contact_role) between 1 and 200),
    contact_email text check (length(contact_email) <= 200),
    contact_phone text check (length(contact_phone) <= 40),
    links jsonb not null default '[]',
    tags text[] not null default '{}',
    tags_text text not null default '' check (length(tags_text) <= 1000),
    evidence_level text not null check (evidence_level in (${list(evidenceLevels)})),
    evidence_reference text not null default '' check (length(evidence_reference) <= 1000),
    evidence_url text check (evidence_url ~ '^https?://' and length(evidence_url) <= 500),
    county_code char(2) check (county_code in (${list(counties.map((c) => c.code))})),
    size_band text check (size_band in (${list(municipalitySizeBandIds)})),
    written_by uuid not null references user_account (id),
    written_at timestamptz not null default now(),
    reviewed_by uuid references user_account (id),
    published_on date,
    last_reviewed_on date,
    review_note text not null default '' check (length(review_note) <= 2000),
    search_vector tsvector generated always as (${exampleSearchVectorSql}) stored,
    unique (example_id, revision_no)
  )`,
  `create index good_practice_revision_search on good_practice_revision using gin (search_vector)`,
  `create unique index good_practice_revision_one_open on good_practice_revision (example_id)
     where state in ('draft', 'inReview')`,
  `create unique index good_practice_revision_one_published on good_practice_revision (example_id)
     where state = 'published'`,
  `create index good_practice_revision_stale on good_practice_revision (state, last_reviewed_on)`,

  // The e-mail address is personal data of the commenter: never selected by a public query.
  `create table good_practice_comment (
    id uuid primary key default gen_random_uuid(),
    example_id uuid not null references good_practice (id),
    state text not null check (state in (${list(commentStates)})),
    name text not null check (length(name) between 1 and 100),
    email text not null check (length(email) between 3 and 254),
    body_html text not null check (length(body_html) between 1 and 40000),
    moderator_warnings jsonb not null default '[]',
    posted_at timestamptz not null default now(),
    moderated_by uuid references user_account (id),
    moderated_at timestamptz,
    removal_reason text not null default '' check (length(removal_reason) <= 2000)
  )`,
  `create index good_practice_comment_approved on good_practice_comment (example_id, posted_at)
     where state = 'approved'`,
  `create index good_practice_comment_pending on good_practice_comment (state) where state = 'pending'`,

  // Who changed what in this layer, shown on each record's page (docs/design/collaboration.md).
  `create table collaboration_change (
    id bigint generated always as identity primary key,
    record_type text not null check (length(record_type) <= 40),
    record_id uuid not null,
    action text not null check (length(action) <= 40),
    fields text[] not null default '{}',
    confirmed_warnings jsonb not null default '[]',
    note text not null default '' check (length(note) <= 2000),
    actor_user_id uuid references user_account (id),
    actor_name text not null check (length(actor_name) <= 200),
    occurred_at timestamptz not null default now()
  )`,
  `create index collaboration_change_record on collaboration_change (record_type, record_id, occurred_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
