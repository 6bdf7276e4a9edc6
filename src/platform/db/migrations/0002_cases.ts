import { type Kysely, sql } from 'kysely';

/**
 * Cases: concern reports (with their protection assessment and reporter feedback), the child's
 * case from initial assessment through investigation, decision and closure, the child's own
 * account, signed case notes, time-limit extensions, the managed list of interventions and the
 * API clients that may file reports. Same tenancy rules as 0001: municipality_id everywhere,
 * composite foreign keys so no row can point into another municipality.
 */
const statements = [
  `create table api_client (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    name text not null check (length(name) between 1 and 200),
    organisation_kind text not null check (organisation_kind in ('school', 'healthCare', 'dentalCare', 'police', 'other')),
    token_hash text not null unique,
    active boolean not null default true,
    created_at timestamptz not null default now(),
    created_by uuid references user_account (id),
    unique (municipality_id, id)
  )`,

  `create table intervention_type (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    name text not null check (length(name) between 1 and 200),
    ksi_code text check (ksi_code ~ '^[A-Z0-9.]{1,20}$'),
    active boolean not null default true,
    created_at timestamptz not null default now(),
    unique (municipality_id, id),
    unique (municipality_id, name)
  )`,

  `create table child_case (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    child_id uuid not null,
    unit_id uuid not null,
    phase text not null check (phase in ('initialAssessment', 'investigation', 'closed')),
    opened_on date not null,
    immediate_protection boolean not null default false,
    initial_decision text check (initial_decision in ('openInvestigation', 'noInvestigation')),
    initial_decision_reason text,
    initial_decided_on date,
    initial_decided_by uuid,
    child_heard boolean,
    child_not_heard_reason text,
    investigation_opened_on date,
    responsible_user_id uuid,
    needs_text text not null default '',
    parents_capacity_text text not null default '',
    family_environment_text text not null default '',
    childs_voice_waived_reason text,
    party_communicated_on date,
    party_communication_note text,
    concluded_on date,
    conclusion_text text,
    decision_outcome text check (decision_outcome in ('interventions', 'noIntervention')),
    decision_text text,
    decided_on date,
    decided_by uuid,
    closed_on date,
    closed_by uuid,
    follow_up_planned boolean not null default false,
    follow_up_done_on date,
    follow_up_note text,
    created_at timestamptz not null default now(),
    unique (municipality_id, id),
    foreign key (municipality_id, child_id) references person (municipality_id, id),
    foreign key (municipality_id, unit_id) references unit (municipality_id, id),
    foreign key (municipality_id, responsible_user_id) references user_account (municipality_id, id),
    foreign key (municipality_id, initial_decided_by) references user_account (municipality_id, id),
    foreign key (municipality_id, decided_by) references user_account (municipality_id, id),
    foreign key (municipality_id, closed_by) references user_account (municipality_id, id),
    check (initial_decision is distinct from 'noInvestigation' or length(trim(initial_decision_reason)) > 0),
    check (child_heard is distinct from false or length(trim(child_not_heard_reason)) > 0),
    check (phase <> 'investigation' or investigation_opened_on is not null),
    check (phase <> 'closed' or closed_on is not null)
  )`,
  // One open case per child: a second report during an ongoing assessment or investigation is
  // joined to it, and a race between two intake workers cannot open two.
  `create unique index child_case_one_open on child_case (municipality_id, child_id) where phase <> 'closed'`,
  `create index child_case_unit on child_case (municipality_id, unit_id, phase)`,
  `create index child_case_responsible on child_case (municipality_id, responsible_user_id, phase)`,

  `create table case_intervention (
    municipality_id uuid not null,
    case_id uuid not null,
    intervention_type_id uuid not null,
    primary key (municipality_id, case_id, intervention_type_id),
    foreign key (municipality_id, case_id) references child_case (municipality_id, id),
    foreign key (municipality_id, intervention_type_id) references intervention_type (municipality_id, id)
  )`,

  `create table deadline_extension (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    case_id uuid not null,
    rule_id text not null check (rule_id in ('initialAssessment', 'investigation')),
    extended_to date not null,
    reason text not null check (length(trim(reason)) >= 10),
    decided_on date not null,
    decided_by uuid not null,
    created_at timestamptz not null default now(),
    foreign key (municipality_id, case_id) references child_case (municipality_id, id),
    foreign key (municipality_id, decided_by) references user_account (municipality_id, id)
  )`,
  `create index deadline_extension_case on deadline_extension (municipality_id, case_id)`,

  `create table report (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    reference text not null unique check (reference ~ '^[0-9A-Z]{4}-[0-9A-Z]{4}$'),
    unit_id uuid,
    received_at timestamptz not null default now(),
    received_on date not null,
    channel text not null check (channel in ('publicForm', 'professionalForm', 'api')),
    reporter_kind text not null check (reporter_kind in ('anonymous', 'private', 'professional')),
    reporter_name text,
    reporter_phone text,
    reporter_email text,
    reporter_organisation text,
    reporter_organisation_kind text check (reporter_organisation_kind in ('school', 'healthCare', 'dentalCare', 'police', 'other')),
    reporter_title text,
    feedback_requested boolean not null default false,
    submitted_by_user_id uuid references user_account (id),
    api_client_id uuid,
    child_given_name text,
    child_family_name text,
    child_personal_number text check (child_personal_number ~ '^[0-9]{12}$'),
    child_birth_date date,
    child_whereabouts text,
    concern text not null check (length(concern) between 1 and 10000),
    guardians_informed text not null default 'unknown' check (guardians_informed in ('yes', 'no', 'unknown')),
    child_id uuid,
    case_id uuid,
    joined_ongoing boolean not null default false,
    linked_at timestamptz,
    linked_on date,
    linked_by uuid,
    protection_outcome text check (protection_outcome in ('immediateProtectionNeeded', 'noImmediateProtection')),
    protection_reasoning text,
    protection_assessed_on date,
    protection_assessed_by uuid,
    feedback_text text,
    feedback_sent_on date,
    feedback_sent_by uuid,
    feedback_withheld_reason text,
    unique (municipality_id, id),
    foreign key (municipality_id, unit_id) references unit (municipality_id, id),
    foreign key (municipality_id, api_client_id) references api_client (municipality_id, id),
    foreign key (municipality_id, child_id) references person (municipality_id, id),
    foreign key (municipality_id, case_id) references child_case (municipality_id, id),
    foreign key (municipality_id, linked_by) references user_account (municipality_id, id),
    foreign key (municipality_id, protection_assessed_by) references user_account (municipality_id, id),
    foreign key (municipality_id, feedback_sent_by) references user_account (municipality_id, id),
    check ((reporter_kind = 'anonymous') = (reporter_name is null)),
    check (reporter_kind = 'professional' or not feedback_requested),
    check ((protection_outcome is null) = (protection_assessed_on is null))
  )`,
  `create index report_by_case on report (municipality_id, case_id)`,
  `create index report_by_child on report (municipality_id, child_id)`,
  `create index report_unlinked on report (municipality_id, received_at) where child_id is null or protection_outcome is null`,

  `create table childs_voice (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    case_id uuid not null,
    held_on date not null,
    circumstances text not null check (length(circumstances) between 1 and 2000),
    account text not null check (length(account) between 1 and 20000),
    recorded_by uuid not null,
    recorded_by_name text not null,
    recorded_at timestamptz not null default now(),
    foreign key (municipality_id, case_id) references child_case (municipality_id, id),
    foreign key (municipality_id, recorded_by) references user_account (municipality_id, id)
  )`,
  `create index childs_voice_case on childs_voice (municipality_id, case_id)`,

  `create table case_note (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    case_id uuid not null,
    event_date date not null,
    body text not null check (length(body) between 1 and 20000),
    author_id uuid not null,
    author_name text not null,
    signed_at timestamptz not null default now(),
    corrects_note_id uuid,
    unique (municipality_id, id),
    foreign key (municipality_id, case_id) references child_case (municipality_id, id),
    foreign key (municipality_id, author_id) references user_account (municipality_id, id),
    foreign key (municipality_id, corrects_note_id) references case_note (municipality_id, id)
  )`,
  `create index case_note_case on case_note (municipality_id, case_id, signed_at)`,

  // A signed note and a recorded account of the child are part of the file as written: the
  // database refuses to change or remove them. A correction is a new note pointing at the old.
  `create function signed_record_is_final() returns trigger language plpgsql as $$
   begin
     raise exception '% is signed and final: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
   end $$`,
  `create trigger case_note_is_final before update or delete on case_note
     for each row execute function signed_record_is_final()`,
  `create trigger case_note_no_truncate before truncate on case_note
     for each statement execute function signed_record_is_final()`,
  `create trigger childs_voice_is_final before update or delete on childs_voice
     for each row execute function signed_record_is_final()`,
  `create trigger childs_voice_no_truncate before truncate on childs_voice
     for each statement execute function signed_record_is_final()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
