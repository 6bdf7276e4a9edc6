import { readFileSync } from 'node:fs';

/**
 * Where a server's CPU went, from a V8 CPU profile (`--cpu-prof`, as BENCH_PROFILE and the bench's
 * profile step write them): each sample's time goes to the first part of the system found walking
 * its stack from the innermost frame outwards (a `writev` under the pg client is the SQL client's;
 * a hash under the audit writer is the audit's). Idle time is left out; the shares are of the time
 * the process was busy.
 *
 *   npx tsx bench/profile-summary.ts <file.cpuprofile>...
 */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export const categories: [name: string, test: (url: string, fn: string) => boolean][] = [
  ['garbage collection', (_u, f) => f === '(garbage collector)'],
  ['audit writer and hashing', (u) => /src\/platform\/audit\//.test(u)],
  ['access policy', (u) => /src\/platform\/access\/|src\/[a-z-]+\/access\.ts/.test(u)],
  [
    'session and CSRF',
    (u) => /src\/platform\/auth\/|src\/auth\/|csrf|@fastify\/cookie|cookie-signature/.test(u),
  ],
  ['rendering (Preact, views)', (u) => /preact|\.tsx|\/views\//.test(u)],
  [
    'SQL client (pg, Kysely)',
    (u) => /node_modules\/(pg|pg-protocol|pg-pool|pg-types|kysely|postgres-[a-z]+)\//.test(u),
  ],
  ['PGlite', (u) => /@electric-sql\/pglite/.test(u)],
  ['compression', (u, f) => /zlib|compress/.test(u) || /deflate|gzip|brotli/i.test(f)],
  ['logging', (u) => /pino|sonic-boom/.test(u)],
  ['validation and serialisation', (u) => /typebox|ajv|fast-json-stringify|fast-uri/.test(u)],
  ['headers and limits (helmet, rate limit)', (u) => /@fastify\/(helmet|rate-limit)|helmet/.test(u)],
  [
    'routing and Fastify',
    (u) => /node_modules\/(fastify|find-my-way|avvio|light-my-request|@fastify)\//.test(u),
  ],
  ['feature code (queries, domain)', (u) => /\/src\//.test(u)],
  ['module loading (tsx, startup)', (u) => /tsx|esbuild|node:internal\/modules/.test(u)],
  ['Node internals (streams, sockets, timers)', (u) => u.startsWith('node:')],
];

export interface ProfileShare {
  category: string;
  ms: number;
  share: number;
}

export function summariseProfile(profile: CpuProfile): { busyMs: number; shares: ProfileShare[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, string | null>();
  const categoryOf = (id: number): string | null => {
    if (memo.has(id)) return memo.get(id)!;
    let found: string | null = 'other (native, V8)';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      const { url, functionName } = node.callFrame;
      if (functionName === '(idle)' || functionName === '(program)') {
        found = functionName === '(idle)' ? null : 'other (native, V8)';
        break;
      }
      const hit = categories.find(([, test]) => test(url, functionName));
      if (hit && hit[0] !== 'Node internals (streams, sockets, timers)') {
        found = hit[0];
        break;
      }
      if (hit && found === 'other (native, V8)') found = hit[0];
    }
    memo.set(id, found);
    return found;
  };
  const totals = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const category = categoryOf(id);
    if (category === null) return;
    busy += ms;
    totals.set(category, (totals.get(category) ?? 0) + ms);
  });
  const shares = [...totals]
    .map(([category, ms]) => ({ category, ms, share: busy ? ms / busy : 0 }))
    .sort((a, b) => b.ms - a.ms);
  return { busyMs: busy, shares };
}

export interface ScenarioProfile {
  scenario: string;
  requests: number;
  busyMs: number;
  shares: ProfileShare[];
}

/** One row per scenario: busy CPU per request and the share of each part, largest parts first. */
export function profilesMarkdown(profiles: readonly ScenarioProfile[] | null | undefined): string[] {
  if (!profiles?.length) return [];
  const parts = categories.map(([name]) => name).concat('other (native, V8)');
  const used = parts.filter((p) =>
    profiles.some((s) => s.shares.some((x) => x.category === p && x.share >= 0.01)),
  );
  return [
    '',
    '### Where the server CPU goes (16 users, profiled during the window)',
    '',
    'Each sample goes to the first part found from the innermost frame outwards; shares of the busy time.',
    '',
    `| Scenario | Busy ms/req | ${used.join(' | ')} |`,
    `|---|--:|${used.map(() => '--:').join('|')}|`,
    ...profiles.map((p) => {
      const share = (name: string) => p.shares.find((s) => s.category === name)?.share ?? 0;
      const perRequest = p.requests ? (p.busyMs / p.requests).toFixed(2) : '–';
      return `| ${p.scenario} | ${perRequest} | ${used.map((name) => `${(share(name) * 100).toFixed(0)} %`).join(' | ')} |`;
    }),
  ];
}

export function readProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const path of process.argv.slice(2)) {
    const { busyMs, shares } = summariseProfile(readProfile(path));
    console.log(`\n${path}: ${(busyMs / 1000).toFixed(1)} s busy`);
    for (const s of shares) {
      console.log(
        `  ${s.category.padEnd(44)} ${(s.share * 100).toFixed(1).padStart(5)} %  ${s.ms.toFixed(0).padStart(7)} ms`,
      );
    }
  }
}
