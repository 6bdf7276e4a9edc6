import { type Kysely, sql } from 'kysely';

/**
 * Workload, continuity, decisions not carried out and submissions to the state (issue 17, part A;
 * decisions 0096–0099). Every table has the municipality in every key, as in 0001.
 *
 * - workload_weight_set: the municipality's versioned points per case type × phase and its capacity
 *   norm per experience band; a version is never changed, a new one starts on a later day.
 * - workload_profile: a worker's experience (the day it began) and share of full time.
 * - workload_month: each worker's load as kept for a month (recomputed while the month runs).
 * - workload_self_assessment: the worker's own monthly rating 1–5 and comment.
 * - case_responsibility: who was made responsible for a case from which day (continuity).
 * - decision_execution: when a favourable decision was carried out, interrupted, resumed or ended,
 *   and the reasons for a delay (34 kap. SoL).
 * - statistics_submission: every report sent to the state, read-only once written.
 */
const statements = [
  `create table workload_weight_set (
    municipality_id uuid not null references municipality (id),
    version integer not null check (version >= 1),
    valid_from date not null,
    weights jsonb not null,
    norm jsonb not null,
    created_by uuid,
    created_at timestamptz not null default now(),
    primary key (municipality_id, version),
    unique (municipality_id, valid_from)
  )`,
  `create table workload_profile (
    municipality_id uuid not null,
    user_id uuid not null,
    experience_since date not null,
    fte numeric(3, 2) not null default 1 check (fte > 0 and fte <= 1),
    updated_at timestamptz not null default now(),
    primary key (municipality_id, user_id),
    foreign key (municipality_id, user_id) references user_account (municipality_id, id)
  )`,
  `create table workload_month (
    municipality_id uuid not null,
    user_id uuid not null,
    month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    measured_on date not null,
    points numeric(7, 1) not null,
    capacity numeric(7, 1) not null,
    weight_version integer,
    items jsonb not null,
    recomputed_at timestamptz not null default now(),
    primary key (municipality_id, user_id, month),
    foreign key (municipality_id, user_id) references user_account (municipality_id, id)
  )`,
  `create table workload_self_assessment (
    municipality_id uuid not null,
    user_id uuid not null,
    month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    rating integer not null check (rating between 1 and 5),
    comment text not null default '' check (length(comment) <= 2000),
    updated_at timestamptz not null default now(),
    primary key (municipality_id, user_id, month),
    foreign key (municipality_id, user_id) references user_account (municipality_id, id)
  )`,
  `create table case_responsibility (
    municipality_id uuid not null,
    id uuid not null default gen_random_uuid(),
    case_id uuid not null,
    user_id uuid not null,
    from_on date not null,
    created_at timestamptz not null default now(),
    primary key (municipality_id, id),
    foreign key (municipality_id, case_id) references child_case (municipality_id, id),
    foreign key (municipality_id, user_id) references user_account (municipality_id, id)
  )`,
  `create index case_responsibility_case on case_responsibility (municipality_id, case_id, from_on)`,
  `create table decision_execution (
    municipality_id uuid not null,
    case_id uuid not null,
    intervention_type_id uuid not null,
    carried_out_on date,
    interrupted_on date,
    resumed_on date,
    ended_on date,
    delay_reason text check (length(delay_reason) <= 2000),
    updated_at timestamptz not null default now(),
    updated_by uuid,
    primary key (municipality_id, case_id, intervention_type_id),
    foreign key (municipality_id, case_id) references child_case (municipality_id, id),
    foreign key (municipality_id, intervention_type_id) references intervention_type (municipality_id, id),
    check (resumed_on is null or (interrupted_on is not null and resumed_on >= interrupted_on)),
    check (interrupted_on is null or (carried_out_on is not null and interrupted_on >= carried_out_on))
  )`,
  `create table statistics_submission (
    municipality_id uuid not null references municipality (id),
    id uuid not null default gen_random_uuid(),
    kind text not null check (kind in ('ivo', 'register')),
    period_key text not null check (length(period_key) between 1 and 20),
    submitted_at timestamptz not null default now(),
    submitted_by uuid,
    submitted_by_name text not null,
    row_count integer not null,
    payload jsonb not null,
    file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
    primary key (municipality_id, id)
  )`,
  `create index statistics_submission_kind on statistics_submission (municipality_id, kind, submitted_at)`,
  `create function statistics_submission_is_final() returns trigger language plpgsql as $$
   begin
     raise exception 'statistics_submission is read-only: % refused', tg_op using errcode = 'insufficient_privilege';
   end $$`,
  `create trigger statistics_submission_no_update_or_delete before update or delete on statistics_submission
     for each row execute function statistics_submission_is_final()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
