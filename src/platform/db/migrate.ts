import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_cases.ts';
import * as m0003 from './migrations/0003_guide.ts';
import * as m0004 from './migrations/0004_sip.ts';
import * as m0005 from './migrations/0005_benchmark_indexes.ts';
import * as m0006 from './migrations/0006_due_case_indexes.ts';
import * as m0007 from './migrations/0007_hardening.ts';
import type { Database } from './schema.ts';

/** Migrations are listed in code so the same ordered set runs on PGlite and PostgreSQL. */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_cases': m0002,
  '0003_guide': m0003,
  '0004_sip': m0004,
  '0005_benchmark_indexes': m0005,
  '0006_due_case_indexes': m0006,
  '0007_hardening': m0007,
};

class InCodeProvider implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: new InCodeProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
