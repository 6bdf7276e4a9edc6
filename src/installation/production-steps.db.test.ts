import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { totpCode } from '../platform/auth/totp.ts';
import { Browser } from '../testing/browser.ts';
import { createPostgresDatabase, testEngine } from '../testing/database.ts';
import {
  runAuditVerify,
  runServerToExit,
  type ServerProcess,
  startServer,
} from '../testing/server-process.ts';
import { noMunicipalityLine } from './first-start.ts';

/**
 * The README's production steps as written, on a database nobody has touched: a start that says
 * what to run, `npm run setup`, a second setup refused, the start, the administrator's first
 * login (the printed password, a new one, the second factor) and `npm run audit:verify`.
 * On PostgreSQL a new database; on PGlite a new DATA_DIR with DEMO_DATA=false.
 */
const setupScript = fileURLToPath(new URL('./setup-command.ts', import.meta.url));
let env: Record<string, string>;
let cleanup: () => Promise<void>;
const servers: ServerProcess[] = [];

before(async () => {
  const secret = randomBytes(32).toString('hex');
  if (testEngine === 'postgresql') {
    const fresh = await createPostgresDatabase();
    env = { DATABASE_URL: fresh.url, SECRET_KEY: secret, NODE_ENV: 'production' };
    cleanup = fresh.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'samtak-steps-'));
    env = { DATA_DIR: dir, SECRET_KEY: secret, DEMO_DATA: 'false' };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
});
after(async () => {
  for (const server of servers) await server.kill();
  await cleanup();
});

function runSetup(args: string[]) {
  return runServerToExit({ ...env, PUBLIC_URL: 'https://samtak.example.se' }, 60_000, setupScript, args);
}

describe('the README production steps', () => {
  it('a start before setup says in one line what to run, and exits non-zero', async () => {
    const result = await runServerToExit(env);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.ok(lines[0]?.includes(noMunicipalityLine), result.stderr);
  });

  it('setup, start, first login with a new password and the second factor, audit:verify', async () => {
    const done = await runSetup([
      '--municipality',
      'Sjöhamns kommun',
      '--code',
      '2999',
      '--admin',
      'it-admin',
    ]);
    assert.equal(done.code, 0, done.stderr);
    const password = /One-time password: (\S+)/.exec(done.stdout)?.[1];
    assert.ok(password, done.stdout);
    assert.match(
      done.stdout,
      /Log in at https:\/\/samtak\.example\.se\/login\?m=2999: choose a new password, then enrol/,
    );

    const again = await runSetup(['--municipality', 'Sjöhamn igen', '--code', '2999', '--admin', 'other']);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /Municipality 2999 already exists \(Sjöhamns kommun\): setup refused/);
    const bad = await runSetup(['--municipality', 'X', '--code', '29', '--admin', 'it-admin']);
    assert.equal(bad.code, 1);
    assert.equal(bad.stderr.trim().split('\n').length, 1);

    const server = await startServer(env);
    servers.push(server);
    const browser = new Browser(server.baseUrl);
    await browser.get('/login?m=2999');
    const first = await browser.post('/login', { m: '2999', username: 'it-admin', password });
    assert.equal(first.location, '/login/password', first.body.slice(0, 300));
    await browser.get('/login/password');
    const chosen = 'the administrator chose this one';
    const changed = await browser.post('/login/password', {
      current: password,
      password: chosen,
      repeat: chosen,
    });
    assert.equal(changed.location, '/login/enrol', changed.body.slice(0, 300));
    const enrol = await browser.get('/login/enrol');
    const key = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(enrol.body)?.[1]?.replace(/\s/g, '');
    const sealed = /name="sealed" value="([^"]+)"/.exec(enrol.body)?.[1];
    assert.ok(key && sealed, 'the enrolment page shows the key');
    const enrolled = await browser.post('/login/enrol', { code: totpCode(key), sealed });
    assert.equal(enrolled.status, 302, enrolled.body.slice(0, 300));
    const home = await browser.get('/');
    assert.equal(home.status, 200);
    assert.match(home.body, /Administratör/);
    const units = await browser.get('/admin/units');
    assert.equal(units.status, 200);
    assert.match(units.body, /Mottagningen/);
    await server.kill();

    const verified = await runAuditVerify(env);
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /OK .*chain intact/);
  });
});
