import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../platform/db/schema.ts';

/**
 * Throttling of password and one-time-code attempts (docs/decisions/0057).
 *
 * - One address on one account: five failures in fifteen minutes stop that address from trying
 *   that account for fifteen minutes. Someone guessing from elsewhere does not lock the owner out.
 * - One account from everywhere: after ten failures in fifteen minutes the account is slowed, one
 *   attempt per 1, 2, 4 … up to 60 seconds, except from a browser the user signed in with before
 *   (the device cookie), so a spread-out guesser is slowed and the owner is not.
 * - Every attempt is counted before the password is checked, in one statement per counter, so
 *   parallel guesses are counted one by one and at most the allowed number is ever checked.
 * - An unknown username is counted and answered exactly like a known one.
 */
export const throttleRules = {
  windowMinutes: 15,
  addressLimit: 5,
  addressBlockMinutes: 15,
  accountLimit: 10,
  accountMaxDelaySeconds: 60,
};

export interface ThrottleKeys {
  /** The account's counter; also names every counter of the account (for an administrator's unlock). */
  account: string;
  /** This address on this account. */
  address: string;
}

const hmac = (secret: Buffer, text: string) => createHmac('sha256', secret).update(text).digest('base64url');

export const accountKeyOf = (userId: string) => `user:${userId}`;

/** What a username typed at login is known by: the account if it exists, else a keyed hash. */
export function throttleKeys(
  secret: Buffer,
  username: string,
  userId: string | null,
  clientAddress: string,
): ThrottleKeys {
  const account = userId ? accountKeyOf(userId) : `name:${hmac(secret, `name:${username}`)}`;
  return { account, address: `address:${hmac(secret, `${account}|${clientAddress}`)}` };
}

export type Reservation =
  | {
      allowed: true;
      /** Set when this attempt reached a limit: if it fails, attempts from here wait this many minutes. */
      blocksFor: number | null;
    }
  | { allowed: false; minutesLeft: number };

/**
 * Counts an attempt before it is checked. Allowed unless the address (or, without a device
 * cookie, the account) is blocked; the attempt that reaches a limit starts the block itself.
 */
export async function reserveAttempt(
  db: Kysely<Database>,
  keys: ThrottleKeys,
  options: { countAccount: boolean; now?: Date },
): Promise<Reservation> {
  const now = options.now ?? new Date();
  // Every limit is above 1, so a first failure never blocks and the new row needs no block.
  const address = await count(db, keys.address, keys.account, now, {
    limit: throttleRules.addressLimit,
    block: sql`make_interval(mins => ${throttleRules.addressBlockMinutes})`,
  });
  // A refused attempt is refused whatever the account says; it does not count against it either.
  if (!address.counted) return refusal(address.blockedUntil, now);
  if (!options.countAccount) return { allowed: true, blocksFor: minutesUntil(address.blockedUntil, now) };
  const account = await count(db, keys.account, keys.account, now, {
    limit: throttleRules.accountLimit,
    // 1, 2, 4 … seconds per failure over the limit, never more than a minute.
    block: sql`make_interval(secs => least(${throttleRules.accountMaxDelaySeconds},
      power(2, greatest(0, ${failuresAfter(now)} - ${throttleRules.accountLimit}))))`,
  });
  if (!account.counted) return refusal(account.blockedUntil, now);
  const blocksFor = [address.blockedUntil, account.blockedUntil]
    .map((until) => minutesUntil(until, now))
    .reduce((a, b) => (a === null ? b : b === null ? a : Math.max(a, b)), null);
  return { allowed: true, blocksFor };
}

function minutesUntil(until: Date | null, now: Date): number | null {
  return until ? Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60000)) : null;
}

function refusal(blockedUntil: Date | null, now: Date): Reservation {
  return { allowed: false, minutesLeft: minutesUntil(blockedUntil, now) ?? 1 };
}

/** The failure count after this one: a new window starts when the old one is over. */
function failuresAfter(now: Date) {
  const windowStart = new Date(now.getTime() - throttleRules.windowMinutes * 60000);
  return sql`(case when t.first_failure_at < ${windowStart} then 1 else t.failures + 1 end)`;
}

async function count(
  db: Kysely<Database>,
  key: string,
  accountKey: string,
  now: Date,
  rule: { limit: number; block: RawBuilder<unknown> },
): Promise<{ counted: boolean; blockedUntil: Date | null }> {
  const windowStart = new Date(now.getTime() - throttleRules.windowMinutes * 60000);
  const blocked = sql`(t.blocked_until is not null and t.blocked_until > ${now})`;
  const { rows } = await sql<{ counted: boolean; blocked_until: Date | null }>`
    insert into login_throttle as t (key, account_key, failures, first_failure_at, last_failure_at, blocked_until)
    values (${key}, ${accountKey}, 1, ${now}, ${now}, null)
    on conflict (key) do update set
      failures = case when ${blocked} then t.failures else ${failuresAfter(now)} end,
      first_failure_at = case when ${blocked} then t.first_failure_at
        when t.first_failure_at < ${windowStart} then ${now} else t.first_failure_at end,
      last_failure_at = case when ${blocked} then t.last_failure_at else ${now} end,
      blocked_until = case when ${blocked} then t.blocked_until
        when ${failuresAfter(now)} >= ${rule.limit} then ${now}::timestamptz + ${rule.block} end
    returning last_failure_at = ${now} as counted, blocked_until`.execute(db);
  const row = rows[0]!;
  return { counted: row.counted, blockedUntil: row.blocked_until };
}

/** After a successful step: the address and the account start afresh. */
export async function clearAttempts(db: Kysely<Database>, keys: ThrottleKeys): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', 'in', [keys.address, keys.account]).execute();
}

/** An administrator's unlock: every counter of the account, from every address. */
export async function clearAccountThrottle(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('account_key', '=', accountKeyOf(userId)).execute();
}

/** Until when some address (or everyone) is kept from trying the account; for the admin pages. */
export function lockedUntilOf(userIdColumn: string) {
  return sql<Date | null>`(select max(lt.blocked_until) from login_throttle lt
    where lt.account_key = 'user:' || ${sql.ref(userIdColumn)}::text)`;
}

/** Counters of failures long past are of no use: removed now and then by the login route. */
export async function forgetOldAttempts(db: Kysely<Database>, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - 24 * 3600 * 1000);
  await db
    .deleteFrom('login_throttle')
    .where('last_failure_at', '<', cutoff)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now)]))
    .execute();
}

/**
 * The device cookie: set after a complete login, it tells the account throttle that this browser
 * has signed in as this user before. Bound to the user and signed; it grants nothing else.
 */
export const deviceCookieMaxAgeSeconds = 180 * 24 * 3600;
export const deviceCookieName = (secureCookies: boolean) =>
  secureCookies ? '__Host-samtak_device' : 'samtak_device';

export function newDeviceToken(secret: Buffer, userId: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${hmac(secret, `device:${userId}:${nonce}`)}`;
}

export function deviceTokenMatches(secret: Buffer, userId: string, token: string | undefined): boolean {
  const [nonce, mac] = (token ?? '').split('.');
  if (!nonce || !mac) return false;
  const expected = Buffer.from(hmac(secret, `device:${userId}:${nonce}`));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
