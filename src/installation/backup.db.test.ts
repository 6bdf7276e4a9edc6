import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { migrations } from '../migrations.ts';
import { openDatabase } from '../platform/db/database.ts';
import { Browser, signIn } from '../testing/browser.ts';
import { createPostgresDatabase, testEngine } from '../testing/database.ts';
import { createMunicipality, createPerson, createUser, type TestUser } from '../testing/factories.ts';
import {
  runAuditVerify,
  runServerToExit,
  type ServerProcess,
  startServer,
} from '../testing/server-process.ts';

/**
 * A backup restored into a fresh database serves and verifies (decision 0088, README "Backups"):
 * on PostgreSQL with pg_dump and pg_restore as the README says; on PGlite with `npm run backup`
 * while the app serves audited reads, and `npm run backup -- --restore`.
 */
const run = promisify(execFile);
const backupScript = fileURLToPath(new URL('./backup-command.ts', import.meta.url));
const secretKey = 'b8'.repeat(32);
const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});
const temporary = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** A municipality, a social worker with a second factor and a child, in the database at `options`. */
async function world(options: { databaseUrl?: string; dataDir?: string }) {
  const db = await openDatabase({ ...options, migrations });
  try {
    const municipalityId = await createMunicipality(db.db);
    const worker = await createUser(db.db, Buffer.from(secretKey, 'hex'), {
      municipalityId,
      role: 'socialWorker',
    });
    const child = await createPerson(db.db, municipalityId, { givenName: 'Backupbarn' });
    return { municipalityId, worker, childId: child.id };
  } finally {
    await db.close();
  }
}

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServer(env);
  cleanups.push(() => server.kill('SIGKILL'));
  return server;
}

async function personReads(options: { databaseUrl?: string; dataDir?: string }, municipalityId: string) {
  const db = await openDatabase({ ...options, migrations });
  try {
    const row = await db.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'person.read')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.close();
  }
}

/** The restored copy serves: ready, a login, the child's page; then the trail verifies. */
async function servesAndVerifies(env: Record<string, string>, worker: TestUser, childId: string) {
  const server = await start(env);
  assert.equal((await fetch(`${server.baseUrl}/readyz`)).status, 200);
  const browser = new Browser(server.baseUrl);
  await signIn(browser, worker);
  const page = await browser.get(`/people/${childId}`);
  assert.equal(page.status, 200);
  assert.match(page.body, /Backupbarn/);
  await server.kill();
  const verified = await runAuditVerify(env);
  assert.equal(verified.code, 0, verified.stdout + verified.stderr);
  assert.match(verified.stdout, /OK .*chain intact/);
  assert.doesNotMatch(verified.stdout, /BROKEN/);
}

describe('backup and restore', () => {
  it('PostgreSQL: pg_dump, pg_restore into a new database, start, audit:verify', {
    skip: testEngine !== 'postgresql' && 'PostgreSQL only',
    timeout: 180_000,
  }, async () => {
    const original = await createPostgresDatabase();
    cleanups.push(() => original.drop());
    const { municipalityId, worker, childId } = await world({ databaseUrl: original.url });
    const env = { DATABASE_URL: original.url, SECRET_KEY: secretKey };
    const server = await start(env);
    const browser = new Browser(server.baseUrl);
    await signIn(browser, worker);
    for (let n = 0; n < 5; n++) assert.equal((await browser.get(`/people/${childId}`)).status, 200);
    await server.kill();
    const reads = await personReads({ databaseUrl: original.url }, municipalityId);
    assert.equal(reads, 5);

    const file = join(temporary('samtak-dump-'), 'samtak.dump');
    await run('pg_dump', ['--format=custom', `--file=${file}`, original.url]);
    const restored = await createPostgresDatabase();
    cleanups.push(() => restored.drop());
    await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${restored.url}`, file]);
    assert.equal(await personReads({ databaseUrl: restored.url }, municipalityId), reads);
    await servesAndVerifies({ ...env, DATABASE_URL: restored.url }, worker, childId);
  });

  it('PGlite: npm run backup while the app writes, restore into an empty directory, start, audit:verify', {
    skip: testEngine !== 'pglite' && 'PGlite only',
    timeout: 180_000,
  }, async () => {
    const dataDir = temporary('samtak-live-');
    const { municipalityId, worker, childId } = await world({ dataDir });
    const env = { DATA_DIR: dataDir, SECRET_KEY: secretKey };
    const server = await start(env);
    const browser = new Browser(server.baseUrl);
    await signIn(browser, worker);
    let acknowledged = 0;
    let stop = false;
    const load = (async () => {
      while (!stop) if ((await browser.get(`/people/${childId}`)).status === 200) acknowledged++;
    })();
    while (acknowledged < 10) await new Promise((r) => setTimeout(r, 20));
    const beforeBackup = acknowledged;
    const backup = await runServerToExit(env, 120_000, backupScript);
    stop = true;
    await load;
    assert.equal(backup.code, 0, backup.stdout + backup.stderr);
    const file = /Backup written by the running Samtak \(process \d+\): (\S+)/.exec(backup.stdout)?.[1];
    assert.ok(file, backup.stdout);
    // A second process may not open the directory while the app has it.
    const second = await runServerToExit(env);
    assert.equal(second.code, 1);
    assert.match(second.stderr, /Another Samtak \(process \d+\) is using the data directory/);
    await server.kill();

    const target = temporary('samtak-restored-');
    const restore = await runServerToExit(env, 120_000, backupScript, ['--restore', file, '--to', target]);
    assert.equal(restore.code, 0, restore.stdout + restore.stderr);
    const refused = await runServerToExit(env, 60_000, backupScript, ['--restore', file, '--to', target]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /is not empty/);
    const restoredReads = await personReads({ dataDir: target }, municipalityId);
    assert.ok(
      restoredReads >= beforeBackup,
      `${restoredReads} reads restored, ${beforeBackup} acknowledged before`,
    );
    await servesAndVerifies({ DATA_DIR: target, SECRET_KEY: secretKey }, worker, childId);
  });
});
