import type { Lang } from '../platform/i18n/i18n.ts';
import { type IndicatorId, indicatorCatalogue, indicatorIds } from './catalogue.ts';
import type { ExportTable, ExportValue } from './export.ts';
import { cellLabel, headline, partCells } from './format.ts';
import { statisticsTexts } from './i18n/index.ts';
import type { ShownFigure } from './present.ts';
import type { IndicatorView, SeriesView } from './service.ts';

/**
 * The tables the statistics pages show, as export tables: each export holds the same figures the
 * page shows the same viewer, suppressed the same way ("..").
 */

export type TableKey = 'summary' | 'units' | IndicatorId | `${IndicatorId}.months`;

export function parseTableKey(key: string): TableKey | null {
  if (key === 'summary' || key === 'units') return key;
  const [id, rest] = key.split('.');
  if (!(indicatorIds as readonly string[]).includes(id ?? '')) return null;
  if (rest === undefined) return id as IndicatorId;
  return rest === 'months' ? (`${id}.months` as TableKey) : null;
}

const mark = { suppressed: true } as const;
const exportValue = (f: ShownFigure | undefined): ExportValue => {
  if (!f) return null;
  const v = headline(f);
  return v === null && f.suppressed ? mark : v;
};
const count = (n: number | null | undefined, suppressed: boolean): ExportValue =>
  n === null || n === undefined ? (suppressed ? mark : null) : n;
const valueKind = (id: IndicatorId): 'share' | 'number' =>
  indicatorCatalogue[id].valueKind === 'share' ? 'share' : 'number';

export function summaryTable(view: IndicatorView, lang: Lang, notes: string[]): ExportTable {
  const tx = statisticsTexts(lang);
  return {
    title: tx.summaryTable,
    columns: [
      { key: 'indicator', header: tx.summaryTable, kind: 'text' },
      { key: 'value', header: tx.value, kind: 'number' },
      { key: 'numerator', header: tx.numerator, kind: 'number' },
      { key: 'denominator', header: tx.denominator, kind: 'number' },
    ],
    rows: view.shown.map((f) => ({
      indicator: tx.indicators[f.id].label,
      value: exportValue(f),
      numerator: indicatorCatalogue[f.id].valueKind === 'table' ? null : count(f.numerator, f.suppressed),
      denominator: count(f.denominator, f.suppressed),
    })),
    notes,
  };
}

export function unitsTable(view: IndicatorView, lang: Lang, notes: string[]): ExportTable {
  const tx = statisticsTexts(lang);
  return {
    title: tx.perUnitTitle,
    columns: [
      { key: 'unit', header: tx.unitColumn, kind: 'text' },
      ...view.shown.map((f) => ({ key: f.id, header: tx.indicators[f.id].label, kind: valueKind(f.id) })),
    ],
    rows: view.units.map((u) => ({
      unit: u.name,
      ...Object.fromEntries(u.shown.map((f) => [f.id, exportValue(f)])),
    })),
    notes,
  };
}

export function partsTable(id: IndicatorId, figure: ShownFigure, lang: Lang, notes: string[]): ExportTable {
  const tx = statisticsTexts(lang);
  return {
    title: tx.indicators[id].label,
    columns: [
      { key: 'part', header: tx.part, kind: 'text' },
      { key: 'count', header: tx.count, kind: 'number' },
    ],
    rows: partCells(figure).map((c) => ({
      part: cellLabel(c, lang),
      count: count(figure.cells[c], c in figure.hidden),
    })),
    notes,
  };
}

export function monthsTable(id: IndicatorId, series: SeriesView, lang: Lang, notes: string[]): ExportTable {
  const tx = statisticsTexts(lang);
  return {
    title: `${tx.indicators[id].label} ${tx.byMonth.toLowerCase()}`,
    columns: [
      { key: 'month', header: tx.month, kind: 'text' },
      { key: 'value', header: tx.value, kind: valueKind(id) },
      { key: 'numerator', header: tx.numerator, kind: 'number' },
      { key: 'denominator', header: tx.denominator, kind: 'number' },
    ],
    rows: series.months.map((m) => ({
      month: m.period.key,
      value: exportValue(m.shown),
      numerator: count(m.shown?.numerator, !!m.shown?.suppressed),
      denominator: count(m.shown?.denominator, !!m.shown?.suppressed),
    })),
    notes,
  };
}
