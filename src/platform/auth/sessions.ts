import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/policy.ts';
import type { Database } from '../db/schema.ts';

/** Sessions end after 30 minutes without activity, and after 12 hours whatever happens. */
export const idleTimeoutMs = 30 * 60 * 1000;
export const absoluteTimeoutMs = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, to keep reads from turning into writes. */
const touchIntervalMs = 60 * 1000;

export interface LoadedSession {
  idHash: string;
  actor: Actor;
  authMethod: 'password' | 'oidc';
  mustChangePassword: boolean;
  hasTotp: boolean;
}

// Only a hash of the session id is stored, so a database reader cannot take over sessions.
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

export async function createSession(
  db: Kysely<Database>,
  input: {
    userId: string;
    authMethod: 'password' | 'oidc';
    secondFactorDone: boolean;
    clientAddress: string | null;
  },
): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await db
    .insertInto('session')
    .values({
      id_hash: hashSessionId(id),
      user_id: input.userId,
      auth_method: input.authMethod,
      second_factor_done: input.secondFactorDone,
      client_address: input.clientAddress,
    })
    .execute();
  return id;
}

export async function loadSession(
  db: Kysely<Database>,
  id: string,
  now = new Date(),
): Promise<LoadedSession | null> {
  const idHash = hashSessionId(id);
  const row = await db
    .selectFrom('session as s')
    .innerJoin('user_account as u', 'u.id', 's.user_id')
    .innerJoin('municipality as mu', 'mu.id', 'u.municipality_id')
    // A partner's organisation is named by its record, so a renamed organisation shows at once.
    .leftJoin('partner_organisation as po', (join) =>
      join
        .onRef('po.municipality_id', '=', 'u.municipality_id')
        .onRef('po.id', '=', 'u.partner_organisation_id'),
    )
    .select('po.name as partner_organisation_name')
    .select([
      's.created_at',
      's.last_seen_at',
      's.second_factor_done',
      's.auth_method',
      'u.id as user_id',
      'u.municipality_id',
      'u.role',
      'u.unit_id',
      'u.display_name',
      'u.organisation_name',
      'u.partner_kind',
      'u.partner_organisation_id',
      'u.administers_organisation',
      'u.active',
      'u.must_change_password',
      'u.totp_secret_enc',
      'mu.active as municipality_active',
    ])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  const expired =
    now.getTime() - row.last_seen_at.getTime() > idleTimeoutMs ||
    now.getTime() - row.created_at.getTime() > absoluteTimeoutMs;
  // A deactivated municipality's sessions end with it (docs/decisions/0083).
  if (expired || !row.active || !row.municipality_active) {
    await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() > touchIntervalMs) {
    await db.updateTable('session').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }
  return {
    idHash,
    authMethod: row.auth_method,
    mustChangePassword: row.must_change_password,
    hasTotp: row.totp_secret_enc !== null,
    actor: {
      userId: row.user_id,
      municipalityId: row.municipality_id,
      role: row.role,
      unitId: row.unit_id,
      displayName: row.display_name,
      organisation: row.partner_organisation_name ?? row.organisation_name,
      partnerKind: row.partner_kind,
      partnerOrganisationId: row.partner_organisation_id,
      administersOrganisation: row.administers_organisation,
      secondFactorDone: row.second_factor_done,
    },
  };
}

export async function destroySession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
}

export async function destroySessionsOfUser(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}
