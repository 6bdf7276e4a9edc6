import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseClient } from '../src/config.ts';
import { generateTier } from './generate/generate-tier.ts';
import { Rng } from './generate/rng.ts';
import { tierByName } from './generate/tiers.ts';
import { Connection, freshPublicAddress, login, loopbackAddress, runLoad, visit } from './load.ts';
import { machineInfo } from './machine.ts';
import { capturePlans } from './plans.ts';
import { readProfile, summariseProfile } from './profile-summary.ts';
import { Progress } from './progress.ts';
import { type BenchResults, markdownReport, updatePerformanceDoc } from './report.ts';
import {
  scenarios as allScenarios,
  type BenchRole,
  type Fixture,
  isAnonymous,
  type Scenario,
  scenarioByName,
} from './scenarios.ts';
import { runSoak } from './soak.ts';
import {
  benchDir,
  databaseExists,
  databaseUrl,
  generatorVersion,
  type Manifest,
  readManifest,
  resultsDir,
} from './targets.ts';

/**
 * `npm run bench`: generates missing data, then for each engine and tier starts the server in its
 * own process and runs every scenario at each concurrency, against the app and the bare baseline
 * in turn; captures query plans at the largest PostgreSQL tier; prints a markdown table, writes
 * the JSON to bench/results/ and the figures into docs/performance.md.
 *
 *   --tiers M,L  --engines postgresql,pglite  --pglite-tiers M  --scenarios childPage,...
 *   --concurrency 1,16,64  --duration 10  --warmup 3  --targets app,baseline
 *   --regenerate  --no-plans  --no-docs  --soak 30 (minutes; 0 for none)  --soak-sample 60  --soak-round 20
 *   --named-statements  --client pg|postgres
 */
const { values } = parseArgs({
  options: {
    tiers: { type: 'string', default: 'M,L' },
    engines: { type: 'string', default: 'postgresql,pglite' },
    'pglite-tiers': { type: 'string', default: 'M' },
    scenarios: { type: 'string', default: allScenarios.map((s) => s.name).join(',') },
    concurrency: { type: 'string', default: '1,16,64' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    targets: { type: 'string', default: 'app,baseline' },
    regenerate: { type: 'boolean', default: false },
    'no-plans': { type: 'boolean', default: false },
    'no-docs': { type: 'boolean', default: false },
    // A CPU profile of each scenario at 16 users on the largest PostgreSQL tier, summarised by part.
    'no-profile': { type: 'boolean', default: false },
    // The server names and prepares its repeated statements (decision 0111), to compare with a run without.
    'named-statements': { type: 'boolean', default: false },
    // The PostgreSQL client library of the server: postgres (the default, decision 0143) or pg;
    // named statements are pg's, so --named-statements alone runs pg.
    client: { type: 'string' },
    // The soak: minutes at 16 users over every scenario, on the largest PostgreSQL tier (0: none).
    soak: { type: 'string', default: '30' },
    'soak-sample': { type: 'string', default: '60' },
    'soak-round': { type: 'string', default: '20' },
  },
});

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const serverClient = databaseClient(values.client, values['named-statements']);
const tiers = list(values.tiers).map((t) => tierByName(t).name);
const engines = list(values.engines).map((e): 'postgresql' | 'pglite' => {
  if (e !== 'postgresql' && e !== 'pglite') throw new Error(`Unknown engine ${e}`);
  return e;
});
const pgliteTiers = list(values['pglite-tiers']).map((t) => tierByName(t).name);
const scenarios = list(values.scenarios).map(scenarioByName);
const concurrency = list(values.concurrency).map(Number);
const durationSeconds = Number(values.duration);
const warmupSeconds = Number(values.warmup);
const soakMinutes = Number(values.soak);
const targets = list(values.targets).filter((t): t is 'app' | 'baseline' => t === 'app' || t === 'baseline');
const progress = new Progress();

const matrix = engines.flatMap((engine) =>
  tiers
    .filter((tier) => engine === 'postgresql' || pgliteTiers.includes(tier))
    .map((tier) => ({ engine, tier })),
);
const plansTier = tiers.filter((_t) => engines.includes('postgresql')).at(-1);

const results: BenchResults = {
  version: 1,
  startedAt: new Date().toISOString(),
  finishedAt: '',
  machine: await machineInfo(engines.includes('postgresql') ? databaseUrl(tiers[0]!) : null).catch(() =>
    machineInfo(null),
  ),
  options: {
    tiers,
    engines,
    pgliteTiers,
    scenarios: scenarios.map((s) => s.name),
    concurrency,
    warmupSeconds,
    durationSeconds,
    namedStatements: values['named-statements'],
    client: serverClient,
  },
  datasets: [],
  runs: [],
  plans: null,
  soak: null,
  profiles: null,
};

for (const { engine, tier } of matrix) {
  results.datasets.push(await ensureData(engine, tier));
}
// Machine facts once the PostgreSQL databases surely exist.
if (engines.includes('postgresql')) results.machine = await machineInfo(databaseUrl(tiers[0]!));

let plansFixture: Fixture | undefined;
for (const { engine, tier } of matrix) {
  const server = await startServer(engine, tier);
  try {
    progress.log(`\n${engine} ${tier}: logging in virtual users…`);
    // The profile and the soak run at 16 users on the largest PostgreSQL tier: log in enough users
    // now (a one-time code works once, so the same users cannot log in again within the step).
    const extras =
      engine === 'postgresql' && tier === plansTier && (soakMinutes > 0 || !values['no-profile']);
    const sessions = await logIn(server, scenarios, Math.max(...concurrency, extras ? 16 : 0));
    for (const scenario of scenarios) {
      for (const c of concurrency) {
        for (const target of targets) {
          const result = await measure(server, sessions, scenario, c, target);
          results.runs.push({
            ...result,
            engine,
            tier,
            scenario: scenario.name,
            title: scenario.title,
            kind: scenario.kind,
            target,
          });
          progress.log(
            `${engine.padEnd(10)} ${tier} ${scenario.name.padEnd(14)} ${String(c).padStart(2)} users ${target.padEnd(8)} ` +
              `${result.throughput.toFixed(0).padStart(5)} req/s  p50 ${result.p50.toFixed(1)}  p95 ${result.p95.toFixed(1)}  ` +
              `p99 ${result.p99.toFixed(1)} ms${result.errors ? `  ${result.errors} errors: ${result.firstError}` : ''}`,
          );
        }
      }
    }
    if (engine === 'postgresql' && tier === plansTier) {
      plansFixture = server.fixture;
      if (!values['no-profile']) {
        progress.log(`\nProfiling each scenario at 16 users, tier ${tier}…`);
        // Fresh sessions: those of the runs above may have been idle past the 30-minute timeout
        // while the later scenarios ran, and a profile of redirects to the login is no profile.
        const profileSessions = await logIn(server, scenarios, 16);
        results.profiles = [];
        for (const scenario of scenarios) {
          await ask(server, 'profile-start', 'profile-started');
          const run = await measure(server, profileSessions, scenario, 16, 'app', {
            warmupMs: 0,
            durationMs: durationSeconds * 1000,
          });
          const { path } = await ask<{ path: string }>(server, 'profile-stop', 'profile');
          const summary = summariseProfile(readProfile(path));
          rmSync(path, { force: true });
          results.profiles.push({ scenario: scenario.name, requests: run.requests, ...summary });
          progress.log(
            `profile ${scenario.name.padEnd(16)} ${summary.shares
              .slice(0, 4)
              .map((s) => `${s.category} ${(s.share * 100).toFixed(0)} %`)
              .join(', ')}`,
          );
        }
      }
      if (soakMinutes > 0) {
        progress.log(
          `\nSoak: ${soakMinutes} min at 16 users over ${scenarios.length} scenarios, tier ${tier}…`,
        );
        const soakSessions = await logIn(server, scenarios, 16);
        results.soak = await runSoak({
          engine,
          tier,
          scenarios,
          concurrency: 16,
          minutes: soakMinutes,
          roundSeconds: Number(values['soak-round']),
          sampleSeconds: Number(values['soak-sample']),
          serverPid: server.child.pid!,
          round: (scenario, durationMs) =>
            measure(server, soakSessions, scenario, 16, 'app', { warmupMs: 0, durationMs }),
          log: (line) => progress.log(line),
        });
      }
    }
  } finally {
    await stopServer(server);
  }
}

mkdirSync(resultsDir, { recursive: true });
const stamp = results.startedAt.replace(/[:.]/g, '-').slice(0, 19);
// The measured runs are kept before the plans are captured, so a failure there loses no figures.
writeFileSync(join(resultsDir, `${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);

if (!values['no-plans'] && plansTier && plansFixture) {
  progress.log(`\nCapturing query plans at tier ${plansTier}…`);
  results.plans = {
    engine: 'postgresql',
    tier: plansTier,
    scenarios: await capturePlans(databaseUrl(plansTier), plansFixture, scenarios),
  };
}

results.finishedAt = new Date().toISOString();
results.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
const json = `${JSON.stringify(results, null, 2)}\n`;
writeFileSync(join(resultsDir, `${stamp}.json`), json);
writeFileSync(join(resultsDir, 'latest.json'), json);
const markdown = markdownReport(results);
console.log(`\n${markdown}\n`);
console.log(`Results: bench/results/${stamp}.json (and latest.json)`);
if (!values['no-docs']) {
  const doc = join(benchDir, '..', 'docs', 'performance.md');
  if (updatePerformanceDoc(doc, results)) console.log('Updated docs/performance.md');
}
process.exit(0);

async function ensureData(engine: 'postgresql' | 'pglite', tier: string): Promise<Manifest> {
  const manifest = readManifest(engine, tier);
  const present =
    manifest &&
    manifest.generatorVersion === generatorVersion &&
    (engine === 'pglite' || (await databaseExists(tier)));
  if (present && !values.regenerate) return manifest;
  return generateTier(engine, tier, { progress });
}

interface Server {
  child: ChildProcess;
  appPort: number;
  baselinePort: number;
  fixture: Fixture;
}

async function startServer(engine: string, tier: string): Promise<Server> {
  const child = fork(join(benchDir, 'server.ts'), [], {
    // BENCH_PROFILE=dir writes a CPU profile of the server (open it in Chrome DevTools).
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ],
    env: {
      ...process.env,
      BENCH_ENGINE: engine,
      BENCH_TIER: tier,
      NODE_ENV: 'production',
      DATABASE_NAMED_STATEMENTS: values['named-statements'] ? 'true' : 'false',
      DATABASE_CLIENT: serverClient,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    child.on('message', (message: { type: string } & Omit<Server, 'child'>) => {
      if (message.type === 'ready') resolve({ child, ...message });
    });
  });
}

/** Sends the server a message and waits for its answer of the given type. */
function ask<T = object>(server: Server, type: string, answer: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: { type: string } & T) => {
      if (message.type !== answer) return;
      server.child.off('message', listener);
      resolve(message);
    };
    server.child.on('message', listener);
    server.child.send({ type });
  });
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.removeAllListeners('exit');
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.send({ type: 'stop' });
  await exited;
}

type Sessions = Map<BenchRole, Connection[]>;

/** Logs in as many distinct users per role as there will be connections (or as the data has). */
async function logIn(server: Server, wanted: Scenario[], connections: number): Promise<Sessions> {
  const sessions: Sessions = new Map();
  const byUser = new Map<string, Connection>();
  let address = 0;
  for (const role of new Set(wanted.map((s) => s.role))) {
    const logged: Connection[] = [];
    if (isAnonymous(role)) {
      const path = wanted.find((s) => s.role === role)?.visitPath?.(server.fixture) ?? '/';
      for (let i = 0; i < connections; i++) {
        const connection = new Connection(server.appPort, loopbackAddress(1000 + address++));
        await visit(connection, path);
        logged.push(connection);
      }
    } else {
      const users = server.fixture.users[role].slice(0, connections);
      if (users.length === 0) throw new Error(`The data has no ${role} to log in`);
      for (const user of users) {
        // A placement worker is also a social worker: one login (a one-time code works once).
        const known = byUser.get(user.username);
        if (known) {
          logged.push(known);
          continue;
        }
        const connection = new Connection(server.appPort, loopbackAddress(1000 + address++));
        await login(connection, user.username);
        byUser.set(user.username, connection);
        logged.push(connection);
      }
    }
    for (const c of logged) c.close();
    sessions.set(role, logged);
  }
  return sessions;
}

async function measure(
  server: Server,
  sessions: Sessions,
  scenario: Scenario,
  c: number,
  target: 'app' | 'baseline',
  timing = { warmupMs: warmupSeconds * 1000, durationMs: durationSeconds * 1000 },
) {
  const logged = sessions.get(scenario.role)!;
  const connections = Array.from({ length: c }, (_, i) => {
    const connection = new Connection(
      target === 'app' ? server.appPort : server.baselinePort,
      loopbackAddress(i),
    );
    // With fewer users than connections, users have several tabs open: sessions are shared.
    connection.adopt(logged[i % Math.min(c, logged.length)]!);
    return connection;
  });
  const users = server.fixture.users;
  const userIds = connections.map((_, i) => {
    if (isAnonymous(scenario.role)) return '';
    const list = users[scenario.role];
    return list[i % Math.min(c, logged.length)]?.id ?? '';
  });
  const unitIds = connections.map((_, i) => {
    if (isAnonymous(scenario.role)) return null;
    return users[scenario.role][i % Math.min(c, logged.length)]?.unitId ?? null;
  });
  const rngs = connections.map((_, i) => new Rng(1000 * c + i));
  const sent = connections.map(() => 0);
  const perAddress = scenario.requestsPerAddress;
  try {
    return await runLoad({
      connections,
      next: (i) => {
        if (perAddress && sent[i]!++ % perAddress === 0) connections[i]!.moveTo(freshPublicAddress());
        return scenario.next({
          rng: rngs[i]!,
          userId: userIds[i]!,
          unitId: unitIds[i]!,
          fixture: server.fixture,
        })[target];
      },
      ...timing,
      serverPid: server.child.pid!,
    });
  } finally {
    for (const connection of connections) connection.close();
  }
}
