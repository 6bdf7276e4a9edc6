import { formatReference, referenceOn, ruleOf } from '../deadlines/deadlines.ts';
import type { DeadlineRuleId, LegalReference } from '../deadlines/rules.ts';
import { sipLegalReference } from '../sip/domain/plan.ts';

/**
 * Every indicator as data: what it counts, which date puts a row in a period, whose unit it is
 * reported under, and the law behind it. The words users read (label, definition, numerator,
 * denominator, period) are drafted per id in labels.draft.md until the feature's texts catalogue
 * exists (issue 13). Definitions and choices: docs/decisions/0090.
 */

export const indicatorIds = [
  'initialAssessmentWithin14Days',
  'investigationWithin4Months',
  'daysOpeningToDecision',
  'reportsBySource',
  'reportsByAgeAndSex',
  'reportsInvestigated',
  'newReportWithin12MonthsAfterClosure',
  'placedChildrenWithCurrentPlans',
  'reconsiderationsOnTime',
  'privateTalksPerPlacedChildYear',
  'sipsStarted',
  'daysFromSipRequestToAgreedPlan',
  'decisionsNotCarriedOutWithin3Months',
  'workersPerChild',
  'workersPerFamily',
  'familiesWithOneWorker',
] as const;
export type IndicatorId = (typeof indicatorIds)[number];

export type ValueKind = 'share' | 'days' | 'count' | 'rate' | 'mean' | 'table';

/** The date that puts a row in a period. */
export type PeriodDate =
  /** The day the limit fell due (moved to the next weekday), before any extension. */
  | 'initialAssessmentDue'
  | 'investigationDue'
  | 'reconsiderationDue'
  /** Three months after the decision (or the interruption): the day it becomes reportable. */
  | 'threeMonthMark'
  | 'decidedOn'
  | 'receivedOn'
  | 'closedOn'
  | 'heldOn'
  | 'startedOn'
  | 'agreedOn'
  /** A state on one day: the period's last day, or today while the period runs. */
  | 'lastDay'
  /** The twelve months that end on the period's last day (or today). */
  | 'twelveMonthsToLastDay';

/** The unit a row is reported under. */
export type UnitOf =
  | 'intakeUnit'
  | 'caseUnit'
  | 'reportUnit'
  | 'careUnit'
  | 'decisionUnit'
  | 'coordinatorUnit'
  | 'responsibleUnit';

/** What the indicator is computed from; a source that does not exist yet shows as "not available". */
export type Source = 'cases' | 'reports' | 'placements' | 'decisions' | 'sips' | 'responsibility';

export type Legal =
  | { kind: 'rule'; rules: readonly DeadlineRuleId[] }
  | { kind: 'references'; references: readonly LegalReference[] }
  | { kind: 'sip' }
  | { kind: 'none' };

export interface IndicatorDefinition {
  id: IndicatorId;
  valueKind: ValueKind;
  periodDate: PeriodDate;
  unitOf: UnitOf;
  sources: readonly Source[];
  /** The cells the numerator and denominator are, named as the figure names them. */
  numerator: readonly string[] | null;
  denominator: string | null;
  /** Whether a rising value is good (for the chart's caption and comparisons), or neither. */
  better: 'higher' | 'lower' | null;
  legal: Legal;
}

const sol2025 = '2025-07-01';

const byRule = (...rules: DeadlineRuleId[]): Legal => ({ kind: 'rule', rules });

/** A provision of the 2001 act until 30 June 2025 and its successor in the 2025 act after. */
function solReferences(oldProvision: string, newProvision: string, oldFrom = '2002-01-01'): Legal {
  return {
    kind: 'references',
    references: [
      { from: oldFrom, to: '2025-06-30', act: 'SoL (2001:453)', provision: oldProvision },
      {
        from: sol2025,
        to: null,
        act: 'SoL (2025:400)',
        provision: newProvision,
        correspondsTo: oldProvision,
      },
    ],
  };
}

const indicators: readonly IndicatorDefinition[] = [
  {
    id: 'initialAssessmentWithin14Days',
    valueKind: 'share',
    periodDate: 'initialAssessmentDue',
    unitOf: 'intakeUnit',
    sources: ['cases'],
    numerator: ['within'],
    denominator: 'due',
    better: 'higher',
    legal: byRule('initialAssessment'),
  },
  {
    id: 'investigationWithin4Months',
    valueKind: 'share',
    periodDate: 'investigationDue',
    unitOf: 'caseUnit',
    sources: ['cases'],
    numerator: ['within'],
    denominator: 'due',
    better: 'higher',
    legal: byRule('investigation'),
  },
  {
    id: 'daysOpeningToDecision',
    valueKind: 'days',
    periodDate: 'decidedOn',
    unitOf: 'caseUnit',
    sources: ['cases'],
    numerator: null,
    denominator: 'decided',
    better: 'lower',
    legal: byRule('investigation'),
  },
  {
    id: 'reportsBySource',
    valueKind: 'table',
    periodDate: 'receivedOn',
    unitOf: 'reportUnit',
    sources: ['reports'],
    numerator: null,
    denominator: 'received',
    better: null,
    legal: solReferences('14 kap. 1 §', '19 kap. 1 §'),
  },
  {
    id: 'reportsByAgeAndSex',
    valueKind: 'table',
    periodDate: 'receivedOn',
    unitOf: 'reportUnit',
    sources: ['reports'],
    numerator: null,
    denominator: 'received',
    better: null,
    legal: { kind: 'none' },
  },
  {
    id: 'reportsInvestigated',
    valueKind: 'share',
    periodDate: 'receivedOn',
    unitOf: 'reportUnit',
    sources: ['reports', 'cases'],
    numerator: ['investigated'],
    denominator: 'assessed',
    better: null,
    legal: byRule('initialAssessment'),
  },
  {
    id: 'newReportWithin12MonthsAfterClosure',
    valueKind: 'share',
    periodDate: 'closedOn',
    unitOf: 'caseUnit',
    sources: ['cases', 'reports'],
    numerator: ['reportedAgain|*'],
    denominator: 'observed',
    better: 'lower',
    legal: { kind: 'none' },
  },
  {
    id: 'placedChildrenWithCurrentPlans',
    valueKind: 'share',
    periodDate: 'lastDay',
    unitOf: 'careUnit',
    sources: ['placements'],
    numerator: ['both'],
    denominator: 'placed',
    better: 'higher',
    legal: solReferences('11 kap. 3 §', '9 kap. 12–13 §§; SoF (2025:468) 10 kap. 2–3 §§'),
  },
  {
    id: 'reconsiderationsOnTime',
    valueKind: 'share',
    periodDate: 'reconsiderationDue',
    unitOf: 'careUnit',
    sources: ['placements'],
    numerator: ['onTime'],
    denominator: 'due',
    better: 'higher',
    legal: byRule('placementReconsideration', 'lvuReview'),
  },
  {
    id: 'privateTalksPerPlacedChildYear',
    valueKind: 'rate',
    periodDate: 'heldOn',
    unitOf: 'careUnit',
    sources: ['placements'],
    numerator: ['talks'],
    denominator: null,
    better: 'higher',
    legal: solReferences('6 kap. 7 b §', '22 kap. 11 § 2 och 12 §'),
  },
  {
    id: 'sipsStarted',
    valueKind: 'count',
    periodDate: 'startedOn',
    unitOf: 'coordinatorUnit',
    sources: ['sips'],
    numerator: null,
    denominator: 'started',
    better: null,
    legal: { kind: 'sip' },
  },
  {
    id: 'daysFromSipRequestToAgreedPlan',
    valueKind: 'days',
    periodDate: 'agreedOn',
    unitOf: 'coordinatorUnit',
    sources: ['sips'],
    numerator: null,
    denominator: 'agreed',
    better: 'lower',
    legal: { kind: 'sip' },
  },
  {
    id: 'decisionsNotCarriedOutWithin3Months',
    valueKind: 'share',
    periodDate: 'threeMonthMark',
    unitOf: 'decisionUnit',
    sources: ['decisions'],
    numerator: ['notCarriedOut'],
    denominator: 'due',
    better: 'lower',
    legal: solReferences('16 kap. 6 f–6 h §§', '34 kap. 1–3 §§', '2006-07-01'),
  },
  {
    id: 'workersPerChild',
    valueKind: 'mean',
    periodDate: 'twelveMonthsToLastDay',
    unitOf: 'responsibleUnit',
    sources: ['responsibility'],
    numerator: null,
    denominator: 'children',
    better: 'lower',
    legal: { kind: 'none' },
  },
  {
    id: 'workersPerFamily',
    valueKind: 'mean',
    periodDate: 'twelveMonthsToLastDay',
    unitOf: 'responsibleUnit',
    sources: ['responsibility'],
    numerator: null,
    denominator: 'families',
    better: 'lower',
    legal: { kind: 'none' },
  },
  {
    id: 'familiesWithOneWorker',
    valueKind: 'share',
    periodDate: 'twelveMonthsToLastDay',
    unitOf: 'responsibleUnit',
    sources: ['responsibility'],
    numerator: ['one'],
    denominator: 'families',
    better: 'higher',
    legal: { kind: 'none' },
  },
];

export const indicatorCatalogue: Readonly<Record<IndicatorId, IndicatorDefinition>> = Object.fromEntries(
  indicators.map((d) => [d.id, d]),
) as Record<IndicatorId, IndicatorDefinition>;

function referenceIn(references: readonly LegalReference[], date: string): LegalReference {
  return references.find((r) => r.from <= date && (r.to === null || date <= r.to)) ?? references[0]!;
}

/**
 * The law behind an indicator as it read on a day (the period's last day), in the form the clock
 * shows it: "SoL (2025:400) 20 kap. 2 §". Empty when no rule sets it (a quality measure).
 */
export function legalReferencesOn(id: IndicatorId, date: string): string[] {
  const legal = indicatorCatalogue[id].legal;
  switch (legal.kind) {
    case 'rule':
      return legal.rules.map((rule) => formatReference(referenceOn(ruleOf(rule), date)));
    case 'references':
      return [formatReference(referenceIn(legal.references, date))];
    case 'sip':
      return [sipLegalReference(date).socialServices];
    case 'none':
      return [];
  }
}
