import type { Kysely } from 'kysely';
import { writeAuditEvents } from '../platform/audit/audit.ts';
import { verifyPassword } from '../platform/auth/passwords.ts';
import type { Database, UserAccount } from '../platform/db/schema.ts';

/** Five failed attempts (password or one-time code) lock the account for fifteen minutes. */
export const maxFailedAttempts = 5;
export const lockoutMinutes = 15;

export type LoginOutcome =
  | { ok: true; user: UserAccount }
  | { ok: false; problem: 'failed' }
  | { ok: false; problem: 'locked'; minutesLeft: number }
  | { ok: false; problem: 'inactive' };

export async function attemptPasswordLogin(
  db: Kysely<Database>,
  username: string,
  password: string,
  clientAddress: string | null,
  now = new Date(),
): Promise<LoginOutcome> {
  const user = await db
    .selectFrom('user_account')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  if (!user) {
    await verifyPassword(null, password);
    return { ok: false, problem: 'failed' };
  }
  const locked = lockedMinutesLeft(user, now);
  if (locked > 0) {
    await recordLoginEvent(db, user, 'auth.login', 'denied', 'locked', clientAddress);
    return { ok: false, problem: 'locked', minutesLeft: locked };
  }
  if (!(await verifyPassword(user.password_hash, password)))
    return registerFailure(db, user, clientAddress, now);
  if (!user.active) {
    await recordLoginEvent(db, user, 'auth.login', 'denied', 'inactive', clientAddress);
    return { ok: false, problem: 'inactive' };
  }
  await db
    .updateTable('user_account')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', user.id)
    .execute();
  await recordLoginEvent(db, user, 'auth.login', 'allowed', null, clientAddress);
  return { ok: true, user };
}

export function lockedMinutesLeft(user: Pick<UserAccount, 'locked_until'>, now: Date): number {
  if (!user.locked_until || user.locked_until <= now) return 0;
  return Math.ceil((user.locked_until.getTime() - now.getTime()) / 60000);
}

/** Counts a failed password or one-time code; the fifth in a row locks the account. */
export async function registerFailure(
  db: Kysely<Database>,
  user: UserAccount,
  clientAddress: string | null,
  now = new Date(),
): Promise<LoginOutcome> {
  const failures = user.failed_logins + 1;
  const lock = failures >= maxFailedAttempts;
  await db
    .updateTable('user_account')
    .set({
      failed_logins: lock ? 0 : failures,
      locked_until: lock ? new Date(now.getTime() + lockoutMinutes * 60000) : user.locked_until,
    })
    .where('id', '=', user.id)
    .execute();
  await recordLoginEvent(
    db,
    user,
    'auth.login',
    'denied',
    lock ? 'lockedOut' : 'wrongCredentials',
    clientAddress,
  );
  return lock
    ? { ok: false, problem: 'locked', minutesLeft: lockoutMinutes }
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
