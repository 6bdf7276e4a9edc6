import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { clearAttempts, forgetOldAttempts, reserveAttempt, throttleKeys } from '../auth/throttle.ts';
import { writeAuditEvents } from '../platform/audit/audit.ts';
import { verifyPassword } from '../platform/auth/passwords.ts';
import { open } from '../platform/auth/secret-box.ts';
import { absoluteTimeoutMs, hashSessionId, idleTimeoutMs } from '../platform/auth/sessions.ts';
import { matchTotp } from '../platform/auth/totp.ts';
import type { Database } from '../platform/db/schema.ts';

/**
 * The installation operator (decision 0086): accounts, sessions and login of their own, outside
 * every municipality. Nothing here reads a person, a case, a report or a plan; what an operator
 * sees of a municipality is its code, name, state and counts.
 */

/** The chain that holds what is about no municipality: refused anonymous requests, operators. */
export const installationChain = '00000000-0000-0000-0000-000000000000';

export interface OperatorSession {
  idHash: string;
  operatorId: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  hasTotp: boolean;
  secondFactorDone: boolean;
  /** A coordinator's account (decision 0108): it has the coordinator's pages, not the operator's. */
  coordinator: boolean;
}

/** The step an operator's half-finished login must take next, or null when it is complete. */
export function operatorStep(session: OperatorSession): string | null {
  if (session.hasTotp && !session.secondFactorDone) return '/operator/login/totp';
  if (session.mustChangePassword) return '/operator/login/password';
  if (!session.hasTotp) return '/operator/login/enrol';
  return null;
}

export async function createOperatorSession(db: Kysely<Database>, operatorId: string): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await db
    .insertInto('operator_session')
    .values({ id_hash: hashSessionId(id), operator_id: operatorId })
    .execute();
  return id;
}

export async function loadOperatorSession(
  db: Kysely<Database>,
  id: string,
  now = new Date(),
): Promise<OperatorSession | null> {
  const idHash = hashSessionId(id);
  const row = await db
    .selectFrom('operator_session as s')
    .innerJoin('operator_account as o', 'o.id', 's.operator_id')
    .select([
      's.created_at',
      's.last_seen_at',
      's.second_factor_done',
      'o.id',
      'o.username',
      'o.display_name',
      'o.must_change_password',
      'o.totp_secret_enc',
      'o.active',
      'o.coordinator_scope',
    ])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  const expired =
    now.getTime() - row.last_seen_at.getTime() > idleTimeoutMs ||
    now.getTime() - row.created_at.getTime() > absoluteTimeoutMs;
  if (expired || !row.active) {
    await db.deleteFrom('operator_session').where('id_hash', '=', idHash).execute();
    return null;
  }
  await db.updateTable('operator_session').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  return {
    idHash,
    operatorId: row.id,
    username: row.username,
    displayName: row.display_name,
    mustChangePassword: row.must_change_password,
    hasTotp: row.totp_secret_enc !== null,
    secondFactorDone: row.second_factor_done,
    coordinator: row.coordinator_scope !== null,
  };
}

export async function destroyOperatorSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('operator_session').where('id_hash', '=', idHash).execute();
}

export interface OperatorAttempt {
  secretKey: Buffer;
  clientAddress: string;
}

export type OperatorLogin =
  | { ok: true; operatorId: string }
  | { ok: false; problem: 'failed' }
  | { ok: false; problem: 'locked'; minutesLeft: number };

/** Counted before it is checked, like a municipal login (src/auth/throttle.ts); unknown names alike. */
export async function attemptOperatorLogin(
  db: Kysely<Database>,
  username: string,
  password: string,
  attempt: OperatorAttempt,
  now = new Date(),
): Promise<OperatorLogin> {
  const normalized = username.trim().toLowerCase();
  const operator = await db
    .selectFrom('operator_account')
    .selectAll()
    .where('username', '=', normalized)
    .executeTakeFirst();
  const keys = throttleKeys(
    attempt.secretKey,
    `operator:${normalized}`,
    operator?.id ?? null,
    attempt.clientAddress,
  );
  await forgetOldAttempts(db, now);
  const reservation = await reserveAttempt(db, keys, { countAccount: true });
  if (!reservation.allowed) return { ok: false, problem: 'locked', minutesLeft: reservation.minutesLeft };
  const expired = !!operator?.password_expires_at && operator.password_expires_at.getTime() <= now.getTime();
  const right = await verifyPassword(operator?.password_hash ?? null, password);
  if (!operator || !right || expired || !operator.active) {
    if (operator) await auditOperator(db, operator.id, 'installation.login', 'denied', attempt.clientAddress);
    return reservation.blocksFor
      ? { ok: false, problem: 'locked', minutesLeft: reservation.blocksFor }
      : { ok: false, problem: 'failed' };
  }
  await clearAttempts(db, keys);
  await auditOperator(db, operator.id, 'installation.login', 'allowed', attempt.clientAddress);
  return { ok: true, operatorId: operator.id };
}

/** The one-time code; a code is used at most once (compare and set in one statement). */
export async function attemptOperatorCode(
  db: Kysely<Database>,
  session: OperatorSession,
  code: string,
  attempt: OperatorAttempt,
): Promise<OperatorLogin> {
  const keys = throttleKeys(
    attempt.secretKey,
    `operator:${session.username}`,
    session.operatorId,
    attempt.clientAddress,
  );
  const reservation = await reserveAttempt(db, keys, { countAccount: true });
  if (!reservation.allowed) return { ok: false, problem: 'locked', minutesLeft: reservation.minutesLeft };
  const operator = await db
    .selectFrom('operator_account')
    .select('totp_secret_enc')
    .where('id', '=', session.operatorId)
    .executeTakeFirstOrThrow();
  const step = operator.totp_secret_enc
    ? matchTotp(open(attempt.secretKey, operator.totp_secret_enc), code)
    : null;
  const used =
    step !== null &&
    Number(
      (
        await db
          .updateTable('operator_account')
          .set({ totp_last_step: step })
          .where('id', '=', session.operatorId)
          .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
          .executeTakeFirst()
      ).numUpdatedRows,
    ) === 1;
  if (!used) {
    await auditOperator(db, session.operatorId, 'installation.secondFactor', 'denied', attempt.clientAddress);
    return reservation.blocksFor
      ? { ok: false, problem: 'locked', minutesLeft: reservation.blocksFor }
      : { ok: false, problem: 'failed' };
  }
  await clearAttempts(db, keys);
  await db
    .updateTable('operator_session')
    .set({ second_factor_done: true })
    .where('id_hash', '=', session.idHash)
    .execute();
  await auditOperator(db, session.operatorId, 'installation.secondFactor', 'allowed', attempt.clientAddress);
  return { ok: true, operatorId: session.operatorId };
}

/** An operator's own doings (logins, lists) in the installation chain, with the operator's id. */
export async function auditOperator(
  db: Kysely<Database>,
  operatorId: string,
  action: string,
  outcome: 'allowed' | 'denied',
  clientAddress: string | null,
): Promise<void> {
  await db
    .transaction()
    .execute((trx) =>
      writeAuditEvents(trx, { municipalityId: installationChain, actor: null, clientAddress }, [
        { action, outcome, recordType: 'operator', recordId: operatorId },
      ]),
    );
}

/** What the operator's list shows: no person, no case, only the municipality and counts. */
export async function municipalityOverview(db: Kysely<Database>) {
  return db
    .selectFrom('municipality as m')
    .select([
      'm.id',
      'm.code',
      'm.name',
      'm.active',
      'm.created_at',
      'm.deactivated_at',
      (eb) =>
        eb
          .selectFrom('user_account as u')
          .select((c) => c.fn.countAll<number>().as('n'))
          .whereRef('u.municipality_id', '=', 'm.id')
          .where('u.active', '=', true)
          .as('users'),
      (eb) =>
        eb
          .selectFrom('user_account as u')
          .select((c) => c.fn.countAll<number>().as('n'))
          .whereRef('u.municipality_id', '=', 'm.id')
          .where('u.active', '=', true)
          .where('u.role', '=', 'administrator')
          .as('administrators'),
      (eb) =>
        eb
          .selectFrom('unit')
          .select((c) => c.fn.countAll<number>().as('n'))
          .whereRef('unit.municipality_id', '=', 'm.id')
          .as('units'),
    ])
    .orderBy('m.name')
    .execute();
}

/**
 * Deactivates or reactivates a municipality, audited in its own chain. Deactivating ends its
 * users' sessions at once; its data stays. False when the code is unknown or already in that state.
 */
export async function setMunicipalityActive(
  db: Kysely<Database>,
  code: string,
  active: boolean,
  operatorId: string,
  clientAddress: string | null,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('municipality')
      .set({ active, deactivated_at: active ? null : sql<Date>`now()` })
      .where('code', '=', code)
      .where('active', '=', !active)
      .returning('id')
      .executeTakeFirst();
    if (!changed) return false;
    if (!active)
      await trx
        .deleteFrom('session')
        .where('user_id', 'in', (eb) =>
          eb.selectFrom('user_account').select('id').where('municipality_id', '=', changed.id),
        )
        .execute();
    await writeAuditEvents(trx, { municipalityId: changed.id, actor: null, clientAddress }, [
      {
        action: active ? 'municipality.reactivate' : 'municipality.deactivate',
        recordType: 'municipality',
        recordId: changed.id,
        reason: `operator:${operatorId}`,
      },
    ]);
    return true;
  });
}
