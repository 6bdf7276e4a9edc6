import { startRetentionCommand } from './command.ts';
import { carryOutRetentionRun, pendingRuns } from './cull.ts';

/**
 * `npm run retention:cull -- --municipality <code> [--today YYYY-MM-DD]`: carries out the culling
 * runs an archivist has approved on the retention page (decision 0082), file by file, with the
 * progress on stderr. Each file is re-assessed first; a file that changed is skipped. Run again,
 * it carries on where it stopped and culls nothing twice. Files are named by id only.
 */
const usage = 'Usage: npm run retention:cull -- --municipality <code> [--today YYYY-MM-DD]';
const { db, municipality, today } = await startRetentionCommand(usage);
const code = municipality.code;
let failed = false;
try {
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
