import { type Kysely, sql } from 'kysely';

/**
 * The public support guide (issue 4): entries and their revisions per language, a visible change
 * history for editors, and a few contact settings per municipality. Guide content is public and
 * holds no personal data; who edited what is kept here for editors and in the audit trail.
 */
const languages = `('sv', 'sv-x-lattlast', 'en', 'ar', 'so', 'fa', 'ti', 'uk', 'fi')`;

const statements = [
  // A new role. The role list is spelt out again in full: a check constraint cannot be extended.
  `alter table user_account drop constraint user_account_role_check`,
  `alter table user_account add constraint user_account_role_check check (role in ('administrator',
    'intakeWorker', 'socialWorker', 'manager', 'partnerProfessional', 'statisticsReader', 'guideEditor'))`,

  `create table guide_entry (
    municipality_id uuid not null references municipality (id),
    id uuid primary key default gen_random_uuid(),
    created_at timestamptz not null default now(),
    created_by uuid not null,
    unique (municipality_id, id),
    foreign key (municipality_id, created_by) references user_account (municipality_id, id)
  )`,

  // Published and superseded revisions are never changed again: an edit of a published text is a
  // new draft, and the published one stays live until the new one is published.
  `create table guide_revision (
    municipality_id uuid not null,
    id uuid primary key default gen_random_uuid(),
    entry_id uuid not null,
    lang text not null check (lang in ${languages}),
    revision_no integer not null check (revision_no > 0),
    state text not null check (state in ('draft', 'reviewed', 'published', 'superseded', 'withdrawn')),
    title text not null check (length(title) between 1 and 200),
    summary text not null check (length(summary) between 1 and 2000),
    for_whom text not null check (length(for_whom) <= 2000),
    how_to_get text not null check (length(how_to_get) <= 2000),
    hours text not null default '' check (length(hours) <= 500),
    level text check (level in ('universal', 'targeted')),
    organisation_kind text check (organisation_kind in ('socialServices', 'school', 'childHealth',
      'youthClinic', 'childPsychiatry', 'primaryCare', 'dentalCare', 'voluntary')),
    provider text check (length(provider) between 1 and 200),
    age_from smallint check (age_from between 0 and 25),
    age_to smallint check (age_to between 0 and 25),
    situations text[] check (situations <@ array['worriedAboutChild', 'parenting',
      'parentCognitiveDifficulties', 'childAsNextOfKin', 'newlyArrived', 'schoolAbsence', 'mentalHealth',
      'violence', 'substanceUse', 'developmentalDelay', 'separation', 'money', 'healthAndBody']::text[]),
    access text check (access in ('noReferral', 'contact', 'apply', 'referral')),
    languages text[] check (languages <@ array['sv', 'en', 'ar', 'so', 'fa', 'prs', 'ti', 'uk', 'fi', 'ku',
      'tr', 'pl', 'bs']::text[]),
    interpreter boolean,
    phone text check (length(phone) <= 40),
    email text check (length(email) <= 200),
    website text check (length(website) <= 300),
    address text check (length(address) <= 300),
    source_revision_id uuid,
    search_text text not null,
    edited_by uuid not null,
    edited_at timestamptz not null,
    reviewed_by uuid,
    reviewed_at timestamptz,
    published_by uuid,
    published_at timestamptz,
    unique (municipality_id, id),
    unique (municipality_id, entry_id, lang, revision_no),
    foreign key (municipality_id, entry_id) references guide_entry (municipality_id, id),
    foreign key (municipality_id, source_revision_id) references guide_revision (municipality_id, id),
    foreign key (municipality_id, edited_by) references user_account (municipality_id, id),
    foreign key (municipality_id, reviewed_by) references user_account (municipality_id, id),
    foreign key (municipality_id, published_by) references user_account (municipality_id, id),
    -- The Swedish revision is the source: it alone carries the facts, and all of them.
    check ((lang = 'sv') = (level is not null and organisation_kind is not null and provider is not null
      and age_from is not null and age_to is not null and situations is not null and access is not null
      and languages is not null and interpreter is not null)),
    check (age_from <= age_to),
    check ((state in ('reviewed', 'published', 'superseded', 'withdrawn')) = (reviewed_by is not null)),
    check ((state in ('published', 'superseded', 'withdrawn')) = (published_by is not null))
  )`,
  `create unique index guide_revision_one_published on guide_revision (municipality_id, entry_id, lang)
    where state = 'published'`,
  `create unique index guide_revision_one_open on guide_revision (municipality_id, entry_id, lang)
    where state in ('draft', 'reviewed')`,
  // The public pages read only published revisions of one municipality and language.
  `create index guide_revision_public on guide_revision (municipality_id, lang, entry_id)
    where state = 'published'`,
  `create index guide_revision_search on guide_revision using gin (search_text gin_trgm_ops)
    where state = 'published'`,

  `create table guide_change (
    municipality_id uuid not null references municipality (id),
    id bigint generated always as identity primary key,
    entry_id uuid,
    revision_id uuid,
    lang text check (lang in ${languages}),
    action text not null check (action in ('created', 'edited', 'reviewed', 'published', 'withdrawn',
      'settings')),
    fields text[] not null default '{}',
    actor_user_id uuid not null,
    actor_name text not null,
    occurred_at timestamptz not null default now(),
    foreign key (municipality_id, entry_id) references guide_entry (municipality_id, id),
    foreign key (municipality_id, revision_id) references guide_revision (municipality_id, id),
    foreign key (municipality_id, actor_user_id) references user_account (municipality_id, id)
  )`,
  `create index guide_change_entry on guide_change (municipality_id, entry_id, occurred_at)`,

  `create table guide_setting (
    municipality_id uuid primary key references municipality (id),
    intake_phone text not null check (length(intake_phone) between 1 and 40),
    after_hours_phone text not null check (length(after_hours_phone) between 1 and 40),
    contact_email text not null check (length(contact_email) between 3 and 200),
    contact_phone text not null check (length(contact_phone) between 1 and 40),
    updated_by uuid,
    updated_at timestamptz not null default now(),
    foreign key (municipality_id, updated_by) references user_account (municipality_id, id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
