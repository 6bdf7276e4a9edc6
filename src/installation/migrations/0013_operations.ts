import { type Kysely, sql } from 'kysely';

/**
 * Issue 16, operations (docs/decisions/0083, 0084, 0085).
 * - A municipality can be deactivated (its data stays; its sessions and logins end).
 * - Usernames are unique within a municipality, not across the installation: two municipalities
 *   hosted together may both have an `admin`. OIDC subjects stay unique installation-wide (0085).
 * - A one-time password (from `npm run setup`) expires.
 * - Rate-limit counters shared by every app process on one PostgreSQL: unlogged (a crash may
 *   reset a minute's counts, which is harmless), one row per key and window.
 * - The installation operator (0086): accounts and sessions of their own, outside every
 *   municipality, so no municipal table, session or policy decision ever sees them.
 * - The culling ledger (decisions 0081, 0082): which record was culled, when and by which rule,
 *   with no content, so the log review and a restore can tell "culled" from "never existed".
 */
const statements = [
  `alter table municipality add column active boolean not null default true,
    add column deactivated_at timestamptz`,
  `alter table user_account add column password_expires_at timestamptz`,
  `drop index user_account_username`,
  `create unique index user_account_username on user_account (municipality_id, username)`,
  `create unlogged table rate_limit_bucket (
    key text primary key,
    window_started_at timestamptz not null,
    hits integer not null
  )`,
  `create index rate_limit_bucket_age on rate_limit_bucket (window_started_at)`,
  `create table operator_account (
    id uuid primary key default gen_random_uuid(),
    username text not null unique check (username ~ '^[a-z0-9._-]{3,64}$'),
    display_name text not null check (length(display_name) between 1 and 200),
    password_hash text not null,
    must_change_password boolean not null default true,
    password_expires_at timestamptz,
    totp_secret_enc text,
    totp_last_step bigint,
    active boolean not null default true,
    created_at timestamptz not null default now()
  )`,
  `create table operator_session (
    id_hash text primary key,
    operator_id uuid not null references operator_account (id) on delete cascade,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    second_factor_done boolean not null default false
  )`,
  `create index operator_session_operator on operator_session (operator_id)`,
  `create table retention_culled (
    municipality_id uuid not null references municipality (id),
    record_type text not null,
    record_id text not null,
    culled_on date not null,
    rule_id text not null,
    culled_at timestamptz not null default now(),
    primary key (municipality_id, record_type, record_id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
