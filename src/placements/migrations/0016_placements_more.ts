import { type Kysely, sql } from 'kysely';

/**
 * Issue 15, the rest (docs/decisions/0120–0122). The form an intervention type of placement type
 * opens (the administrator marks them); who decided an LVU 14 § decision on contact or secret
 * whereabouts; moving bans (24–26 §§ LVU) with the committee's application and the court's
 * decision; and the committee's three-monthly reviews of both (14 § tredje stycket, 26 § LVU),
 * each with its decision-maker, since none may be delegated to an official (30 kap. 7 § SoL).
 */
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
const inList = (column: string, values: readonly string[]) =>
  `check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`;

const statements = [
  `alter table placement_intervention_type add column form text ${inList('form', forms)}`,
  `alter table placement_restriction add column decided_by_kind text ${inList('decided_by_kind', makers)}`,
  `alter table placement_restriction add column decided_by_name text check (length(decided_by_name) between 1 and 200)`,
  `alter table placement_restriction add column protocol_reference text not null default '' check (length(protocol_reference) <= 100)`,
  `alter table placement_restriction add column created_by uuid`,
  `alter table placement_restriction add constraint placement_restriction_municipality_id unique (municipality_id, id)`,
  `create table placement_moving_ban (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    placement_id uuid not null,
    applied_on date not null,
    decided_by_kind text not null ${inList('decided_by_kind', makers)},
    decided_by_name text not null check (length(decided_by_name) between 1 and 200),
    protocol_reference text not null default '' check (length(protocol_reference) <= 100),
    court_decided_on date,
    ended_on date,
    created_by uuid,
    created_at timestamptz not null default now(),
    unique (municipality_id, id),
    foreign key (municipality_id, placement_id) references placement (municipality_id, id),
    check (court_decided_on is null or court_decided_on >= applied_on),
    check (ended_on is null or ended_on >= applied_on)
  )`,
  `create index placement_moving_ban_placement on placement_moving_ban (municipality_id, placement_id)`,
  `create table placement_review (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    placement_id uuid not null,
    restriction_id uuid,
    moving_ban_id uuid,
    decided_on date not null,
    decided_by_kind text not null ${inList('decided_by_kind', makers)},
    decided_by_name text not null check (length(decided_by_name) between 1 and 200),
    protocol_reference text not null default '' check (length(protocol_reference) <= 100),
    outcome text not null ${inList('outcome', ['continues', 'ends'])},
    created_by uuid,
    created_at timestamptz not null default now(),
    check ((restriction_id is null) <> (moving_ban_id is null)),
    foreign key (municipality_id, placement_id) references placement (municipality_id, id),
    foreign key (municipality_id, restriction_id) references placement_restriction (municipality_id, id),
    foreign key (municipality_id, moving_ban_id) references placement_moving_ban (municipality_id, id)
  )`,
  `create index placement_review_placement on placement_review (municipality_id, placement_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
