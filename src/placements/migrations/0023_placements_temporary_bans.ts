import { type Kysely, sql } from 'kysely';

/**
 * Temporary moving bans (tillfälligt flyttningsförbud, 27–30 §§ LVU; docs/decisions/0113). One row
 * a ban: who decided it (the committee or a subcommittee, its chair or an appointed member when the
 * committee cannot wait, reported at its next meeting, or the court once the committee has applied;
 * never an official, 30 kap. 7 § 11 SoL), the day it was put before the administrative court (28 §),
 * the court's confirmation or not, the committee's application for a moving ban (29 §) as a link to
 * the 24 § application in `placement_moving_ban` (whose court decision ends the temporary ban,
 * 30 § första stycket 2), and the committee's decision that it ends at once (30 § andra stycket).
 * A ban that lapses is not written: its end follows from the dates (src/placements/temporary-ban.ts).
 */
const makers = (column: string, values: readonly string[]) =>
  `check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`;

const statements = [
  `create table placement_temporary_ban (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    placement_id uuid not null,
    decided_on date not null,
    decided_by_kind text not null ${makers('decided_by_kind', ['committee', 'subcommittee', 'chair', 'court'])},
    decided_by_name text not null check (length(decided_by_name) between 1 and 200),
    protocol_reference text not null default '' check (length(protocol_reference) <= 100),
    reported_on date,
    submitted_on date,
    court_reviewed_on date,
    court_confirmed boolean,
    moving_ban_id uuid,
    lifted_on date,
    lifted_by_kind text ${makers('lifted_by_kind', ['committee', 'subcommittee', 'court'])},
    lifted_by_name text check (length(lifted_by_name) between 1 and 200),
    lifted_reason text not null default '' check (length(lifted_reason) <= 2000),
    created_by uuid,
    created_at timestamptz not null default now(),
    unique (municipality_id, id),
    foreign key (municipality_id, placement_id) references placement (municipality_id, id),
    foreign key (municipality_id, moving_ban_id) references placement_moving_ban (municipality_id, id),
    check ((court_reviewed_on is null) = (court_confirmed is null)),
    check (submitted_on is null or submitted_on >= decided_on),
    check (court_reviewed_on is null or (submitted_on is not null and court_reviewed_on >= submitted_on)),
    check (decided_by_kind <> 'court' or (submitted_on is null and moving_ban_id is not null)),
    check (reported_on is null or (decided_by_kind = 'chair' and reported_on >= decided_on)),
    check (lifted_on is null or lifted_on >= decided_on),
    check ((lifted_on is null) = (lifted_by_kind is null) and (lifted_on is null) = (lifted_by_name is null))
  )`,
  `create index placement_temporary_ban_placement on placement_temporary_ban (municipality_id, placement_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
