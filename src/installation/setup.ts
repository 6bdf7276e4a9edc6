import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { writeAuditEvents } from '../platform/audit/audit.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Database } from '../platform/db/schema.ts';
import { oneTimePasswordHours, type SetupInput } from './domain.ts';

export type SetupOutcome =
  | ({ ok: true; municipalityId: string } & NewAdministrator)
  | { ok: false; problem: 'exists'; existingName: string };

export interface NewAdministrator {
  adminId: string;
  /** Null when the administrator logs in through the identity provider. */
  oneTimePassword: string | null;
  expiresAt: Date | null;
}

/** Who made it: the setup command on the server, or an installation operator (0086). */
export type MadeBy = 'setup' | `operator:${string}`;

/** A random one-time password, its hash and when it stops working. */
export async function oneTimePassword(now: Date) {
  const password = randomBytes(15).toString('base64url');
  return {
    password,
    hash: await hashPassword(password),
    expiresAt: new Date(now.getTime() + oneTimePasswordHours * 3600_000),
  };
}

/**
 * Creates a municipality, its units and its first administrator in one transaction, with the
 * events in the new municipality's chain (no actor: whoever ran the command is not a user of any
 * municipality; the reason says who it was). A code that exists is refused and nothing is
 * written; two runs at once for the same code are serialised by an advisory lock, so one of them
 * is refused rather than failing.
 */
export async function setupMunicipality(
  db: Kysely<Database>,
  input: SetupInput,
  now = new Date(),
  madeBy: MadeBy = 'setup',
): Promise<SetupOutcome> {
  const secret = input.adminOidcSubject ? null : await oneTimePassword(now);
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
    const context = { municipalityId: municipality.id, actor: null, clientAddress: null };
    await writeAuditEvents(trx, context, [
      {
        action: 'municipality.create',
        recordType: 'municipality',
        recordId: municipality.id,
        reason: madeBy,
      },
      ...units.map((u) => ({ action: 'unit.create', recordType: 'unit', recordId: u.id, reason: madeBy })),
    ]);
    const adminUnit = units.find((u) => u.kind === 'administration') ?? units[0];
    const admin = await insertAdministrator(
      trx,
      municipality.id,
      adminUnit?.id ?? null,
      input,
      secret,
      madeBy,
    );
    return { ok: true, municipalityId: municipality.id, ...admin } as const;
  });
}

/**
 * An administrator of a municipality, made from outside it: by setup, or by an operator for a
 * municipality whose administrators have all gone. Returns null when the username is taken there.
 */
export async function insertAdministrator(
  trx: Kysely<Database>,
  municipalityId: string,
  unitId: string | null,
  input: Pick<SetupInput, 'admin' | 'adminName' | 'adminEmail' | 'adminOidcSubject'>,
  secret: Awaited<ReturnType<typeof oneTimePassword>> | null,
  madeBy: MadeBy,
): Promise<NewAdministrator> {
  const admin = await trx
    .insertInto('user_account')
    .values({
      municipality_id: municipalityId,
      unit_id: unitId,
      username: input.admin,
      display_name: input.adminName,
      email: input.adminEmail,
      role: 'administrator',
      password_hash: secret?.hash ?? null,
      must_change_password: secret !== null,
      password_expires_at: secret?.expiresAt ?? null,
      external_subject: input.adminOidcSubject,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAuditEvents(trx, { municipalityId, actor: null, clientAddress: null }, [
    { action: 'user.create', recordType: 'user', recordId: admin.id, reason: madeBy },
  ]);
  return {
    adminId: admin.id,
    oneTimePassword: secret?.password ?? null,
    expiresAt: secret?.expiresAt ?? null,
  };
}
