import { todayInSweden } from '../../src/platform/dates.ts';
import { Progress } from '../progress.ts';
import { type Manifest, resetTarget, targetSpec, writeManifest } from '../targets.ts';
import { benchSecretKey } from './credentials.ts';
import { writePlan } from './generate.ts';
import { buildPlan } from './plan.ts';
import { openTarget } from './sink.ts';
import { tierByName } from './tiers.ts';

/** Generates one tier into a fresh database of the given engine and records a manifest. */
export async function generateTier(
  engine: 'postgresql' | 'pglite',
  tierName: string,
  options: { seed?: number; progress?: Progress } = {},
): Promise<Manifest> {
  const tier = tierByName(tierName);
  const progress = options.progress ?? new Progress();
  progress.log(`Generating tier ${tier.name} (${tier.description}) on ${engine}…`);
  await resetTarget(engine, tier.name);
  const started = performance.now();
  const plan = buildPlan(tier, { seed: options.seed, today: todayInSweden() });
  const planSeconds = (performance.now() - started) / 1000;
  const target = await openTarget(targetSpec(engine, tier.name));
  try {
    const report = await writePlan(target, plan, { secretKey: benchSecretKey, progress });
    report.seconds.plan = planSeconds;
    report.seconds.total = (performance.now() - started) / 1000;
    return writeManifest(report);
  } finally {
    await target.close();
  }
}
