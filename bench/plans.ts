import { type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { migrations } from '../src/migrations.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { sessionSettings } from '../src/platform/db/dialect-base.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { buildBaseline } from './baseline.ts';
import { benchSecretKeyHex } from './generate/credentials.ts';
import { Rng } from './generate/rng.ts';
import { login, type Response, type Sender, visit } from './load.ts';
import {
  type Fixture,
  isAnonymous,
  type RequestSpec,
  removeBenchReports,
  type Scenario,
} from './scenarios.ts';

export interface StatementPlan {
  sql: string;
  /** How long the statement took inside the real request, in milliseconds. */
  requestMs: number;
  plan: string;
}

export interface ScenarioPlans {
  scenario: string;
  request: string;
  statements: StatementPlan[];
  /** The statements the bare baseline runs for the same request (without plans). */
  baselineStatements: string[];
}

/**
 * Every SQL statement one request of each scenario runs (session lookup, policy-guarded reads,
 * audit writer), with its plan: the request is made in-process through app.inject with Kysely
 * logging each query, then each statement is EXPLAIN ANALYZEd with the same parameters in a
 * transaction that is rolled back. A statement that cannot run twice (the audit insert's seq is
 * taken by then) gets its plan without ANALYZE.
 */
export async function capturePlans(
  url: string,
  fixture: Fixture,
  scenarios: Scenario[],
): Promise<ScenarioPlans[]> {
  // openDatabase with `pg` sets the type parsers the app relies on on this pool (pg's are global)
  // and checks the schema is current. The plans are PostgreSQL's, whichever client sends the
  // statements; the sessions are set as the app's are (jit off, decision 0143).
  await (await openDatabase({ databaseUrl: url, poolSize: 1, migrations, client: 'pg' })).close();
  let captured: { query: CompiledQuery; ms: number }[] = [];
  const options = `-c jit=${sessionSettings.jit}`;
  const pool = new pg.Pool({ connectionString: url, max: 10, options });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push({ query: event.query, ms: event.queryDurationMillis });
    },
  });
  const config = loadConfig({
    ...process.env,
    SECRET_KEY: benchSecretKeyHex,
    DATABASE_URL: url,
    DEMO_DATA: 'false',
    RATE_LIMIT_PER_MINUTE: String(1_000_000_000),
  });
  const app = await buildApp({ config, db: { db, engine: 'postgresql', close: () => db.destroy() } });
  const baseline = await buildBaseline(db);
  // The scenarios run before left their filed reports behind; the plans should not see them.
  await removeBenchReports(db);
  const explainer = new pg.Client({ connectionString: url, options });
  await explainer.connect();
  const results: ScenarioPlans[] = [];
  try {
    for (const scenario of scenarios) {
      const client = new InjectClient(app);
      const users = isAnonymous(scenario.role) ? [] : fixture.users[scenario.role];
      const user = users[users.length - 1];
      if (user) {
        await db
          .updateTable('user_account')
          .set({ totp_last_step: null })
          .where('id', '=', user.id)
          .execute();
        await login(client, user.username);
      }
      const next = scenario.next({
        rng: new Rng(7),
        userId: user?.id ?? '',
        unitId: user?.unitId ?? null,
        fixture,
      });
      if (isAnonymous(scenario.role) && scenario.visitPath) await visit(client, scenario.visitPath(fixture));
      captured = [];
      await baseline.inject({
        method: next.baseline.method,
        url: next.baseline.path,
        ...(next.baseline.form ? { payload: next.baseline.form } : {}),
      });
      const baselineStatements = captured.map(({ query }) => query.sql);
      const spec = next.app;
      // The first request of a kind warms the pool's connections (catalog caches) and the code
      // paths; the one after it is what a user in the middle of a working day gets.
      await client.send(spec);
      captured = [];
      const response = await client.send(spec);
      if (!spec.expect.includes(response.status)) {
        throw new Error(`${scenario.name}: ${spec.path} answered ${response.status}`);
      }
      const statements: StatementPlan[] = [];
      for (const { query, ms } of captured) {
        if (!/^\s*(select|insert|update|delete|with)\b/i.test(query.sql)) continue;
        statements.push({ sql: query.sql, requestMs: round(ms), plan: await explain(explainer, query) });
      }
      results.push({
        scenario: scenario.name,
        request: `${spec.method} ${spec.path}`,
        statements,
        baselineStatements,
      });
    }
  } finally {
    await explainer.end();
    await app.close();
    await baseline.close();
    await db.destroy();
  }
  return results;
}

async function explain(client: pg.Client, query: CompiledQuery): Promise<string> {
  const params = query.parameters as unknown[];
  await client.query('begin');
  try {
    const result = await client.query(`explain (analyze, buffers) ${query.sql}`, params);
    return result.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  } catch {
    await client.query('rollback');
    await client.query('begin');
    const result = await client.query(`explain ${query.sql}`, params);
    return `(not re-run: it writes a row that now exists)\n${result.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`;
  } finally {
    await client.query('rollback');
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A Sender over app.inject, with a cookie jar: the same login flow as over HTTP. */
class InjectClient implements Sender {
  private readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly app: Awaited<ReturnType<typeof buildApp>>) {}

  async send(spec: RequestSpec): Promise<Response> {
    const payload = spec.form
      ? new URLSearchParams(
          Object.fromEntries(Object.entries(spec.form).map(([k, v]) => [k, v === '{csrf}' ? this.csrf : v])),
        ).toString()
      : undefined;
    const response = await this.app.inject({
      method: spec.method,
      url: spec.path,
      remoteAddress: '127.0.0.2',
      headers: {
        'accept-language': 'sv',
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(payload ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(payload ? { payload } : {}),
    });
    for (const c of response.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (!c.value || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const headers = response.headers as Response['headers'];
    return { status: response.statusCode, headers, body: response.body };
  }
}
