import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migrations } from '../migrations.ts';
import { todayInSweden } from '../platform/dates.ts';
import { type Db, openDatabase } from '../platform/db/database.ts';
import { firstLine } from '../platform/startup-error.ts';
import { assessableFrom } from './assess.ts';
import { carryOutRetentionRun, pendingRuns } from './cull.ts';

/**
 * `npm run retention:cull -- --municipality <code> [--today YYYY-MM-DD]`: carries out the culling
 * runs an archivist has approved on the retention page (decision 0082), file by file, with the
 * progress on stderr. Each file is re-assessed first; a file that changed is skipped. Run again,
 * it carries on where it stopped and culls nothing twice. Files are named by id only.
 */
const usage = 'Usage: npm run retention:cull -- --municipality <code> [--today YYYY-MM-DD]';
function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

let values: { municipality?: string | undefined; today?: string | undefined };
try {
  values = parseArgs({
    options: { municipality: { type: 'string' }, today: { type: 'string' } },
    strict: true,
  }).values;
} catch (error) {
  fail(`${firstLine(error)}. ${usage}`);
}
const code = values.municipality ?? '';
if (!/^[0-9]{4}$/.test(code)) fail(`--municipality must be the four-digit municipality code. ${usage}`);
const today = values.today ?? todayInSweden();
if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(today) || today < assessableFrom)
  fail(
    `--today must be a date (YYYY-MM-DD) from ${assessableFrom}, when SoL (2025:400) came into force. ${usage}`,
  );

let db: Db;
try {
  db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: resolve(process.env.DATA_DIR ?? './data'),
    migrations,
  });
} catch (error) {
  fail(`The database could not be opened: ${firstLine(error)}`);
}
let failed = false;
try {
  const municipality = await db.db
    .selectFrom('municipality')
    .select(['id', 'code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!municipality) fail(`There is no municipality ${code}`);
  const runs = await pendingRuns(db.db, municipality.id);
  if (runs.length === 0)
    console.log(`No approved culling run for ${municipality.name} (${code}): nothing was removed.`);
  for (const runId of runs) {
    const done = await carryOutRetentionRun(db.db, municipality, runId, today, (p) =>
      process.stderr.write(`\rRun ${runId}: ${p.culled + p.skipped}/${p.total} files`),
    );
    process.stderr.write('\n');
    console.log(
      `Run ${runId} for ${municipality.name} (${code}) on ${today}: ${done.culled} files culled (${done.records} records), ${done.skipped} skipped, of ${done.total}.`,
    );
    const skipped = await db.db
      .selectFrom('retention_run_file')
      .select(['person_id', 'skip_reason'])
      .where('municipality_id', '=', municipality.id)
      .where('run_id', '=', runId)
      .where('state', '=', 'skipped')
      .execute();
    for (const s of skipped) console.log(`  skipped person ${s.person_id}: ${s.skip_reason}`);
    if (skipped.some((s) => s.skip_reason?.startsWith('failed:'))) failed = true;
  }
} finally {
  await db.close();
}
process.exit(failed ? 2 : 0);
