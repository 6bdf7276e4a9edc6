import { type Kysely, sql } from 'kysely';

/**
 * The staff register for turnover, consultants, workers per manager and mentors (issue 17):
 * staff members, their employments and mentorships, each table with the municipality in every
 * key as in 0001. A second file under the feature's number 0014 (the first holds the indexes), so
 * a database that already ran 0014_statistics gets these tables too.
 */
const statements = [
  `create table staff_member (
    municipality_id uuid not null references municipality (id),
    id uuid not null default gen_random_uuid(),
    name text not null check (length(trim(name)) between 1 and 200),
    created_at timestamptz not null default now(),
    primary key (municipality_id, id)
  )`,
  `create table employment (
    municipality_id uuid not null,
    id uuid not null default gen_random_uuid(),
    staff_member_id uuid not null,
    unit_id uuid not null,
    role text not null check (role in ('socialWorker', 'intakeWorker', 'manager', 'other')),
    started_on date not null,
    ended_on date,
    end_reason text check (end_reason in ('retirement', 'otherEmployer', 'internalMove', 'endOfFixedTerm', 'other')),
    consultant boolean not null default false,
    fte numeric(3, 2) not null default 1 check (fte > 0 and fte <= 1),
    created_at timestamptz not null default now(),
    primary key (municipality_id, id),
    foreign key (municipality_id, staff_member_id) references staff_member (municipality_id, id),
    foreign key (municipality_id, unit_id) references unit (municipality_id, id),
    check (ended_on is null or ended_on >= started_on),
    check ((ended_on is null) = (end_reason is null))
  )`,
  `create index employment_period on employment (municipality_id, started_on, ended_on)`,
  `create table mentorship (
    municipality_id uuid not null,
    id uuid not null default gen_random_uuid(),
    mentor_id uuid not null,
    mentee_id uuid not null,
    from_on date not null,
    to_on date,
    hours_per_week numeric(4, 1) not null check (hours_per_week >= 0 and hours_per_week <= 40),
    created_at timestamptz not null default now(),
    primary key (municipality_id, id),
    foreign key (municipality_id, mentor_id) references staff_member (municipality_id, id),
    foreign key (municipality_id, mentee_id) references staff_member (municipality_id, id),
    check (mentor_id <> mentee_id),
    check (to_on is null or to_on >= from_on)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
