import { type Kysely, sql } from 'kysely';

/**
 * A joint project's figures over time and a visit report's good example (issue 18, docs/decisions
 * 0138 and 0139), migration 0027_joint_project_values: each goal may name its target; a goal's
 * values are kept by period (a month or a quarter), each either entered by hand (with where the
 * figure comes from) or a snapshot of one of Samtak's indicators with small numbers suppressed.
 * Values are never changed: a correction is a later row for the same period, and the page shows
 * the latest. A good example started from a follow-up visit's report names that visit, once.
 * Never about a child.
 */
const statements = [
  `alter table forum_project_goal add column target_value double precision
    check (target_value is null or (target_value > -1e12 and target_value < 1e12))`,
  `create table forum_project_value (
    id uuid primary key default gen_random_uuid(),
    project_id uuid not null references forum_project (id),
    goal_id uuid not null references forum_project_goal (id),
    period_key text not null check (period_key ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
    period_from date not null,
    period_to date not null,
    kind text not null check (kind in ('manual', 'snapshot')),
    value double precision check (value is null or (value > -1e12 and value < 1e12)),
    suppressed boolean not null default false,
    source text not null default '' check (length(source) <= 300),
    recorded_by uuid not null references user_account (id),
    recorded_at timestamptz not null default now(),
    check (period_to >= period_from),
    check (kind = 'snapshot' or (value is not null and not suppressed)),
    check (not suppressed or value is null)
  )`,
  `create index forum_project_value_goal on forum_project_value (goal_id, period_key)`,
  `create index forum_project_value_project on forum_project_value (project_id)`,
  `alter table good_practice add column source_visit_id uuid references plan_visit (id)`,
  `create unique index good_practice_source_visit on good_practice (source_visit_id)
    where source_visit_id is not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
