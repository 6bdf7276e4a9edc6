import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { migrations } from '../src/migrations.ts';
import { todayInSweden } from '../src/platform/dates.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { buildBaseline } from './baseline.ts';
import { benchSecretKeyHex } from './generate/credentials.ts';
import { benchUsernamePrefix } from './generate/plan.ts';
import { type Fixture, removeBenchReports } from './scenarios.ts';
import { databaseUrl, pgliteDir } from './targets.ts';

/**
 * The server under test, in its own process so the load generator does not share its event loop
 * or its memory figures: the application exactly as `npm start` builds it (same plugins, same pool
 * size), and beside it the bare baseline on the same database. Started by run.ts over IPC.
 */
const engine = process.env.BENCH_ENGINE === 'pglite' ? 'pglite' : 'postgresql';
const tier = process.env.BENCH_TIER ?? 'M';
const dataDir = pgliteDir(tier);

const config = loadConfig({
  ...process.env,
  SECRET_KEY: benchSecretKeyHex,
  DATABASE_URL: engine === 'postgresql' ? databaseUrl(tier) : '',
  DATA_DIR: dataDir,
  DEMO_DATA: 'false',
  PORT: '0',
  // Virtual users send far more requests than people do; the limiter still runs on every request.
  RATE_LIMIT_PER_MINUTE: String(1_000_000_000),
});
const db = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  migrations,
  // `npm run bench -- --named-statements` sets DATABASE_NAMED_STATEMENTS, as a deployment would.
  namedStatements: config.databaseNamedStatements,
  // `--client pg` sets DATABASE_CLIENT: `pg` instead of the default `postgres` client (0142, 0143).
  client: config.databaseClient,
});

// Harness setup, not part of any measurement: a one-time code works once per user, so runs
// within the same 30 seconds must be able to log the same bench users in again.
await db.db
  .updateTable('user_account')
  .set({ totp_last_step: null })
  .where('username', 'like', `${benchUsernamePrefix}%`)
  .execute();
await db.db
  .deleteFrom('login_throttle')
  .where('account_key', 'in', (eb) =>
    eb
      .selectFrom('user_account')
      .select(sql<string>`'user:' || id::text`.as('key'))
      .where('username', 'like', `${benchUsernamePrefix}%`),
  )
  .execute();
await db.db
  .deleteFrom('session')
  .where('user_id', 'in', (eb) =>
    eb.selectFrom('user_account').select('id').where('username', 'like', `${benchUsernamePrefix}%`),
  )
  .execute();

// The limits' counters are shared in the database (decision 0087) and each run's members of the
// public come from the same fresh loopback addresses: an earlier run within the hour must not
// leave them over the public form's limit.
await sql`delete from rate_limit_bucket`.execute(db.db);

await removeBenchReports(db.db);
// The removed reports and sessions stay as dead rows until vacuumed: without this, each run's
// unit overview read more pages than the last (10 ms instead of 1 for its report query at L).
await sql`vacuum (analyze) report, session`.execute(db.db);

const fixture = await loadFixture();
const app = await buildApp({ config, db });
const baseline = await buildBaseline(db.db);
await app.listen({ port: 0, host: '127.0.0.1' });
await baseline.listen({ port: 0, host: '127.0.0.1' });

const port = (server: typeof app | typeof baseline) => {
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
};

process.send?.({
  type: 'ready',
  appPort: port(app),
  baselinePort: port(baseline),
  fixture,
  engine: db.engine,
});

// The profile step (run.ts): a CPU profile of exactly the measured window, through the inspector.
const inspector = new Session();
inspector.connect();
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) =>
    inspector.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
  );

process.on('message', async (message: { type: string }) => {
  if (message.type === 'profile-start') {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
    await post('Profiler.start');
    process.send?.({ type: 'profile-started' });
  }
  if (message.type === 'profile-stop') {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    const path = join(tmpdir(), `samtak-bench-${process.pid}-${Date.now()}.cpuprofile`);
    writeFileSync(path, JSON.stringify(profile));
    process.send?.({ type: 'profile', path });
  }
  if (message.type === 'stop') {
    await app.close();
    await baseline.close();
    await db.close();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));

async function loadFixture(): Promise<Fixture> {
  const main = await db.db
    .selectFrom('municipality')
    .select(['id', 'code'])
    .where('code', '=', '9910')
    .executeTakeFirstOrThrow();
  const m = main.id;
  const users = await db.db
    .selectFrom('user_account as u')
    .leftJoin('unit', 'unit.id', 'u.unit_id')
    .select(['u.id', 'u.username', 'u.role', 'u.unit_id as unitId', 'unit.kind'])
    .where('u.municipality_id', '=', m)
    .where('u.role', 'in', ['socialWorker', 'manager', 'intakeWorker'])
    .where('u.username', 'like', `${benchUsernamePrefix}%`)
    .orderBy('u.username')
    .execute();
  // Managers of investigation units: they have a unit's deadlines to oversee and review the log.
  const byRole = (role: string) =>
    users
      .filter((u) => u.role === role && (role !== 'manager' || u.kind === 'investigation'))
      .map(({ id, username, unitId }) => ({ id, username, unitId }));
  const assignments = await db.db
    .selectFrom('person_assignment')
    .select(['user_id', 'person_id'])
    .where('municipality_id', '=', m)
    .execute();
  const caseloads: Record<string, string[]> = {};
  for (const a of assignments) {
    caseloads[a.user_id] ??= [];
    caseloads[a.user_id]!.push(a.person_id);
  }
  // Children in care now, by designated worker: the workers who have placed children to follow.
  const placed = await db.db
    .selectFrom('placement')
    .select(['designated_worker_id as userId', 'child_id as childId'])
    .where('municipality_id', '=', m)
    .where('ended_on', 'is', null)
    .where('designated_worker_id', 'is not', null)
    .execute();
  const placedChildren: Record<string, string[]> = {};
  for (const p of placed) {
    placedChildren[p.userId!] ??= [];
    placedChildren[p.userId!]!.push(p.childId);
  }
  const plan = await db.db
    .selectFrom('action_plan')
    .select('id')
    .where('municipality_id', '=', m)
    .where('status', '=', 'adopted')
    .executeTakeFirst();
  const names = await sql<{ given: string; family: string }>`
    select given_name as given, family_name as family from person
     where municipality_id = ${m} order by md5(id::text) limit 2000`.execute(db.db);
  return {
    municipalityId: m,
    municipalityCode: main.code,
    today: todayInSweden(),
    users: {
      socialWorker: byRole('socialWorker'),
      placementWorker: byRole('socialWorker').filter((u) => placedChildren[u.id]?.length),
      manager: byRole('manager'),
      intakeWorker: byRole('intakeWorker'),
    },
    caseloads,
    activeChildren: [...new Set(assignments.map((a) => a.person_id))],
    names: names.rows,
    placedChildren,
    actionPlanId: plan?.id ?? null,
  };
}
