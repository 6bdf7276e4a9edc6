import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { StartupError } from '../startup-error.ts';
import { open } from './secret-box.ts';

/**
 * The secret key must be the one the second-factor secrets were sealed with. With any other key
 * every one-time-code login would fail (with a 500): better not to start, and say why.
 */
export async function assertKeyOpensStoredSecrets(db: Kysely<Database>, key: Buffer): Promise<void> {
  const row = await db
    .selectFrom('user_account')
    .select('totp_secret_enc')
    .where('totp_secret_enc', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  if (!row?.totp_secret_enc) return;
  try {
    open(key, row.totp_secret_enc);
  } catch {
    throw new StartupError(
      'The secret key (SECRET_KEY, or secret.key in DATA_DIR) is not the one the stored ' +
        'second-factor secrets were sealed with. Restore the right key; nothing was changed.',
    );
  }
}
