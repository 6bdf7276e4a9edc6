import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildApp } from '../app.ts';
import { demoPassword, demoTotpSecret, seedDemoData } from '../demo/seed.ts';
import type { Db } from '../platform/db/database.ts';
import type { App } from '../platform/http/types.ts';
import { Client, login, testConfig } from '../testing/app.ts';
import { openTestDatabase } from '../testing/database.ts';
import { csrfPlaceholder, type FuzzRequest, requestsFor } from './fuzz-inputs.ts';

/**
 * Issue 12, "no 5xx from any input": every registered route (from the app's route catalogue, so a
 * new route is walked without editing this file), as anonymous and as one demo user of each role,
 * with malformed input — missing and wrong-typed fields, NUL and other control characters, bidi and
 * zero-width characters, 1 MB strings, invalid dates, `urn:uuid:` and other non-uuid ids, broken
 * percent-encoding. Fails on any 5xx, and on any refused write that changed a data table.
 *
 * Bounded: the requests go in rounds (every route and session gets its first variant before any
 * gets its second), the sessions sharing out the variants so that the first few rounds send every
 * variant of every route; after those, at most `maxRequests` and no new round after `budgetMs`.
 */
const maxRequests = 8_000;
const budgetMs = 45_000;
const today = '2026-03-13';

/** One user per role (and anonymous): the sessions of the fuzz. */
const demoSessions = [
  'admin',
  'intake',
  'socialworker',
  'manager',
  'partner',
  'statistics',
  'editor',
  'archivist',
];

let db: Db;
let app: App;
before(async () => {
  db = await openTestDatabase();
  const config = testConfig({ fixedToday: today, rateLimitPerMinute: 1_000_000_000 });
  await seedDemoData(db.db, { secretKey: config.secretKey, log: () => {}, today });
  await db.analyze();
  app = await buildApp({ config, db });
});
after(async () => {
  await app?.close();
  await db?.close();
});

interface Session {
  name: string;
  client: Client;
}

async function signIn(name: string): Promise<Session> {
  if (name === 'anonymous') {
    const client = new Client(app);
    await client.get('/login');
    return { name, client };
  }
  const user = await db.db
    .selectFrom('user_account')
    .select(['id', 'municipality_id', 'role', 'totp_secret_enc'])
    .where('username', '=', name)
    .executeTakeFirstOrThrow();
  const client = await login(app, {
    id: user.id,
    municipalityId: user.municipality_id,
    username: name,
    password: demoPassword,
    totpSecret: user.totp_secret_enc ? demoTotpSecret : null,
    role: user.role,
  });
  return { name, client };
}

/** Real ids of the demo municipality, so that valid parts of a request reach the code behind. */
async function realIds() {
  const first = async (table: string, where = sql`true`) =>
    (
      await sql<{
        id: string;
      }>`select id::text as id from ${sql.table(table)} where ${where} limit 1`.execute(db.db)
    ).rows[0]?.id ?? '00000000-0000-4000-8000-000000000000';
  return {
    person: await first('person'),
    case: await first('child_case'),
    report: await first('report'),
    reference:
      (await db.db.selectFrom('report').select('reference').limit(1).executeTakeFirst())?.reference ??
      'AAAA-AAAA',
    sip: await first('sip'),
    sipAction: await first('sip_action'),
    sipNeed: await first('sip_need'),
    // Not one of the fuzz's own sessions: deactivating it must not end the fuzz.
    user: await first('user_account', sql`username = 'schoolnurse'`),
    unit: await first('unit'),
    organisation: await first('partner_organisation', sql`kind = 'school'`),
    intervention: await first('intervention_type'),
    apiClient: await first('api_client'),
    guideEntry: await first('guide_entry'),
    guideRevision: await first('guide_revision'),
  };
}
export type RealIds = Awaited<ReturnType<typeof realIds>>;

/**
 * What a refused write must leave as it was: every data table's rows (count and, through xmin,
 * any update). The audit trail, sessions, login counters and (on PostgreSQL) the shared rate-limit
 * counters change on refusals by design.
 */
async function fingerprint(): Promise<string> {
  const tables = (
    await sql<{ name: string }>`
      select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE'
         and table_name not in ('audit_event', 'session', 'login_throttle', 'rate_limit_bucket')
         and table_name not like 'kysely_%'
       order by table_name`.execute(db.db)
  ).rows.map((r) => r.name);
  const parts = tables.map(
    (t) =>
      sql`select ${t}::text as t, count(*)::text as n, coalesce(sum(xmin::text::bigint), 0)::text as x from ${sql.table(t)}`,
  );
  const { rows } = await sql<{
    t: string;
    n: string;
    x: string;
  }>`${sql.join(parts, sql` union all `)}`.execute(db.db);
  return rows.map((r) => `${r.t}:${r.n}:${r.x}`).join(' ');
}

/** The tables whose rows differ between two fingerprints. */
function changed(before: string, after: string): string {
  const was = new Set(before.split(' '));
  return after
    .split(' ')
    .filter((part) => !was.has(part))
    .map((part) => part.split(':')[0])
    .join(', ');
}

let address = 0;
/** Each request from its own address, so per-address limits do not hide what is behind them. */
const nextAddress = () => {
  address++;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

async function send(session: Session, request: FuzzRequest) {
  const cookies = ['samtak_session', 'samtak_pre', 'samtak_device']
    .map((name) => [name, session.client.cookie(name)] as const)
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  return app.inject({
    method: request.method as 'GET' | 'POST',
    url: request.url,
    remoteAddress: nextAddress(),
    headers: {
      cookie: cookies,
      ...(request.contentType ? { 'content-type': request.contentType } : {}),
      ...(request.url.startsWith('/api/') ? { 'x-csrf-token': session.client.csrf } : {}),
    },
    ...(request.payload !== undefined
      ? { payload: request.payload.replaceAll(csrfPlaceholder, session.client.csrf) }
      : {}),
  });
}

const refused = (status: number, location: unknown) =>
  status >= 400 || (status === 302 && String(location ?? '').startsWith('/login'));

describe('every route, every session, malformed input', () => {
  // Every variant of every route is sent at least once (290 routes × 9 sessions since issues 15-18):
  // about 160 s on 2 busy cores, so the limit leaves room for a loaded CI machine.
  it('never answers 5xx, and a refused write changes no data', { timeout: 480_000 }, async () => {
    const ids = await realIds();
    const sessions = [await signIn('anonymous'), ...(await Promise.all(demoSessions.map(signIn)))];
    const routes = app.routeCatalogue.filter((r) => r.method === 'GET' || r.method === 'POST');
    // The sessions share out the variants: in each round they send different ones, so a few
    // rounds already send every kind of malformed input to every route, whatever the bound cuts.
    // Each route's requests are made once and shared by the sessions: made per session, the
    // 100 KB variants of every field of every form outgrew the heap (4 GB) once the forms of
    // issues 14–18 were in.
    const plans = routes.flatMap((route) => {
      const [first, ...rest] = requestsFor(route, ids);
      return sessions.map((session, k) => {
        const stride = sessions.length;
        const order = rest.map(
          (_, j) => rest[(k + j * stride + Math.floor((j * stride) / rest.length)) % rest.length]!,
        );
        return { route, session, requests: [first!, ...order] };
      });
    });
    const failures: string[] = [];
    const started = Date.now();
    let sent = 0;
    const histogram = new Map<string, number>();
    let last = await fingerprint();
    const rounds = Math.max(...plans.map((p) => p.requests.length));
    // Enough rounds that every variant of every route has been sent by some session; the bound
    // only cuts the repetitions after that.
    const minRounds = 1 + Math.ceil((rounds - 1) / sessions.length);
    let round = 0;
    for (; round < rounds; round++) {
      const bounded = round >= minRounds;
      if (bounded && (Date.now() - started > budgetMs || sent >= maxRequests)) break;
      for (const plan of plans) {
        const request = plan.requests[round];
        if (!request || (bounded && sent >= maxRequests)) continue;
        const res = await send(plan.session, request);
        sent++;
        const key = `${request.method} ${res.statusCode}`;
        histogram.set(key, (histogram.get(key) ?? 0) + 1);
        const what = `${plan.session.name} ${request.method} ${request.url.slice(0, 120)} [${request.variant}]`;
        if (res.statusCode >= 500) failures.push(`${res.statusCode} ${what}: ${res.body.slice(0, 200)}`);
        if (request.method !== 'GET') {
          const now = await fingerprint();
          if (refused(res.statusCode, res.headers.location) && now !== last)
            failures.push(`refused with ${res.statusCode} but wrote ${changed(last, now)}: ${what}`);
          last = now;
        }
        // A session the fuzz ended (logout, a login step) is opened again for the next request.
        if (plan.session.name !== 'anonymous' && /^\/(logout|login)/.test(plan.route.url)) {
          const fresh = await signIn(plan.session.name);
          plan.session.client = fresh.client;
          last = await fingerprint(); // signing in writes (the code's time step): not the fuzz's doing
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    // What the bound let through, for the log of the CI run.
    console.log(
      `fuzz: ${sent} requests over ${routes.length} routes × ${sessions.length} sessions, ${round} rounds of ${rounds}, ${seconds} s`,
    );
    console.log(
      `fuzz: answers ${[...histogram]
        .sort()
        .map(([k, n]) => `${k}: ${n}`)
        .join(', ')}`,
    );
    assert.ok(round >= minRounds, 'every variant of every route was sent');
    assert.deepEqual(failures.slice(0, 25), [], `${failures.length} failures`);
  });
});
