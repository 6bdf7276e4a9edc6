/**
 * The goals of issue 19, each shown met or missed from a run's figures (never asserted in tests).
 * At the largest PostgreSQL tier: every read page at least half its baseline's throughput at 1 and
 * 16 users; server CPU per request at most 1 ms for a child's page and person search and 2 ms for
 * every other page; p95 at one user at most 10 ms; p95 at most 1.3 × that of the tier before. On
 * PGlite at M: at least 0.8 × PostgreSQL's throughput at one user, and no error at 64 users.
 */
export const issue19Goals = {
  minThroughputShare: 0.5,
  shareConcurrency: [1, 16],
  cpuMsTight: 1,
  cpuMsTightScenarios: ['childPage', 'childHub', 'personSearch'],
  cpuMs: 2,
  p95OneUserMs: 10,
  maxGrowth: 1.3,
  pgliteTier: 'M',
  pgliteShare: 0.8,
  pgliteNoErrorsAt: 64,
};

interface Run {
  engine: string;
  tier: string;
  scenario: string;
  title: string;
  kind: string;
  target: string;
  concurrency: number;
  throughput: number;
  p95: number;
  errors: number;
  serverCpuMsPerRequest: number | null;
}

const order = ['XS', 'S', 'M', 'L'];
const f = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits);
const mark = (ok: boolean | null) => (ok === null ? '–' : ok ? 'met' : '**missed**');

export function issue19GoalLines(runs: readonly Run[]): string[] {
  const g = issue19Goals;
  const find = (q: Partial<Run>) =>
    runs.find((r) => Object.entries(q).every(([k, v]) => (r as unknown as Record<string, unknown>)[k] === v));
  const pgTiers = [...new Set(runs.filter((r) => r.engine === 'postgresql').map((r) => r.tier))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
  const largest = pgTiers.at(-1);
  const before = pgTiers.at(-2);
  if (!largest) return ['No PostgreSQL runs: the goals are stated for PostgreSQL.'];
  const scenarios = new Map<string, { title: string; kind: string }>();
  for (const r of runs) scenarios.set(r.scenario, { title: r.title, kind: r.kind });
  const lines = [
    `Issue 19's goals at tier ${largest} on PostgreSQL${before ? ` (growth against ${before})` : ''}; ` +
      `PGlite at ${g.pgliteTier}. "–" where the run did not measure it.`,
    '',
    `| Scenario | Throughput ≥ ${g.minThroughputShare} × baseline at ${g.shareConcurrency.join(' and ')} users (lowest) | ` +
      `Server CPU ≤ ${g.cpuMsTight} ms (child's page, search) or ${g.cpuMs} ms (highest) | p95 at 1 user ≤ ${g.p95OneUserMs} ms | ` +
      `p95 growth ≤ ${g.maxGrowth} × (highest) | PGlite ≥ ${g.pgliteShare} × PostgreSQL at 1 user, no error at ${g.pgliteNoErrorsAt} |`,
    '|---|---|---|---|---|---|',
  ];
  for (const [scenario, { title, kind }] of scenarios) {
    const app = (c: number, tier = largest, engine = 'postgresql') =>
      find({ engine, tier, scenario, concurrency: c, target: 'app' });
    const base = (c: number) =>
      find({ engine: 'postgresql', tier: largest, scenario, concurrency: c, target: 'baseline' });
    const shares = g.shareConcurrency
      .map((c) => {
        const a = app(c);
        const b = base(c);
        return a && b && b.throughput > 0 ? a.throughput / b.throughput : null;
      })
      .filter((x): x is number => x !== null);
    const share = shares.length ? Math.min(...shares) : null;
    const cpus = runs
      .filter(
        (r) =>
          r.engine === 'postgresql' && r.tier === largest && r.scenario === scenario && r.target === 'app',
      )
      .map((r) => r.serverCpuMsPerRequest)
      .filter((x): x is number => x !== null);
    const cpu = cpus.length ? Math.max(...cpus) : null;
    const cpuLimit = g.cpuMsTightScenarios.includes(scenario) ? g.cpuMsTight : g.cpuMs;
    const one = app(1);
    const growths = before
      ? runs
          .filter(
            (r) =>
              r.engine === 'postgresql' &&
              r.tier === largest &&
              r.scenario === scenario &&
              r.target === 'app',
          )
          .map((r) => {
            const earlier = app(r.concurrency, before);
            return earlier && earlier.p95 > 0 ? r.p95 / earlier.p95 : null;
          })
          .filter((x): x is number => x !== null)
      : [];
    const growth = growths.length ? Math.max(...growths) : null;
    const lite = app(1, g.pgliteTier, 'pglite');
    const pg = app(1, g.pgliteTier, 'postgresql');
    const liteShare = lite && pg && pg.throughput > 0 ? lite.throughput / pg.throughput : null;
    const lite64 = app(g.pgliteNoErrorsAt, g.pgliteTier, 'pglite');
    const liteOk =
      liteShare === null ? null : liteShare >= g.pgliteShare && (lite64 ? lite64.errors === 0 : true);
    lines.push(
      `| ${title} | ${kind === 'read' ? `${f(share, 2)}: ${mark(share === null ? null : share >= g.minThroughputShare)}` : `${f(share, 2)} (write: not a goal)`} | ` +
        `${f(cpu, 2)} ms: ${mark(cpu === null ? null : cpu <= cpuLimit)} | ` +
        `${kind === 'read' ? `${f(one?.p95)} ms: ${mark(one ? one.p95 <= g.p95OneUserMs : null)}` : `${f(one?.p95)} ms (write)`} | ` +
        `${f(growth, 2)}: ${mark(growth === null ? null : growth <= g.maxGrowth)} | ` +
        `${f(liteShare, 2)}${lite64 ? `, ${lite64.errors} errors at ${g.pgliteNoErrorsAt}` : ''}: ${mark(liteOk)} |`,
    );
  }
  return lines;
}
