import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyAuditTrail } from '../platform/audit/verify.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { seal } from '../platform/auth/secret-box.ts';
import { newTotpSecret, totpCode } from '../platform/auth/totp.ts';
import { Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createPerson, createUser } from '../testing/factories.ts';
import { installationChain } from './operator.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const password = 'operator password that is long';
let operatorCount = 0;

/** An operator with a chosen password and an enrolled second factor, signed in. */
async function signedInOperator() {
  const secret = newTotpSecret();
  const username = `operator${operatorCount++}`;
  const row = await t.db.db
    .insertInto('operator_account')
    .values({
      username,
      display_name: 'Drift Driftsson',
      password_hash: await hashPassword(password),
      must_change_password: false,
      totp_secret_enc: seal(t.config.secretKey, secret),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const client = new Client(t.app);
  await client.get('/operator/login');
  const first = await client.post('/operator/login', { username, password });
  assert.equal(first.headers.location, '/operator/login/totp', first.body.slice(0, 300));
  await client.get('/operator/login/totp');
  const second = await client.post('/operator/login/totp', { code: totpCode(secret) });
  assert.equal(second.headers.location, '/operator');
  return { client, id: row.id };
}

describe('the installation operator', () => {
  it('starts from a one-time password: new password, second factor, then the list', async () => {
    const oneTime = 'one-time password for the operator';
    await t.db.db
      .insertInto('operator_account')
      .values({
        username: 'first-operator',
        display_name: 'Första driftansvariga',
        password_hash: await hashPassword(oneTime),
        password_expires_at: new Date(Date.now() + 3600_000),
      })
      .execute();
    const client = new Client(t.app);
    await client.get('/operator/login');
    const first = await client.post('/operator/login', { username: 'first-operator', password: oneTime });
    assert.equal(first.headers.location, '/operator/login/password');
    assert.equal((await client.get('/operator')).headers.location, '/operator/login/password');
    await client.get('/operator/login/password');
    const chosen = 'the operator chose this password';
    const changed = await client.post('/operator/login/password', {
      current: oneTime,
      password: chosen,
      repeat: chosen,
    });
    assert.equal(changed.headers.location, '/operator/login/enrol');
    const enrol = await client.get('/operator/login/enrol');
    const key = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(enrol.body)?.[1]?.replace(/\s/g, '') ?? '';
    const sealed = /name="sealed" value="([^"]+)"/.exec(enrol.body)?.[1] ?? '';
    const wrong = await client.post('/operator/login/enrol', { code: '000000', sealed });
    assert.equal(wrong.statusCode, 400);
    const enrolled = await client.post('/operator/login/enrol', { code: totpCode(key), sealed });
    assert.equal(enrolled.headers.location, '/operator');
    const list = await client.get('/operator');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Kommuner i installationen/);
  });

  it('refuses a wrong password like an unknown name, and an expired one-time password', async () => {
    await t.db.db
      .insertInto('operator_account')
      .values({
        username: 'late-operator',
        display_name: 'Sen',
        password_hash: await hashPassword(password),
        password_expires_at: new Date(Date.now() - 1000),
      })
      .execute();
    const client = new Client(t.app);
    await client.get('/operator/login');
    const expired = await client.post('/operator/login', { username: 'late-operator', password });
    const unknown = await client.post('/operator/login', { username: 'nobody-at-all', password });
    assert.equal(expired.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.match(expired.body, /Fel användarnamn eller lösenord/);
    assert.match(unknown.body, /Fel användarnamn eller lösenord/);
  });

  it('creates a municipality whose administrator logs in to it, and refuses the same code twice', async () => {
    const { client, id } = await signedInOperator();
    await client.get('/operator/municipalities/new');
    const bad = await client.post('/operator/municipalities/new', {
      municipality: 'Fjällby',
      code: '12',
      admin: 'fjall-admin',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /fyra siffror/);
    const made = await client.post('/operator/municipalities/new', {
      municipality: 'Fjällby kommun',
      code: '2501',
      admin: 'fjall-admin',
      adminName: 'Fjäll Admin',
    });
    assert.equal(made.statusCode, 200, made.body.slice(0, 400));
    const oneTime = /<code class="one-time-password">([^<]+)<\/code>/.exec(made.body)?.[1];
    assert.ok(oneTime);
    const again = await client.post('/operator/municipalities/new', {
      municipality: 'Fjällby igen',
      code: '2501',
      admin: 'other',
    });
    assert.equal(again.statusCode, 409);
    const admin = new Client(t.app);
    await admin.get('/login?m=2501');
    const first = await admin.post('/login', { m: '2501', username: 'fjall-admin', password: oneTime });
    assert.equal(first.headers.location, '/login/password');
    const municipality = await t.db.db
      .selectFrom('municipality')
      .select('id')
      .where('code', '=', '2501')
      .executeTakeFirstOrThrow();
    const events = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'reason'])
      .where('municipality_id', '=', municipality.id)
      .orderBy('seq')
      .execute();
    assert.equal(events[0]?.action, 'municipality.create');
    assert.equal(events[0]?.reason, `operator:${id}`);
    // A new administrator for it, when the first has gone; the same username is refused.
    await client.get('/operator/municipalities/2501/administrators/new');
    const taken = await client.post('/operator/municipalities/2501/administrators/new', {
      admin: 'fjall-admin',
    });
    assert.equal(taken.statusCode, 409);
    const second = await client.post('/operator/municipalities/2501/administrators/new', {
      admin: 'fjall-admin2',
    });
    assert.equal(second.statusCode, 200);
    assert.equal((await client.get('/operator/municipalities/9876/administrators/new')).statusCode, 404);
  });

  it('deactivates a municipality after the code is typed: its sessions, logins and forms end; reactivates it', async () => {
    const { client } = await signedInOperator();
    const municipalityId = await createMunicipality(t.db.db);
    const { code } = await t.db.db
      .selectFrom('municipality')
      .select('code')
      .where('id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    const worker = await createUser(t.db.db, t.config.secretKey, { municipalityId, role: 'socialWorker' });
    const session = await login(t.app, worker);
    assert.equal((await session.get('/')).statusCode, 200);
    await client.get('/operator');
    const unconfirmed = await client.post(`/operator/municipalities/${code}/deactivate`, { confirm: '0000' });
    assert.equal(unconfirmed.statusCode, 400);
    const done = await client.post(`/operator/municipalities/${code}/deactivate`, { confirm: code });
    assert.equal(done.statusCode, 302);
    assert.match((await client.get(done.headers.location as string)).body, /är inaktiverad/);
    assert.equal((await session.get('/')).headers.location, '/login?next=%2F');
    const again = new Client(t.app);
    await again.get('/login');
    const refused = await again.post('/login', {
      m: code,
      username: worker.username,
      password: worker.password,
    });
    assert.equal(refused.statusCode, 401);
    assert.equal((await new Client(t.app).get(`/report?m=${code}`)).statusCode === 200, false);
    await client.get('/operator');
    await client.post(`/operator/municipalities/${code}/reactivate`, { confirm: code });
    assert.ok(await login(t.app, worker));
  });

  it('reaches no municipal page or API, and a municipal administrator reaches no operator page', async () => {
    const { client } = await signedInOperator();
    const municipalityId = await createMunicipality(t.db.db);
    const child = await createPerson(t.db.db, municipalityId, {
      givenName: 'Operatörshemlig',
      familyName: 'Barnsson',
      birthDate: '2014-02-02',
    });
    const opened: string[] = [];
    for (const route of t.app.routeCatalogue) {
      if (!route.personalData) continue;
      const url = route.url.replace(/:[a-zA-Z]+/g, child.id);
      const response = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
      if (response.statusCode < 300 || response.body.includes('Operatörshemlig'))
        opened.push(`${route.method} ${route.url}: ${response.statusCode}`);
    }
    assert.deepEqual(opened, []);
    const admin = await createUser(t.db.db, t.config.secretKey, { municipalityId, role: 'administrator' });
    const adminClient = await login(t.app, admin);
    for (const url of ['/operator', '/operator/municipalities/new'])
      assert.equal((await adminClient.get(url)).headers.location, '/operator/login');
  });

  it("keeps its logins in the installation's chain, which verifies", async () => {
    await signedInOperator();
    const reports = await verifyAuditTrail(t.db.db);
    const installation = reports.find((r) => r.municipalityId === installationChain);
    assert.ok(installation && installation.events > 0);
    for (const report of reports) assert.deepEqual(report.problems, [], report.municipalityId);
  });
});
