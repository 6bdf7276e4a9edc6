import { type Kysely, sql } from 'kysely';

/**
 * Issue 15. Placements of children outside their home (SoL 2025:400 9, 22, 23 kap.; LVU) and the
 * register of homes they are placed in (docs/design/placements.md, decisions 0070–0079).
 *
 * A placement is the care: its decisions on the legal basis, its periods in homes (a move is a new
 * period), the committee's considerations, dated single steps (plans, the region told, the court),
 * and the visits and talks. A home's address is where the child is: it is read only through the
 * policy (placement.readHomeAddress), as a protected child's address is. Register extracts record
 * only that they were read and the assessment, never their content.
 */
const kindCheck = (column: string, values: readonly string[]) =>
  `check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`;
const forms = [
  'familyHome',
  'kinshipFamilyHome',
  'emergencyHome',
  'residentialCareHome',
  'supportedHousing',
  'protectedHousing',
  'specialYouthHome',
];
const makers = ['committee', 'subcommittee', 'chair', 'official', 'court'];
const formsCheck = (column: string) =>
  `check (${column} <@ array[${forms.map((f) => `'${f}'`).join(', ')}]::text[])`;

const statements = [
  // Which of the municipality's intervention types are placements: a decided one opens a placement.
  `create table placement_intervention_type (
    municipality_id uuid not null,
    intervention_type_id uuid not null,
    primary key (municipality_id, intervention_type_id),
    foreign key (municipality_id, intervention_type_id) references intervention_type (municipality_id, id)
  )`,
  `create table placement_setting (
    municipality_id uuid primary key references municipality (id),
    visits_per_year integer not null default 4 check (visits_per_year between 1 and 52),
    private_talks_per_year integer not null default 4 check (private_talks_per_year between 1 and 52),
    register_extract_max_age_months integer not null default 12
      check (register_extract_max_age_months between 1 and 60)
  )`,

  `create table placement_home (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    kind text not null ${kindCheck('kind', ['privateHome', 'provider'])},
    name text not null check (length(name) between 1 and 200),
    forms text[] not null ${formsCheck('forms')},
    home_municipality_code text not null check (home_municipality_code ~ '^[0-9]{4}$'),
    street_address text check (length(street_address) <= 200),
    postal_code text check (length(postal_code) <= 20),
    city text check (length(city) <= 100),
    ownership text ${kindCheck('ownership', ['private', 'public', 'state'])},
    ivo_permit_reference text check (length(ivo_permit_reference) <= 100),
    ivo_permit_granted_on date,
    ivo_permit_forms text[] not null default '{}' ${formsCheck('ivo_permit_forms')},
    ivo_notified_on date,
    placed_by_others integer not null default 0 check (placed_by_others between 0 and 50),
    created_at timestamptz not null default now(),
    created_by uuid,
    unique (municipality_id, id),
    check ((kind = 'provider') = (ownership is not null))
  )`,
  `create table placement_home_carer (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    home_id uuid not null,
    name text not null check (length(name) between 1 and 200),
    unique (municipality_id, id),
    foreign key (municipality_id, home_id) references placement_home (municipality_id, id)
  )`,
  `create index placement_home_carer_home on placement_home_carer (municipality_id, home_id)`,
  `create table placement_home_investigation (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    home_id uuid not null,
    completed_on date not null,
    result text not null ${kindCheck('result', ['approved', 'notApproved'])},
    recorded_by uuid,
    created_at timestamptz not null default now(),
    foreign key (municipality_id, home_id) references placement_home (municipality_id, id)
  )`,
  `create index placement_home_investigation_home on placement_home_investigation (municipality_id, home_id, completed_on)`,
  `create table placement_home_register_extract (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    home_id uuid not null,
    carer_id uuid not null,
    register text not null ${kindCheck('register', ['criminalRecord', 'suspicionRegister'])},
    obtained_on date not null,
    assessment text not null default '' check (length(assessment) <= 2000),
    recorded_by uuid,
    created_at timestamptz not null default now(),
    foreign key (municipality_id, home_id) references placement_home (municipality_id, id),
    foreign key (municipality_id, carer_id) references placement_home_carer (municipality_id, id)
  )`,
  `create index placement_home_register_extract_home on placement_home_register_extract (municipality_id, home_id)`,
  `create table placement_home_training (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    home_id uuid not null,
    carer_id uuid not null,
    completed_on date not null,
    foreign key (municipality_id, home_id) references placement_home (municipality_id, id),
    foreign key (municipality_id, carer_id) references placement_home_carer (municipality_id, id)
  )`,

  `create table placement (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    child_id uuid not null,
    case_id uuid,
    intervention_type_id uuid,
    unit_id uuid not null,
    designated_worker_id uuid,
    ended_on date,
    end_outcome text ${kindCheck('end_outcome', ['returnedHome', 'otherPlacement', 'custodyTransferred', 'ownHousing', 'turned18', 'turned21', 'other'])},
    reunion_prepared boolean not null default false,
    reunited_on date,
    investigation_closed_on date,
    created_at timestamptz not null default now(),
    created_by uuid,
    unique (municipality_id, id),
    check ((ended_on is null) = (end_outcome is null)),
    foreign key (municipality_id, child_id) references person (municipality_id, id),
    foreign key (municipality_id, case_id) references child_case (municipality_id, id),
    foreign key (municipality_id, unit_id) references unit (municipality_id, id),
    foreign key (municipality_id, designated_worker_id) references user_account (municipality_id, id)
  )`,
  `create index placement_designated_open on placement (municipality_id, designated_worker_id) where ended_on is null`,
  `create index placement_unit on placement (municipality_id, unit_id, ended_on)`,
  `create index placement_child on placement (municipality_id, child_id)`,
  `create index placement_case on placement (municipality_id, case_id)`,
  `create table placement_decision (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    placement_id uuid not null,
    basis text not null ${kindCheck('basis', ['sol', 'lvu2', 'lvu3', 'lvu6'])},
    decided_on date not null,
    decided_by_kind text not null ${kindCheck('decided_by_kind', makers)},
    decided_by_name text not null check (length(decided_by_name) between 1 and 200),
    protocol_reference text not null default '' check (length(protocol_reference) <= 100),
    executed_on date,
    check (executed_on is null or executed_on >= decided_on),
    foreign key (municipality_id, placement_id) references placement (municipality_id, id)
  )`,
  `create index placement_decision_placement on placement_decision (municipality_id, placement_id, decided_on)`,
  `create table placement_period (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    placement_id uuid not null,
    home_id uuid not null,
    form text not null ${kindCheck('form', forms)},
    decided_on date not null,
    decided_by_kind text not null ${kindCheck('decided_by_kind', makers)},
    decided_by_name text not null check (length(decided_by_name) between 1 and 200),
    started_on date not null,
    special_reasons text check (length(special_reasons) <= 2000),
    with_guardian boolean not null default false,
    unique (placement_id, started_on),
    check (started_on >= decided_on),
    foreign key (municipality_id, placement_id) references placement (municipality_id, id),
    foreign key (municipality_id, home_id) references placement_home (municipality_id, id)
  )`,
  `create index placement_period_home on placement_period (municipality_id, home_id, started_on)`,
  `create table placement_consideration (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    placement_id uuid not null,
    kind text not null ${kindCheck('kind', ['reconsideration', 'lvuReview', 'custodyTransfer', 'movingBan'])},
    decided_on date not null,
    decided_by_kind text not null ${kindCheck('decided_by_kind', makers)},
    decided_by_name text not null check (length(decided_by_name) between 1 and 200),
    protocol_reference text not null default '' check (length(protocol_reference) <= 100),
    factors jsonb,
    conclusion text not null default '' check (length(conclusion) <= 20000),
    document jsonb,
    created_by uuid,
    created_at timestamptz not null default now(),
    foreign key (municipality_id, placement_id) references placement (municipality_id, id)
  )`,
  `create index placement_consideration_placement on placement_consideration (municipality_id, placement_id, kind, decided_on desc)`,
  `create table placement_step (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    placement_id uuid not null,
    kind text not null ${kindCheck('kind', [
      'carePlanEstablished',
      'carePlanRevised',
      'implementationPlanEstablished',
      'regionNotified',
      'courtSubmitted',
      'careApplied',
      'applicationExtended',
      'emergencyHomeSpecialReasons',
      'endOfCareRequested',
      'followUpStarted',
      'followUpEnded',
      'fosterAgreementSigned',
    ])},
    on_date date not null,
    extended_to date,
    home_id uuid,
    note text not null default '' check (length(note) <= 20000),
    recorded_by uuid,
    created_at timestamptz not null default now(),
    foreign key (municipality_id, placement_id) references placement (municipality_id, id),
    foreign key (municipality_id, home_id) references placement_home (municipality_id, id)
  )`,
  `create index placement_step_placement on placement_step (municipality_id, placement_id, kind)`,
  `create table placement_restriction (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    placement_id uuid not null,
    kind text not null ${kindCheck('kind', ['contact', 'whereaboutsSecret'])},
    decided_on date not null,
    ended_on date,
    reviewed_on date[] not null default '{}',
    foreign key (municipality_id, placement_id) references placement (municipality_id, id)
  )`,
  `create index placement_restriction_placement on placement_restriction (municipality_id, placement_id)`,
  `create table placement_contact (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    placement_id uuid not null,
    on_date date not null,
    kind text not null ${kindCheck('kind', ['visit', 'talkWithChild', 'talkWithCarers', 'talkWithGuardians'])},
    place text not null ${kindCheck('place', ['placementHome', 'school', 'office', 'otherPlace', 'phone', 'video'])},
    outcome text not null ${kindCheck('outcome', ['made', 'attempted'])},
    child_alone boolean,
    not_alone_reason text ${kindCheck('not_alone_reason', ['childDeclined', 'childTooYoung', 'interpreterPresent', 'carerPresentAtChildsWish', 'noPrivateSpace', 'other'])},
    attended_to text[] not null default '{}'
      check (attended_to <@ array['health', 'development', 'socialBehaviour', 'schooling', 'relations']::text[]),
    note text not null default '' check (length(note) <= 20000),
    recorded_by uuid,
    recorded_by_name text not null default '',
    created_at timestamptz not null default now(),
    foreign key (municipality_id, placement_id) references placement (municipality_id, id)
  )`,
  `create index placement_contact_placement on placement_contact (municipality_id, placement_id, on_date desc)`,

  `create table unaccompanied_minor (
    municipality_id uuid not null,
    child_id uuid not null,
    arrived_on date not null,
    assigned_on date,
    guardian_name text check (length(guardian_name) <= 200),
    guardian_appointed_by text check (length(guardian_appointed_by) <= 200),
    guardian_appointed_on date,
    guardian_contact text check (length(guardian_contact) <= 200),
    residence_permit_on date,
    custodian_applied_on date,
    custodian_not_applied_reason text ${kindCheck('custodian_not_applied_reason', ['turns18Soon', 'parentsArriving', 'other'])},
    custodian_not_applied_text text check (length(custodian_not_applied_text) <= 2000),
    custodian_appointed_on date,
    health_examination_done_on date,
    school_started_on date,
    transition_planned_on date,
    updated_at timestamptz not null default now(),
    primary key (municipality_id, child_id),
    foreign key (municipality_id, child_id) references person (municipality_id, id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
