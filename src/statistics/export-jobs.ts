import type { Kysely } from 'kysely';
import { type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { csvChunks, englishCsv, swedishCsv, toXlsx } from './export.ts';
import { exportTable } from './export-tables.ts';
import { statisticsTexts } from './i18n/index.ts';
import type { Period } from './periods.ts';
import type { TableKey } from './tables.ts';

/**
 * A long export as a job with a progress page (decision 0132): the request that asks for it is
 * authorised and audited, writes the job's row and answers at once; the table is then built in
 * the background with the asker's own access (suppressed as on the page) and written in chunks,
 * the row counting the rows done. The job is in the database, so any process can show its
 * progress and hand over the file; only its owner sees it. A job still running after ten minutes
 * (its process stopped) is shown as failed.
 */

type Db = Kysely<Database>;

export const staleAfterMs = 10 * 60 * 1000;
const running = new Set<Promise<void>>();

/** For tests and a graceful stop: every job started in this process has finished. */
export async function exportJobsSettled(): Promise<void> {
  while (running.size) await Promise.allSettled([...running]);
}

export interface ExportJobRequest {
  key: TableKey;
  format: 'csv' | 'xlsx';
  period: Period;
  unitId: string | null;
  lang: Lang;
  today: string;
}

export async function startExportJob(db: Db, context: RequestContext, o: ExportJobRequest): Promise<string> {
  const id = await withAccess(db, context, async (scope) => {
    const municipalityId = scope.actor.municipalityId;
    scope.authorize('statistics.export', { type: 'statistics', municipalityId });
    const job = await scope.db
      .insertInto('statistics_export_job')
      .values({
        municipality_id: municipalityId,
        user_id: scope.actor.userId,
        format: o.format,
        table_key: o.key,
        period_key: o.period.key,
        unit_id: o.unitId,
        file: null,
        file_name: null,
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await scope.audit({
      action: 'statistics.export',
      recordType: 'exportJob',
      recordId: job.id,
      reason: `${o.key} ${o.period.key} ${o.unitId ?? 'municipality'} ${o.format} job`,
    });
    return job.id;
  });
  const work = runJob(db, context, id, o).finally(() => running.delete(work));
  running.add(work);
  return id;
}

async function runJob(db: Db, context: RequestContext, id: string, o: ExportJobRequest): Promise<void> {
  const municipalityId = context.actor!.municipalityId;
  const job = db
    .updateTable('statistics_export_job')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id);
  try {
    const table = await withAccess(db, context, async (scope) => {
      scope.authorize('statistics.export', { type: 'statistics', municipalityId });
      return exportTable(scope, o.key, o);
    });
    await job.set({ total: table.rows.length }).execute();
    let file: Buffer;
    if (o.format === 'csv') {
      let done = 0;
      const parts: string[] = [];
      for (const chunk of csvChunks(table, o.lang === 'sv' ? swedishCsv : englishCsv, (n) => {
        done = n;
      })) {
        parts.push(chunk);
        await job.set({ done }).execute();
      }
      file = Buffer.from(parts.join(''), 'utf8');
    } else {
      file = await toXlsx([table], { suppressedMark: statisticsTexts(o.lang).suppressedMark });
    }
    await job
      .set({
        status: 'done',
        done: table.rows.length,
        file,
        file_name: `samtak-${o.key.replace('.', '-')}-${o.period.key}.${o.format}`,
        finished_at: new Date(),
      })
      .execute();
  } catch {
    await job.set({ status: 'failed', finished_at: new Date() }).execute();
  }
}

export interface ExportJobView {
  id: string;
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  format: 'csv' | 'xlsx';
  fileName: string | null;
}

/** The job, only for its owner in their municipality; null otherwise (a 404). */
export async function exportJobOf(
  db: Db,
  actor: { municipalityId: string; userId: string },
  id: string,
  now = new Date(),
): Promise<ExportJobView | null> {
  const row = await db
    .selectFrom('statistics_export_job')
    .select(['id', 'status', 'done', 'total', 'format', 'file_name', 'created_at'])
    .where('municipality_id', '=', actor.municipalityId)
    .where('id', '=', id)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!row) return null;
  const stale = row.status === 'running' && now.getTime() - row.created_at.getTime() > staleAfterMs;
  return {
    id: row.id,
    status: stale ? 'failed' : row.status,
    done: row.done,
    total: row.total,
    format: row.format,
    fileName: row.file_name,
  };
}

export async function exportJobFile(db: Db, actor: { municipalityId: string; userId: string }, id: string) {
  return db
    .selectFrom('statistics_export_job')
    .select(['file', 'file_name', 'format', 'table_key', 'period_key', 'unit_id'])
    .where('municipality_id', '=', actor.municipalityId)
    .where('id', '=', id)
    .where('user_id', '=', actor.userId)
    .where('status', '=', 'done')
    .executeTakeFirst();
}
