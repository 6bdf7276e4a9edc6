import type { Kysely } from 'kysely';
import type { Actor } from '../platform/access/policy.ts';
import type { Database } from '../platform/db/schema.ts';
import { type IndicatorId, indicatorIds } from './catalogue.ts';
import { type KoladaValue, nationalArea } from './kolada.ts';
import { periodContaining } from './periods.ts';
import type { ShownFigure } from './present.ts';
import { readIndicators } from './service.ts';

/**
 * Kolada comparison values, imported from a downloaded file and shown beside the municipality's
 * own (decision 0131). Each import is kept with its file name, who imported it and when; for a
 * key figure, area and year the newest import wins. An import may name the indicator its key
 * figure compares with; the municipality's own value is then computed for each year shown, and
 * suppressed for the viewer like any figure on the statistics pages.
 */

type Db = Kysely<Database>;

export const isIndicatorId = (id: string): id is IndicatorId =>
  (indicatorIds as readonly string[]).includes(id);

export async function importComparison(
  db: Db,
  municipalityId: string,
  o: { fileName: string; indicatorId: IndicatorId | null; values: readonly KoladaValue[]; by: Actor },
): Promise<string> {
  const row = await db
    .insertInto('statistics_comparison_import')
    .values({
      municipality_id: municipalityId,
      file_name: o.fileName,
      indicator_id: o.indicatorId,
      value_count: o.values.length,
      imported_by: o.by.userId,
      imported_by_name: o.by.displayName,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < o.values.length; i += 1000) {
    await db
      .insertInto('statistics_comparison_value')
      .values(
        o.values.slice(i, i + 1000).map((v) => ({
          municipality_id: municipalityId,
          import_id: row.id,
          kpi_id: v.kpi,
          kpi_title: null,
          area_code: v.area,
          year: v.year,
          gender: v.gender,
          value: v.value,
        })),
      )
      .execute();
  }
  return row.id;
}

export interface ComparisonSource {
  fileName: string;
  importedAt: Date;
  importedByName: string;
}

export interface ComparisonYear {
  year: number;
  national: { value: number; source: ComparisonSource } | null;
  ownInKolada: { value: number; source: ComparisonSource } | null;
  /** The municipality's own figure from Samtak, as the viewer may see it; null when not linked. */
  own: ShownFigure | null;
}

export interface ComparisonKpi {
  kpi: string;
  indicatorId: IndicatorId | null;
  years: ComparisonYear[];
}

/** Years shown per key figure: the latest ones, so the page stays short and quick. */
const yearsShown = 5;

/** Every imported key figure with the whole country's and the municipality's values by year. */
export async function comparisonListing(
  db: Db,
  actor: Actor,
  today: string,
): Promise<{ kpis: ComparisonKpi[]; municipalityCode: string }> {
  const municipality = await db
    .selectFrom('municipality')
    .select('code')
    .where('id', '=', actor.municipalityId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('statistics_comparison_value as v')
    .innerJoin('statistics_comparison_import as i', (j) =>
      j.onRef('i.municipality_id', '=', 'v.municipality_id').onRef('i.id', '=', 'v.import_id'),
    )
    .select([
      'v.kpi_id',
      'v.area_code',
      'v.year',
      'v.value',
      'i.file_name',
      'i.imported_at',
      'i.imported_by_name',
      'i.indicator_id',
    ])
    .where('v.municipality_id', '=', actor.municipalityId)
    .where('v.gender', '=', 'T')
    .where('v.area_code', 'in', [nationalArea, municipality.code])
    .orderBy('i.imported_at', 'desc')
    .execute();
  const byKpi = new Map<string, ComparisonKpi>();
  for (const r of rows) {
    let kpi = byKpi.get(r.kpi_id);
    if (!kpi) {
      // The newest import's link to an indicator decides.
      const linked = r.indicator_id && isIndicatorId(r.indicator_id) ? r.indicator_id : null;
      kpi = { kpi: r.kpi_id, indicatorId: linked, years: [] };
      byKpi.set(r.kpi_id, kpi);
    }
    let year = kpi.years.find((y) => y.year === r.year);
    if (!year) {
      year = { year: r.year, national: null, ownInKolada: null, own: null };
      kpi.years.push(year);
    }
    const source = { fileName: r.file_name, importedAt: r.imported_at, importedByName: r.imported_by_name };
    const slot = r.area_code === nationalArea ? 'national' : 'ownInKolada';
    if (!year[slot]) year[slot] = { value: r.value, source };
  }
  const kpis = [...byKpi.values()].sort((a, b) => a.kpi.localeCompare(b.kpi));
  const lastYear = Number(today.slice(0, 4));
  for (const kpi of kpis) {
    kpi.years.sort((a, b) => b.year - a.year);
    kpi.years = kpi.years.slice(0, yearsShown);
    if (!kpi.indicatorId) continue;
    for (const year of kpi.years) {
      if (year.year > lastYear) continue;
      const view = await readIndicators(db, actor, {
        period: periodContaining('year', `${year.year}-01-01`),
        unitId: null,
        today,
        ids: [kpi.indicatorId],
      });
      year.own = view.shown[0] ?? null;
    }
  }
  return { kpis, municipalityCode: municipality.code };
}
