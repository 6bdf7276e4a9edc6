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
import { continuityFigures, familiesOf } from './continuity.ts';
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
    return continuityFigures(responsibilities, familiesOf(guardianships), scope).find((f) => f.id === id)!;
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
