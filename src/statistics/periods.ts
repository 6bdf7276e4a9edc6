import { addDays, addMonths, daysBetween, type IsoDate, isIsoDate } from '../deadlines/calendar.ts';

/**
 * The periods figures are shown by: a calendar month, quarter or year, or any range of days the
 * API is asked for (`?from=…&to=…`). Both ends are inclusive, as a Swede reads "1–31 mars".
 */

export const periodKinds = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

export interface Period extends DateRange {
  kind: PeriodKind | 'range';
  /** '2026', '2026-Q1', '2026-03', or '2026-01-01..2026-02-15' for a free range. */
  key: string;
}

/** The longest free range the indicator API answers: ten years and a day, the data's horizon. */
export const maxRangeDays = 3653;

export type RangeProblem = 'dateInvalid' | 'endBeforeStart' | 'tooLong';

/** A free range from the API, or why it cannot be used (shown as a 400 in the user's language). */
export function parseRange(
  from: string,
  to: string,
): { ok: true; period: Period } | { ok: false; error: RangeProblem } {
  if (!isIsoDate(from) || !isIsoDate(to)) return { ok: false, error: 'dateInvalid' };
  if (to < from) return { ok: false, error: 'endBeforeStart' };
  if (daysBetween(from, to) + 1 > maxRangeDays) return { ok: false, error: 'tooLong' };
  return { ok: true, period: { kind: 'range', key: `${from}..${to}`, from, to } };
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): IsoDate {
  return addDays(addMonths(`${year}-${pad(month)}-01`, 1), -1);
}

function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    key: `${year}-${pad(month)}`,
    from: `${year}-${pad(month)}-01`,
    to: lastDayOfMonth(year, month),
  };
}

function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return {
    kind: 'quarter',
    key: `${year}-Q${quarter}`,
    from: `${year}-${pad(first)}-01`,
    to: lastDayOfMonth(year, first + 2),
  };
}

function yearPeriod(year: number): Period {
  return { kind: 'year', key: String(year), from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The month, quarter or year a date falls in. */
export function periodContaining(kind: PeriodKind, date: IsoDate): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (kind === 'year') return yearPeriod(year);
  if (kind === 'quarter') return quarterPeriod(year, Math.ceil(month / 3));
  return monthPeriod(year, month);
}

/** '2026', '2026-Q2' or '2026-04' as a period; null for anything else. */
export function parsePeriodKey(key: string): Period | null {
  let match = /^(\d{4})$/.exec(key);
  if (match) return yearPeriod(Number(match[1]));
  match = /^(\d{4})-Q([1-4])$/.exec(key);
  if (match) return quarterPeriod(Number(match[1]), Number(match[2]));
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (match) return monthPeriod(Number(match[1]), Number(match[2]));
  return null;
}

/** The periods of a kind that together cover a range, in order (for a chart by month). */
export function periodsCovering(kind: PeriodKind, range: DateRange): Period[] {
  const result: Period[] = [];
  for (
    let p = periodContaining(kind, range.from);
    p.from <= range.to;
    p = periodContaining(kind, addDays(p.to, 1))
  ) {
    result.push(p);
  }
  return result;
}

/** The period just before, of the same kind. */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'range') {
    const length = daysBetween(period.from, period.to);
    const to = addDays(period.from, -1);
    return { kind: 'range', key: `${addDays(to, -length)}..${to}`, from: addDays(to, -length), to };
  }
  return periodContaining(period.kind, addDays(period.from, -1));
}

export function contains(range: DateRange, date: IsoDate | null | undefined): boolean {
  return !!date && range.from <= date && date <= range.to;
}

export function daysIn(range: DateRange): number {
  return daysBetween(range.from, range.to) + 1;
}

/** Whether a period is over: its figures will no longer change with time (only with corrections). */
export function isOver(range: DateRange, today: IsoDate): boolean {
  return range.to < today;
}

/** The twelve months that end on a day, both ends included: 2026-03-31 → 2025-04-01..2026-03-31. */
export function twelveMonthsEndingOn(date: IsoDate): DateRange {
  return { from: addDays(addMonths(date, -12), 1), to: date };
}

/** The days two ranges share, or null. */
export function overlap(a: DateRange, b: DateRange): DateRange | null {
  const from = later(a.from, b.from);
  const to = earlier(a.to, b.to);
  return from <= to ? { from, to } : null;
}

/** The later of two days (dates compare as strings; Math.max would not). */
export function later(a: IsoDate, b: IsoDate): IsoDate {
  if (a < b) return b;
  return a;
}

export function earlier(a: IsoDate, b: IsoDate): IsoDate {
  if (a < b) return a;
  return b;
}

/** A stretch that may still be going on (no end), cut at a day: a placement "until today". */
export function spanUntil(from: IsoDate, to: IsoDate | null, until: IsoDate): DateRange | null {
  const end = to === null ? until : earlier(to, until);
  return from <= end ? { from, to: end } : null;
}
