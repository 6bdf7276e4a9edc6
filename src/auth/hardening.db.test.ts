import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../app.ts';
import { noMunicipality } from '../platform/audit/refusals.ts';
import { verifyPassword } from '../platform/auth/passwords.ts';
import { totpCode } from '../platform/auth/totp.ts';
import { Client, login, startTestApp, type TestApp, testConfig } from '../testing/app.ts';
import { createMunicipality, createUser, type TestUser } from '../testing/factories.ts';
import { throttleRules } from './throttle.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const newUser = async (options: Partial<Parameters<typeof createUser>[2]> = {}) =>
  createUser(t.db.db, t.config.secretKey, {
    municipalityId: await createMunicipality(t.db.db),
    role: 'socialWorker',
    ...options,
  });

async function passwordStep(user: TestUser, client = new Client(t.app)) {
  await client.get('/login');
  const res = await client.post('/login', { username: user.username, password: user.password });
  return { client, res };
}

const auditOf = (municipalityId: string, action: string) =>
  t.db.db
    .selectFrom('audit_event')
    .select(['action', 'outcome', 'reason', 'record_id', 'actor_user_id'])
    .where('municipality_id', '=', municipalityId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

describe('a half-signed-in session', () => {
  it('cannot change the password after the password step alone', async () => {
    const user = await newUser();
    const { client, res } = await passwordStep(user);
    assert.equal(res.headers.location, '/login/totp');
    assert.equal((await client.get('/login/password')).headers.location, '/login/totp');
    await client.get('/login/totp'); // a form token of this session, as the attacker would have
    const attempt = await client.post('/login/password', {
      current: user.password,
      password: 'the attacker chose this one',
      repeat: 'the attacker chose this one',
    });
    assert.equal(attempt.statusCode, 302);
    assert.equal(attempt.headers.location, '/login/totp');
    const row = await t.db.db
      .selectFrom('user_account')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.ok(await verifyPassword(row.password_hash, user.password), 'the password is unchanged');
  });

  it('cannot enrol a new second factor in place of the existing one', async () => {
    const user = await newUser();
    const { client } = await passwordStep(user);
    assert.equal((await client.get('/login/enrol')).headers.location, '/login/totp');
  });

  it('is no one to the pages it is not at: the header names nobody', async () => {
    const user = await newUser();
    const { client } = await passwordStep(user);
    const guide = await client.get('/guide/sv');
    assert.equal(guide.statusCode, 200);
    assert.doesNotMatch(guide.body, /Inloggad som/);
  });
});

describe('a password change', () => {
  it('counts wrong current passwords like failed logins: a taken session cannot guess on', async () => {
    const user = await newUser();
    const client = await login(t.app, user);
    await client.get('/login/password');
    const statuses: number[] = [];
    for (let i = 0; i < throttleRules.addressLimit; i++)
      statuses.push(
        (
          await client.post('/login/password', {
            current: `guess-${i}`,
            password: 'a new long password',
            repeat: 'a new long password',
          })
        ).statusCode,
      );
    const right = await client.post('/login/password', {
      current: user.password,
      password: 'a new long password',
      repeat: 'a new long password',
    });
    assert.equal(right.statusCode, 429, statuses.join());
    assert.match(right.body, /spärrat/);
  });

  it('ends the user’s other sessions and keeps this one', async () => {
    const user = await newUser();
    const here = await login(t.app, user);
    const there = await login(t.app, user);
    assert.equal((await there.get('/')).statusCode, 200);
    await here.get('/login/password');
    const changed = await here.post('/login/password', {
      current: user.password,
      password: 'a brand new long password',
      repeat: 'a brand new long password',
    });
    assert.equal(changed.headers.location, '/');
    assert.equal((await here.get('/')).statusCode, 200);
    assert.match((await there.get('/')).headers.location ?? '', /^\/login/);
  });
});

describe('login throttling', () => {
  it('counts parallel guesses one by one: at most five are checked, then the address waits', async () => {
    const user = await newUser();
    const client = new Client(t.app);
    await client.get('/login');
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        client.post('/login', { username: user.username, password: `x${i}` }),
      ),
    ).then((all) => all.map((r) => r.statusCode));
    assert.equal(statuses.filter((s) => s === 401).length, throttleRules.addressLimit - 1, statuses.join());
    assert.equal(statuses.filter((s) => s === 429).length, 12 - (throttleRules.addressLimit - 1));
    const right = await client.post('/login', { username: user.username, password: user.password });
    assert.equal(right.statusCode, 429);
  });

  it('slows an account guessed from many addresses, but not the owner’s own browser', async () => {
    const user = await newUser();
    const owner = await login(t.app, user); // signs in once: the browser gets its device cookie
    await owner.post('/logout');
    for (let i = 0; i < throttleRules.accountLimit; i++) {
      const guesser = new Client(t.app);
      await guesser.get('/login');
      await guesser.post('/login', { username: user.username, password: `guess-${i}` });
    }
    const next = new Client(t.app);
    await next.get('/login');
    const slowed = await next.post('/login', { username: user.username, password: user.password });
    assert.equal(slowed.statusCode, 429, 'a new address must wait, even with the right password');
    await owner.get('/login');
    const own = await owner.post('/login', { username: user.username, password: user.password });
    assert.equal(own.statusCode, 302);
    assert.equal(own.headers.location, '/login/totp');
  });

  it('answers an unknown username exactly as a known one, lockout included', async () => {
    const user = await newUser();
    const run = async (username: string) => {
      const client = new Client(t.app);
      await client.get('/login');
      const answers: string[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await client.post('/login', { username, password: `wrong-${i}` });
        const message = /class="error-summary"[\s\S]*?<li>([\s\S]*?)<\/li>/.exec(res.body)?.[1] ?? res.body;
        answers.push(`${res.statusCode} ${message.replace(/<[^>]+>/g, '').trim()}`);
      }
      return answers;
    };
    const known = await run(user.username);
    const unknown = await run(`nobody-${user.username}`);
    assert.deepEqual(unknown, known);
    assert.match(known.at(-1)!, /^429 .*spärrat/);
  });

  it('audits a wrong one-time code as a failed second factor, not as a wrong password', async () => {
    const user = await newUser();
    const { client } = await passwordStep(user);
    await client.get('/login/totp');
    const wrong = totpCode(user.totpSecret!) === '000000' ? '111111' : '000000';
    assert.equal((await client.post('/login/totp', { code: wrong })).statusCode, 400);
    const events = await auditOf(user.municipalityId, 'auth.secondFactor');
    assert.deepEqual(
      events.map((e) => [e.outcome, e.reason]),
      [['denied', 'wrongCode']],
    );
    const logins = await auditOf(user.municipalityId, 'auth.login');
    assert.deepEqual(
      logins.map((e) => [e.outcome, e.reason]),
      [['allowed', null]],
    );
  });

  it('uses a one-time code once even when it is sent twice at the same moment', async () => {
    const user = await newUser();
    const a = await passwordStep(user);
    const b = await passwordStep(user);
    await a.client.get('/login/totp');
    await b.client.get('/login/totp');
    const code = totpCode(user.totpSecret!);
    const [first, second] = await Promise.all([
      a.client.post('/login/totp', { code }),
      b.client.post('/login/totp', { code }),
    ]);
    assert.deepEqual([first.statusCode, second.statusCode].sort(), [302, 400]);
  });
});

describe('redirect after login', () => {
  it('stays on this site whatever the next parameter hides', async () => {
    const user = await newUser({ role: 'statisticsReader', withTotp: false });
    for (const next of [
      '/%09/evil.example/x',
      '/\t/evil.example/x',
      '/\\evil.example',
      '/\n/evil.example',
      '//evil.example',
    ]) {
      const client = new Client(t.app);
      await client.get(`/login?next=${encodeURIComponent(next)}`);
      const res = await client.post('/login', { username: user.username, password: user.password, next });
      const target = new URL(String(res.headers.location), 'http://localhost');
      assert.equal(target.origin, 'http://localhost', `${JSON.stringify(next)} → ${res.headers.location}`);
      // What the browser does with it: tabs and line breaks are dropped, \ is /.
      const browser = new URL(String(res.headers.location).replace(/[\t\n\r]/g, ''), 'http://localhost');
      assert.equal(browser.origin, 'http://localhost');
    }
    const client = new Client(t.app);
    await client.get('/login');
    const res = await client.post('/login', {
      username: user.username,
      password: user.password,
      next: '/statistics?year=2026',
    });
    assert.equal(res.headers.location, '/statistics?year=2026');
  });
});

describe('refused requests', () => {
  it('audits a forged form of a signed-in user in the user’s municipality, by route pattern', async () => {
    const user = await newUser();
    const client = await login(t.app, user);
    const res = await client.post('/people', { _csrf: 'forged', givenName: 'Elsa', familyName: 'Test' });
    assert.equal(res.statusCode, 403);
    const events = await auditOf(user.municipalityId, 'request.refused');
    assert.deepEqual(
      events.map((e) => [e.reason, e.record_id, e.actor_user_id]),
      [['csrf', 'POST /people', user.id]],
    );
  });

  it('audits anonymous refusals in the chain of no municipality', async () => {
    const before = await auditOf(noMunicipality, 'request.refused');
    const client = new Client(t.app);
    assert.equal((await client.get('/api/v1/people?q=Berg')).statusCode, 401);
    await client.get('/login');
    assert.equal((await client.post('/people', { givenName: 'Elsa', familyName: 'Test' })).statusCode, 302);
    const after = await auditOf(noMunicipality, 'request.refused');
    assert.deepEqual(
      after.slice(before.length).map((e) => [e.reason, e.record_id]),
      [
        ['unauthorized', 'GET /api/v1/people'],
        ['notSignedIn', 'POST /people'],
      ],
    );
  });

  it('refuses a state-changing request from another site, token or not', async () => {
    const user = await newUser();
    const client = await login(t.app, user);
    const foreign = await client.post(
      '/people',
      { givenName: 'Elsa', familyName: 'Test' },
      { origin: 'https://evil.example' },
    );
    assert.equal(foreign.statusCode, 403);
    const crossSite = await client.post(
      '/people',
      { givenName: 'Elsa', familyName: 'Test' },
      { 'sec-fetch-site': 'cross-site' },
    );
    assert.equal(crossSite.statusCode, 403);
    const sibling = await client.post(
      '/people',
      { givenName: 'Elsa', familyName: 'Test' },
      { 'sec-fetch-site': 'same-site' },
    );
    assert.equal(sibling.statusCode, 403);
    const own = await client.post(
      '/people',
      { givenName: 'Elsa', familyName: `Test${Date.now()}`, birthDate: '2015-01-01' },
      { origin: 'http://localhost' },
    );
    assert.notEqual(own.statusCode, 403);
    // Our own form under the no-referrer policy: the browser says Origin: null, and same-origin.
    const ownForm = await client.post(
      '/people',
      { givenName: 'Elsa', familyName: `Test${Date.now()}`, birthDate: '2015-01-01' },
      { origin: 'null', 'sec-fetch-site': 'same-origin' },
    );
    assert.notEqual(ownForm.statusCode, 403);
    const events = await auditOf(user.municipalityId, 'request.refused');
    assert.deepEqual(
      events.map((e) => e.reason),
      ['crossOrigin', 'crossOrigin', 'crossOrigin'],
    );
  });
});

describe('JSON with personal data', () => {
  it('is never stored by a cache', async () => {
    const client = await login(t.app, await newUser());
    const res = await client.get('/api/v1/people?q=Berg');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal((await client.get('/api/v1/me')).headers['cache-control'], 'no-store');
  });
});

describe('behind a reverse proxy', () => {
  it('believes X-Forwarded-For only from the configured proxies, so no client picks its own address', async () => {
    const app = await buildApp({ config: testConfig({ trustProxy: ['10.20.30.40'] }), db: t.db });
    try {
      const post = (remoteAddress: string, forwardedFor: string) =>
        app.inject({
          method: 'POST',
          url: '/login',
          remoteAddress,
          headers: { 'x-forwarded-for': forwardedFor, 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'username=x&password=y',
        });
      // A client that names a new address on every request is still one address: limited.
      const spoofed: number[] = [];
      for (let i = 0; i < 22; i++) spoofed.push((await post('192.0.2.7', `198.51.100.${i}`)).statusCode);
      assert.equal(spoofed.at(-1), 429);
      // Through the proxy, each user is their own address.
      const proxied: number[] = [];
      for (let i = 0; i < 22; i++) proxied.push((await post('10.20.30.40', `198.51.100.${i}`)).statusCode);
      assert.ok(!proxied.includes(429), proxied.join());
    } finally {
      await app.close();
    }
  });
});
