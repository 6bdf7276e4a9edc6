import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { migrations } from '../migrations.ts';
import { openDatabase, pidFileName } from '../platform/db/database.ts';
import { firstLine } from '../platform/startup-error.ts';
import { backupInto, backupsIn } from './backup.ts';

/**
 * `npm run backup` and `npm run backup -- --restore <file> --to <empty directory>` (decision 0088).
 * On PGlite with the app running, the app is asked (SIGUSR2, through DATA_DIR/samtak.pid) to write
 * the copy between two transactions, and this waits for it; with no app running, the directory
 * is opened and copied here. On PostgreSQL it prints the pg_dump line: use the database's tools.
 */
function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

let values: { restore?: string | undefined; to?: string | undefined };
try {
  values = parseArgs({
    options: { restore: { type: 'string' }, to: { type: 'string' } },
    strict: true,
  }).values;
} catch (error) {
  fail(`${firstLine(error)}. Usage: npm run backup [-- --restore <file> --to <empty directory>]`);
}

if (values.restore) {
  const to = resolve(values.to ?? '');
  if (!values.to) fail('--to <empty directory> is required with --restore: the new DATA_DIR');
  if (existsSync(to) && readdirSync(to).length > 0)
    fail(`${to} is not empty: restore into an empty directory`);
  let blob: Blob;
  try {
    blob = new Blob([readFileSync(resolve(values.restore))]);
  } catch (error) {
    fail(`The backup ${values.restore} could not be read (${firstLine(error)})`);
  }
  try {
    const pglite = await PGlite.create(join(to, 'pglite'), { loadDataDir: blob });
    await pglite.close();
  } catch (error) {
    fail(`The backup ${values.restore} could not be restored (${firstLine(error)})`);
  }
  console.log(
    `Restored into ${to}. Start with DATA_DIR=${to} and the same SECRET_KEY or secret.key, then run npm run audit:verify.`,
  );
  process.exit(0);
}

if (process.env.DATABASE_URL) {
  console.log(
    'PostgreSQL is backed up with its own tools: pg_dump --format=custom --file=samtak-$(date +%F).dump "$DATABASE_URL" (see README, "Backups").',
  );
  process.exit(0);
}

const dataDir = resolve(process.env.DATA_DIR ?? './data');
const pidFile = join(dataDir, pidFileName);
const running = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : null;
let signalled = false;
if (running) {
  try {
    process.kill(running, 'SIGUSR2');
    signalled = true;
  } catch {
    // The process is gone: the directory is free to open here.
  }
}
if (signalled) {
  const before = new Set(backupsIn(dataDir));
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    const made = backupsIn(dataDir).find((path) => !before.has(path));
    if (made) {
      console.log(`Backup written by the running Samtak (process ${running}): ${made}`);
      process.exit(0);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  fail(`The running Samtak (process ${running}) wrote no backup within ten minutes: see its log`);
}
try {
  const db = await openDatabase({ dataDir, migrations });
  try {
    console.log(`Backup written: ${await backupInto(db, dataDir)}`);
  } finally {
    await db.close();
  }
} catch (error) {
  fail(`No backup: ${firstLine(error)}`);
}
