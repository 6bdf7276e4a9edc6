import { type Kysely, sql } from 'kysely';

/**
 * Partner organisations and coordinated individual plans (SIP: SoL 2025:400 10 kap. 8–9 §§, formerly 2001:453 2 kap. 7 §; HSL 16 kap. 4 §).
 *
 * Partner organisations are the municipality's records of its counterparts (a BUP clinic, a
 * school's student health, the police area), with their own users. The municipality's own social
 * services is one such organisation too (kind 'socialServices'), so that a plan's parties, its lead
 * organisation and each action's responsible organisation are all plain references
 * (docs/decisions/0030). A plan is about a child of the municipality; partners reach it only
 * through participation and a consent that holds (docs/decisions/0031).
 */
const statements = [
  `create table partner_organisation (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    name text not null check (length(name) between 1 and 200),
    kind text not null check (kind in ('socialServices', 'regionHealthCare', 'childHealthCentre',
      'youthClinic', 'childPsychiatry', 'school', 'dentalCare', 'police')),
    external_id text check (length(external_id) <= 100),
    active boolean not null default true,
    created_at timestamptz not null default now(),
    unique (municipality_id, id),
    unique (municipality_id, name)
  )`,
  // One social services per municipality: created on first need, so no path that creates a
  // municipality has to remember it.
  `create unique index partner_organisation_social_services on partner_organisation (municipality_id)
     where kind = 'socialServices'`,

  `alter table user_account add column partner_organisation_id uuid`,
  `alter table user_account add column administers_organisation boolean not null default false`,
  `alter table user_account add constraint user_account_partner_organisation_fk
     foreign key (municipality_id, partner_organisation_id) references partner_organisation (municipality_id, id)`,
  `create index user_account_partner_organisation on user_account (municipality_id, partner_organisation_id)`,

  // Partner users made before organisations existed get one per organisation name they gave.
  `insert into partner_organisation (municipality_id, name, kind)
     select distinct on (municipality_id, coalesce(nullif(trim(organisation_name), ''), 'Samverkanspart'))
       municipality_id,
       coalesce(nullif(trim(organisation_name), ''), 'Samverkanspart'),
       case partner_kind when 'healthCare' then 'regionHealthCare' else partner_kind end
     from user_account where role = 'partnerProfessional'
     order by municipality_id, coalesce(nullif(trim(organisation_name), ''), 'Samverkanspart'), created_at
     on conflict do nothing`,
  `update user_account u set partner_organisation_id = o.id
     from partner_organisation o
     where u.role = 'partnerProfessional' and o.municipality_id = u.municipality_id
       and o.name = coalesce(nullif(trim(u.organisation_name), ''), 'Samverkanspart')`,
  `alter table user_account add constraint user_account_partner_organisation_check
     check ((role = 'partnerProfessional') = (partner_organisation_id is not null))`,
  `alter table user_account add constraint user_account_administers_organisation_check
     check (not administers_organisation or partner_organisation_id is not null)`,

  `create table sip (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    child_id uuid,
    case_id uuid,
    status text not null check (status in ('requested', 'draft', 'active', 'closed')),
    coordinator_user_id uuid,
    requested_by_user_id uuid,
    requested_by_organisation_id uuid,
    requested_child_name text check (length(requested_child_name) <= 200),
    requested_personal_number text check (requested_personal_number ~ '^[0-9]{12}$'),
    request_reason text check (length(request_reason) <= 4000),
    lead_organisation_id uuid,
    meeting_on date,
    meeting_time text check (meeting_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    meeting_place text check (length(meeting_place) <= 200),
    family_participants text not null default '' check (length(family_participants) <= 1000),
    summary_for_child text not null default '' check (length(summary_for_child) <= 4000),
    follow_up_on date,
    content_version integer not null default 1,
    agreed_on date,
    closed_on date,
    close_reason text check (close_reason in ('goalsMet', 'needsChanged', 'consentWithdrawn',
      'consentNotGiven', 'movedAway', 'declined', 'other')),
    close_note text check (length(close_note) <= 2000),
    created_at timestamptz not null default now(),
    created_by uuid,
    unique (municipality_id, id),
    foreign key (municipality_id, child_id) references person (municipality_id, id),
    -- The child's case the plan was started from (issue 3), when there is one.
    foreign key (municipality_id, case_id) references child_case (municipality_id, id),
    foreign key (municipality_id, coordinator_user_id) references user_account (municipality_id, id),
    foreign key (municipality_id, requested_by_user_id) references user_account (municipality_id, id),
    foreign key (municipality_id, requested_by_organisation_id) references partner_organisation (municipality_id, id),
    foreign key (municipality_id, lead_organisation_id) references partner_organisation (municipality_id, id),
    foreign key (municipality_id, created_by) references user_account (municipality_id, id),
    check (status = 'requested' or status = 'closed' or child_id is not null),
    check (status <> 'requested' or requested_by_organisation_id is not null),
    check (status <> 'closed' or (closed_on is not null and close_reason is not null)),
    check (status <> 'active' or (agreed_on is not null and lead_organisation_id is not null
      and follow_up_on is not null and child_id is not null))
  )`,
  `create index sip_child on sip (municipality_id, child_id)`,
  `create index sip_open_by_coordinator on sip (municipality_id, coordinator_user_id) where status <> 'closed'`,
  `create index sip_open_by_status on sip (municipality_id, status, follow_up_on) where status <> 'closed'`,

  `create table sip_participant (
    municipality_id uuid not null,
    sip_id uuid not null,
    organisation_id uuid not null,
    contact_name text not null default '' check (length(contact_name) <= 200),
    invited_on date not null,
    invited_by uuid,
    agreed_version integer,
    agreed_at timestamptz,
    agreed_by uuid,
    primary key (municipality_id, sip_id, organisation_id),
    foreign key (municipality_id, sip_id) references sip (municipality_id, id),
    foreign key (municipality_id, organisation_id) references partner_organisation (municipality_id, id),
    foreign key (municipality_id, invited_by) references user_account (municipality_id, id),
    foreign key (municipality_id, agreed_by) references user_account (municipality_id, id),
    check ((agreed_version is null) = (agreed_at is null))
  )`,
  `create index sip_participant_organisation on sip_participant (municipality_id, organisation_id)`,

  // Consent is kept as versions: a new consent supersedes the old, a withdrawal ends it at once.
  `create table sip_consent (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    sip_id uuid not null,
    given_on date not null,
    valid_until date not null,
    information_kinds text[] not null check (information_kinds <@ array['plan', 'needs', 'contactDetails']::text[]
      and 'plan' = any (information_kinds)),
    childs_view text not null check (childs_view in ('agrees', 'disagrees', 'notAsked')),
    childs_view_note text not null default '' check (length(childs_view_note) <= 2000),
    guardians_note text not null default '' check (length(guardians_note) <= 1000),
    recorded_by uuid not null,
    recorded_at timestamptz not null default now(),
    superseded_at timestamptz,
    withdrawn_at timestamptz,
    withdrawn_by uuid,
    withdrawal_note text check (length(withdrawal_note) <= 1000),
    unique (municipality_id, id),
    foreign key (municipality_id, sip_id) references sip (municipality_id, id),
    foreign key (municipality_id, recorded_by) references user_account (municipality_id, id),
    foreign key (municipality_id, withdrawn_by) references user_account (municipality_id, id),
    check (valid_until >= given_on),
    check ((withdrawn_at is null) = (withdrawn_by is null))
  )`,
  `create unique index sip_consent_current on sip_consent (municipality_id, sip_id) where superseded_at is null`,

  `create table sip_consent_guardian (
    municipality_id uuid not null,
    consent_id uuid not null,
    guardian_id uuid not null,
    primary key (municipality_id, consent_id, guardian_id),
    foreign key (municipality_id, consent_id) references sip_consent (municipality_id, id),
    foreign key (municipality_id, guardian_id) references person (municipality_id, id)
  )`,

  `create table sip_consent_organisation (
    municipality_id uuid not null,
    consent_id uuid not null,
    organisation_id uuid not null,
    primary key (municipality_id, consent_id, organisation_id),
    foreign key (municipality_id, consent_id) references sip_consent (municipality_id, id),
    foreign key (municipality_id, organisation_id) references partner_organisation (municipality_id, id)
  )`,

  `create table sip_need (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    sip_id uuid not null,
    area text not null check (area in ('goodHealth', 'successInSchool', 'safetyAtHome')),
    description text not null check (length(description) between 1 and 2000),
    created_at timestamptz not null default now(),
    unique (municipality_id, id),
    foreign key (municipality_id, sip_id) references sip (municipality_id, id)
  )`,
  `create index sip_need_sip on sip_need (municipality_id, sip_id)`,

  `create table sip_goal (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    sip_id uuid not null,
    area text not null check (area in ('goodHealth', 'successInSchool', 'safetyAtHome')),
    goal text not null check (length(goal) between 1 and 1000),
    childs_words text not null default '' check (length(childs_words) <= 1000),
    created_at timestamptz not null default now(),
    unique (municipality_id, id),
    unique (municipality_id, sip_id, id),
    foreign key (municipality_id, sip_id) references sip (municipality_id, id)
  )`,
  `create index sip_goal_sip on sip_goal (municipality_id, sip_id)`,

  // An action is either a party's (a participating organisation) or someone else's (the family,
  // a sports club): the law asks the plan to say both (SoL 2025:400 10 kap. 8 § andra stycket 2–3).
  `create table sip_action (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    sip_id uuid not null,
    goal_id uuid,
    description text not null check (length(description) between 1 and 1000),
    responsible_organisation_id uuid,
    responsible_other text check (length(responsible_other) between 1 and 200),
    responsible_person text not null default '' check (length(responsible_person) <= 200),
    due_on date not null,
    status text not null default 'planned' check (status in ('planned', 'ongoing', 'done', 'notDone')),
    status_note text not null default '' check (length(status_note) <= 1000),
    status_changed_at timestamptz,
    created_at timestamptz not null default now(),
    unique (municipality_id, id),
    foreign key (municipality_id, sip_id) references sip (municipality_id, id),
    foreign key (municipality_id, sip_id, goal_id) references sip_goal (municipality_id, sip_id, id),
    foreign key (municipality_id, sip_id, responsible_organisation_id)
      references sip_participant (municipality_id, sip_id, organisation_id),
    check ((responsible_organisation_id is null) <> (responsible_other is null))
  )`,
  `create index sip_action_sip on sip_action (municipality_id, sip_id)`,
  `create index sip_action_due on sip_action (municipality_id, responsible_organisation_id, due_on)
     where status in ('planned', 'ongoing')`,

  `create table sip_follow_up (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    sip_id uuid not null,
    held_on date not null,
    note text not null default '' check (length(note) <= 4000),
    next_follow_up_on date,
    recorded_by uuid not null,
    recorded_at timestamptz not null default now(),
    unique (municipality_id, id),
    foreign key (municipality_id, sip_id) references sip (municipality_id, id),
    foreign key (municipality_id, recorded_by) references user_account (municipality_id, id)
  )`,
  `create index sip_follow_up_sip on sip_follow_up (municipality_id, sip_id, held_on)`,

  `create table sip_follow_up_action (
    municipality_id uuid not null,
    follow_up_id uuid not null,
    action_id uuid not null,
    status text not null check (status in ('planned', 'ongoing', 'done', 'notDone')),
    note text not null default '' check (length(note) <= 1000),
    primary key (municipality_id, follow_up_id, action_id),
    foreign key (municipality_id, follow_up_id) references sip_follow_up (municipality_id, id),
    foreign key (municipality_id, action_id) references sip_action (municipality_id, id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
