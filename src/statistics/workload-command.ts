import { loadConfig } from '../config.ts';
import { migrations } from '../migrations.ts';
import { todayFor } from '../platform/clock.ts';
import { openDatabase } from '../platform/db/database.ts';
import { parseWorkloadArgs, recomputeWorkloads } from './workload-job.ts';

/**
 * `npm run workload:recompute -- [--municipality <code>] [--today YYYY-MM-DD]`: run once a night
 * (cron, systemd timer; one job in all, not one per process). Keeps every worker's load for the
 * running month (decision 0128). Progress goes to standard output, faults to standard error with
 * exit code 1.
 */
async function main() {
  const parsed = parseWorkloadArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(parsed.error);
    process.exit(1);
  }
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrations });
  try {
    if (parsed.municipalityCode) {
      const found = await db.db
        .selectFrom('municipality')
        .select('id')
        .where('code', '=', parsed.municipalityCode)
        .executeTakeFirst();
      if (!found) {
        console.error(`There is no municipality ${parsed.municipalityCode}`);
        process.exitCode = 1;
        return;
      }
    }
    const today = parsed.today ?? todayFor(config);
    const result = await recomputeWorkloads(db.db, today, {
      municipalityCode: parsed.municipalityCode,
      progress: (line) => console.log(line),
    });
    console.log(
      `Workload kept for ${today.slice(0, 7)}: ${result.workers} workers in ${result.municipalities} municipalities`,
    );
  } finally {
    await db.close();
  }
}

await main();
