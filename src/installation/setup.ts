import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { writeAuditEvents } from '../platform/audit/audit.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Database } from '../platform/db/schema.ts';
import { oneTimePasswordHours, type SetupInput } from './domain.ts';

export type SetupOutcome =
  | {
      ok: true;
      municipalityId: string;
      adminId: string;
      /** Null when the administrator logs in through the identity provider. */
      oneTimePassword: string | null;
      expiresAt: Date | null;
    }
  | { ok: false; problem: 'exists'; existingName: string };

/**
 * Creates a municipality, its units and its first administrator in one transaction, with the
 * events in the new municipality's chain (reason `setup`, no actor: whoever ran the command on
 * the server). A code that exists is refused and nothing is written; two runs at once for the
 * same code are serialised by an advisory lock, so one of them is refused rather than failing.
 */
export async function setupMunicipality(
  db: Kysely<Database>,
  input: SetupInput,
  now = new Date(),
): Promise<SetupOutcome> {
  const oneTimePassword = input.adminOidcSubject ? null : randomBytes(15).toString('base64url');
  const passwordHash = oneTimePassword ? await hashPassword(oneTimePassword) : null;
  const expiresAt = oneTimePassword ? new Date(now.getTime() + oneTimePasswordHours * 3600_000) : null;
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`setup:${input.code}`}))`.execute(trx);
    const existing = await trx
      .selectFrom('municipality')
      .select('name')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (existing) return { ok: false, problem: 'exists', existingName: existing.name } as const;
    const municipality = await trx
      .insertInto('municipality')
      .values({ code: input.code, name: input.municipality })
      .returning('id')
      .executeTakeFirstOrThrow();
    const units = await trx
      .insertInto('unit')
      .values(input.units.map((u) => ({ municipality_id: municipality.id, name: u.name, kind: u.kind })))
      .returning(['id', 'kind'])
      .execute();
    const adminUnit = units.find((u) => u.kind === 'administration') ?? units[0];
    const admin = await trx
      .insertInto('user_account')
      .values({
        municipality_id: municipality.id,
        unit_id: adminUnit?.id ?? null,
        username: input.admin,
        display_name: input.adminName,
        email: input.adminEmail,
        role: 'administrator',
        password_hash: passwordHash,
        must_change_password: passwordHash !== null,
        password_expires_at: expiresAt,
        external_subject: input.adminOidcSubject,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAuditEvents(trx, { municipalityId: municipality.id, actor: null, clientAddress: null }, [
      {
        action: 'municipality.create',
        recordType: 'municipality',
        recordId: municipality.id,
        reason: 'setup',
      },
      ...units.map((u) => ({ action: 'unit.create', recordType: 'unit', recordId: u.id, reason: 'setup' })),
      { action: 'user.create', recordType: 'user', recordId: admin.id, reason: 'setup' },
    ]);
    return {
      ok: true,
      municipalityId: municipality.id,
      adminId: admin.id,
      oneTimePassword,
      expiresAt,
    } as const;
  });
}
