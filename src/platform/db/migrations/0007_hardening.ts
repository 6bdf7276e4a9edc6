import { type Kysely, sql } from 'kysely';

/**
 * Issue 12. Login throttling per account and per address on an account, counted atomically
 * (src/auth/throttle.ts); the account-wide lockout it replaces goes.
 *
 * The log review's "only unusual access" reads the newest unusual events of a period:
 * a small partial index hands them over in time order, so the scan never walks the whole period
 * looking for the few that stand out.
 */
const statements = [
  `create table login_throttle (
    key text primary key,
    account_key text not null,
    failures integer not null,
    first_failure_at timestamptz not null,
    last_failure_at timestamptz not null,
    blocked_until timestamptz
  )`,
  `create index login_throttle_account on login_throttle (account_key)`,
  `create index login_throttle_age on login_throttle (last_failure_at)`,
  `alter table user_account drop column failed_logins, drop column locked_until`,
  `create index audit_event_unusual on audit_event (municipality_id, occurred_at) where unusual`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
