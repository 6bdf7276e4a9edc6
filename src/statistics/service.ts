import type { Kysely } from 'kysely';
import type { Actor } from '../platform/access/policy.ts';
import type { Database } from '../platform/db/schema.ts';
import { notFound, UserError } from '../platform/http/errors.ts';
import { seesWhole } from './access.ts';
import { type IndicatorId, indicatorIds } from './catalogue.ts';
import { computeForUnits } from './compute.ts';
import type { Figure } from './figures.ts';
import { statisticsTexts } from './i18n/index.ts';
import { type Period, parsePeriodKey, parseRange, periodContaining, periodsCovering } from './periods.ts';
import { type FigureGroup, type ShownFigure, suppressTogether } from './present.ts';
import { indicatorData, unitsOf } from './queries.ts';

/**
 * The indicators as one viewer may see them. Whoever may not see the children behind a figure
 * (the statistics reader; a manager looking at the municipality or another unit) gets every
 * figure suppressed together with the municipality's and every unit's for the same period, so a
 * hidden count cannot be worked out from the other answers for that period, whether they came on
 * the same page or from other calls to the API (decision 0095).
 */

type Db = Kysely<Database>;

export const municipalityKey = 'municipality';

export interface IndicatorView {
  period: Period;
  unitId: string | null;
  whole: boolean;
  /** The figures of the unit (or the municipality) asked for, as the viewer may see them. */
  shown: ShownFigure[];
  /** Every unit's figures (when the municipality was asked for), suppressed with it. */
  units: { id: string; name: string; shown: ShownFigure[] }[];
  unavailable: IndicatorId[];
  /** The figures whole, for the rows behind them: only ever used for a viewer who sees them whole. */
  figures: Figure[];
}

const firstYear = 1990;

/** A period from the pages' `period=` (year, quarter, month); the current year when absent. */
export function pagePeriod(key: string | undefined, today: string): Period {
  if (key === undefined || key === '') return periodContaining('year', today);
  const period = parsePeriodKey(key);
  const year = period ? Number(period.from.slice(0, 4)) : 0;
  if (!period || year < firstYear || year > Number(today.slice(0, 4)) + 1)
    throw new UserError(400, 'periodInvalid', (lang) => statisticsTexts(lang).periodInvalid);
  return period;
}

/** A free range from the API's `from` and `to`, or a 400 saying what is wrong with it. */
export function apiPeriod(from: string, to: string): Period {
  const parsed = parseRange(from, to);
  if (!parsed.ok) {
    const error = parsed.error;
    throw new UserError(400, error, (lang) => statisticsTexts(lang).rangeErrors[error]);
  }
  return parsed.period;
}

/** The unit asked for, which must be the viewer's municipality's; 404 otherwise. */
export async function checkedUnit(db: Db, municipalityId: string, unitId: string | undefined) {
  if (unitId === undefined || unitId === '') return null;
  const units = await unitsOf(db, municipalityId);
  if (!units.some((u) => u.id === unitId)) throw notFound();
  return unitId;
}

/** Every figure of the period for the municipality and each unit, as the viewer may see them. */
export async function readIndicators(
  db: Db,
  actor: Actor,
  options: { period: Period; unitId: string | null; today: string; ids?: readonly IndicatorId[] },
): Promise<IndicatorView> {
  const { period, unitId, today } = options;
  const ids = options.ids ?? indicatorIds;
  const units = await unitsOf(db, actor.municipalityId);
  const data = await indicatorData(db, actor.municipalityId, period, today);
  const scope = { period, today, unitId: null };
  const computed = computeForUnits(
    data,
    scope,
    units.map((u) => u.id),
    ids,
  );
  const whole = seesWhole(actor, unitId);
  const groups: FigureGroup[] = [
    { key: municipalityKey, figures: computed.municipality },
    ...units.map((u) => ({ key: u.id, figures: computed.units.get(u.id) ?? [] })),
  ];
  const shown = suppressTogether(groups, { suppress: !whole, totalGroup: municipalityKey });
  return {
    period,
    unitId,
    whole,
    shown: shown.get(unitId ?? municipalityKey) ?? [],
    units:
      unitId === null ? units.map((u) => ({ id: u.id, name: u.name, shown: shown.get(u.id) ?? [] })) : [],
    unavailable: computed.unavailable,
    figures: unitId === null ? computed.municipality : (computed.units.get(unitId) ?? []),
  };
}

export interface SeriesView {
  period: Period;
  whole: boolean;
  total: ShownFigure | undefined;
  months: { period: Period; shown: ShownFigure | undefined }[];
  unavailable: boolean;
}

/**
 * One indicator month by month through a period, with the period's own figure: the months and
 * the total are suppressed together (the months' counts add up to the period's).
 */
export async function readSeries(
  db: Db,
  actor: Actor,
  options: { id: IndicatorId; period: Period; unitId: string | null; today: string },
): Promise<SeriesView> {
  const { id, period, unitId, today } = options;
  const data = await indicatorData(db, actor.municipalityId, period, today);
  const months = periodsCovering('month', period);
  const one = (p: Period) =>
    computeForUnits(data, { period: p, today, unitId: null }, unitId ? [unitId] : [], [id]);
  const pick = (c: ReturnType<typeof one>) => (unitId ? (c.units.get(unitId) ?? []) : c.municipality);
  const total = one(period);
  const whole = seesWhole(actor, unitId);
  const groups: FigureGroup[] = [
    { key: 'total', figures: pick(total) },
    ...months.map((m) => ({ key: m.key, figures: pick(one(m)) })),
  ];
  const shown = suppressTogether(groups, { suppress: !whole, totalGroup: 'total' });
  return {
    period,
    whole,
    total: shown.get('total')?.[0],
    months: months.map((m) => ({ period: m, shown: shown.get(m.key)?.[0] })),
    unavailable: total.unavailable.includes(id),
  };
}
