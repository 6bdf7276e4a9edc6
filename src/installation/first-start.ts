import type { Db } from '../platform/db/database.ts';
import { StartupError } from '../platform/startup-error.ts';

export const noMunicipalityLine =
  'Samtak has no municipality yet: run npm run setup -- --municipality "<name>" --code <four digits> --admin <username>';

/**
 * A start without demo data on a database with no municipality would serve a login nobody can
 * pass: it stops with the one line that says what to run (docs/decisions/0083).
 */
export async function assertHasMunicipality(db: Db): Promise<void> {
  const any = await db.db.selectFrom('municipality').select('id').limit(1).executeTakeFirst();
  if (any) return;
  await db.close();
  throw new StartupError(noMunicipalityLine);
}
