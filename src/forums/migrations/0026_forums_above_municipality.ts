import { type Kysely, sql } from 'kysely';

/**
 * Forums above the municipality (issue 18, docs/decisions/0129), migration 0026: a county network
 * (JämtBus) or a national forum has no municipality; its members are organisations of several
 * municipalities and regions. It is created and chaired by a coordinator outside every
 * municipality (an `operator_account` with a coordinator scope, decision 0108). A municipal forum
 * keeps its municipality; its parent may now be a county forum, and a county forum's the national
 * one. Nothing here is about a child.
 */
const statements = [
  `alter table forum add column reach text not null default 'municipal'
    check (reach in ('municipal', 'county', 'national'))`,
  `alter table forum add column county_code text check (county_code ~ '^[0-9]{2}$')`,
  `alter table forum alter column municipality_id drop not null`,
  `alter table forum alter column created_by drop not null`,
  `alter table forum add column created_by_coordinator uuid references operator_account (id)`,
  `alter table forum add column chair_coordinator_id uuid references operator_account (id)`,
  `alter table forum add constraint forum_reach_home check (
    (reach = 'municipal' and municipality_id is not null and county_code is null)
    or (reach = 'county' and municipality_id is null and county_code is not null)
    or (reach = 'national' and municipality_id is null and county_code is null))`,
  `alter table forum add constraint forum_one_creator check (
    (created_by is null) <> (created_by_coordinator is null))`,
  `create index forum_above_municipality on forum (reach, county_code) where reach <> 'municipal'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
