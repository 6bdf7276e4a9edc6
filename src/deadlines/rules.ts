import type { IsoDate } from './calendar.ts';

/**
 * The statutory time limits of a children's case, each as data: what it requires, the event that
 * starts it, its length, whether a last day on a weekend or holiday moves to the next weekday
 * (lag 1930:173), and its legal reference by the date in force. See docs/decisions/0010.
 */

export const deadlineRuleIds = [
  'protectionAssessment',
  'initialAssessment',
  'investigation',
  'reporterFeedback',
  'followUp',
  'placementReconsideration',
  'lvuReview',
  'custodyTransfer',
  'carePlan',
  'healthExamination',
  'immediateCustodyCourt',
  'careApplication',
] as const;
export type DeadlineRuleId = (typeof deadlineRuleIds)[number];

export type StartEvent =
  | 'reportReceived'
  | 'investigationOpened'
  | 'initialAssessmentDecided'
  | 'investigationClosed'
  | 'placementStarted'
  | 'compulsoryCareStarted'
  | 'placementDecided'
  | 'placementConsidered'
  | 'immediateCustodyDecided'
  /** The immediate custody was carried out (LVU 8 §: the application is counted from this day). */
  | 'immediateCustodyExecuted';

export type Length =
  /** At once, the same day the clock starts. */
  | { kind: 'sameDay' }
  | { kind: 'days'; days: number }
  | { kind: 'weeks'; weeks: number }
  | { kind: 'months'; months: number }
  /** No fixed length: "without delay". Shown as due from the day the clock starts. */
  | { kind: 'withoutDelay' }
  /** Must be done before the starting event takes effect (e.g. before the placement). */
  | { kind: 'beforeEvent' };

export interface LegalReference {
  /** First day this reference is the one in force. */
  from: IsoDate;
  /** Last day in force; null while in force. */
  to: IsoDate | null;
  act: string;
  /** The chapter and section in the act. */
  provision: string;
  /** For the 2025 act: the provision of the 2001 act it carries over, shown to help readers. */
  correspondsTo?: string;
  /**
   * The length under this version of the law, where it differs from the rule's. The version in
   * force on the day the clock starts sets the length and is the reference shown (decision 0059).
   */
  length?: Length;
}

export interface DeadlineRule {
  id: DeadlineRuleId;
  requirement: { sv: string; en: string };
  startEvent: StartEvent;
  length: Length;
  /** Recurring duties: the next occurrence comes this many months after the previous one. */
  repeatEveryMonths?: number;
  /** Whether a last day on a Saturday, Sunday, holiday or the three eves moves to the next weekday. */
  nextWorkingDay: boolean;
  /** Who may extend the limit and on what ground, if anyone. */
  extension?: 'extraordinaryReasons' | 'specialReasons';
  references: readonly LegalReference[];
}

const oldActUntil = '2025-06-30';
const newActFrom = '2025-07-01';

/**
 * A rule of the Social Services Act: the 2001 act until 30 June 2025, the 2025 act after, with the
 * new act's chapter and section as enacted (checked against the text of SFS 2025:400, see
 * docs/decisions/0017).
 */
function sol(oldProvision: string, newProvision: string, extra: string[] = []): LegalReference[] {
  const extraText = extra.length ? `; ${extra.join('; ')}` : '';
  return [
    { from: '2002-01-01', to: oldActUntil, act: 'SoL (2001:453)', provision: `${oldProvision}${extraText}` },
    {
      from: newActFrom,
      to: null,
      act: 'SoL (2025:400)',
      provision: `${newProvision}${extraText}`,
      correspondsTo: `${oldProvision} SoL (2001:453)`,
    },
  ];
}

/** LVU (1990:52) kept its section numbers when the new Social Services Act came. */
function lvu(provision: string): LegalReference[] {
  return [{ from: '1990-07-01', to: null, act: 'LVU (1990:52)', provision }];
}

export const deadlineRules: Record<DeadlineRuleId, DeadlineRule> = {
  protectionAssessment: {
    id: 'protectionAssessment',
    requirement: {
      sv: 'Skyddsbedömning: behöver barnet omedelbart skydd?',
      en: 'Protection assessment: does the child need immediate protection?',
    },
    startEvent: 'reportReceived',
    length: { kind: 'sameDay' },
    // Protection cannot wait for Monday: no move to the next weekday.
    nextWorkingDay: false,
    references: sol('11 kap. 1 a § första stycket', '20 kap. 1 §'),
  },
  initialAssessment: {
    id: 'initialAssessment',
    requirement: {
      sv: 'Förhandsbedömning: beslut om att inleda utredning eller inte',
      en: 'Initial assessment: decide whether to open an investigation',
    },
    startEvent: 'reportReceived',
    length: { kind: 'days', days: 14 },
    nextWorkingDay: true,
    extension: 'extraordinaryReasons',
    references: sol('11 kap. 1 a § andra stycket', '20 kap. 2 §', ['SOSFS 2014:5']),
  },
  investigation: {
    id: 'investigation',
    requirement: { sv: 'Utredningen ska vara slutförd', en: 'Investigation completed' },
    startEvent: 'investigationOpened',
    length: { kind: 'months', months: 4 },
    nextWorkingDay: true,
    extension: 'specialReasons',
    references: sol('11 kap. 2 § tredje stycket', '20 kap. 3 §'),
  },
  reporterFeedback: {
    id: 'reporterFeedback',
    requirement: {
      sv: 'Återkoppling till anmälaren (yrkesverksam)',
      en: 'Feedback to the professional reporter',
    },
    startEvent: 'initialAssessmentDecided',
    length: { kind: 'withoutDelay' },
    // From 15 January 2026 a last day for an action ("senast en vecka"), so lag 1930:173 applies.
    nextWorkingDay: true,
    references: [
      { from: '2002-01-01', to: oldActUntil, act: 'SoL (2001:453)', provision: '14 kap. 1 a §' },
      {
        from: newActFrom,
        to: '2026-01-14',
        act: 'SoL (2025:400)',
        provision: '19 kap. 6 §',
        correspondsTo: '14 kap. 1 a § SoL (2001:453)',
      },
      {
        from: '2026-01-15',
        to: null,
        act: 'SoL (2025:400)',
        provision: '19 kap. 6 § (SFS 2025:1501)',
        correspondsTo: '14 kap. 1 a § SoL (2001:453)',
        length: { kind: 'weeks', weeks: 1 },
      },
    ],
  },
  followUp: {
    id: 'followUp',
    requirement: {
      sv: 'Uppföljning efter avslutad utredning (får göras)',
      en: 'Follow-up after a closed investigation (optional)',
    },
    startEvent: 'investigationClosed',
    length: { kind: 'months', months: 2 },
    // A window in which follow-up is permitted, not a last day for an action: it is not moved.
    nextWorkingDay: false,
    references: [
      { from: '2002-01-01', to: oldActUntil, act: 'SoL (2001:453)', provision: '11 kap. 4 a–4 c §§' },
      {
        from: newActFrom,
        to: null,
        act: 'SoL (2025:400)',
        provision: '23 kap. 1 och 5 §§',
        correspondsTo: '11 kap. 4 a–4 c §§ SoL (2001:453)',
        length: { kind: 'months', months: 6 },
      },
    ],
  },
  placementReconsideration: {
    id: 'placementReconsideration',
    requirement: {
      sv: 'Övervägande av placeringen (SoL och LVU 2 §)',
      en: 'Reconsideration of the placement (SoL and LVU section 2)',
    },
    startEvent: 'placementStarted',
    length: { kind: 'months', months: 6 },
    repeatEveryMonths: 6,
    nextWorkingDay: false,
    references: [
      { from: '2002-01-01', to: oldActUntil, act: 'SoL (2001:453)', provision: '6 kap. 8 §; LVU 13 §' },
      {
        from: newActFrom,
        to: null,
        act: 'SoL (2025:400)',
        provision: '22 kap. 13 §; LVU 13 §',
        correspondsTo: '6 kap. 8 § SoL (2001:453)',
      },
    ],
  },
  lvuReview: {
    id: 'lvuReview',
    requirement: {
      sv: 'Omprövning av vård enligt LVU 3 §',
      en: 'Review of compulsory care under LVU section 3',
    },
    startEvent: 'compulsoryCareStarted',
    length: { kind: 'months', months: 6 },
    repeatEveryMonths: 6,
    nextWorkingDay: false,
    references: lvu('13 § andra stycket'),
  },
  custodyTransfer: {
    id: 'custodyTransfer',
    requirement: {
      sv: 'Överväga vårdnadsöverflyttning (placerad två år i samma familjehem)',
      en: 'Consider transfer of custody (placed two years in the same foster home)',
    },
    startEvent: 'placementStarted',
    length: { kind: 'months', months: 24 },
    repeatEveryMonths: 12,
    nextWorkingDay: false,
    references: sol('6 kap. 8 § andra stycket', '22 kap. 14 §'),
  },
  carePlan: {
    id: 'carePlan',
    requirement: { sv: 'Vårdplan och genomförandeplan', en: 'Care plan and implementation plan' },
    startEvent: 'placementDecided',
    length: { kind: 'beforeEvent' },
    nextWorkingDay: false,
    references: sol('11 kap. 3 §', '9 kap. 12 §'),
  },
  healthExamination: {
    id: 'healthExamination',
    requirement: {
      sv: 'Erbjuda hälsoundersökning före placering',
      en: 'Offer a health examination before placement',
    },
    startEvent: 'placementConsidered',
    length: { kind: 'beforeEvent' },
    nextWorkingDay: false,
    references: sol('11 kap. 3 a §', '22 kap. 7 §'),
  },
  immediateCustodyCourt: {
    id: 'immediateCustodyCourt',
    requirement: {
      sv: 'Omedelbart omhändertagande till förvaltningsrätten',
      en: 'Immediate custody put before the administrative court',
    },
    startEvent: 'immediateCustodyDecided',
    length: { kind: 'weeks', weeks: 1 },
    nextWorkingDay: true,
    references: lvu('6–7 §§'),
  },
  careApplication: {
    id: 'careApplication',
    // LVU 8 §: "inom fyra veckor från den dag då omhändertagandet verkställdes", once the court has
    // confirmed it; the court's confirmation is the condition, not the start (issue 12).
    requirement: {
      sv: 'Ansökan om vård efter omedelbart omhändertagande (fyra veckor från den dag det verkställdes)',
      en: 'Application for care after immediate custody (four weeks from the day it was carried out)',
    },
    startEvent: 'immediateCustodyExecuted',
    length: { kind: 'weeks', weeks: 4 },
    nextWorkingDay: true,
    references: lvu('8 §'),
  },
};
