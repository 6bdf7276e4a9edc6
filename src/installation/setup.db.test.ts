import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyAuditTrail } from '../platform/audit/verify.ts';
import { totpCode } from '../platform/auth/totp.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';
import { checkSetupArgs, type SetupInput } from './domain.ts';
import { setupMunicipality } from './setup.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

let next = 0;
function input(overrides: Record<string, string> = {}): SetupInput {
  const checked = checkSetupArgs({
    municipality: `Setupkommun ${next}`,
    code: String(5000 + next++),
    admin: 'admin',
    ...overrides,
  });
  assert.ok(checked.ok);
  return checked.input;
}

/** Logs in with a one-time password and goes through the steps the README lists. */
async function firstLogin(client: Client, code: string, username: string, password: string) {
  await client.get(`/login?m=${code}`);
  const first = await client.post('/login', { m: code, username, password });
  assert.equal(first.statusCode, 302, first.body.slice(0, 300));
  assert.equal(first.headers.location, '/login/password');
  await client.get('/login/password');
  const newPassword = 'a new password for the first administrator';
  const changed = await client.post('/login/password', {
    current: password,
    password: newPassword,
    repeat: newPassword,
  });
  assert.equal(changed.statusCode, 302, changed.body.slice(0, 300));
  assert.equal(changed.headers.location, '/login/enrol');
  const enrol = await client.get('/login/enrol');
  const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(enrol.body);
  const sealed = /name="sealed" value="([^"]+)"/.exec(enrol.body)?.[1];
  assert.ok(secret && sealed, 'the enrolment page shows the key and carries it sealed');
  const key = (secret[1] ?? '').replace(/\s/g, '');
  const enrolled = await client.post('/login/enrol', { code: totpCode(key), sealed });
  assert.equal(enrolled.statusCode, 302, enrolled.body.slice(0, 300));
  const home = await client.get('/');
  assert.equal(home.statusCode, 200);
  return newPassword;
}

describe('setup', () => {
  it('creates the municipality, its units and an administrator who must choose a password and enrol', async () => {
    const setup = input();
    const outcome = await setupMunicipality(t.db.db, setup);
    assert.ok(outcome.ok && outcome.oneTimePassword);
    const units = await t.db.db
      .selectFrom('unit')
      .select(['name', 'kind'])
      .where('municipality_id', '=', outcome.municipalityId)
      .orderBy('name')
      .execute();
    assert.deepEqual(
      units.map((u) => u.kind),
      ['administration', 'investigation', 'intake'],
    );
    await firstLogin(new Client(t.app), setup.code, 'admin', outcome.oneTimePassword);
    const [chain] = (await verifyAuditTrail(t.db.db)).filter(
      (r) => r.municipalityId === outcome.municipalityId,
    );
    assert.ok(chain);
    assert.deepEqual(chain.problems, []);
    const actions = await t.db.db
      .selectFrom('audit_event')
      .select('action')
      .where('municipality_id', '=', outcome.municipalityId)
      .where('reason', '=', 'setup')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['municipality.create', 'unit.create', 'unit.create', 'unit.create', 'user.create'],
    );
  });

  it('refuses a second run for the same code and changes nothing', async () => {
    const setup = input();
    assert.ok((await setupMunicipality(t.db.db, setup)).ok);
    const count = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('user_account')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const again = await setupMunicipality(t.db.db, {
      ...setup,
      municipality: 'Another name',
      admin: 'other',
    });
    assert.deepEqual(again, { ok: false, problem: 'exists', existingName: setup.municipality });
    assert.equal(await count(), before);
  });

  it('two runs at once for one code: one creates, the other is refused', async () => {
    const setup = input();
    const outcomes = await Promise.all([
      setupMunicipality(t.db.db, setup),
      setupMunicipality(t.db.db, setup),
    ]);
    assert.deepEqual(outcomes.map((o) => o.ok).sort(), [false, true]);
  });

  it('lets the same username live in two municipalities, each with its own password', async () => {
    const a = input();
    const b = input();
    const first = await setupMunicipality(t.db.db, a);
    const second = await setupMunicipality(t.db.db, b);
    assert.ok(first.ok && second.ok && first.oneTimePassword && second.oneTimePassword);
    // B's password in A's municipality is a wrong password, answered as such.
    const crossed = new Client(t.app);
    await crossed.get(`/login?m=${a.code}`);
    const refused = await crossed.post('/login', {
      m: a.code,
      username: 'admin',
      password: second.oneTimePassword,
    });
    assert.equal(refused.statusCode, 401);
    // Without a municipality chosen the login does not guess between the two accounts.
    const unchosen = new Client(t.app);
    await unchosen.get('/login');
    const ambiguous = await unchosen.post('/login', { username: 'admin', password: first.oneTimePassword });
    assert.equal(ambiguous.statusCode, 400);
    assert.match(ambiguous.body, /Välj din kommun/);
    const inA = new Client(t.app);
    await inA.get(`/login?m=${a.code}`);
    const ok = await inA.post('/login', { m: a.code, username: 'admin', password: first.oneTimePassword });
    assert.equal(ok.headers.location, '/login/password');
  });

  it('shows a choice of municipalities on the login page when there are several', async () => {
    const page = await new Client(t.app).get('/login');
    assert.match(page.body, /<select[^>]*name="m"/);
    assert.match(page.body, /Välj kommun/);
  });

  it('refuses a one-time password once it has expired, like a wrong one', async () => {
    const setup = input();
    const outcome = await setupMunicipality(t.db.db, setup, new Date(Date.now() - 73 * 3600_000));
    assert.ok(outcome.ok && outcome.oneTimePassword);
    const client = new Client(t.app);
    await client.get(`/login?m=${setup.code}`);
    const res = await client.post('/login', {
      m: setup.code,
      username: 'admin',
      password: outcome.oneTimePassword,
    });
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /Fel användarnamn eller lösenord/);
  });

  it('makes an administrator who logs in through the identity provider without a password', async () => {
    const setup = input({ 'admin-oidc-subject': 'oidc-admin-subject' });
    const outcome = await setupMunicipality(t.db.db, setup);
    assert.ok(outcome.ok);
    assert.equal(outcome.oneTimePassword, null);
    const row = await t.db.db
      .selectFrom('user_account')
      .select(['password_hash', 'external_subject', 'must_change_password'])
      .where('id', '=', outcome.adminId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, {
      password_hash: null,
      external_subject: 'oidc-admin-subject',
      must_change_password: false,
    });
  });
});
