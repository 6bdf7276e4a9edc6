import type { IsoDate } from '../deadlines/calendar.ts';
import type { DeadlineRule, DeadlineRuleId, LegalReference } from '../deadlines/rules.ts';

/**
 * The duties of a placement as data, in the clock's shape (`DeadlineRule`), so that they can join
 * `src/deadlines/rules.ts` when placements are wired (docs/design/placements.md lists the changes).
 * The ids the clock already has keep their names; the rest are new. The municipality's visit
 * guideline is not here: it is not law (docs/decisions/0072).
 */

export const placementRuleIds = [
  // Already in the clock.
  'placementReconsideration',
  'lvuReview',
  'custodyTransfer',
  'carePlan',
  'healthExamination',
  'immediateCustodyCourt',
  'careApplication',
  // New.
  'implementationPlan',
  'carePlanRevision',
  'designatedSocialWorker',
  'fosterHomeAgreement',
  'emergencyHomeLimit',
  'lvuRestrictionReview',
  'movingBanConsideration',
  'movingBanReview',
  'placementFollowUp',
  'lvuFollowUp',
  'lvuAgeLimit',
  'specialCustodianApplication',
  'temporaryMovingBanCourt',
  'movingBanApplicationAfterTemporary',
  'ivoFamilyHomeList',
  'ivoPlacementNotice',
] as const;
export type PlacementRuleId = (typeof placementRuleIds)[number];

/** The placement rules whose id the clock already knows. */
export type KnownClockRuleId = Extract<PlacementRuleId, DeadlineRuleId>;

/** What starts each duty's clock (documented per rule in docs/decisions/0071). */
export type PlacementStartEvent =
  | 'placementStarted'
  | 'placementDecided'
  | 'compulsoryCareStarted'
  | 'lastConsideration'
  | 'familyHomeStayStarted'
  | 'immediateCustodyDecided'
  | 'immediateCustodyExecuted'
  | 'investigationClosed'
  | 'restrictionDecided'
  | 'movingBanDecided'
  | 'temporaryMovingBanDecided'
  | 'temporaryMovingBanConfirmed'
  | 'endOfCareRequested'
  | 'placementEnded'
  | 'followUpStarted'
  | 'ageLimit'
  | 'residencePermitGranted'
  | 'calendarYear';

export interface PlacementRule extends Omit<DeadlineRule, 'id' | 'startEvent'> {
  id: PlacementRuleId;
  startEvent: PlacementStartEvent;
  /** The committee may choose to do it (a follow-up after a voluntary placement); once begun it binds. */
  optional?: boolean;
}

const oldActUntil = '2025-06-30';
const newActFrom = '2025-07-01';
const oldSol = 'SoL (2001:453)';
const newSol = 'SoL (2025:400)';
const lvuAct = 'LVU (1990:52)';

/** A Social Services Act rule: the 2001 act (from `oldFrom`) until 30 June 2025, the 2025 act after. */
function solRefs(
  oldProvision: string,
  newProvision: string,
  oldFrom: IsoDate = '2002-01-01',
): LegalReference[] {
  return [
    { from: oldFrom, to: oldActUntil, act: oldSol, provision: oldProvision },
    {
      from: newActFrom,
      to: null,
      act: newSol,
      provision: newProvision,
      correspondsTo: `${oldProvision} ${oldSol}`,
    },
  ];
}

function lvuRefs(provision: string, from: IsoDate = '1990-07-01'): LegalReference[] {
  return [{ from, to: null, act: lvuAct, provision }];
}

type RuleData = Omit<PlacementRule, 'id'>;

const rules = {
  placementReconsideration: {
    requirement: {
      sv: 'Övervägande: behövs vården fortfarande, och hur ska den inriktas och utformas?',
      en: 'Reconsideration: is the care still needed, and how should it be directed and shaped?',
    },
    startEvent: 'lastConsideration',
    length: { kind: 'months', months: 6 },
    repeatEveryMonths: 6,
    nextWorkingDay: false,
    references: solRefs('6 kap. 8 §; 13 § första stycket LVU', '22 kap. 13 §; 13 § första stycket LVU'),
  },
  lvuReview: {
    requirement: {
      sv: 'Omprövning: ska vården enligt LVU 3 § upphöra?',
      en: 'Review: should the care under LVU section 3 end?',
    },
    startEvent: 'compulsoryCareStarted',
    length: { kind: 'months', months: 6 },
    repeatEveryMonths: 6,
    nextWorkingDay: false,
    references: lvuRefs('13 § andra stycket'),
  },
  custodyTransfer: {
    requirement: {
      sv: 'Särskilt överväga ansökan om vårdnadsöverflyttning (två år i samma familjehem, sedan årligen)',
      en: 'Consider applying for a transfer of custody (two years in the same family home, then yearly)',
    },
    startEvent: 'familyHomeStayStarted',
    length: { kind: 'months', months: 24 },
    repeatEveryMonths: 12,
    nextWorkingDay: false,
    references: [
      {
        from: '2003-07-01',
        to: '2022-06-30',
        act: oldSol,
        provision: '6 kap. 8 § andra stycket; 13 § tredje stycket LVU',
        length: { kind: 'months', months: 36 },
      },
      { from: '2022-07-01', to: oldActUntil, act: oldSol, provision: '6 kap. 8 b § (SFS 2022:665)' },
      {
        from: newActFrom,
        to: null,
        act: newSol,
        provision: '22 kap. 14 §; 13 c § LVU',
        correspondsTo: `6 kap. 8 b § ${oldSol}`,
      },
    ],
  },
  carePlan: {
    requirement: { sv: 'Vårdplan', en: 'Care plan' },
    startEvent: 'placementDecided',
    length: { kind: 'beforeEvent' },
    nextWorkingDay: false,
    references: solRefs('11 kap. 3 §', '9 kap. 12 § första stycket; SoF (2025:468) 10 kap. 2 §'),
  },
  healthExamination: {
    requirement: {
      sv: 'Underrätta regionen om att barnet ska erbjudas en hälsoundersökning',
      en: 'Tell the region that the child is to be offered a health examination',
    },
    startEvent: 'placementStarted',
    length: { kind: 'withoutDelay' },
    nextWorkingDay: false,
    references: solRefs('11 kap. 3 a §', '22 kap. 7 §'),
  },
  immediateCustodyCourt: {
    requirement: {
      sv: 'Underställa beslutet om omedelbart omhändertagande förvaltningsrätten',
      en: 'Put the immediate custody decision before the administrative court',
    },
    startEvent: 'immediateCustodyDecided',
    length: { kind: 'weeks', weeks: 1 },
    nextWorkingDay: true,
    references: lvuRefs('7 § första stycket'),
  },
  temporaryMovingBanCourt: {
    requirement: {
      sv: 'Underställa beslutet om tillfälligt flyttningsförbud förvaltningsrätten (annars upphör förbudet)',
      en: 'Put the temporary moving ban before the administrative court (or the ban ends)',
    },
    // 28 § LVU applies 7 § första–tredje styckena: within a week of the day of the decision.
    startEvent: 'temporaryMovingBanDecided',
    length: { kind: 'weeks', weeks: 1 },
    nextWorkingDay: true,
    references: lvuRefs('28 §; 7 § första och tredje styckena'),
  },
  movingBanApplicationAfterTemporary: {
    requirement: {
      sv: 'Ansöka om flyttningsförbud efter att rätten fastställt det tillfälliga förbudet (annars upphör det)',
      en: 'Apply for a moving ban after the court confirmed the temporary ban (or it ends)',
    },
    startEvent: 'temporaryMovingBanConfirmed',
    length: { kind: 'weeks', weeks: 2 },
    nextWorkingDay: true,
    references: lvuRefs('29 §; 30 § första stycket 1'),
  },
  careApplication: {
    requirement: {
      sv: 'Ansöka om vård (eller fortsatt omhändertagande) efter omedelbart omhändertagande',
      en: 'Apply for care (or continued custody) after immediate custody',
    },
    // Four weeks from the day the custody was executed, not from the court's confirmation (8 §).
    startEvent: 'immediateCustodyExecuted',
    length: { kind: 'weeks', weeks: 4 },
    nextWorkingDay: true,
    extension: 'specialReasons',
    references: lvuRefs('8 §'),
  },
  implementationPlan: {
    requirement: { sv: 'Genomförandeplan', en: 'Implementation plan' },
    startEvent: 'placementStarted',
    length: { kind: 'withoutDelay' },
    nextWorkingDay: false,
    references: solRefs('11 kap. 3 §', '9 kap. 12 § andra stycket; SoF (2025:468) 10 kap. 3 §'),
  },
  carePlanRevision: {
    requirement: {
      sv: 'Första revideringen av vårdplanen, med barnets långsiktiga boende (senast efter två års placering)',
      en: "First revision of the care plan, on the child's long-term home (two years placed at the latest)",
    },
    startEvent: 'placementStarted',
    length: { kind: 'months', months: 24 },
    nextWorkingDay: false,
    references: solRefs('11 kap. 3 § (SFS 2020:1260)', '9 kap. 13 § andra stycket', '2021-01-01'),
  },
  designatedSocialWorker: {
    requirement: {
      sv: 'Utse ansvarig socialsekreterare för kontakterna med barnet',
      en: 'Designate the social worker responsible for the contacts with the child',
    },
    startEvent: 'placementStarted',
    length: { kind: 'withoutDelay' },
    nextWorkingDay: false,
    references: solRefs('6 kap. 7 b §', '22 kap. 12 § första stycket'),
  },
  fosterHomeAgreement: {
    requirement: {
      sv: 'Avtal med familjehemsföräldrarna om åtagandena under placeringen',
      en: 'Agreement with the foster parents on what each undertakes during the placement',
    },
    startEvent: 'familyHomeStayStarted',
    length: { kind: 'beforeEvent' },
    nextWorkingDay: false,
    // Cited from the 2025 act only: the 2001 act's provision was not verified (docs/design/placements.md).
    references: [{ from: newActFrom, to: null, act: newSol, provision: '22 kap. 3 § första stycket' }],
  },
  emergencyHomeLimit: {
    requirement: {
      sv: 'Jourhem högst två månader efter avslutad utredning, om inte särskilda skäl finns',
      en: 'An emergency home for at most two months after the investigation ended, unless special reasons',
    },
    startEvent: 'investigationClosed',
    length: { kind: 'months', months: 2 },
    nextWorkingDay: false,
    references: solRefs('6 kap. 6 §', '22 kap. 4 § andra stycket', '2008-01-01'),
  },
  lvuRestrictionReview: {
    requirement: {
      sv: 'Överväga om beslutet om umgänge eller hemlig vistelseort fortfarande behövs',
      en: 'Consider whether the decision on contact or on keeping the whereabouts secret is still needed',
    },
    startEvent: 'restrictionDecided',
    length: { kind: 'months', months: 3 },
    repeatEveryMonths: 3,
    nextWorkingDay: false,
    references: lvuRefs('14 § tredje stycket'),
  },
  movingBanConsideration: {
    requirement: {
      sv: 'Överväga ansökan om flyttningsförbud (vårdnadshavaren eller barnet begär att vården upphör)',
      en: 'Consider applying for a moving ban (a guardian or the child asks for the care to end)',
    },
    startEvent: 'endOfCareRequested',
    length: { kind: 'withoutDelay' },
    nextWorkingDay: false,
    references: solRefs('6 kap. 8 a §', '22 kap. 16 §; 13 b § LVU', '2022-07-01'),
  },
  movingBanReview: {
    requirement: {
      sv: 'Överväga om flyttningsförbudet fortfarande behövs',
      en: 'Consider whether the moving ban is still needed',
    },
    startEvent: 'movingBanDecided',
    length: { kind: 'months', months: 3 },
    repeatEveryMonths: 3,
    nextWorkingDay: false,
    references: lvuRefs('26 § första stycket'),
  },
  placementFollowUp: {
    requirement: {
      sv: 'Uppföljning efter placeringen (får beslutas) avslutas senast sex månader efter att den upphört',
      en: 'Follow-up after the placement (optional) ends within six months of the end',
    },
    startEvent: 'placementEnded',
    length: { kind: 'months', months: 6 },
    nextWorkingDay: false,
    optional: true,
    references: [
      {
        from: '2002-01-01',
        to: oldActUntil,
        act: oldSol,
        provision: '11 kap. 4 b–4 c §§',
        length: { kind: 'months', months: 2 },
      },
      {
        from: newActFrom,
        to: null,
        act: newSol,
        provision: '23 kap. 2 och 5 §§',
        correspondsTo: `11 kap. 4 b–4 c §§ ${oldSol}`,
      },
    ],
  },
  lvuFollowUp: {
    requirement: {
      sv: 'Uppföljning efter LVU-vård (ska göras) avslutas senast sex månader efter att den inleddes',
      en: 'Follow-up after LVU care (mandatory) ends within six months of its start',
    },
    startEvent: 'followUpStarted',
    length: { kind: 'months', months: 6 },
    nextWorkingDay: false,
    references: lvuRefs('21 b–21 c §§', '2022-07-01'),
  },
  lvuAgeLimit: {
    requirement: {
      sv: 'Vården enligt LVU upphör senast vid 18 år (2 §) eller 21 år (3 §)',
      en: 'LVU care ends at 18 at the latest (section 2) or 21 (section 3)',
    },
    startEvent: 'ageLimit',
    length: { kind: 'sameDay' },
    nextWorkingDay: false,
    references: lvuRefs('21 § tredje och fjärde styckena'),
  },
  specialCustodianApplication: {
    requirement: {
      sv: 'Väcka talan om särskilt förordnad vårdnadshavare (ensamkommande barn med uppehållstillstånd)',
      en: 'Apply for a specially appointed custodian (unaccompanied minor granted a residence permit)',
    },
    startEvent: 'residencePermitGranted',
    length: { kind: 'withoutDelay' },
    nextWorkingDay: false,
    // SoF (2025:468) 11 kap. 1 § tredje stycket points to this act for unaccompanied minors.
    references: [
      {
        from: '2005-07-01',
        to: null,
        act: 'Lag (2005:429) om god man för ensamkommande barn',
        provision: '10 §',
      },
    ],
  },
  ivoFamilyHomeList: {
    requirement: {
      sv: 'Kopia av förteckningen över barn i familjehem till IVO senast 31 januari',
      en: 'Copy of the list of children in family homes to IVO by 31 January',
    },
    startEvent: 'calendarYear',
    length: { kind: 'sameDay' },
    // A fixed day for an action: lag (1930:173) moves it off a weekend or holiday.
    nextWorkingDay: true,
    references: [
      { from: '2002-01-01', to: oldActUntil, act: 'SoF (2001:937)', provision: '7 kap. 1 §' },
      { from: newActFrom, to: null, act: 'SoF (2025:468)', provision: '3 kap. 4 §' },
    ],
  },
  ivoPlacementNotice: {
    requirement: {
      sv: 'Anmäla till IVO: fler än tre barn eller unga placerade i samma familjehem eller jourhem',
      en: 'Report to IVO: more than three children or young people placed in one family or emergency home',
    },
    startEvent: 'placementDecided',
    length: { kind: 'withoutDelay' },
    nextWorkingDay: false,
    references: [
      { from: '2002-01-01', to: oldActUntil, act: 'SoF (2001:937)', provision: '3 kap. 19 a §' },
      { from: newActFrom, to: null, act: 'SoF (2025:468)', provision: '16 kap. 2 §' },
    ],
  },
} satisfies Record<PlacementRuleId, RuleData>;

export const placementRules: Record<PlacementRuleId, PlacementRule> = Object.fromEntries(
  placementRuleIds.map((id) => [id, { id, ...rules[id] } as PlacementRule]),
) as Record<PlacementRuleId, PlacementRule>;
