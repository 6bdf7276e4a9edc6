import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { migrations } from '../migrations.ts';
import { totpCode } from '../platform/auth/totp.ts';
import { openDatabase } from '../platform/db/database.ts';
import { hashApiToken } from '../reports/service.ts';
import { createPostgresDatabase, testEngine } from '../testing/database.ts';
import { createMunicipality, createUnit, createUser, type TestUser } from '../testing/factories.ts';
import { runAuditVerify, type ServerProcess, startServer } from '../testing/server-process.ts';

/**
 * Issue 12, "Done when": a bounded write load of reports against the real server process,
 * `kill -9`, a restart on the same data; every report whose receipt was given is on the intake
 * list, and `npm run audit:verify` passes. On the engine the suite runs on.
 */
const secretKey = 'c3'.repeat(32);
const token = 'CrashTestReportToken_0123456789abcdefABCDEF';
const maxReports = 400;
const killAfterAcknowledged = 60;
const workers = 6;

const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A fresh database of the suite's engine with a municipality, its intake unit, a user and an API client. */
async function prepare(): Promise<{ env: Record<string, string>; intake: TestUser }> {
  let env: Record<string, string>;
  if (testEngine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'samtak-crash-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    env = { DATA_DIR: dir };
  } else {
    const fresh = await createPostgresDatabase();
    cleanups.push(() => fresh.drop());
    env = { DATABASE_URL: fresh.url, DATA_DIR: '/nonexistent' };
  }
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : env.DATA_DIR,
    migrations,
  });
  try {
    const key = Buffer.from(secretKey, 'hex');
    const municipalityId = await createMunicipality(db.db);
    const unitId = await createUnit(db.db, municipalityId, 'intake');
    const intake = await createUser(db.db, key, { municipalityId, role: 'intakeWorker', unitId });
    await db.db
      .insertInto('api_client')
      .values({
        municipality_id: municipalityId,
        name: 'Krocktestets journalsystem',
        organisation_kind: 'healthCare',
        token_hash: hashApiToken(token),
      })
      .execute();
    // Each report comes through the proxy from its own address, as from many systems at once.
    return { env: { ...env, SECRET_KEY: secretKey, DEMO_DATA: 'false', TRUST_PROXY: '127.0.0.1' }, intake };
  } finally {
    await db.close();
  }
}

/** Files reports from several workers until told to stop; returns the references acknowledged. */
function load(server: ServerProcess) {
  const acknowledged: string[] = [];
  let stopped = false;
  let sent = 0;
  const worker = async (w: number) => {
    while (!stopped && sent < maxReports) {
      const n = sent++;
      try {
        const res = await fetch(`${server.baseUrl}/api/v1/reports`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'x-forwarded-for': `198.18.${w}.${n % 250}`,
          },
          body: JSON.stringify({
            reporterName: 'Bo Läkare',
            reporterOrganisation: 'BUP Krockby',
            reporterEmail: 'bo@example.org',
            childGivenName: 'Saga',
            childFamilyName: `Krock${n}`,
            concern: 'Saga berättar om oro inför hemgång efter besöket i dag, och vill inte gå hem.',
          }),
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { reference: string }).reference);
        else await res.body?.cancel();
      } catch {
        // The server went away mid-request: nothing was acknowledged.
      }
    }
  };
  const done = Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  return {
    acknowledged,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

/** A browser's worth of HTTP for one user: cookies kept, the CSRF token read from each page. */
class Browser {
  private cookies = new Map<string, string>();
  private csrf = '';
  constructor(private readonly baseUrl: string) {}
  async request(path: string, form?: Record<string, string>) {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams({ _csrf: this.csrf, ...form }).toString() } : {}),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    const body = await res.text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? this.csrf;
    return { status: res.status, location: res.headers.get('location'), body };
  }
}

async function intakeReferences(baseUrl: string, intake: TestUser): Promise<Set<string>> {
  const browser = new Browser(baseUrl);
  await browser.request('/login');
  const first = await browser.request('/login', { username: intake.username, password: intake.password });
  assert.equal(first.location, '/login/totp');
  await browser.request('/login/totp');
  const second = await browser.request('/login/totp', { code: totpCode(intake.totpSecret!) });
  assert.equal(second.location, '/');
  const seen = new Set<string>();
  for (let page = 1; ; page++) {
    const res = await browser.request(`/intake?page=${page}`);
    assert.equal(res.status, 200);
    const before = seen.size;
    for (const m of res.body.matchAll(/href="\/intake\/reports\/[^"]+">([^<]+)</g)) seen.add(m[1]!);
    if (seen.size === before || !res.body.includes(`href="/intake?page=${page + 1}"`)) return seen;
  }
}

describe('a crash under load', () => {
  it('loses no acknowledged report, and the audit trail verifies after the restart', {
    timeout: 120_000,
  }, async () => {
    const { env, intake } = await prepare();
    const server = await startServer(env);
    cleanups.push(() => server.kill('SIGKILL'));
    const writes = load(server);
    const deadline = Date.now() + 20_000;
    while (writes.acknowledged.length < killAfterAcknowledged && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    // kill -9 while requests are in flight.
    await server.kill('SIGKILL');
    await writes.stop();
    const acknowledged = [...writes.acknowledged];
    assert.ok(
      acknowledged.length >= killAfterAcknowledged,
      `only ${acknowledged.length} reports acknowledged`,
    );

    const restarted = await startServer(env);
    cleanups.push(() => restarted.kill('SIGKILL'));
    const listed = await intakeReferences(restarted.baseUrl, intake);
    const missing = acknowledged.filter((reference) => !listed.has(reference));
    console.log(
      `crash: ${acknowledged.length} reports acknowledged before kill -9, ${listed.size} on the intake list after`,
    );
    assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged reports missing`);
    await restarted.kill('SIGTERM');

    const verify = await runAuditVerify(env);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.doesNotMatch(verify.stdout, /BROKEN/);
    assert.match(verify.stdout, /OK .*chain intact/);
  });
});
