import { type Kysely, sql } from 'kysely';

/**
 * Issue 14, the working day (src/workday/): notifications in the app (a case assigned to a worker),
 * the worker's own booked visits and meetings for the calendar, and the secret of each user's
 * calendar feed (only its SHA-256 is kept: the address is the credential, decision 0062).
 */
const statements = [
  `create table workday_notification (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    user_id uuid not null,
    kind text not null check (kind in ('caseAssigned')),
    case_id uuid,
    child_id uuid,
    created_by uuid,
    created_at timestamptz not null default now(),
    read_at timestamptz,
    foreign key (municipality_id, user_id) references user_account (municipality_id, id)
  )`,
  `create index workday_notification_user on workday_notification (municipality_id, user_id, created_at desc)`,
  `create table calendar_appointment (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null,
    user_id uuid not null,
    kind text not null check (kind in ('visit', 'meeting')),
    case_id uuid,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    place text not null default '' check (length(place) <= 200),
    note text not null default '' check (length(note) <= 2000),
    created_at timestamptz not null default now(),
    cancelled_at timestamptz,
    check (ends_at > starts_at),
    foreign key (municipality_id, user_id) references user_account (municipality_id, id)
  )`,
  `create index calendar_appointment_user on calendar_appointment (municipality_id, user_id, starts_at)`,
  `create table calendar_feed (
    municipality_id uuid not null,
    user_id uuid not null,
    token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    created_at timestamptz not null default now(),
    primary key (municipality_id, user_id),
    foreign key (municipality_id, user_id) references user_account (municipality_id, id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
