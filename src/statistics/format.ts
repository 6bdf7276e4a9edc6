import type { Lang } from '../platform/i18n/i18n.ts';
import { type IndicatorId, indicatorCatalogue } from './catalogue.ts';
import type { ChartValueKind } from './charts.tsx';
import { formatValue } from './charts.tsx';
import { statisticsTexts } from './i18n/index.ts';
import type { ShownFigure } from './present.ts';

/** How the pages and exports write figures: the same words and marks everywhere. */

export function chartKindOf(id: IndicatorId): ChartValueKind {
  const kind = indicatorCatalogue[id].valueKind;
  if (kind === 'share' || kind === 'days' || kind === 'rate') return kind;
  return kind === 'mean' ? 'rate' : 'count';
}

/** The headline value of a figure: its share, days, rate, or (for tables) the total count. */
export function headline(figure: ShownFigure): number | null {
  return indicatorCatalogue[figure.id].valueKind === 'table' ? figure.denominator : figure.value;
}

export function formatFigure(figure: ShownFigure, lang: Lang): string {
  const tx = statisticsTexts(lang);
  const value = headline(figure);
  if (figure.suppressed && value === null) return tx.suppressedMark;
  if (value === null) return tx.noValue;
  const kind = chartKindOf(figure.id);
  const text = formatValue(value, kind, lang);
  return indicatorCatalogue[figure.id].valueKind === 'days' ? tx.days(text) : text;
}

export function formatCount(n: number | null, lang: Lang): string {
  return n === null ? statisticsTexts(lang).suppressedMark : formatValue(n, 'count', lang);
}

/** A cell's name as a reader reads it: "reportedAgain|noInvestigation" → "Anmält igen – Ingen utredning". */
export function cellLabel(name: string, lang: Lang): string {
  const cells = statisticsTexts(lang).cells;
  return name
    .split('|')
    .map((part) => cells[part] ?? part)
    .join(' – ');
}

/** The cells of a figure worth a row of their own: its parts, without the derived sums. */
export function partCells(figure: ShownFigure): string[] {
  const def = indicatorCatalogue[figure.id];
  return Object.keys(figure.cells).filter(
    (name) => name !== def.denominator && name !== 'numerator' && !name.includes('*'),
  );
}
