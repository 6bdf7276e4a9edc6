import { type IndicatorId, indicatorCatalogue } from './catalogue.ts';
import type { Figure, Line } from './figures.ts';
import { type SuppressionKind, suppress } from './suppression.ts';

/**
 * Figures as a viewer may see them. Someone who may see the children behind a figure (a manager
 * for their unit) gets it whole; anyone else gets it with small numbers suppressed. Figures
 * shown together are suppressed together: the units' counts add up to the municipality's, and a
 * hidden count of one unit must not be recoverable from the others and the total.
 */

export interface ShownFigure {
  id: IndicatorId;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  median: number | null;
  /** True when small-number rules hid the value (the contract's `suppressed`). */
  suppressed: boolean;
  /** Every count, null where hidden. */
  cells: Record<string, number | null>;
  hidden: Record<string, SuppressionKind>;
}

export interface FigureGroup {
  /** 'municipality', a unit id, a month key … */
  key: string;
  figures: readonly Figure[];
}

const sep = '\u001f';
const cellKey = (group: string, figure: string, cell: string) => `${group}${sep}${figure}${sep}${cell}`;

function whole(figure: Figure): ShownFigure {
  return {
    id: figure.id,
    value: figure.value,
    numerator: figure.numerator,
    denominator: figure.denominator,
    median: figure.median ?? null,
    suppressed: false,
    cells: { ...figure.cells },
    hidden: {},
  };
}

/**
 * Suppresses groups of figures shown on one page or in one export. With `totalGroup`, every
 * other group is a part of it (units of the municipality): for each count, the parts plus what
 * no part holds (rows without a unit, assumed known to the reader) add up to the total.
 */
export function suppressTogether(
  groups: readonly FigureGroup[],
  options: { suppress: boolean; totalGroup?: string },
): Map<string, ShownFigure[]> {
  const result = new Map<string, ShownFigure[]>();
  if (!options.suppress) {
    for (const g of groups) result.set(g.key, g.figures.map(whole));
    return result;
  }
  const cells: Record<string, number> = {};
  const lines: Line[] = [];
  const known = new Set<string>();
  for (const g of groups) {
    for (const f of g.figures) {
      for (const [name, n] of Object.entries(f.cells)) cells[cellKey(g.key, f.id, name)] = n;
      for (const line of f.lines) {
        lines.push({
          members: line.members.map((m) => cellKey(g.key, f.id, m)),
          total: cellKey(g.key, f.id, line.total),
        });
      }
    }
  }
  const total = groups.find((g) => g.key === options.totalGroup);
  if (total) {
    const parts = groups.filter((g) => g !== total);
    for (const f of total.figures) {
      for (const [name, n] of Object.entries(f.cells)) {
        const members = parts
          .filter((p) => p.figures.some((pf) => pf.id === f.id))
          .map((p) => cellKey(p.key, f.id, name));
        const residual = cellKey('\u0000rest', f.id, name);
        cells[residual] = n - members.reduce((sum, m) => sum + (cells[m] ?? 0), 0);
        known.add(residual);
        lines.push({ members: [...members, residual], total: cellKey(total.key, f.id, name) });
      }
    }
  }
  const hidden = suppress({ cells, lines, known });
  for (const g of groups) {
    result.set(
      g.key,
      g.figures.map((f) => shown(f, (name) => hidden.get(cellKey(g.key, f.id, name)))),
    );
  }
  return result;
}

function shown(figure: Figure, hiddenAs: (cell: string) => SuppressionKind | undefined): ShownFigure {
  const hidden: Record<string, SuppressionKind> = {};
  const cells: Record<string, number | null> = {};
  for (const [name, n] of Object.entries(figure.cells)) {
    const kind = hiddenAs(name);
    if (kind) hidden[name] = kind;
    cells[name] = kind ? null : n;
  }
  const denominatorCell = indicatorCatalogue[figure.id].denominator;
  const valueHidden = figure.valueFrom.some((c) => hidden[c]);
  const denominatorHidden = valueHidden || (denominatorCell !== null && !!hidden[denominatorCell]);
  return {
    id: figure.id,
    value: valueHidden ? null : figure.value,
    numerator: valueHidden ? null : figure.numerator,
    denominator: denominatorHidden ? null : figure.denominator,
    median: valueHidden ? null : (figure.median ?? null),
    suppressed: valueHidden || denominatorHidden,
    cells,
    hidden,
  };
}

/** One group alone: the indicator API's answer for one unit or the municipality. */
export function showFigures(figures: readonly Figure[], options: { suppress: boolean }): ShownFigure[] {
  return suppressTogether([{ key: 'only', figures }], options).get('only')!;
}

/** The API contract's row: `{ id, label, value, numerator, denominator, suppressed }`. */
export function apiRow(figure: ShownFigure, label: string) {
  return {
    id: figure.id,
    label,
    value: figure.value,
    numerator: figure.numerator,
    denominator: figure.denominator,
    suppressed: figure.suppressed,
  };
}
