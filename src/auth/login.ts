import type { Kysely } from 'kysely';
import { writeAuditEvents } from '../platform/audit/audit.ts';
import { verifyPassword } from '../platform/auth/passwords.ts';
import { open } from '../platform/auth/secret-box.ts';
import { matchTotp } from '../platform/auth/totp.ts';
import type { Database, UserAccount } from '../platform/db/schema.ts';
import {
  clearAttempts,
  deviceTokenMatches,
  forgetOldAttempts,
  reserveAttempt,
  type ThrottleKeys,
  throttleKeys,
} from './throttle.ts';

export type LoginOutcome =
  | { ok: true; user: UserAccount }
  | { ok: false; problem: 'failed' }
  | { ok: false; problem: 'locked'; minutesLeft: number }
  | { ok: false; problem: 'inactive' }
  | { ok: false; problem: 'chooseMunicipality' };

export interface Attempt {
  secretKey: Buffer;
  clientAddress: string;
  /** The device cookie, if the browser has one: a browser the user signed in with before. */
  deviceToken: string | undefined;
}

let attemptsSinceCleanup = 0;

/** Throttle keys for the account, and whether this browser is one the user signed in with. */
function throttleFor(attempt: Attempt, username: string, user: UserAccount | undefined) {
  const keys = throttleKeys(attempt.secretKey, username, user?.id ?? null, attempt.clientAddress);
  const knownDevice = !!user && deviceTokenMatches(attempt.secretKey, user.id, attempt.deviceToken);
  return { keys, knownDevice };
}

async function reserve(db: Kysely<Database>, keys: ThrottleKeys, knownDevice: boolean) {
  if (++attemptsSinceCleanup >= 100) {
    attemptsSinceCleanup = 0;
    await forgetOldAttempts(db);
  }
  return reserveAttempt(db, keys, { countAccount: !knownDevice });
}

/**
 * The password step. Known and unknown usernames take the same path: counted, checked (a hash
 * is computed either way) and answered alike, so neither the answer nor the lockout tells which
 * accounts exist.
 */
export async function attemptPasswordLogin(
  db: Kysely<Database>,
  municipalityId: string | null,
  username: string,
  password: string,
  attempt: Attempt,
  now = new Date(),
): Promise<LoginOutcome> {
  const normalized = username.trim().toLowerCase();
  // A username is unique within its municipality only (docs/decisions/0085): the login looks in
  // the chosen municipality; without a choice, in every active one, and a username found in
  // more than one asks for the municipality instead of guessing.
  const candidates = await db
    .selectFrom('user_account as u')
    .innerJoin('municipality as m', 'm.id', 'u.municipality_id')
    .selectAll('u')
    .where('m.active', '=', true)
    .where('u.username', '=', normalized)
    .$if(municipalityId !== null, (q) => q.where('u.municipality_id', '=', municipalityId ?? ''))
    .limit(2)
    .execute();
  if (candidates.length > 1) return { ok: false, problem: 'chooseMunicipality' };
  const user = candidates[0];
  const { keys, knownDevice } = throttleFor(
    attempt,
    `${municipalityId ?? user?.municipality_id ?? '-'}:${normalized}`,
    user,
  );
  const reservation = await reserve(db, keys, knownDevice);
  if (!reservation.allowed) {
    if (user) await recordLoginEvent(db, user, 'auth.login', 'denied', 'throttled', attempt.clientAddress);
    return { ok: false, problem: 'locked', minutesLeft: reservation.minutesLeft };
  }
  // A one-time password from the setup that has expired counts as wrong: it was never chosen.
  const expired = !!user?.password_expires_at && user.password_expires_at.getTime() <= now.getTime();
  if (!(await verifyPassword(user?.password_hash ?? null, password)) || !user || expired) {
    const blocksFor = reservation.blocksFor;
    if (user) {
      const reason = blocksFor ? 'lockedOut' : expired ? 'passwordExpired' : 'wrongCredentials';
      await recordLoginEvent(db, user, 'auth.login', 'denied', reason, attempt.clientAddress);
    }
    return blocksFor
      ? { ok: false, problem: 'locked', minutesLeft: blocksFor }
      : { ok: false, problem: 'failed' };
  }
  if (!user.active) {
    await recordLoginEvent(db, user, 'auth.login', 'denied', 'inactive', attempt.clientAddress);
    return { ok: false, problem: 'inactive' };
  }
  await clearAttempts(db, keys);
  await recordLoginEvent(db, user, 'auth.login', 'allowed', null, attempt.clientAddress);
  return { ok: true, user };
}

export type SecondFactorOutcome =
  | { ok: true }
  | { ok: false; problem: 'failed' }
  | { ok: false; problem: 'locked'; minutesLeft: number };

/**
 * The one-time code. Whoever gets here knows the password, so a wrong code is audited as a
 * failed second factor, not as a wrong password, and counts towards the same throttle. A code is
 * used at most once: the step is stored only if it is later than the last one, in one statement.
 */
export async function attemptSecondFactor(
  db: Kysely<Database>,
  user: UserAccount,
  code: string,
  attempt: Attempt,
): Promise<SecondFactorOutcome> {
  const { keys, knownDevice } = throttleFor(attempt, `${user.municipality_id}:${user.username}`, user);
  const reservation = await reserve(db, keys, knownDevice);
  if (!reservation.allowed) {
    await recordLoginEvent(db, user, 'auth.secondFactor', 'denied', 'throttled', attempt.clientAddress);
    return { ok: false, problem: 'locked', minutesLeft: reservation.minutesLeft };
  }
  const step = user.totp_secret_enc ? matchTotp(open(attempt.secretKey, user.totp_secret_enc), code) : null;
  const used =
    step !== null &&
    Number(
      (
        await db
          .updateTable('user_account')
          .set({ totp_last_step: step })
          .where('id', '=', user.id)
          .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
          .executeTakeFirst()
      ).numUpdatedRows,
    ) === 1;
  if (!used) {
    const blocksFor = reservation.blocksFor;
    const reason = blocksFor ? 'lockedOut' : 'wrongCode';
    await recordLoginEvent(db, user, 'auth.secondFactor', 'denied', reason, attempt.clientAddress);
    return blocksFor
      ? { ok: false, problem: 'locked', minutesLeft: blocksFor }
      : { ok: false, problem: 'failed' };
  }
  await clearAttempts(db, keys);
  await recordLoginEvent(db, user, 'auth.secondFactor', 'allowed', null, attempt.clientAddress);
  return { ok: true };
}

/**
 * The current password a password change asks for: counted and checked like a login, so a taken
 * session cannot be used to guess the password at the change form's pace.
 */
export async function checkCurrentPassword(
  db: Kysely<Database>,
  user: UserAccount,
  password: string,
  attempt: Attempt,
): Promise<SecondFactorOutcome> {
  const { keys, knownDevice } = throttleFor(attempt, `${user.municipality_id}:${user.username}`, user);
  const reservation = await reserve(db, keys, knownDevice);
  if (!reservation.allowed) return { ok: false, problem: 'locked', minutesLeft: reservation.minutesLeft };
  if (await verifyPassword(user.password_hash, password)) {
    await clearAttempts(db, keys);
    return { ok: true };
  }
  const blocksFor = reservation.blocksFor;
  await recordLoginEvent(
    db,
    user,
    'auth.passwordChange',
    'denied',
    blocksFor ? 'lockedOut' : 'wrongCredentials',
    attempt.clientAddress,
  );
  return blocksFor
    ? { ok: false, problem: 'locked', minutesLeft: blocksFor }
    : { ok: false, problem: 'failed' };
}

/** Logins are staff data, not a child's; still they belong in the trail a manager reviews. */
export async function recordLoginEvent(
  db: Kysely<Database>,
  user: UserAccount,
  action: string,
  outcome: 'allowed' | 'denied',
  reason: string | null,
  clientAddress: string | null,
): Promise<void> {
  await db.transaction().execute((trx) =>
    writeAuditEvents(
      trx,
      {
        municipalityId: user.municipality_id,
        clientAddress,
        actor: {
          userId: user.id,
          municipalityId: user.municipality_id,
          role: user.role,
          unitId: user.unit_id,
          displayName: user.display_name,
          organisation: user.organisation_name,
          partnerKind: user.partner_kind,
          secondFactorDone: false,
        },
      },
      [{ action, outcome, reason, recordType: 'user', recordId: user.id }],
    ),
  );
}

/** The municipalities one may log in to: the active ones, by name. */
export async function loginMunicipalities(db: Kysely<Database>) {
  return db
    .selectFrom('municipality')
    .select(['id', 'code', 'name'])
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}
