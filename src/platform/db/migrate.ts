import { type Kysely, type Migration, Migrator } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Every migration of the app by name: the platform's and each feature's, in one list assembled
 * outside the platform (src/migrations.ts), so that a feature adds its tables without editing a
 * platform file. The same set runs on PGlite and PostgreSQL.
 */
export type Migrations = Readonly<Record<string, Migration>>;

/**
 * Brings the database up to the latest migration. Migrations run in the order of their names
 * (their numbers). Features developed side by side get numbers reserved in advance and may land
 * in any order, so a migration numbered below one already applied still runs, once
 * (allowUnorderedMigrations, docs/decisions/0053); a migration must therefore not depend on
 * another feature's migration that might come after it.
 */
export async function migrateToLatest(db: Kysely<Database>, migrations: Migrations): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
