import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../app.ts';
import { demoPassword, demoTotpSecret, seedDemoData } from '../demo/seed.ts';
import { totpCode } from '../platform/auth/totp.ts';
import type { Db } from '../platform/db/database.ts';
import type { App } from '../platform/http/types.ts';
import { Client, testConfig } from '../testing/app.ts';
import { openTestDatabase } from '../testing/database.ts';
import { demoCoordinatorUsername } from './demo-coordinator.ts';

/**
 * The demo's coordinator (decision 0137): signs in at the installation's login with the demo
 * password and second factor and reads the coordinator's overview, which names Sjövik's plan; it
 * has no operator page and no municipal one; a wrong code lets it in nowhere.
 */
const today = '2026-03-13';
let db: Db;
let app: App;

before(async () => {
  db = await openTestDatabase();
  const config = testConfig({ fixedToday: today, rateLimitPerMinute: 1_000_000_000 });
  await seedDemoData(db.db, { secretKey: config.secretKey, log: () => {}, today });
  app = await buildApp({ config, db });
});
after(async () => {
  await app?.close();
  await db?.close();
});

async function signIn(code: string) {
  const client = new Client(app);
  await client.get('/operator/login');
  await client.post('/operator/login', { username: demoCoordinatorUsername, password: demoPassword });
  await client.get('/operator/login/totp');
  const done = await client.post('/operator/login/totp', { code });
  return { client, done };
}

describe('the demo coordinator', () => {
  it('signs in with the demo password and code and sees the coordinator pages only', async () => {
    const wrong = await signIn('000000' === totpCode(demoTotpSecret) ? '111111' : '000000');
    assert.notEqual((await wrong.client.get('/coordinator')).statusCode, 200);
    const { client, done } = await signIn(totpCode(demoTotpSecret));
    assert.equal(done.statusCode, 302);
    const overview = await client.get('/coordinator');
    assert.equal(overview.statusCode, 200);
    assert.match(overview.body, /Samordnarens översikt/);
    assert.match(overview.body, /Karin Samordnare/);
    assert.notEqual((await client.get('/operator')).statusCode, 200);
    assert.notEqual((await client.get('/worklist')).statusCode, 200);
    const account = await db.db
      .selectFrom('operator_account')
      .select(['coordinator_scope', 'must_change_password'])
      .where('username', '=', demoCoordinatorUsername)
      .executeTakeFirstOrThrow();
    assert.deepEqual(account, { coordinator_scope: 'national', must_change_password: false });
  });
});
