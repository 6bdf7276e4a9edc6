import { type Kysely, sql } from 'kysely';
import { findingAssessments, visitStatuses } from '../visits.ts';

/**
 * The collaboration layer, fourth part (issue 18, docs/decisions/0108): the coordinator outside
 * every municipality and the follow-up visits. A coordinator is an installation-level account,
 * the kind the installation operator has (its own login, second factor and cookie), marked with
 * the scope it covers: the whole country or one county. A visit belongs to its plan's
 * municipality; its snapshot of the plan is stored once and never changed (a trigger refuses
 * update and delete, as for the audit trail). Nothing here is about a child.
 */
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const statements = [
  `alter table operator_account add column coordinator_scope text
    check (coordinator_scope is null or coordinator_scope = 'national' or coordinator_scope ~ '^[0-9]{2}$')`,
  `alter table operator_account add column coordinator_office text not null default ''
    check (length(coordinator_office) <= 200)`,

  `create table plan_visit (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    plan_id uuid not null references action_plan (id),
    visited_on date not null,
    place text not null default '' check (length(place) <= 200),
    status text not null check (status in (${list(visitStatuses)})),
    report text not null default '' check (length(report) <= 20000),
    created_by uuid not null references operator_account (id),
    created_at timestamptz not null default now(),
    held_at timestamptz,
    reported_at timestamptz
  )`,
  `create index plan_visit_plan on plan_visit (plan_id)`,
  `create index plan_visit_municipality on plan_visit (municipality_id)`,
  `create table plan_visit_visitor (
    visit_id uuid not null references plan_visit (id),
    position smallint not null check (position >= 0),
    coordinator_id uuid references operator_account (id),
    name text not null check (length(name) between 1 and 200),
    organisation text not null check (length(organisation) between 1 and 200),
    primary key (visit_id, position)
  )`,
  `create table plan_visit_attendee (
    visit_id uuid not null references plan_visit (id),
    position smallint not null check (position >= 0),
    name text not null default '' check (length(name) <= 200),
    role text not null check (length(role) between 1 and 200),
    organisation_id uuid references partner_organisation (id),
    organisation_name text not null default '' check (length(organisation_name) <= 200),
    primary key (visit_id, position),
    check (organisation_id is not null or length(organisation_name) > 0)
  )`,
  `create table plan_visit_finding (
    visit_id uuid not null references plan_visit (id),
    measure_id uuid not null references action_plan_measure (id),
    assessment text not null check (assessment in (${list(findingAssessments)})),
    finding text not null default '' check (length(finding) <= 4000),
    primary key (visit_id, measure_id)
  )`,
  // A next step agreed at the visit, as a dated task on its owner organisation's list.
  `create table plan_visit_task (
    id uuid primary key default gen_random_uuid(),
    visit_id uuid not null references plan_visit (id),
    municipality_id uuid not null references municipality (id),
    position smallint not null check (position >= 0),
    description text not null check (length(description) between 1 and 2000),
    measure_id uuid references action_plan_measure (id),
    owner_organisation_id uuid not null references partner_organisation (id),
    owner_role text not null check (length(owner_role) between 1 and 200),
    due_on date not null,
    status text not null default 'open' check (status in ('open', 'done')),
    done_on date,
    done_by uuid references user_account (id),
    unique (visit_id, position)
  )`,
  `create index plan_visit_task_owner on plan_visit_task (owner_organisation_id, status)`,
  `create table plan_visit_snapshot (
    visit_id uuid primary key references plan_visit (id),
    taken_on date not null,
    snapshot jsonb not null,
    digest char(64) not null,
    taken_at timestamptz not null default now()
  )`,
  `create function plan_visit_snapshot_is_frozen() returns trigger language plpgsql as $$
     begin
       raise exception 'plan_visit_snapshot is frozen: % refused', tg_op using errcode = 'insufficient_privilege';
     end $$`,
  `create trigger plan_visit_snapshot_frozen before update or delete on plan_visit_snapshot
     for each row execute function plan_visit_snapshot_is_frozen()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
