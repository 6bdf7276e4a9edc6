import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from './config.ts';
import { StartupError } from './platform/startup-error.ts';

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'samtak-config-'));
  dirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const refused = (env: NodeJS.ProcessEnv, pattern: RegExp) =>
  assert.throws(
    () => loadConfig(env),
    (error: Error) => error instanceof StartupError && pattern.test(error.message),
  );

describe('the secret key', () => {
  it('is taken from SECRET_KEY only when it is exactly 64 hex digits', () => {
    const dir = temp();
    assert.equal(loadConfig({ DATA_DIR: dir, SECRET_KEY: 'aB'.repeat(32) }).secretKey.length, 32);
    // Buffer.from(hex) stops at the first non-hex digit: these used to pass as shorter or other keys.
    for (const key of [
      `${'ab'.repeat(32)}zz`,
      `${'ab'.repeat(31)}a`,
      `${'ab'.repeat(31)}zz`,
      'ab'.repeat(33),
    ])
      refused({ DATA_DIR: dir, SECRET_KEY: key }, /SECRET_KEY must be exactly 64 hexadecimal digits/);
  });

  it('must be given with an external database, in any NODE_ENV, and is then never generated', () => {
    const dir = temp();
    for (const NODE_ENV of [undefined, 'production', 'development'])
      refused(
        { DATA_DIR: dir, DATABASE_URL: 'postgres://samtak@127.0.0.1/samtak', NODE_ENV },
        /^SECRET_KEY must be set when DATABASE_URL is set: .*openssl rand -hex 32/,
      );
    assert.throws(() => readFileSync(join(dir, 'secret.key')), /ENOENT/);
    const given = loadConfig({
      DATA_DIR: dir,
      DATABASE_URL: 'postgres://x@127.0.0.1/x',
      SECRET_KEY: 'cd'.repeat(32),
    });
    assert.equal(given.secretKey.toString('hex'), 'cd'.repeat(32));
  });

  it('refuses a secret.key that is not 64 hex digits, naming the file', () => {
    const dir = temp();
    writeFileSync(join(dir, 'secret.key'), `${'ab'.repeat(32)}ff\n`);
    refused(
      { DATA_DIR: dir },
      new RegExp(`${join(dir, 'secret.key')} must hold exactly 64 hexadecimal digits`),
    );
    writeFileSync(join(dir, 'secret.key'), 'not a key');
    refused({ DATA_DIR: dir }, /must hold exactly 64 hexadecimal digits/);
  });

  it('is generated once into an empty DATA_DIR and read back the same', () => {
    const dir = temp();
    const first = loadConfig({ DATA_DIR: dir }).secretKey;
    assert.match(readFileSync(join(dir, 'secret.key'), 'utf8'), /^[0-9a-f]{64}$/);
    assert.deepEqual(loadConfig({ DATA_DIR: dir }).secretKey, first);
  });

  it('is not made anew beside an existing database, whose second-factor secrets need the old one', () => {
    const dir = temp();
    mkdirSync(join(dir, 'pglite'));
    writeFileSync(join(dir, 'pglite', 'PG_VERSION'), '17\n');
    refused({ DATA_DIR: dir }, /secret\.key is missing.*Restore secret\.key/);
    assert.throws(() => readFileSync(join(dir, 'secret.key')), /ENOENT/);
  });
});

describe('TRUST_PROXY', () => {
  it('takes a list of proxy addresses and ranges, as Fastify does', () => {
    const dir = temp();
    assert.equal(loadConfig({ DATA_DIR: dir }).trustProxy, false);
    assert.deepEqual(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '10.0.0.5, 10.0.1.0/24,::1' }).trustProxy, [
      '10.0.0.5',
      '10.0.1.0/24',
      '::1',
    ]);
  });

  it('refuses true, which would believe any client about its own address', () => {
    refused({ DATA_DIR: temp(), TRUST_PROXY: 'true' }, /list the proxies' addresses/);
    refused({ DATA_DIR: temp(), TRUST_PROXY: 'proxy.example' }, /not an address/);
  });
});

describe("PostgreSQL's client library", () => {
  const env = (more: NodeJS.ProcessEnv) => ({ DATA_DIR: temp(), SECRET_KEY: 'ab'.repeat(32), ...more });

  it('is postgres unless pg is asked for, or named statements, which are pg’s (decision 0143)', () => {
    assert.equal(loadConfig(env({})).databaseClient, 'postgres');
    assert.equal(loadConfig(env({ DATABASE_CLIENT: '' })).databaseClient, 'postgres');
    assert.equal(loadConfig(env({ DATABASE_CLIENT: 'pg' })).databaseClient, 'pg');
    assert.equal(loadConfig(env({ DATABASE_NAMED_STATEMENTS: 'true' })).databaseClient, 'pg');
    assert.equal(
      loadConfig(env({ DATABASE_NAMED_STATEMENTS: 'true', DATABASE_CLIENT: 'postgres' })).databaseClient,
      'postgres',
    );
  });

  it('refuses any other name', () => {
    refused(
      env({ DATABASE_CLIENT: 'postgresql' }),
      /^DATABASE_CLIENT must be pg or postgres, not postgresql$/,
    );
  });
});
