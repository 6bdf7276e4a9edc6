import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../app.ts';
import { Client, login, startTestApp, type TestApp, testConfig } from '../testing/app.ts';
import { openTestDatabase, testEngine } from '../testing/database.ts';
import { createMunicipality, createPerson, createUser } from '../testing/factories.ts';

const token = 'metrics-token-that-is-long-enough-0123456789';
let t: TestApp;
before(async () => {
  t = await startTestApp({ metricsToken: token });
});
after(() => t.close());

const scrape = (authorization?: string) =>
  t.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });

describe('GET /metrics', () => {
  it('asks for the token, compared whole', async () => {
    assert.equal((await scrape()).statusCode, 401);
    assert.equal((await scrape(`Bearer ${token}x`)).statusCode, 401);
    assert.equal((await scrape(`Bearer ${token.slice(0, -1)}`)).statusCode, 401);
    assert.equal((await scrape(token)).statusCode, 401);
    const ok = await scrape(`Bearer ${token}`);
    assert.equal(ok.statusCode, 200);
    assert.match(ok.headers['content-type'] as string, /^text\/plain/);
  });

  it('counts requests by route pattern and status, and no line holds what was searched for', async () => {
    const municipalityId = await createMunicipality(t.db.db);
    const person = await createPerson(t.db.db, municipalityId, {
      givenName: 'Metrikhemlig',
      familyName: 'Sökesson',
    });
    const worker = await createUser(t.db.db, t.config.secretKey, { municipalityId, role: 'socialWorker' });
    const client = await login(t.app, worker);
    assert.equal((await client.get('/people?q=Metrikhemlig')).statusCode, 200);
    await client.get(`/people/${person.id}`);
    await new Client(t.app).get('/no/such/page?q=Metrikhemlig');
    const body = (await scrape(`Bearer ${token}`)).body;
    assert.match(body, /samtak_http_requests_total\{method="GET",route="\/people",status="200"\} \d+/);
    assert.match(body, /samtak_http_requests_total\{method="GET",route="\/people\/:id",status="\d+"\}/);
    assert.match(body, /route="unmatched",status="404"/);
    assert.match(
      body,
      /samtak_http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/people"\}/,
    );
    assert.match(body, /samtak_audit_lock_seconds_count [1-9]/);
    assert.match(body, /samtak_process_cpu_seconds_total/);
    if (testEngine === 'postgresql') {
      assert.match(body, /samtak_db_pool_connections\{state="total"\} \d+/);
      assert.match(body, /samtak_audit_lock_waiting \d+/);
    }
    for (const secret of ['Metrikhemlig', 'Sökesson', person.id, 'q='])
      assert.ok(!body.includes(secret), `the metrics hold "${secret}"`);
  });

  it('is not there at all without METRICS_TOKEN', async () => {
    const plain = await buildApp({ config: testConfig(), db: t.db });
    try {
      assert.equal((await plain.inject({ method: 'GET', url: '/metrics' })).statusCode, 404);
    } finally {
      await plain.close();
    }
  });
});

describe('health', () => {
  it('is live and ready while the database answers', async () => {
    assert.deepEqual((await t.app.inject({ method: 'GET', url: '/livez' })).json(), { status: 'live' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready', database: t.db.engine });
  });

  it('is not ready, but still live, when the database is gone', async () => {
    const db = await openTestDatabase();
    const app = await buildApp({ config: testConfig(), db });
    await db.close();
    try {
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(ready.statusCode, 503);
      assert.deepEqual(ready.json(), { status: 'unavailable', reason: 'database' });
      assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 503);
      assert.equal((await app.inject({ method: 'GET', url: '/livez' })).statusCode, 200);
    } finally {
      await app.close();
    }
  });
});
