import { type Kysely, sql } from 'kysely';

/**
 * Issue 14: joint home visits with the police (src/joint-visits/schema.ts, docs/decisions/0066).
 * A visit belongs to a concern report that is linked to a child; the police summary can only be
 * written once the family's consent is recorded, and the visit cannot be before the incident.
 */
const statements = [
  `create table joint_visit (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    report_id uuid not null,
    case_id uuid,
    child_id uuid not null,
    unit_id uuid,
    police_organisation_id uuid not null,
    police_reference text not null check (length(police_reference) between 1 and 60),
    incident_at timestamptz not null,
    visit_at timestamptz not null,
    place text not null check (length(place) between 1 and 200),
    social_services_participants text not null check (length(social_services_participants) between 1 and 500),
    police_participants text not null check (length(police_participants) between 1 and 500),
    child_met_alone boolean,
    child_not_met_alone_reason text check (length(child_not_met_alone_reason) <= 1000),
    childs_account text not null default '' check (length(childs_account) <= 6000),
    risk_factors text not null default '' check (length(risk_factors) <= 4000),
    protective_factors text not null default '' check (length(protective_factors) <= 4000),
    protection_outcome text check (protection_outcome in ('immediateProtectionNeeded', 'noImmediateProtection')),
    support_offered text not null default '' check (length(support_offered) <= 2000),
    support_response text check (support_response in ('accepted', 'partlyAccepted', 'declined', 'undecided')),
    police_summary text check (length(police_summary) <= 2000),
    consent_given_by text check (length(consent_given_by) <= 300),
    consent_given_at timestamptz,
    consent_kinds text[] check (consent_kinds <@ array['summary', 'support', 'followUp']::text[]),
    consent_recorded_by uuid,
    consent_recorded_at timestamptz,
    consent_withdrawn_at timestamptz,
    consent_withdrawn_by uuid,
    consent_withdrawal_note text check (length(consent_withdrawal_note) <= 1000),
    follow_up_on date not null,
    follow_up_user_id uuid not null,
    follow_up_done_on date,
    follow_up_done_by uuid,
    follow_up_note text check (length(follow_up_note) <= 2000),
    recorded_by uuid not null,
    recorded_at timestamptz not null default now(),
    unique (municipality_id, id),
    foreign key (municipality_id, report_id) references report (municipality_id, id),
    foreign key (municipality_id, case_id) references child_case (municipality_id, id),
    foreign key (municipality_id, child_id) references person (municipality_id, id),
    foreign key (municipality_id, unit_id) references unit (municipality_id, id),
    foreign key (municipality_id, police_organisation_id) references partner_organisation (municipality_id, id),
    foreign key (municipality_id, follow_up_user_id) references user_account (municipality_id, id),
    foreign key (municipality_id, recorded_by) references user_account (municipality_id, id),
    foreign key (municipality_id, consent_recorded_by) references user_account (municipality_id, id),
    check (visit_at >= incident_at),
    check ((consent_given_at is null) = (consent_kinds is null)),
    check ((consent_given_at is null) = (consent_recorded_at is null)),
    -- Nothing is noted for the police before the family's consent is recorded.
    check (police_summary is null or consent_given_at is not null),
    check (consent_withdrawn_at is null or consent_given_at is not null),
    check (child_met_alone is not false or child_not_met_alone_reason is not null),
    check ((follow_up_done_on is null) = (follow_up_done_by is null))
  )`,
  `create index joint_visit_report on joint_visit (municipality_id, report_id)`,
  `create index joint_visit_case on joint_visit (municipality_id, case_id)`,
  `create index joint_visit_police on joint_visit (municipality_id, police_organisation_id, visit_at)`,
  `create index joint_visit_unit on joint_visit (municipality_id, unit_id, visit_at)`,
  `create index joint_visit_follow_up on joint_visit (municipality_id, follow_up_user_id, follow_up_on)
     where follow_up_done_on is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
