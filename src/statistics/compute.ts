import {
  decisionsNotCarriedOutWithin3Months,
  placedChildrenWithCurrentPlans,
  privateTalksPerPlacedChildYear,
  reconsiderationsOnTime,
} from './care-indicators.ts';
import {
  daysOpeningToDecision,
  initialAssessmentWithin14Days,
  investigationWithin4Months,
  newReportWithin12MonthsAfterClosure,
  reportsInvestigated,
} from './case-indicators.ts';
import { type IndicatorId, indicatorCatalogue, indicatorIds, type Source } from './catalogue.ts';
import { continuityFigures, familiesOfOnce } from './continuity.ts';
import type { Figure, Scope } from './figures.ts';
import type {
  CarePlanRow,
  CareRow,
  CaseRow,
  ExtensionRow,
  FavourableDecisionRow,
  GuardianshipRow,
  PlacementPeriodRow,
  PrivateTalkRow,
  ReconsiderationRow,
  ReportRow,
  ResponsibilityRow,
  SipRow,
} from './inputs.ts';
import { groupBy } from './once-per-list.ts';
import { reportsByAgeAndSex, reportsBySource } from './report-indicators.ts';
import { daysFromSipRequestToAgreedPlan, sipsStarted } from './sip-indicators.ts';

/** Everything the indicator page reads for one period; a source not built yet is left out. */
export interface IndicatorData {
  cases?: { cases: readonly CaseRow[]; extensions: readonly ExtensionRow[] };
  reports?: readonly ReportRow[];
  placements?: {
    cares: readonly CareRow[];
    periods: readonly PlacementPeriodRow[];
    plans: readonly CarePlanRow[];
    reconsiderations: readonly ReconsiderationRow[];
    privateTalks: readonly PrivateTalkRow[];
  };
  decisions?: readonly FavourableDecisionRow[];
  sips?: readonly SipRow[];
  responsibility?: {
    responsibilities: readonly ResponsibilityRow[];
    guardianships: readonly GuardianshipRow[];
  };
}

type Compute = (data: Required<IndicatorData>, scope: Scope) => Figure;

const continuity =
  (id: IndicatorId): Compute =>
  (d, scope) => {
    const { responsibilities, guardianships } = d.responsibility;
    return continuityFigures(responsibilities, familiesOfOnce(guardianships), scope).find(
      (f) => f.id === id,
    )!;
  };

const computers: Record<IndicatorId, Compute> = {
  initialAssessmentWithin14Days: (d, s) =>
    initialAssessmentWithin14Days(d.cases.cases, d.cases.extensions, s),
  investigationWithin4Months: (d, s) => investigationWithin4Months(d.cases.cases, d.cases.extensions, s),
  daysOpeningToDecision: (d, s) => daysOpeningToDecision(d.cases.cases, s),
  reportsBySource: (d, s) => reportsBySource(d.reports, s),
  reportsByAgeAndSex: (d, s) => reportsByAgeAndSex(d.reports, s),
  reportsInvestigated: (d, s) => reportsInvestigated(d.reports, d.cases.cases, s),
  newReportWithin12MonthsAfterClosure: (d, s) =>
    newReportWithin12MonthsAfterClosure(d.cases.cases, d.reports, s),
  placedChildrenWithCurrentPlans: (d, s) =>
    placedChildrenWithCurrentPlans(d.placements.cares, d.placements.periods, d.placements.plans, s),
  reconsiderationsOnTime: (d, s) =>
    reconsiderationsOnTime(d.placements.cares, d.placements.reconsiderations, s),
  privateTalksPerPlacedChildYear: (d, s) =>
    privateTalksPerPlacedChildYear(d.placements.cares, d.placements.periods, d.placements.privateTalks, s),
  sipsStarted: (d, s) => sipsStarted(d.sips, s),
  daysFromSipRequestToAgreedPlan: (d, s) => daysFromSipRequestToAgreedPlan(d.sips, s),
  decisionsNotCarriedOutWithin3Months: (d, s) => decisionsNotCarriedOutWithin3Months(d.decisions, s),
  workersPerChild: continuity('workersPerChild'),
  workersPerFamily: continuity('workersPerFamily'),
  familiesWithOneWorker: continuity('familiesWithOneWorker'),
};

/**
 * The figures for one scope, in catalogue order. An indicator whose sources are not there yet
 * (placements before src/placements/ exists) is listed as unavailable rather than shown as zero.
 */
export function computeIndicators(
  data: IndicatorData,
  scope: Scope,
  ids: readonly IndicatorId[] = indicatorIds,
): { figures: Figure[]; unavailable: IndicatorId[] } {
  const has = (source: Source) => data[source] !== undefined;
  const figures: Figure[] = [];
  const unavailable: IndicatorId[] = [];
  for (const id of ids) {
    if (indicatorCatalogue[id].sources.every(has))
      figures.push(computers[id](data as Required<IndicatorData>, scope));
    else unavailable.push(id);
  }
  return { figures, unavailable };
}

type Partitioner = <T>(rows: readonly T[], key: (row: T) => string | null, unit: string) => readonly T[];

/** Rows grouped by unit once per list and key, so every unit's figures read only their own rows. */
function partitioner(): Partitioner {
  const cache = new WeakMap<object, Map<unknown, Map<string | null, unknown[]>>>();
  return <T>(rows: readonly T[], key: (row: T) => string | null, unit: string): readonly T[] => {
    const byKey = cache.get(rows) ?? new Map();
    cache.set(rows, byKey);
    let groups = byKey.get(key) as Map<string | null, T[]> | undefined;
    if (!groups) {
      groups = groupBy(rows, key);
      byKey.set(key, groups);
    }
    return groups.get(unit) ?? [];
  };
}

const byIntakeUnit = (c: CaseRow) => c.intakeUnitId ?? c.unitId;
const byCaseUnit = (c: CaseRow) => c.unitId;
const byOwnUnit = (r: { unitId: string | null }) => r.unitId;

type Narrow = (d: Required<IndicatorData>, unit: string, part: Partitioner) => Required<IndicatorData>;
const narrowCases =
  (key: (c: CaseRow) => string): Narrow =>
  (d, u, part) => ({ ...d, cases: { ...d.cases, cases: part(d.cases.cases, key, u) } });
const narrowReports: Narrow = (d, u, part) => ({ ...d, reports: part(d.reports, byOwnUnit, u) });
const narrowCares: Narrow = (d, u, part) => ({
  ...d,
  placements: { ...d.placements, cares: part(d.placements.cares, byOwnUnit, u) },
});
const narrowSips: Narrow = (d, u, part) => ({ ...d, sips: part(d.sips, byOwnUnit, u) });

/**
 * Which rows decide the unit for each indicator (the same attribution its own filter uses); the
 * rows it only looks things up in stay whole. Continuity decides the unit per child or family
 * from all their rows, so it is filtered the ordinary way.
 */
const narrowers: Record<IndicatorId, Narrow | null> = {
  initialAssessmentWithin14Days: narrowCases(byIntakeUnit),
  investigationWithin4Months: narrowCases(byCaseUnit),
  daysOpeningToDecision: narrowCases(byCaseUnit),
  reportsBySource: narrowReports,
  reportsByAgeAndSex: narrowReports,
  reportsInvestigated: narrowReports,
  newReportWithin12MonthsAfterClosure: narrowCases(byCaseUnit),
  placedChildrenWithCurrentPlans: narrowCares,
  reconsiderationsOnTime: narrowCares,
  privateTalksPerPlacedChildYear: narrowCares,
  sipsStarted: narrowSips,
  daysFromSipRequestToAgreedPlan: narrowSips,
  decisionsNotCarriedOutWithin3Months: (d, u, part) => ({ ...d, decisions: part(d.decisions, byOwnUnit, u) }),
  workersPerChild: null,
  workersPerFamily: null,
  familiesWithOneWorker: null,
};

/**
 * The municipality's figures and every unit's, for a page that shows them side by side (and
 * suppresses them together, ./present.ts). Each unit's figures come from its own rows, so the
 * work is about twice the municipality's alone, however many units there are.
 */
export function computeForUnits(
  data: IndicatorData,
  scope: Scope,
  unitIds: readonly string[],
  ids: readonly IndicatorId[] = indicatorIds,
): { municipality: Figure[]; units: Map<string, Figure[]>; unavailable: IndicatorId[] } {
  const { figures, unavailable } = computeIndicators(data, { ...scope, unitId: null }, ids);
  const available = ids.filter((id) => !unavailable.includes(id));
  const part = partitioner();
  const full = data as Required<IndicatorData>;
  const units = new Map<string, Figure[]>();
  for (const unitId of unitIds) {
    const unitScope = { ...scope, unitId };
    units.set(
      unitId,
      available.map((id) => computers[id](narrowers[id]?.(full, unitId, part) ?? full, unitScope)),
    );
  }
  return { municipality: figures, units, unavailable };
}
