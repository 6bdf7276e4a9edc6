import type { AccessScope } from '../platform/access/scope.ts';
import { notFound } from '../platform/http/errors.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import type { IndicatorId } from './catalogue.ts';
import type { ExportTable } from './export.ts';
import { statisticsTexts } from './i18n/index.ts';
import type { Period } from './periods.ts';
import { municipalityName } from './queries.ts';
import { readIndicators, readSeries } from './service.ts';
import { monthsTable, partsTable, summaryTable, type TableKey, unitsTable } from './tables.ts';

/**
 * Any table of the statistics pages as the viewer may see it (suppressed the same way), with
 * the period, the source and what ".." means under it: for the direct downloads and for the
 * export jobs alike.
 */
export async function exportTable(
  scope: AccessScope,
  key: TableKey,
  o: { period: Period; unitId: string | null; lang: Lang; today: string },
): Promise<ExportTable> {
  const actor = scope.actor;
  const tx = statisticsTexts(o.lang);
  const notes = [
    tx.periodNote(o.period.key),
    tx.sourceNote(await municipalityName(scope.db, actor.municipalityId), o.today),
    `${tx.suppressedMark}: ${tx.suppressedNote}`,
  ];
  if (key === 'summary' || key === 'units') {
    const view = await readIndicators(scope.db, actor, {
      period: o.period,
      unitId: o.unitId,
      today: o.today,
    });
    return key === 'summary' ? summaryTable(view, o.lang, notes) : unitsTable(view, o.lang, notes);
  }
  const [id, months] = key.split('.') as [IndicatorId, string | undefined];
  const series = await readSeries(scope.db, actor, {
    id,
    period: o.period,
    unitId: o.unitId,
    today: o.today,
  });
  if (months) return monthsTable(id, series, o.lang, notes);
  if (!series.total) throw notFound();
  return partsTable(id, series.total, o.lang, notes);
}
