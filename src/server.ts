import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { seedDemoData } from './demo/seed.ts';
import { migrations } from './migrations.ts';
import { todayFor } from './platform/clock.ts';
import { openDatabase } from './platform/db/database.ts';

/** Starts Samtak: embedded PGlite under DATA_DIR by default, PostgreSQL when DATABASE_URL is set. */
const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrations });
if (config.demoData)
  await seedDemoData(db.db, {
    secretKey: config.secretKey,
    log: (line) => console.log(line),
    today: todayFor(config),
  });
const app = await buildApp({ config, db, logger: true });

const shutdown = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

await app.listen({ port: config.port, host: config.host });
console.log(`Samtak is running on ${config.publicUrl} (database: ${db.engine})`);
