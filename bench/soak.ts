import type { RunResult } from './load.ts';
import type { Scenario } from './scenarios.ts';
import { processSample } from './stats.ts';

/**
 * The soak (issue 19): a long, bounded run at 16 users over every scenario in turn (a round of
 * each, again and again) against the app alone, with the server's resident memory sampled at a
 * fixed interval, to show whether it grows. It ends by itself after its minutes.
 */
export interface SoakSample {
  /** Minutes since the soak began. */
  minute: number;
  rssMiB: number;
}

export interface SoakResult {
  engine: string;
  tier: string;
  concurrency: number;
  minutes: number;
  roundSeconds: number;
  sampleSeconds: number;
  samples: SoakSample[];
  requests: number;
  errors: number;
  firstError?: string;
  /** Requests a second per scenario, over all its rounds. */
  throughput: Record<string, number>;
  summary: SoakSummary;
}

export interface SoakSummary {
  firstMiB: number | null;
  lastMiB: number | null;
  peakMiB: number | null;
  /** Least-squares slope of RSS after the first sample (the warm-up), in MiB per ten minutes. */
  slopeMiBPer10Min: number | null;
  /** Whether memory grows: more than 5 % of the first sample per ten minutes over the run. */
  grows: boolean | null;
}

export function summariseSoak(samples: readonly SoakSample[]): SoakSummary {
  if (samples.length === 0)
    return { firstMiB: null, lastMiB: null, peakMiB: null, slopeMiBPer10Min: null, grows: null };
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const peak = Math.max(...samples.map((s) => s.rssMiB));
  const fit = samples.length > 2 ? samples.slice(1) : samples;
  if (fit.length < 2)
    return {
      firstMiB: first.rssMiB,
      lastMiB: last.rssMiB,
      peakMiB: peak,
      slopeMiBPer10Min: null,
      grows: null,
    };
  const n = fit.length;
  const mx = fit.reduce((s, p) => s + p.minute, 0) / n;
  const my = fit.reduce((s, p) => s + p.rssMiB, 0) / n;
  const sxx = fit.reduce((s, p) => s + (p.minute - mx) ** 2, 0);
  const sxy = fit.reduce((s, p) => s + (p.minute - mx) * (p.rssMiB - my), 0);
  const slope = sxx === 0 ? 0 : (sxy / sxx) * 10;
  return {
    firstMiB: first.rssMiB,
    lastMiB: last.rssMiB,
    peakMiB: peak,
    slopeMiBPer10Min: slope,
    grows: slope > 0.05 * fit[0]!.rssMiB,
  };
}

export async function runSoak(options: {
  engine: string;
  tier: string;
  scenarios: readonly Scenario[];
  concurrency: number;
  minutes: number;
  roundSeconds: number;
  sampleSeconds: number;
  serverPid: number;
  round: (scenario: Scenario, durationMs: number) => Promise<RunResult>;
  log?: (line: string) => void;
}): Promise<SoakResult> {
  const started = performance.now();
  const endAt = started + options.minutes * 60_000;
  const samples: SoakSample[] = [];
  const sample = () => {
    const s = processSample(options.serverPid);
    if (!s) return;
    const minute = Math.round(((performance.now() - started) / 60_000) * 100) / 100;
    samples.push({ minute, rssMiB: Math.round((s.rssBytes / 2 ** 20) * 10) / 10 });
    options.log?.(`soak ${minute.toFixed(1)} min: server RSS ${samples.at(-1)!.rssMiB} MiB`);
  };
  sample();
  const sampler = setInterval(sample, options.sampleSeconds * 1000);
  let requests = 0;
  let errors = 0;
  let firstError: string | undefined;
  const perScenario = new Map<string, { requests: number; seconds: number }>();
  try {
    outer: for (;;) {
      for (const scenario of options.scenarios) {
        const left = endAt - performance.now();
        if (left < 1000) break outer;
        const result = await options.round(scenario, Math.min(options.roundSeconds * 1000, left));
        requests += result.requests;
        errors += result.errors;
        firstError ??= result.firstError;
        const seen = perScenario.get(scenario.name) ?? { requests: 0, seconds: 0 };
        perScenario.set(scenario.name, {
          requests: seen.requests + result.requests,
          seconds: seen.seconds + result.seconds,
        });
      }
    }
  } finally {
    clearInterval(sampler);
  }
  sample();
  return {
    engine: options.engine,
    tier: options.tier,
    concurrency: options.concurrency,
    minutes: options.minutes,
    roundSeconds: options.roundSeconds,
    sampleSeconds: options.sampleSeconds,
    samples,
    requests,
    errors,
    ...(firstError ? { firstError } : {}),
    throughput: Object.fromEntries(
      [...perScenario].map(([name, s]) => [
        name,
        s.seconds ? Math.round((s.requests / s.seconds) * 10) / 10 : 0,
      ]),
    ),
    summary: summariseSoak(samples),
  };
}

export function soakMarkdown(soak: SoakResult | null | undefined): string[] {
  if (!soak) return [];
  const s = soak.summary;
  const f = (n: number | null) => (n === null ? '–' : n.toFixed(1));
  return [
    '',
    `### Soak (${soak.minutes} min at ${soak.concurrency} users, tier ${soak.tier}, ${soak.engine === 'pglite' ? 'PGlite' : 'PostgreSQL'})`,
    '',
    `Every scenario in turn, ${soak.roundSeconds} s each, round after round; the server's resident memory sampled every ${soak.sampleSeconds} s. ` +
      `${soak.requests} requests, ${soak.errors} errors${soak.firstError ? ` (first: ${soak.firstError.slice(0, 120)})` : ''}.`,
    '',
    `Server RSS: ${f(s.firstMiB)} MiB at the start, ${f(s.lastMiB)} MiB at the end, peak ${f(s.peakMiB)} MiB; ` +
      `trend after the first sample ${f(s.slopeMiBPer10Min)} MiB per 10 minutes: ` +
      (s.grows === null ? 'too few samples to say.' : s.grows ? '**it grows**.' : 'it does not grow.'),
    '',
    '| Minute | RSS MiB |',
    '|--:|--:|',
    ...soak.samples.map((p) => `| ${p.minute.toFixed(1)} | ${p.rssMiB.toFixed(1)} |`),
    '',
    '| Scenario | req/s over its rounds |',
    '|---|--:|',
    ...Object.entries(soak.throughput).map(([name, t]) => `| ${name} | ${t.toFixed(1)} |`),
  ];
}
