import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { type IsoDate, isIsoDate } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import { firstLine } from '../platform/startup-error.ts';
import { caseWorkers, recomputeMonth } from './workload-store.ts';

type Db = Kysely<Database>;

/** Workers recomputed in one transaction: a failure loses at most one batch, and the next run redoes it. */
export const workloadBatchSize = 50;

export interface WorkloadJobResult {
  municipalities: number;
  workers: number;
}

/**
 * The nightly workload job (decision 0128): keeps the running month's load of every worker who
 * carries cases (active social and intake workers with a unit), in every active municipality or
 * the one given, even when nothing changed since the last run, so that a month in which no hook
 * fired (a case closing, a placement ending, a SIP agreed) is not a gap in the history. It writes
 * the same row the assignment hooks write (`recomputeMonth`, one per worker and month, replaced),
 * so running it twice on a day is running it once. Earlier months are never touched.
 */
export async function recomputeWorkloads(
  db: Db,
  today: IsoDate,
  options: { municipalityCode?: string | undefined; progress?: (line: string) => void } = {},
): Promise<WorkloadJobResult> {
  let query = db.selectFrom('municipality').select(['id', 'code']).where('active', '=', true);
  if (options.municipalityCode) query = query.where('code', '=', options.municipalityCode);
  const municipalities = await query.orderBy('code').execute();
  let workers = 0;
  for (const m of municipalities) {
    const ids = (await caseWorkers(db, m.id)).map((w) => w.id);
    for (let from = 0; from < ids.length; from += workloadBatchSize) {
      const batch = ids.slice(from, from + workloadBatchSize);
      await db.transaction().execute((trx) => recomputeMonth(trx, m.id, batch, today));
      workers += batch.length;
      options.progress?.(`${m.code}: ${from + batch.length}/${ids.length} workers, ${today.slice(0, 7)}`);
    }
    if (ids.length === 0) options.progress?.(`${m.code}: no workers who carry cases`);
  }
  return { municipalities: municipalities.length, workers };
}

/** The command's arguments (src/statistics/workload-command.ts); a fault is one line with the usage. */
const usage = 'Usage: npm run workload:recompute -- [--municipality <code>] [--today YYYY-MM-DD]';

export function parseWorkloadArgs(
  args: readonly string[],
):
  | { ok: true; municipalityCode: string | undefined; today: string | undefined }
  | { ok: false; error: string } {
  let values: { municipality?: string | undefined; today?: string | undefined };
  try {
    values = parseArgs({
      args: [...args],
      options: { municipality: { type: 'string' }, today: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    return { ok: false, error: `${firstLine(error)}. ${usage}` };
  }
  if (values.municipality !== undefined && !/^[0-9]{4}$/.test(values.municipality))
    return { ok: false, error: `--municipality must be the four-digit municipality code. ${usage}` };
  if (values.today !== undefined && !isIsoDate(values.today))
    return { ok: false, error: `--today must be a date (YYYY-MM-DD). ${usage}` };
  return { ok: true, municipalityCode: values.municipality, today: values.today };
}
