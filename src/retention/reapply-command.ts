import { readFileSync, writeFileSync } from 'node:fs';
import { fail, startRetentionCommand } from './command.ts';
import { exportLedger, importLedger, reapplyLedger } from './reapply.ts';

/**
 * `npm run retention:reapply -- --municipality <code> [--ledger <file>] [--today YYYY-MM-DD]`:
 * after a restore, deletes again every culled record the backup brought back, by the culling
 * ledger (decisions 0082, 0117), with progress on stderr. `--ledger` first adds the lines of a
 * ledger saved earlier with `--save-ledger <file>` (the backup's own ledger may be older than the
 * culling). Run twice, the second run removes nothing. Exit 2 when a record could not be removed.
 */
const usage =
  'Usage: npm run retention:reapply -- --municipality <code> [--ledger <file>] [--save-ledger <file>] [--today YYYY-MM-DD]';
const { db, municipality, today, options } = await startRetentionCommand(usage, ['ledger', 'save-ledger']);
const name = `${municipality.name} (${municipality.code})`;
let exitCode = 0;
try {
  if (options['save-ledger']) {
    const lines = await exportLedger(db.db, municipality.id);
    writeFileSync(options['save-ledger'], lines.map((l) => `${JSON.stringify(l)}\n`).join(''), {
      mode: 0o600,
    });
    console.log(`Saved ${lines.length} ledger lines of ${name} to ${options['save-ledger']}.`);
  } else {
    if (options.ledger) {
      let lines: unknown[];
      try {
        lines = readFileSync(options.ledger, 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as unknown);
      } catch {
        await db.close();
        fail(`The ledger file ${options.ledger} could not be read as JSON lines. ${usage}`);
      }
      const added = await importLedger(db.db, municipality.id, lines);
      console.log(`Added ${added} of ${lines.length} ledger lines from ${options.ledger}.`);
    }
    const done = await reapplyLedger(db.db, municipality.id, today, (n, total) =>
      process.stderr.write(`\rRemoved ${n}/${total} records again`),
    );
    if (done.found) process.stderr.write('\n');
    console.log(
      done.found === 0
        ? `Nothing culled has come back in ${name}: nothing was removed.`
        : `Run ${done.runId} for ${name} on ${today}: ${done.removed} of ${done.found} culled records removed again.`,
    );
    for (const f of done.failed) console.log(`  not removed ${f.recordType} ${f.recordId}: failed:${f.code}`);
    if (done.failed.length) exitCode = 2;
  }
} catch (error) {
  console.error(
    error instanceof RangeError ? error.message : 'The reapplying failed; nothing more was removed.',
  );
  exitCode = 1;
} finally {
  await db.close();
}
process.exit(exitCode);
