import { type Kysely, sql } from 'kysely';

/**
 * Foundation: municipalities (tenants), units, user accounts and sessions, the people register
 * and the append-only audit trail. Every table with personal data carries municipality_id, and
 * references between such tables include it, so a row can never point into another tenant.
 */
const statements = [
  `create extension if not exists pg_trgm`,

  `create table municipality (
    id uuid primary key default gen_random_uuid(),
    code text not null unique check (code ~ '^[0-9]{4}$'),
    name text not null,
    created_at timestamptz not null default now()
  )`,

  `create table unit (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    name text not null check (length(name) between 1 and 200),
    kind text not null check (kind in ('intake', 'investigation', 'placement', 'openCare', 'administration', 'other')),
    active boolean not null default true,
    created_at timestamptz not null default now(),
    unique (municipality_id, id),
    unique (municipality_id, name)
  )`,

  `create table user_account (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    unit_id uuid,
    username text not null check (username ~ '^[a-z0-9._-]{3,64}$'),
    display_name text not null,
    email text,
    role text not null check (role in ('administrator', 'intakeWorker', 'socialWorker', 'manager',
      'partnerProfessional', 'statisticsReader')),
    partner_kind text check (partner_kind in ('school', 'healthCare', 'dentalCare', 'police')),
    organisation_name text,
    password_hash text,
    must_change_password boolean not null default false,
    totp_secret_enc text,
    totp_last_step bigint,
    external_subject text unique,
    staff_id text,
    failed_logins integer not null default 0,
    locked_until timestamptz,
    active boolean not null default true,
    created_at timestamptz not null default now(),
    unique (municipality_id, id),
    foreign key (municipality_id, unit_id) references unit (municipality_id, id),
    check ((role = 'partnerProfessional') = (partner_kind is not null))
  )`,
  `create unique index user_account_username on user_account (username)`,

  `create table session (
    id_hash text primary key,
    user_id uuid not null references user_account (id) on delete cascade,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    second_factor_done boolean not null default false,
    auth_method text not null check (auth_method in ('password', 'oidc')),
    client_address text
  )`,
  `create index session_by_user on session (user_id)`,

  `create table person (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    personal_number text check (personal_number ~ '^[0-9]{12}$'),
    is_coordination_number boolean not null default false,
    given_name text not null check (length(given_name) between 1 and 100),
    family_name text not null check (length(family_name) between 1 and 100),
    birth_date date,
    search_text text not null,
    protected_identity text not null default 'none' check (protected_identity in
      ('none', 'confidentialityMarker', 'protectedRegistration', 'fictitiousIdentity')),
    street_address text,
    postal_code text,
    city text,
    created_at timestamptz not null default now(),
    created_by uuid references user_account (id),
    unique (municipality_id, id),
    unique (municipality_id, personal_number)
  )`,
  `create index person_search_text on person using gin (search_text gin_trgm_ops)`,
  `create index person_name on person (municipality_id, family_name, given_name)`,

  `create table guardianship (
    municipality_id uuid not null,
    child_id uuid not null,
    guardian_id uuid not null,
    kind text not null check (kind in ('guardian', 'appointedGuardian')),
    created_at timestamptz not null default now(),
    primary key (municipality_id, child_id, guardian_id),
    foreign key (municipality_id, child_id) references person (municipality_id, id),
    foreign key (municipality_id, guardian_id) references person (municipality_id, id),
    check (child_id <> guardian_id)
  )`,
  `create index guardianship_guardian on guardianship (municipality_id, guardian_id)`,

  // The social worker a family keeps: defines a user's "own" children until cases arrive.
  `create table person_assignment (
    municipality_id uuid not null,
    person_id uuid not null,
    user_id uuid not null,
    since date not null default current_date,
    primary key (municipality_id, person_id, user_id),
    foreign key (municipality_id, person_id) references person (municipality_id, id),
    foreign key (municipality_id, user_id) references user_account (municipality_id, id)
  )`,
  `create index person_assignment_user on person_assignment (municipality_id, user_id)`,

  // No foreign keys on purpose: the trail must outlive the records it describes (retention).
  `create table audit_event (
    municipality_id uuid not null,
    seq bigint not null,
    occurred_at timestamptz not null,
    actor_user_id uuid,
    actor_name text,
    actor_role text,
    actor_organisation text,
    action text not null,
    outcome text not null check (outcome in ('allowed', 'denied')),
    subject_person_id uuid,
    record_type text,
    record_id text,
    reason text,
    client_address text,
    unusual boolean not null default false,
    prev_hash text not null,
    hash text not null,
    primary key (municipality_id, seq)
  )`,
  `create index audit_event_subject on audit_event (municipality_id, subject_person_id, occurred_at)`,
  `create index audit_event_actor on audit_event (municipality_id, actor_user_id, occurred_at)`,
  `create index audit_event_time on audit_event (municipality_id, occurred_at)`,

  `create function audit_event_is_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
   end $$`,
  `create trigger audit_event_no_update_or_delete before update or delete on audit_event
     for each row execute function audit_event_is_append_only()`,
  `create trigger audit_event_no_truncate before truncate on audit_event
     for each statement execute function audit_event_is_append_only()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
