import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { migrations } from '../migrations.ts';
import { openDatabase } from '../platform/db/database.ts';
import { Browser, signIn } from '../testing/browser.ts';
import { createPostgresDatabase, testEngine } from '../testing/database.ts';
import { createMunicipality, createPerson, createUser, type TestUser } from '../testing/factories.ts';
import { runAuditVerify, type ServerProcess, startServer } from '../testing/server-process.ts';

/**
 * Two app processes on one PostgreSQL behind a round-robin proxy on loopback (decisions 0084,
 * 0087): concurrent audited page loads answer without error, a logout through one process ends
 * the session in both, the login page's rate limit counts across both, and the audit trail
 * verifies afterwards with every load in it.
 */
const secretKey = 'a7'.repeat(32);
const clients = 8;
const loadsPerClient = 25;
const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Alternates between the upstreams request by request, as a balancer without stickiness does. */
function roundRobinProxy(upstreams: string[]): Promise<{ url: string; server: Server; served: number[] }> {
  const served = upstreams.map(() => 0);
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const index = next++ % upstreams.length;
    served[index] = (served[index] ?? 0) + 1;
    const target = new URL(incoming.url ?? '/', upstreams[index]);
    const forwarded = httpRequest(
      target,
      { method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => {
      outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forwarded);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, served }),
    ),
  );
}

describe('two app processes on one PostgreSQL', {
  skip: testEngine !== 'postgresql' && 'PostgreSQL only',
}, () => {
  it('share sessions, rate limits and the audit trail under concurrent load', {
    timeout: 180_000,
  }, async () => {
    const fresh = await createPostgresDatabase();
    cleanups.push(() => fresh.drop());
    const db = await openDatabase({ databaseUrl: fresh.url, migrations });
    const key = Buffer.from(secretKey, 'hex');
    const municipalityId = await createMunicipality(db.db);
    const users: TestUser[] = [];
    const people: string[] = [];
    for (let i = 0; i < clients; i++) {
      users.push(await createUser(db.db, key, { municipalityId, role: 'socialWorker' }));
      people.push((await createPerson(db.db, municipalityId, { givenName: `Last${i}` })).id);
    }
    await db.close();

    const env = { DATABASE_URL: fresh.url, SECRET_KEY: secretKey, TRUST_PROXY: '127.0.0.1' };
    const servers: ServerProcess[] = await Promise.all([startServer(env), startServer(env)]);
    for (const server of servers) cleanups.push(() => server.kill('SIGKILL'));
    const proxy = await roundRobinProxy(servers.map((s) => s.baseUrl));
    cleanups.push(() => new Promise<void>((resolve) => proxy.server.close(() => resolve())));

    // Each client from its own address, told to the apps by the proxy they trust.
    const browsers = users.map((_, i) => new Browser(proxy.url, { 'x-forwarded-for': `10.9.0.${i + 1}` }));
    for (const [i, browser] of browsers.entries()) await signIn(browser, users[i] as TestUser);

    const statuses: number[] = [];
    await Promise.all(
      browsers.map(async (browser, i) => {
        for (let n = 0; n < loadsPerClient; n++)
          statuses.push((await browser.get(`/people/${people[i]}`)).status);
      }),
    );
    assert.equal(statuses.length, clients * loadsPerClient);
    assert.deepEqual(
      statuses.filter((s) => s !== 200),
      [],
      'every audited page load answered 200',
    );
    assert.ok(
      proxy.served.every((n) => n > clients * loadsPerClient * 0.4),
      `both served: ${proxy.served}`,
    );

    // A logout through the proxy ends the session in both processes.
    const leaving = browsers[0] as Browser;
    const cookie = leaving.cookieHeader();
    await leaving.get('/');
    const out = await leaving.post('/logout', {});
    assert.equal(out.status, 302);
    for (const server of servers) {
      const res = await fetch(`${server.baseUrl}/`, { redirect: 'manual', headers: { cookie } });
      assert.equal(res.status, 302, server.baseUrl);
      assert.match(res.headers.get('location') ?? '', /^\/login/);
    }

    // The login page allows 20 posts a minute from one address, whichever process answers.
    const guesser = new Browser(proxy.url, { 'x-forwarded-for': '10.9.1.1' });
    await guesser.get('/login');
    const answers: number[] = [];
    for (let n = 0; n < 21; n++)
      answers.push(
        (await guesser.post('/login', { username: `nobody${n}`, password: 'wrong password' })).status,
      );
    assert.deepEqual(answers.slice(0, 20), Array(20).fill(401));
    assert.equal(answers[20], 429);

    for (const server of servers) await server.kill();
    const verified = await runAuditVerify(env);
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /OK .*chain intact/);
    const check = await openDatabase({ databaseUrl: fresh.url, migrations });
    try {
      const reads = await check.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('municipality_id', '=', municipalityId)
        .where('action', '=', 'person.read')
        .executeTakeFirstOrThrow();
      assert.equal(Number(reads.n), clients * loadsPerClient, 'one event per audited load');
    } finally {
      await check.close();
    }
  });
});
