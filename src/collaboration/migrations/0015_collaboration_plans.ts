import { type Kysely, sql } from 'kysely';
import { measureStatuses } from '../../action-plans/measures.ts';
import { matterStatuses } from '../../action-plans/national-matters.ts';
import { planStatuses } from '../../action-plans/plan.ts';
import { planAreas, themes } from '../areas.ts';
import { indicatorDirections, indicatorUnits } from '../indicators.ts';

/**
 * The collaboration layer, second part (issue 18, docs/decisions/0106): a municipality's action
 * plans with their areas, measures (status history, partners, cited good examples), indicators
 * (a Samtak indicator computed live, or values entered by hand with their source) and the matters
 * it raises to the national level. No column holds anything about a child.
 */
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const statements = [
  `create table action_plan (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    series_id uuid not null,
    version integer not null check (version > 0),
    status text not null check (status in (${list(planStatuses)})),
    title text not null check (length(title) between 1 and 200),
    adopted_by_body text not null default '' check (length(adopted_by_body) <= 200),
    adopted_on date,
    deadline date not null,
    summary text not null default '' check (length(summary) <= 8000),
    created_by uuid not null references user_account (id),
    created_at timestamptz not null default now(),
    unique (series_id, version),
    unique (municipality_id, id)
  )`,
  `create unique index action_plan_one_draft on action_plan (series_id) where status = 'draft'`,
  `create unique index action_plan_one_adopted on action_plan (series_id) where status = 'adopted'`,
  `create index action_plan_municipality on action_plan (municipality_id)`,

  `create table action_plan_organisation (
    plan_id uuid not null references action_plan (id),
    organisation_id uuid not null references partner_organisation (id),
    primary key (plan_id, organisation_id)
  )`,
  `create index action_plan_organisation_org on action_plan_organisation (organisation_id)`,

  `create table action_plan_area (
    plan_id uuid not null references action_plan (id),
    position smallint not null check (position >= 0),
    area text not null check (area in (${list(planAreas)})),
    title text not null default '' check (length(title) <= 200),
    rationale text not null check (length(rationale) between 1 and 4000),
    themes text[] not null default '{}' check (themes <@ array[${list(themes)}]::text[]),
    primary key (plan_id, position)
  )`,

  `create table action_plan_measure (
    id uuid primary key default gen_random_uuid(),
    plan_id uuid not null references action_plan (id),
    area_position smallint not null,
    title text not null check (length(title) between 1 and 300),
    description text not null default '' check (length(description) <= 4000),
    owner_organisation_id uuid not null references partner_organisation (id),
    owner_role text not null check (length(owner_role) between 1 and 200),
    starts_on date,
    due_on date not null check (starts_on is null or due_on >= starts_on),
    status text not null check (status in (${list(measureStatuses)})),
    evidence text not null default '' check (length(evidence) <= 4000),
    drop_reason text not null default '' check (length(drop_reason) <= 2000),
    created_at timestamptz not null default now(),
    foreign key (plan_id, area_position) references action_plan_area (plan_id, position)
  )`,
  `create index action_plan_measure_plan on action_plan_measure (plan_id)`,
  `create table action_plan_measure_partner (
    measure_id uuid not null references action_plan_measure (id),
    organisation_id uuid not null references partner_organisation (id),
    primary key (measure_id, organisation_id)
  )`,
  `create table action_plan_measure_example (
    measure_id uuid not null references action_plan_measure (id),
    example_id uuid not null references good_practice (id),
    primary key (measure_id, example_id)
  )`,
  `create index action_plan_measure_example_example on action_plan_measure_example (example_id)`,
  // The visible history of a measure's status: who moved it, when, with what evidence or reason.
  `create table action_plan_measure_status (
    id bigint generated always as identity primary key,
    measure_id uuid not null references action_plan_measure (id),
    from_status text check (from_status in (${list(measureStatuses)})),
    to_status text not null check (to_status in (${list(measureStatuses)})),
    changed_on date not null,
    changed_by uuid references user_account (id),
    evidence text not null default '' check (length(evidence) <= 4000),
    reason text not null default '' check (length(reason) <= 2000),
    recorded_at timestamptz not null default now()
  )`,
  `create index action_plan_measure_status_measure on action_plan_measure_status (measure_id)`,

  `create table plan_indicator (
    id uuid primary key default gen_random_uuid(),
    plan_id uuid not null references action_plan (id),
    area_position smallint not null,
    name text not null check (length(name) between 1 and 200),
    definition text not null check (length(definition) between 1 and 2000),
    unit text not null check (unit in (${list(indicatorUnits)})),
    direction text not null check (direction in (${list(indicatorDirections)})),
    baseline_value numeric not null,
    baseline_on date not null,
    target_value numeric not null,
    target_by date not null check (target_by > baseline_on),
    source_kind text not null check (source_kind in ('samtak', 'manual')),
    samtak_indicator_id text check (length(samtak_indicator_id) <= 100),
    source_description text not null default '' check (length(source_description) <= 500),
    created_at timestamptz not null default now(),
    check ((source_kind = 'samtak') = (samtak_indicator_id is not null)),
    foreign key (plan_id, area_position) references action_plan_area (plan_id, position)
  )`,
  `create table plan_indicator_value (
    id uuid primary key default gen_random_uuid(),
    indicator_id uuid not null references plan_indicator (id),
    measured_on date not null,
    value numeric not null,
    source text not null check (length(source) between 1 and 500),
    entered_by uuid not null references user_account (id),
    entered_at timestamptz not null default now()
  )`,
  `create index plan_indicator_value_indicator on plan_indicator_value (indicator_id, measured_on)`,

  `create table national_matter (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    plan_id uuid references action_plan (id),
    title text not null check (length(title) between 1 and 300),
    description text not null check (length(description) between 1 and 8000),
    themes text[] not null check (themes <@ array[${list(themes)}]::text[] and cardinality(themes) > 0),
    raised_on date not null,
    status text not null check (status in (${list(matterStatuses)})),
    answer text not null default '' check (length(answer) <= 8000),
    answered_by_name text not null default '' check (length(answered_by_name) <= 200),
    answered_on date,
    raised_by uuid not null references user_account (id),
    created_at timestamptz not null default now()
  )`,
  `create index national_matter_municipality on national_matter (municipality_id, raised_on)`,
  `create index national_matter_status on national_matter (status)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
