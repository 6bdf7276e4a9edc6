import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';

/**
 * The demo's national coordinator (issue 18, docs/decisions/0137): an installation-level account
 * like one `npm run coordinator:create` makes, with the demo's password and second factor, so that
 * the coordinator's pages can be shown at /operator/login → /coordinator without a command.
 * Fictional; only in the demo data, never in an installation's own.
 */
export const demoCoordinatorUsername = 'coordinator';

export async function seedDemoCoordinator(
  db: Kysely<Database>,
  account: { passwordHash: string; totpSecretEnc: string },
): Promise<void> {
  await db
    .insertInto('operator_account')
    .values({
      username: demoCoordinatorUsername,
      display_name: 'Karin Samordnare',
      password_hash: account.passwordHash,
      must_change_password: false,
      totp_secret_enc: account.totpSecretEnc,
      coordinator_scope: 'national',
      coordinator_office: 'Nationell samordnare (demo)',
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .execute();
}
