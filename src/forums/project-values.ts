import { createReader, type Outcome, type TextGuard } from '../collaboration/form.ts';
import { type Period, parsePeriodKey } from '../statistics/periods.ts';

/**
 * A joint project's figures over time (docs/decisions/0138). Each goal follows one of Samtak's
 * indicators or one kept by hand; its values are recorded by period, a month ('2026-03') or a
 * quarter ('2026-Q1'). A value kept by hand is entered for a period that has begun, with where the
 * figure comes from; a Samtak indicator's value is a snapshot of the statistics feature's figure
 * for a period that has ended, with small numbers suppressed. Nothing here is about a child.
 */

export const valueKinds = ['manual', 'snapshot'] as const;
export type ValueKind = (typeof valueKinds)[number];

/** The earliest year a value may be for: a baseline may come before the project, not before this. */
export const firstValueYear = 2000;

export type ValueRefusal = 'periodInvalid' | 'periodNotBegun' | 'periodNotEnded' | 'noIndicator';

/** A month or quarter key as a period; anything else (a year, a day, nonsense) is null. */
export function valuePeriod(key: string | undefined): Period | null {
  const trimmed = (key ?? '').trim();
  const period = parsePeriodKey(trimmed);
  if (!period || period.kind === 'year') return null;
  if (Number(period.from.slice(0, 4)) < firstValueYear) return null;
  return period;
}

export interface ValueInput {
  period?: string;
  value?: string;
  source?: string;
}

export interface ManualValue {
  period: Period;
  value: number;
  source: string;
}

/** A value kept by hand: a number (comma or point) for a month or quarter that has begun. */
export function validateManualValue(
  input: ValueInput,
  context: { guard: TextGuard; today: string },
): Outcome<ManualValue, ValueRefusal> {
  const form = createReader<ValueRefusal>(context.guard);
  const period = valuePeriod(input.period);
  if (!period) form.fail('period', (input.period ?? '').trim() ? 'periodInvalid' : 'required');
  else if (period.from > context.today) form.fail('period', 'periodNotBegun');
  const value = form.number('value', input.value, { required: true });
  const source = form.text('source', input.source, { max: 300 });
  return form.done(() => ({ period: period!, value: value ?? 0, source }));
}

/** The period of a snapshot: a month or quarter that has ended, so the figure is final. */
export function validateSnapshotPeriod(
  key: string | undefined,
  today: string,
): Outcome<Period, ValueRefusal> {
  const form = createReader<ValueRefusal>(null);
  const period = valuePeriod(key);
  if (!period) form.fail('period', (key ?? '').trim() ? 'periodInvalid' : 'required');
  else if (period.to >= today) form.fail('period', 'periodNotEnded');
  return form.done(() => period!);
}

export interface RecordedValue {
  id: string;
  goalId: string;
  periodKey: string;
  periodFrom: string;
  kind: ValueKind;
  value: number | null;
  suppressed: boolean;
  source: string;
  recordedBy: string;
  recordedAt: Date;
}

/**
 * A goal's values, one row a period in time order: the latest recorded for the period, with the
 * earlier ones it corrects. Months and quarters are both kept as they were entered.
 */
export function valuesByPeriod<V extends RecordedValue>(values: readonly V[]) {
  const byKey = new Map<string, V[]>();
  for (const v of values) byKey.set(v.periodKey, [...(byKey.get(v.periodKey) ?? []), v]);
  return [...byKey.entries()]
    .map(([key, list]) => {
      const sorted = [...list].sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime());
      return {
        periodKey: key,
        periodFrom: sorted[0]!.periodFrom,
        latest: sorted[0]!,
        earlier: sorted.slice(1),
      };
    })
    .sort((a, b) =>
      a.periodFrom === b.periodFrom
        ? a.periodKey.localeCompare(b.periodKey)
        : a.periodFrom < b.periodFrom
          ? -1
          : 1,
    );
}

/** How a Samtak indicator's figure is kept: a share as per cent, a count as it is. */
export function fromStatistics(value: number | null, unit: 'percent' | 'count'): number | null {
  if (value === null) return null;
  return unit === 'percent' ? Math.round(value * 1000) / 10 : value;
}
