import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { issue19GoalLines } from './goals.ts';
import type { RunResult } from './load.ts';
import type { MachineInfo } from './machine.ts';
import type { ScenarioPlans } from './plans.ts';
import { profilesMarkdown, type ScenarioProfile } from './profile-summary.ts';
import { formatCount, formatSeconds } from './progress.ts';
import { type SoakResult, soakMarkdown } from './soak.ts';
import { ratio } from './stats.ts';
import type { Manifest } from './targets.ts';

/** One measured run: a scenario at one concurrency against the app or the baseline. */
export interface RunRecord extends RunResult {
  engine: 'postgresql' | 'pglite';
  tier: string;
  scenario: string;
  title: string;
  kind: 'read' | 'write';
  target: 'app' | 'baseline';
}

export interface BenchResults {
  version: 1;
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  /** Other work on the machine shows here: a quiet 2-core machine stays near the benchmark's own 2. */
  loadAverageAtEnd?: number[];
  options: {
    tiers: string[];
    engines: string[];
    pgliteTiers: string[];
    scenarios: string[];
    concurrency: number[];
    warmupSeconds: number;
    durationSeconds: number;
    /** The server named and prepared its repeated statements (decision 0111). */
    namedStatements?: boolean;
    /** The server's PostgreSQL client library, pg or postgres (decision 0142). */
    client?: string;
  };
  datasets: Manifest[];
  runs: RunRecord[];
  plans: { engine: string; tier: string; scenarios: ScenarioPlans[] } | null;
  /** The soak at the largest PostgreSQL tier (issue 19), when it ran. */
  soak?: SoakResult | null;
  /** Where each scenario's server CPU went at 16 users on that tier (issue 19), when profiled. */
  profiles?: ScenarioProfile[] | null;
}

export const goals = {
  p95Ms: 25,
  p95Concurrency: 16,
  minThroughputShare: 0.5,
  maxGrowth: 1.5,
};

const f1 = (n: number | null | undefined) =>
  n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(1);
const f2 = (n: number | null | undefined) =>
  n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(2);
const int = (n: number | null | undefined) =>
  n === null || n === undefined || !Number.isFinite(n) ? '–' : Math.round(n).toString();

function find(results: BenchResults, q: Partial<RunRecord>): RunRecord | undefined {
  return results.runs.find((r) =>
    Object.entries(q).every(([k, v]) => (r as unknown as Record<string, unknown>)[k] === v),
  );
}

function combos(results: BenchResults) {
  const seen = new Map<string, { engine: RunRecord['engine']; tier: string }>();
  for (const r of results.runs) seen.set(`${r.engine}/${r.tier}`, { engine: r.engine, tier: r.tier });
  return [...seen.values()];
}

const scenarioTitles = (results: BenchResults) => {
  const titles = new Map<string, { title: string; kind: string }>();
  for (const r of results.runs) titles.set(r.scenario, { title: r.title, kind: r.kind });
  return titles;
};

const engineName = (engine: string) => (engine === 'pglite' ? 'PGlite' : 'PostgreSQL');

/** The run's figures as markdown: what `npm run bench` prints and docs/performance.md keeps. */
export function markdownReport(results: BenchResults): string {
  const m = results.machine;
  const lines: string[] = [];
  lines.push(
    `Measured ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC${m.commit ? ` at commit \`${m.commit}\`` : ''}, ` +
      `${results.options.durationSeconds} s per run after ${results.options.warmupSeconds} s warm-up.`,
    '',
    `**Machine:** ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB memory, ${m.os}; Node ${m.node}; ` +
      `PostgreSQL ${m.postgresql ?? '–'}` +
      (Object.keys(m.postgresqlSettings).length
        ? ` (${Object.entries(m.postgresqlSettings)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')})`
        : '') +
      `; PGlite ${m.pglite}. Load average (1, 5, 15 min) at start: ${m.loadAverageAtStart.join(', ')}` +
      (results.loadAverageAtEnd ? `; at the end: ${results.loadAverageAtEnd.join(', ')}.` : '.'),
    '',
    '### Data',
    '',
    '| Tier | Engine | People | Guardianships | Users | Audit events | Generated in |',
    '|---|---|--:|--:|--:|--:|--:|',
  );
  for (const d of results.datasets) {
    lines.push(
      `| ${d.tier} | ${engineName(d.engine)} | ${formatCount(d.counts.person ?? 0)} | ` +
        `${formatCount(d.counts.guardianship ?? 0)} | ${formatCount(d.counts.user_account ?? 0)} | ` +
        `${formatCount(d.counts.audit_event ?? 0)} | ${formatSeconds(d.seconds.total ?? 0)} |`,
    );
  }
  const titles = scenarioTitles(results);
  for (const { engine, tier } of combos(results)) {
    lines.push(
      '',
      `### ${engineName(engine)}, tier ${tier}`,
      '',
      '| Scenario | Users | App req/s | p50 ms | p95 ms | p99 ms | Baseline req/s | Baseline p95 ms | Throughput app÷base | p95 app÷base | Server RSS MiB | Server CPU ms/req | Errors |',
      '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    );
    for (const [scenario, { title }] of titles) {
      for (const c of results.options.concurrency) {
        const app = find(results, { engine, tier, scenario, concurrency: c, target: 'app' });
        const base = find(results, { engine, tier, scenario, concurrency: c, target: 'baseline' });
        if (!app) continue;
        lines.push(
          `| ${title} | ${c} | ${int(app.throughput)} | ${f1(app.p50)} | ${f1(app.p95)} | ${f1(app.p99)} | ` +
            `${int(base?.throughput)} | ${f1(base?.p95)} | ${f2(ratio(app.throughput, base?.throughput))} | ` +
            `${f1(ratio(app.p95, base?.p95))} | ${int(app.serverRssPeakMiB)} | ${f2(app.serverCpuMsPerRequest)} | ` +
            `${app.errors + (base?.errors ?? 0)} |`,
        );
      }
    }
  }
  const growth = growthRows(results);
  if (growth.length) {
    lines.push(
      '',
      `### Growth from tier ${growth[0]!.from} to ${growth[0]!.to} (PostgreSQL)`,
      '',
      `| Scenario | Users | p95 at ${growth[0]!.from}, ms | p95 at ${growth[0]!.to}, ms | p95 ratio | Throughput ratio |`,
      '|---|--:|--:|--:|--:|--:|',
    );
    for (const g of growth) {
      lines.push(
        `| ${g.title} | ${g.concurrency} | ${f1(g.fromP95)} | ${f1(g.toP95)} | ${f2(g.p95Ratio)} | ${f2(g.throughputRatio)} |`,
      );
    }
  }
  const engines = engineRows(results);
  if (engines.length) {
    lines.push(
      '',
      '### PGlite ÷ PostgreSQL',
      '',
      '| Tier | Scenario | Users | p95 ratio | Throughput ratio |',
      '|---|---|--:|--:|--:|',
    );
    for (const e of engines) {
      lines.push(
        `| ${e.tier} | ${e.title} | ${e.concurrency} | ${f2(e.p95Ratio)} | ${f2(e.throughputRatio)} |`,
      );
    }
  }
  if (results.plans) {
    lines.push(
      '',
      `### Statements per request (tier ${results.plans.tier}, PostgreSQL)`,
      '',
      'Each statement is a round trip to the database; BEGIN and COMMIT are not counted. The times are',
      'those of one request replayed alone after a first one warmed the connections, as the app sees',
      'them (round trip, planning and execution).',
      '',
      '| Scenario | App statements | Statement time, ms | Baseline statements |',
      '|---|--:|--:|--:|',
    );
    for (const s of results.plans.scenarios) {
      const total = s.statements.reduce((sum, st) => sum + st.requestMs, 0);
      lines.push(
        `| ${titles.get(s.scenario)?.title ?? s.scenario} | ${s.statements.length} | ${f1(total)} | ${s.baselineStatements.length} |`,
      );
    }
  }
  lines.push(...profilesMarkdown(results.profiles));
  lines.push(...soakMarkdown(results.soak));
  lines.push('', '### Goals of issue 19', '', ...issue19GoalLines(results.runs));
  lines.push('', '### Goals of issue 5', '', ...goalLines(results));
  return lines.join('\n');
}

function tiersOf(results: BenchResults, engine: string): string[] {
  const order = ['XS', 'S', 'M', 'L'];
  return [...new Set(results.runs.filter((r) => r.engine === engine).map((r) => r.tier))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
}

function growthRows(results: BenchResults) {
  const tiers = tiersOf(results, 'postgresql');
  if (tiers.length < 2) return [];
  const from = tiers[tiers.length - 2]!;
  const to = tiers[tiers.length - 1]!;
  const rows = [];
  for (const [scenario, { title }] of scenarioTitles(results)) {
    for (const c of results.options.concurrency) {
      const a = find(results, { engine: 'postgresql', tier: from, scenario, concurrency: c, target: 'app' });
      const b = find(results, { engine: 'postgresql', tier: to, scenario, concurrency: c, target: 'app' });
      if (!a || !b) continue;
      rows.push({
        scenario,
        title,
        concurrency: c,
        from,
        to,
        fromP95: a.p95,
        toP95: b.p95,
        p95Ratio: ratio(b.p95, a.p95),
        throughputRatio: ratio(b.throughput, a.throughput),
      });
    }
  }
  return rows;
}

function engineRows(results: BenchResults) {
  const rows = [];
  for (const tier of tiersOf(results, 'pglite')) {
    for (const [scenario, { title }] of scenarioTitles(results)) {
      for (const c of results.options.concurrency) {
        const lite = find(results, { engine: 'pglite', tier, scenario, concurrency: c, target: 'app' });
        const pgRun = find(results, { engine: 'postgresql', tier, scenario, concurrency: c, target: 'app' });
        if (!lite || !pgRun) continue;
        rows.push({
          tier,
          title,
          concurrency: c,
          p95Ratio: ratio(lite.p95, pgRun.p95),
          throughputRatio: ratio(lite.throughput, pgRun.throughput),
        });
      }
    }
  }
  return rows;
}

const mark = (ok: boolean | null) => (ok === null ? '–' : ok ? 'met' : '**missed**');

function goalLines(results: BenchResults): string[] {
  const lines: string[] = [];
  const largest = tiersOf(results, 'postgresql').at(-1);
  const titles = scenarioTitles(results);
  if (!largest) return ['No PostgreSQL runs: the goals are stated for PostgreSQL.'];
  lines.push(
    `| Scenario | p95 at ${goals.p95Concurrency} users, ${largest} ≤ ${goals.p95Ms} ms | Throughput ≥ ${goals.minThroughputShare} × baseline (${largest}, lowest over users) | p95 growth ≤ ${goals.maxGrowth} × (highest over users) |`,
    '|---|---|---|---|',
  );
  const growth = growthRows(results);
  for (const [scenario, { title, kind }] of titles) {
    const at16 = find(results, {
      engine: 'postgresql',
      tier: largest,
      scenario,
      concurrency: goals.p95Concurrency,
      target: 'app',
    });
    const p95Ok = at16 ? at16.p95 <= goals.p95Ms : null;
    const shares = results.options.concurrency
      .map((c) => {
        const app = find(results, {
          engine: 'postgresql',
          tier: largest,
          scenario,
          concurrency: c,
          target: 'app',
        });
        const base = find(results, {
          engine: 'postgresql',
          tier: largest,
          scenario,
          concurrency: c,
          target: 'baseline',
        });
        return ratio(app?.throughput, base?.throughput);
      })
      .filter((r): r is number => r !== null);
    const minShare = shares.length ? Math.min(...shares) : null;
    const growths = growth
      .filter((g) => g.scenario === scenario)
      .map((g) => g.p95Ratio)
      .filter((r): r is number => r !== null);
    const maxGrowth = growths.length ? Math.max(...growths) : null;
    lines.push(
      `| ${title} | ${f1(at16?.p95)} ms: ${mark(p95Ok)} | ` +
        (kind === 'read'
          ? `${f2(minShare)}: ${mark(minShare === null ? null : minShare >= goals.minThroughputShare)}`
          : `${f2(minShare)} (write: not a goal)`) +
        ` | ${f2(maxGrowth)}: ${mark(maxGrowth === null ? null : maxGrowth <= goals.maxGrowth)} |`,
    );
  }
  return lines;
}

/** Each scenario's statements and plans, for docs/performance.md. */
export function plansMarkdown(results: BenchResults): string {
  if (!results.plans) return '';
  const lines = [
    `### Query plans at tier ${results.plans.tier} (${engineName(results.plans.engine)})`,
    '',
    'Every statement one (warm) request runs, in order, with the time it took inside the request and its plan ' +
      '(EXPLAIN ANALYZE, BUFFERS, re-run with the same parameters in a rolled-back transaction).',
  ];
  for (const s of results.plans.scenarios) {
    const total = s.statements.reduce((sum, st) => sum + st.requestMs, 0);
    lines.push(
      '',
      `<details><summary><code>${s.request.replace(/&/g, '&amp;')}</code> (${s.scenario}): ${s.statements.length} statements, ${f1(total)} ms</summary>`,
      '',
    );
    s.statements.forEach((st, i) => {
      lines.push(
        `${i + 1}. ${f2(st.requestMs)} ms`,
        '',
        '```sql',
        st.sql,
        '```',
        '',
        '```',
        st.plan,
        '```',
        '',
      );
    });
    lines.push('</details>');
  }
  return lines.join('\n');
}

const startMarker = '<!-- bench:results:start -->';
const endMarker = '<!-- bench:results:end -->';

/** Replaces the generated part of docs/performance.md; the explanations around it stay as written. */
export function updatePerformanceDoc(path: string, results: BenchResults): boolean {
  if (!existsSync(path)) return false;
  const doc = readFileSync(path, 'utf8');
  const start = doc.indexOf(startMarker);
  const end = doc.indexOf(endMarker);
  if (start === -1 || end === -1 || end < start) return false;
  const generated = [
    startMarker,
    '<!-- Generated by `npm run bench` from bench/results/latest.json: do not edit by hand. -->',
    '',
    markdownReport(results),
    '',
    plansMarkdown(results),
    '',
    endMarker,
  ].join('\n');
  writeFileSync(path, doc.slice(0, start) + generated + doc.slice(end + endMarker.length));
  return true;
}
