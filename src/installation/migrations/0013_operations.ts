import { type Kysely, sql } from 'kysely';

/**
 * Issue 16, operations (docs/decisions/0083, 0084, 0085).
 * - A municipality can be deactivated (its data stays; its sessions and logins end).
 * - Usernames are unique within a municipality, not across the installation: two municipalities
 *   hosted together may both have an `admin`. OIDC subjects stay unique installation-wide (0085).
 * - A one-time password (from `npm run setup`) expires.
 * - Rate-limit counters shared by every app process on one PostgreSQL: unlogged (a crash may
 *   reset a minute's counts, which is harmless), one row per key and window.
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
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
