import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { seedDemoData } from './demo/seed.ts';
import { backupInto } from './installation/backup.ts';
import { assertHasMunicipality } from './installation/first-start.ts';
import { describeStartupFault } from './installation/startup-faults.ts';
import { migrations } from './migrations.ts';
import { assertKeyOpensStoredSecrets } from './platform/auth/key-check.ts';
import { todayFor } from './platform/clock.ts';
import { openDatabase } from './platform/db/database.ts';
import { firstLine } from './platform/startup-error.ts';

/** Starts Samtak: embedded PGlite under DATA_DIR by default, PostgreSQL when DATABASE_URL is set. */
async function start() {
  const config = loadConfig();
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    migrations,
    namedStatements: config.databaseNamedStatements,
    client: config.databaseClient,
  });
  try {
    await assertKeyOpensStoredSecrets(db.db, config.secretKey);
  } catch (error) {
    await db.close();
    throw error;
  }
  if (config.demoData) {
    // Demo data only into a database this start created: never into one that is merely empty
    // of municipalities, which may be a real installation being set up (or a damaged one).
    if (db.created) {
      await seedDemoData(db.db, {
        secretKey: config.secretKey,
        log: (line) => console.log(line),
        today: todayFor(config),
        neighbour: true,
      });
      await db.analyze();
    } else if (!(await db.db.selectFrom('municipality').select('id').limit(1).executeTakeFirst())) {
      console.log(
        'No demo data: the database existed before this start. Start on an empty DATA_DIR for the demo.',
      );
    }
  }
  if (!config.demoData) await assertHasMunicipality(db);
  const app = await buildApp({ config, db, logger: true });

  const shutdown = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // `npm run backup` asks a running app on PGlite for a copy between two transactions (0088).
  if (db.backup)
    process.on('SIGUSR2', () => {
      backupInto(db, config.dataDir).then(
        (path) => console.log(`Backup written: ${path}`),
        (error: unknown) => console.error(`Backup failed: ${firstLine(error)}`),
      );
    });

  await app.listen({ port: config.port, host: config.host });
  console.log(`Samtak is running on ${config.publicUrl} (database: ${db.engine})`);
}

try {
  await start();
} catch (error) {
  const line = describeStartupFault(error, process.env.DATABASE_URL || undefined);
  if (line === null) throw error;
  console.error(`Samtak did not start: ${line}`);
  process.exit(1);
}
