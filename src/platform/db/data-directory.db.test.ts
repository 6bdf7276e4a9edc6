import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { migrations } from '../../migrations.ts';
import { testEngine } from '../../testing/database.ts';
import { runServerToExit, startServer } from '../../testing/server-process.ts';
import { StartupError } from '../startup-error.ts';
import { openDatabase } from './database.ts';

/** Every file under a directory with a hash of its content: "untouched" means equal before and after. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const file = join(path, entry);
      if (statSync(file).isDirectory()) walk(file);
      else files[file.slice(dir.length)] = createHash('sha256').update(readFileSync(file)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

const temp = () => mkdtempSync(join(tmpdir(), 'samtak-datadir-'));
const dirs: string[] = [];
let blank: string;
let valid: string;

// The embedded database's own directory: nothing to test on the PostgreSQL run.
describe('the PGlite data directory', { skip: testEngine !== 'pglite' }, () => {
  before(async () => {
    blank = temp();
    const created = await openDatabase({ dataDir: blank, migrations });
    assert.equal(created.created, true, 'a new directory is a created database');
    await created.close();
    valid = temp();
    dirs.push(blank, valid);
    cpSync(join(blank, 'pglite'), join(valid, 'pglite'), { recursive: true });
    const db = await openDatabase({ dataDir: valid, migrations });
    await db.db.insertInto('municipality').values({ code: '4711', name: 'Kvarvarande kommun' }).execute();
    await db.close();
  });
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the valid database directory, broken by `damage`. */
  function damaged(damage: (pglite: string) => void): string {
    const dir = temp();
    dirs.push(dir);
    cpSync(join(valid, 'pglite'), join(dir, 'pglite'), { recursive: true });
    writeFileSync(join(dir, 'secret.key'), 'ab'.repeat(32));
    damage(join(dir, 'pglite'));
    return dir;
  }

  it('opens an existing database as it is, not as a created one', async () => {
    const db = await openDatabase({ dataDir: valid, migrations });
    try {
      assert.equal(db.created, false);
      const rows = await db.db.selectFrom('municipality').select('name').execute();
      assert.deepEqual(rows, [{ name: 'Kvarvarande kommun' }]);
    } finally {
      await db.close();
    }
  });

  it('refuses a directory without PG_VERSION, naming it, and leaves every file as it was', async () => {
    const dir = damaged((pglite) => rmSync(join(pglite, 'PG_VERSION')));
    const before = snapshot(dir);
    await assert.rejects(openDatabase({ dataDir: dir, migrations }), (error: Error) => {
      assert.ok(error instanceof StartupError);
      assert.match(error.message, new RegExp(`${join(dir, 'pglite')}.*PG_VERSION`));
      assert.match(error.message, /restore it from a backup|Restore it from a backup/);
      return true;
    });
    assert.deepEqual(snapshot(dir), before);
  });

  it('refuses a directory missing its cluster files without letting PGlite write to it', async () => {
    const dir = damaged((pglite) => rmSync(join(pglite, 'base'), { recursive: true }));
    const before = snapshot(dir);
    await assert.rejects(openDatabase({ dataDir: dir, migrations }), /base missing/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('says which directory and what to do when PGlite itself cannot open it', async () => {
    const dir = damaged((pglite) => writeFileSync(join(pglite, 'PG_VERSION'), '9\n'));
    await assert.rejects(openDatabase({ dataDir: dir, migrations }), (error: Error) => {
      assert.ok(error instanceof StartupError);
      assert.ok(error.message.length < 600, 'one readable line, not a dump');
      assert.doesNotMatch(error.message, /\n/);
      assert.match(error.message, new RegExp(`${join(dir, 'pglite')} could not be opened`));
      assert.match(error.message, /restore the directory from a backup/);
      return true;
    });
  });

  it('stops the server with one line and no demo data when the directory is damaged', async () => {
    const dir = damaged((pglite) => rmSync(join(pglite, 'PG_VERSION')));
    const before = snapshot(dir);
    const { code, stdout, stderr } = await runServerToExit({ DATA_DIR: dir });
    assert.equal(code, 1);
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    assert.match(stderr, new RegExp(`^Samtak did not start: The data directory ${join(dir, 'pglite')}`));
    assert.doesNotMatch(stdout, /demo/i);
    assert.deepEqual(snapshot(dir), before);
  });

  it('puts demo data only into a directory that was empty, not into an existing empty database', async () => {
    const server = await startServer({ DATA_DIR: blank, SECRET_KEY: 'ab'.repeat(32) });
    await server.kill();
    assert.doesNotMatch(server.output(), /Creating demo data/);
    assert.match(server.output(), /No demo data/);
    const db = await openDatabase({ dataDir: blank, migrations });
    try {
      assert.deepEqual(await db.db.selectFrom('municipality').select('name').execute(), []);
    } finally {
      await db.close();
    }
  });
});
