import { readFileSync } from 'node:fs';
import type { BenchResults } from './report.ts';

/** `npx tsx bench/show.ts [file]`: every run of a results file on one line each, for a quick look. */
const file = process.argv[2] ?? new URL('./results/latest.json', import.meta.url).pathname;
const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
for (const r of results.runs) {
  console.log(
    [
      r.engine.padEnd(10),
      r.tier.padEnd(2),
      r.scenario.padEnd(14),
      String(r.concurrency).padStart(3),
      r.target.padEnd(8),
      `${r.throughput.toFixed(0).padStart(5)} req/s`,
      `p50 ${r.p50.toFixed(1).padStart(6)}`,
      `p95 ${r.p95.toFixed(1).padStart(6)}`,
      `p99 ${r.p99.toFixed(1).padStart(6)}`,
      `cpu ${r.serverCpuMsPerRequest?.toFixed(2) ?? '–'} ms/req`,
      `rss ${r.serverRssPeakMiB?.toFixed(0) ?? '–'} MiB`,
      `machine ${((r.machineCpuBusy ?? 0) * 100).toFixed(0)}%`,
      r.errors ? `errors ${r.errors}` : '',
    ].join('  '),
  );
}
