import type { IsoDate } from '../deadlines/calendar.ts';
import type { IndicatorId } from './catalogue.ts';
import type { DateRange } from './periods.ts';

/**
 * A computed figure: its value and every count it shows or lets a reader work out, with the sums
 * that hold between those counts (what small-number suppression must protect), and the rows
 * behind each count (what a manager may drill down into).
 */

/** What a figure is computed for: a period, judged as of today, for one unit or the municipality. */
export interface Scope {
  period: DateRange;
  today: IsoDate;
  /** One unit, or null for the whole municipality. */
  unitId: string | null;
}

export const inScope = (scope: Scope, unitId: string | null | undefined): boolean =>
  scope.unitId === null || scope.unitId === unitId;

/** `members` add up to `total`: a reader who sees all but one of them can work out the last. */
export interface Line {
  members: readonly string[];
  total: string;
}

export interface Figure {
  id: IndicatorId;
  /** A share (0–1), a number of days, a count or a rate; null when there is nothing to measure. */
  value: number | null;
  /** As the API gives it: the share's or mean's numerator and denominator. */
  numerator: number | null;
  denominator: number | null;
  /** The median, for figures of days. */
  median?: number | null;
  /** Every count shown or derivable, by name. */
  cells: Record<string, number>;
  lines: Line[];
  /** The cells the value is made of: if one is suppressed, so is the value. */
  valueFrom: readonly string[];
  /** The row ids (case, report, care …) behind each cell. */
  rows: Record<string, string[]>;
}

/** Counts rows into named cells, remembering which rows. */
export class Tally {
  readonly cells: Record<string, number> = {};
  readonly rows: Record<string, string[]> = {};

  constructor(names: readonly string[]) {
    for (const name of names) {
      this.cells[name] = 0;
      this.rows[name] = [];
    }
  }

  add(name: string, rowId: string): void {
    this.cells[name] = (this.cells[name] ?? 0) + 1;
    const rows = this.rows[name] ?? [];
    rows.push(rowId);
    this.rows[name] = rows;
  }

  count(name: string): number {
    return this.cells[name] ?? 0;
  }
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The middle value; for an even count, the mean of the two middle ones. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A share: `numerator` of `total`. Its parts are the named outcomes that together make up the
 * total; the numerator is one of them, or the sum of several.
 */
export function shareFigure(
  id: IndicatorId,
  tally: Tally,
  options: { parts: readonly string[]; numerator: readonly string[]; total: string; extraLines?: Line[] },
): Figure {
  const numerator = options.numerator.reduce((sum, name) => sum + tally.count(name), 0);
  const denominator = tally.count(options.total);
  const lines: Line[] = [{ members: options.parts, total: options.total }, ...(options.extraLines ?? [])];
  // A numerator of several parts is a cell of its own, derivable from them.
  let numeratorCell = options.numerator[0]!;
  if (options.numerator.length > 1) {
    numeratorCell = 'numerator';
    tally.cells.numerator = numerator;
    tally.rows.numerator = options.numerator.flatMap((name) => tally.rows[name] ?? []);
    lines.push({ members: options.numerator, total: 'numerator' });
  }
  return {
    id,
    value: ratio(numerator, denominator),
    numerator,
    denominator,
    cells: tally.cells,
    lines,
    valueFrom: [numeratorCell, options.total],
    rows: tally.rows,
  };
}

/** A mean and median of days over the rows counted in `count`. */
export function daysFigure(id: IndicatorId, days: readonly number[], tally: Tally, count: string): Figure {
  const total = days.reduce((a, b) => a + b, 0);
  return {
    id,
    value: mean(days),
    numerator: days.length ? total : null,
    denominator: days.length,
    median: median(days),
    cells: tally.cells,
    lines: [],
    valueFrom: [count],
    rows: tally.rows,
  };
}

/**
 * A table of counts: rows × columns counted into `row|column` cells (or `row` cells for a list),
 * with the row and column totals and the grand total `total` as cells and lines, so suppression
 * sees every sum a reader could use.
 */
export function tableFigure(
  id: IndicatorId,
  tally: Tally,
  rowKeys: readonly string[],
  columnKeys: readonly string[],
  total: string,
): Figure {
  const lines: Line[] = [];
  const cell = (name: string) => tally.count(name);
  const sumInto = (name: string, members: readonly string[]) => {
    tally.cells[name] = members.reduce((sum, m) => sum + cell(m), 0);
    tally.rows[name] = members.flatMap((m) => tally.rows[m] ?? []);
    lines.push({ members, total: name });
  };
  if (columnKeys.length === 0) {
    sumInto(total, rowKeys);
  } else {
    for (const r of rowKeys)
      sumInto(
        `${r}|*`,
        columnKeys.map((c) => `${r}|${c}`),
      );
    for (const c of columnKeys)
      sumInto(
        `*|${c}`,
        rowKeys.map((r) => `${r}|${c}`),
      );
    sumInto(
      total,
      rowKeys.map((r) => `${r}|*`),
    );
    // The grand total is also the sum of the column totals: a second line through it.
    lines.push({ members: columnKeys.map((c) => `*|${c}`), total });
  }
  return {
    id,
    value: null,
    numerator: null,
    denominator: tally.count(total),
    cells: tally.cells,
    lines,
    valueFrom: [],
    rows: tally.rows,
  };
}
