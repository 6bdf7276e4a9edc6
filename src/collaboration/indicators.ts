import { createReader, type Outcome, type TextGuard } from './form.ts';

/**
 * An indicator that an action plan's area or a forum's joint project follows: a definition, a
 * baseline, a target and a source. The source is either one of Samtak's own indicators (the
 * measurement feature, issue 17, computes it from live data and it refreshes by itself) or a value
 * entered by hand with where it came from (Kolada, a survey, the school's attendance figures).
 * docs/decisions/0104.
 */

export const indicatorUnits = ['percent', 'count', 'days', 'ratio', 'other'] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];

export const indicatorDirections = ['increase', 'decrease'] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];

export type IndicatorSource =
  | { kind: 'samtak'; indicatorId: string }
  | { kind: 'manual'; description: string };

export interface IndicatorValue {
  name: string;
  definition: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  baseline: { value: number; on: string };
  target: { value: number; by: string };
  source: IndicatorSource;
}

export interface IndicatorInput {
  name?: string;
  definition?: string;
  unit?: string;
  direction?: string;
  baselineValue?: string;
  baselineOn?: string;
  targetValue?: string;
  targetBy?: string;
  sourceKind?: string;
  samtakIndicatorId?: string;
  sourceDescription?: string;
}

export type IndicatorRefusal =
  | 'unknownIndicator'
  | 'targetNotAnImprovement'
  | 'targetBeforeBaseline'
  | 'notAPercentage';

/**
 * Checks an indicator. A Samtak indicator must be one the measurement feature knows (its catalogue
 * is passed in); a manual one says where its figures come from. The target lies after the baseline
 * in time and in the direction of improvement.
 */
export function validateIndicator(
  input: IndicatorInput,
  context: { guard: TextGuard; samtakIndicatorIds: readonly string[] },
): Outcome<IndicatorValue, IndicatorRefusal> {
  const form = createReader<IndicatorRefusal>(context.guard);
  const name = form.text('name', input.name, { max: 200, required: true });
  const definition = form.text('definition', input.definition, {
    max: 2000,
    required: true,
    multiline: true,
  });
  const unit = form.oneOf('unit', input.unit, indicatorUnits);
  const direction = form.oneOf('direction', input.direction, indicatorDirections);
  const baselineValue = form.number('baselineValue', input.baselineValue, { required: true });
  const baselineOn = form.date('baselineOn', input.baselineOn, { required: true });
  const targetValue = form.number('targetValue', input.targetValue, { required: true });
  const targetBy = form.date('targetBy', input.targetBy, { required: true });
  if (baselineOn && targetBy && targetBy <= baselineOn) form.fail('targetBy', 'targetBeforeBaseline');
  if (baselineValue !== null && targetValue !== null) {
    const improves = direction === 'increase' ? targetValue > baselineValue : targetValue < baselineValue;
    if (!improves) form.fail('targetValue', 'targetNotAnImprovement');
  }
  if (unit === 'percent') {
    for (const [field, value] of [
      ['baselineValue', baselineValue],
      ['targetValue', targetValue],
    ] as const) {
      if (value !== null && (value < 0 || value > 100)) form.fail(field, 'notAPercentage');
    }
  }
  let source: IndicatorSource = { kind: 'manual', description: '' };
  if (form.oneOf('sourceKind', input.sourceKind, ['samtak', 'manual'] as const) === 'samtak') {
    const indicatorId = input.samtakIndicatorId ?? '';
    if (!context.samtakIndicatorIds.includes(indicatorId)) form.fail('samtakIndicatorId', 'unknownIndicator');
    source = { kind: 'samtak', indicatorId };
  } else {
    const description = form.text('sourceDescription', input.sourceDescription, {
      max: 500,
      required: true,
    });
    source = { kind: 'manual', description };
  }
  return form.done(() => ({
    name,
    definition,
    unit,
    direction,
    baseline: { value: baselineValue ?? 0, on: baselineOn ?? '' },
    target: { value: targetValue ?? 0, by: targetBy ?? '' },
    source,
  }));
}

export interface MeasuredValue {
  value: number;
  /** The day the value describes (the end of its period). */
  on: string;
  /** Where it came from: "Samtak" for the live figure, what the writer said for a manual one. */
  source: string;
}

export type ManualValueRefusal = 'samtakIndicator' | 'beforeBaseline' | 'notAPercentage';

/** A value entered by hand: only for a manual indicator, dated between its baseline and today. */
export function validateManualValue(
  input: { value?: string; on?: string; source?: string },
  context: { guard: TextGuard; today: string; indicator: IndicatorValue },
): Outcome<MeasuredValue, ManualValueRefusal> {
  const form = createReader<ManualValueRefusal>(context.guard);
  if (context.indicator.source.kind === 'samtak') form.fail('value', 'samtakIndicator');
  const value = form.number('value', input.value, { required: true });
  if (context.indicator.unit === 'percent' && value !== null && (value < 0 || value > 100))
    form.fail('value', 'notAPercentage');
  const on = form.date('on', input.on, { required: true });
  if (on && on > context.today) form.fail('on', 'dateInFuture');
  else if (on && on < context.indicator.baseline.on) form.fail('on', 'beforeBaseline');
  const source = form.text('source', input.source, { max: 500, required: true });
  return form.done(() => ({ value: value ?? 0, on: on ?? '', source }));
}

/**
 * The figure to show today: for a Samtak indicator the live one (computed by the measurement
 * feature, suppressed there when small), for a manual one the latest entered.
 */
export function currentValue(
  indicator: IndicatorValue,
  values: { manual: readonly MeasuredValue[]; live: MeasuredValue | null },
): MeasuredValue | null {
  if (indicator.source.kind === 'samtak') return values.live;
  return [...values.manual].sort((a, b) => b.on.localeCompare(a.on))[0] ?? null;
}

export type ProgressState = 'reached' | 'improving' | 'unchanged' | 'worse' | 'noValue';

/** How far from baseline towards target the current value has come (0 = baseline, 1 = target). */
export function progress(
  indicator: IndicatorValue,
  current: MeasuredValue | null,
): { state: ProgressState; share: number | null } {
  if (!current) return { state: 'noValue', share: null };
  const { baseline, target } = indicator;
  const share = (current.value - baseline.value) / (target.value - baseline.value);
  if (share >= 1) return { state: 'reached', share: 1 };
  if (share > 0) return { state: 'improving', share };
  return { state: share === 0 ? 'unchanged' : 'worse', share: Math.max(share, -1) };
}
