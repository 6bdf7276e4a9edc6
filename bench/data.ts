import { parseArgs } from 'node:util';
import { generateTier } from './generate/generate-tier.ts';
import { formatCount, formatSeconds } from './progress.ts';

/**
 * `npm run bench:data -- --tier S|M|L [--engine postgresql|pglite] [--seed N]`: fills a fresh
 * database with the tier's fictional data (see docs/performance.md). PostgreSQL databases are
 * samtak_bench_<tier> on BENCH_DATABASE_URL's server; PGlite data goes to bench/data/.
 */
const { values } = parseArgs({
  options: {
    tier: { type: 'string', default: 'S' },
    engine: { type: 'string', default: 'postgresql' },
    seed: { type: 'string' },
  },
});
const engine = values.engine === 'pglite' ? 'pglite' : values.engine === 'postgresql' ? 'postgresql' : null;
if (!engine) {
  console.error('--engine must be postgresql or pglite');
  process.exit(2);
}
const manifest = await generateTier(engine, values.tier, {
  seed: values.seed ? Number(values.seed) : undefined,
});
console.log(`\nTier ${manifest.tier} on ${manifest.engine}, seed ${manifest.seed}:`);
for (const [table, count] of Object.entries(manifest.counts)) {
  console.log(`  ${table.padEnd(20)} ${formatCount(count).padStart(8)}`);
}
console.log(
  `  time: ${Object.entries(manifest.seconds)
    .map(([step, s]) => `${step} ${formatSeconds(s)}`)
    .join(', ')}`,
);
