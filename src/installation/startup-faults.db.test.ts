import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrations } from '../migrations.ts';
import { openDatabase } from '../platform/db/database.ts';
import { createPostgresDatabase, testEngine } from '../testing/database.ts';
import { runServerToExit } from '../testing/server-process.ts';

/** Each fault stops the start with exit 1 and one line on stderr that says what to do. */
const key = 'd4'.repeat(32);
const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function refused(env: Record<string, string>, pattern: RegExp) {
  const result = await runServerToExit(env);
  assert.equal(result.code, 1, result.stdout + result.stderr);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0] ?? '', /^Samtak did not start: /);
  assert.match(lines[0] ?? '', pattern);
  return lines[0] ?? '';
}

describe('start-up faults', () => {
  it('an unreachable database', async () => {
    const line = await refused(
      { DATABASE_URL: 'postgres://samtak:hemligt@127.0.0.1:1/samtak', SECRET_KEY: key },
      /Cannot reach the database at 127\.0\.0\.1:1 .*DATABASE_URL/,
    );
    assert.ok(!line.includes('hemligt'), 'the password is not printed');
  });

  it('a database that does not exist', {
    skip: testEngine !== 'postgresql' && 'PostgreSQL only',
  }, async () => {
    const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
    url.pathname = '/samtak_no_such_database';
    await refused({ DATABASE_URL: url.toString(), SECRET_KEY: key }, /does not exist .*createdb/);
  });

  it('a data directory that cannot be written', async () => {
    await refused({ DATA_DIR: '/dev/null/samtak' }, /\/dev\/null\/samtak/);
    await refused(
      { DATA_DIR: '/dev/null/samtak', SECRET_KEY: key },
      /\/dev\/null\/samtak.*could not be created/,
    );
  });

  it('a malformed SECRET_KEY', async () => {
    await refused(
      { DATA_DIR: '/nonexistent', SECRET_KEY: 'abc' },
      /SECRET_KEY must be exactly 64 hexadecimal digits/,
    );
  });

  it('an external database without SECRET_KEY', async () => {
    await refused(
      { DATABASE_URL: 'postgres://samtak@127.0.0.1:1/samtak', DATA_DIR: '/nonexistent' },
      /SECRET_KEY must be set when DATABASE_URL is set/,
    );
  });

  it('a database migrated by a newer Samtak', async () => {
    let env: Record<string, string>;
    let options: { databaseUrl?: string; dataDir?: string };
    if (testEngine === 'postgresql') {
      const fresh = await createPostgresDatabase();
      cleanups.push(() => fresh.drop());
      env = { DATABASE_URL: fresh.url, SECRET_KEY: key };
      options = { databaseUrl: fresh.url };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'samtak-newer-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      env = { DATA_DIR: dir, SECRET_KEY: key };
      options = { dataDir: dir };
    }
    const db = await openDatabase({ ...options, migrations });
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', now()::text)`.execute(
      db.db,
    );
    await db.close();
    await refused(env, /migrated by a newer Samtak \(migration 9999_from_the_future is unknown/);
  });
});
