import type { IsoDate } from '../deadlines/calendar.ts';
import type { LegalReference } from '../deadlines/rules.ts';

/**
 * Retention (gallring) of a person's file under 16 kap. SoL (2025:400) and 13 kap. SoF (2025:468),
 * each rule as data with its references, checked against the consolidated texts in
 * shared/domain/law (see docs/decisions/0080). What a rule does is in `effect`; the assessment
 * (assess.ts) only combines them.
 */

export const retentionRuleIds = [
  'fiveYearsAfterLastEntry',
  'ongoingCircumstance',
  'completionYear',
  'parentageInvestigation',
  'adoptionInvestigation',
  'placedChild',
  'childInvestigation',
  'noInvestigationOpened',
  'closedBeforeChildInvestigationRule',
  'custodyAgreement',
  'researchMunicipality',
  'researchBirthDay',
  'handedOverForPreservation',
  'birthDateUnknown',
  'dateAfterToday',
  'identifiesKeptRecords',
  'stateSubmission',
] as const;
export type RetentionRuleId = (typeof retentionRuleIds)[number];

export type RuleEffect =
  /** The general duty: the file is culled five years after its last entry. */
  | { kind: 'cullAfterYears'; years: number }
  /** The file is not culled while a circumstance it records has not ended. */
  | { kind: 'keepWhileOngoing' }
  /** When the culling must be done by: the end of the calendar year after the duty arose. */
  | { kind: 'completeByEndOfNextYear' }
  /** Never culled. */
  | { kind: 'keepPermanently' }
  /** Not culled before the person has reached this age. */
  | { kind: 'keepUntilAge'; age: number }
  /** Says why an exception does not apply; decides nothing by itself. */
  | { kind: 'explainsCulling' }
  /** Samtak's own safeguard where the law's condition cannot be determined: keep and ask a person. */
  | { kind: 'keepForReview' }
  /** The identity kept, out of the working register, so that kept records can be found. */
  | { kind: 'keepIdentityWithKeptRecords' }
  /** Not in any person's file: kept as the municipality's own record, for its archive to decide. */
  | { kind: 'keepAsMunicipalityRecord' };

export interface RetentionRule {
  id: RetentionRuleId;
  /** What the rule says, for the dry run and the culling record. */
  summary: { sv: string; en: string };
  effect: RuleEffect;
  /** Every provision the rule rests on, each with the dates it is in force. Empty: Samtak's own. */
  references: readonly LegalReference[];
}

const actFrom = '2025-07-01';
/** SFS 2025:1501 added 16 kap. 2 a § and its transitional provision from this day. */
export const childInvestigationRuleFrom: IsoDate = '2026-01-15';

function sol(provision: string, from: IsoDate = actFrom): LegalReference {
  return { from, to: null, act: 'SoL (2025:400)', provision };
}
function sof(provision: string): LegalReference {
  return { from: actFrom, to: null, act: 'SoF (2025:468)', provision };
}

export const retentionRules: Record<RetentionRuleId, RetentionRule> = {
  fiveYearsAfterLastEntry: {
    id: 'fiveYearsAfterLastEntry',
    summary: {
      sv: 'Akten gallras fem år efter den sista anteckningen.',
      en: 'The file is culled five years after its last entry.',
    },
    effect: { kind: 'cullAfterYears', years: 5 },
    references: [sol('16 kap. 1 § första stycket')],
  },
  ongoingCircumstance: {
    id: 'ongoingCircumstance',
    summary: {
      sv: 'Akten gallras inte så länge det som registret visar om personen pågår (ärende, insats, placering).',
      en: 'The file is not culled while what the register records about the person is ongoing (case, intervention, placement).',
    },
    effect: { kind: 'keepWhileOngoing' },
    references: [sol('16 kap. 1 § första stycket andra meningen'), sol('16 kap. 1 § andra stycket')],
  },
  completionYear: {
    id: 'completionYear',
    summary: {
      sv: 'Gallringen ska vara klar senast kalenderåret efter att skyldigheten inträdde.',
      en: 'Culling must be done by the end of the calendar year after the duty arose.',
    },
    effect: { kind: 'completeByEndOfNextYear' },
    references: [sol('16 kap. 1 § tredje stycket')],
  },
  parentageInvestigation: {
    id: 'parentageInvestigation',
    summary: {
      sv: 'Handlingar från en utredning om faderskap eller föräldraskap gallras inte.',
      en: 'Records of an investigation of paternity or parenthood are never culled.',
    },
    effect: { kind: 'keepPermanently' },
    references: [sol('16 kap. 2 § 1')],
  },
  adoptionInvestigation: {
    id: 'adoptionInvestigation',
    summary: {
      sv: 'Handlingar från en adoptionsutredning gallras inte.',
      en: 'Records of an adoption investigation are never culled.',
    },
    effect: { kind: 'keepPermanently' },
    references: [sol('16 kap. 2 § 2')],
  },
  placedChild: {
    id: 'placedChild',
    summary: {
      sv: 'Handlingar som hör till att ett barn placerats i familjehem, jourhem, stödboende, skyddat boende, HVB eller annat enskilt hem gallras inte.',
      en: 'Records about a child placed in a foster home, emergency home, supported housing, protected housing, residential care or another private home are never culled.',
    },
    effect: { kind: 'keepPermanently' },
    references: [
      sol('16 kap. 2 § 3'),
      // A child is under 18; an emergency home is a private home (jourhem); a special youth home
      // counts as residential care.
      sol('3 kap. 1 § andra stycket'),
      sol('22 kap. 4 §'),
      sof('1 kap. 5 §'),
    ],
  },
  childInvestigation: {
    id: 'childInvestigation',
    summary: {
      sv: 'Handlingar från en utredning om barnets behov av skydd eller stöd gallras inte förrän personen fyllt 30 år.',
      en: "Records of an investigation of a child's need of protection or support are not culled before the person is 30.",
    },
    effect: { kind: 'keepUntilAge', age: 30 },
    references: [sol('16 kap. 2 a § första stycket', childInvestigationRuleFrom)],
  },
  noInvestigationOpened: {
    id: 'noInvestigationOpened',
    summary: {
      sv: 'Ärendet ledde inte till utredning: handlingarna gallras efter fem år.',
      en: 'No investigation was opened: the records are culled after five years.',
    },
    effect: { kind: 'explainsCulling' },
    references: [sol('16 kap. 2 a § andra stycket', childInvestigationRuleFrom), sol('20 kap. 2 §')],
  },
  closedBeforeChildInvestigationRule: {
    id: 'closedBeforeChildInvestigationRule',
    summary: {
      sv: 'Ärendet avslutades före den 15 januari 2026: 30-årsregeln gäller inte.',
      en: 'The case was closed before 15 January 2026: the rule of age 30 does not apply.',
    },
    effect: { kind: 'explainsCulling' },
    references: [
      {
        from: childInvestigationRuleFrom,
        to: null,
        act: 'SoL (2025:400)',
        provision: 'övergångsbestämmelserna till SFS 2025:1501 punkt 2',
      },
    ],
  },
  custodyAgreement: {
    id: 'custodyAgreement',
    summary: {
      sv: 'Ett avtal om vårdnad, boende eller umgänge som nämnden godkänt gallras inte förrän barnet fyllt 18 år.',
      en: 'An agreement on custody, residence or contact approved by the committee is not culled before the child is 18.',
    },
    effect: { kind: 'keepUntilAge', age: 18 },
    references: [sol('16 kap. 3 §')],
  },
  researchMunicipality: {
    id: 'researchMunicipality',
    summary: {
      sv: 'Kommunen ingår i forskningsurvalet: handlingarna gallras inte.',
      en: "The municipality is in research's sample: the records are never culled.",
    },
    effect: { kind: 'keepPermanently' },
    references: [sol('16 kap. 4 §'), sof('13 kap. 1 § första meningen')],
  },
  researchBirthDay: {
    id: 'researchBirthDay',
    summary: {
      sv: 'Personen är född den 5, 15 eller 25 i månaden: handlingarna gallras inte, för forskningens behov.',
      en: "The person was born on the 5th, 15th or 25th: the records are never culled, for research's needs.",
    },
    effect: { kind: 'keepPermanently' },
    references: [sol('16 kap. 4 §'), sof('13 kap. 1 § andra meningen')],
  },
  handedOverForPreservation: {
    id: 'handedOverForPreservation',
    summary: {
      sv: 'Handlingar som en enskild verksamhet lämnat över för bevarande gallras inte.',
      en: 'Records a private provider handed over for preservation are never culled.',
    },
    effect: { kind: 'keepPermanently' },
    references: [sol('16 kap. 5 §'), sol('17 kap. 4 §'), sol('17 kap. 5 §')],
  },
  birthDateUnknown: {
    id: 'birthDateUnknown',
    summary: {
      sv: 'Födelsedatum saknas, så regeln om ålder eller födelsedag kan inte prövas: sparas tills någon prövat.',
      en: 'The date of birth is unknown, so the rule on age or birthday cannot be applied: kept until someone has reviewed it.',
    },
    effect: { kind: 'keepForReview' },
    references: [],
  },
  dateAfterToday: {
    id: 'dateAfterToday',
    summary: {
      sv: 'Akten har ett datum efter i dag, så uppgifterna stämmer inte: inget gallras förrän någon rättat dem.',
      en: 'The file has a date after today, so its data is wrong: nothing is culled until someone has corrected it.',
    },
    effect: { kind: 'keepForReview' },
    references: [],
  },
  identifiesKeptRecords: {
    id: 'identifiesKeptRecords',
    summary: {
      sv: 'Namn och personnummer sparas med de handlingar som inte gallras, utanför det dagliga registret.',
      en: 'Name and identity number are kept with the records that are not culled, outside the working register.',
    },
    effect: { kind: 'keepIdentityWithKeptRecords' },
    references: [],
  },
  stateSubmission: {
    id: 'stateSubmission',
    summary: {
      sv: 'En inlämning till staten (IVO, Socialstyrelsens register) ingår inte i någon personakt: den sparas som kommunens handling om vad den rapporterat, och kommunens dokumenthanteringsplan avgör när den gallras.',
      en: "A submission to the state (IVO, Socialstyrelsen's register) is in no person's file: it is kept as the municipality's record of what it reported, and the municipality's records management plan decides when it is culled.",
    },
    effect: { kind: 'keepAsMunicipalityRecord' },
    references: [],
  },
};

/** The references of a rule in force on a date (a rule not yet in force has none). */
export function referencesOn(rule: RetentionRule, date: IsoDate): LegalReference[] {
  return rule.references.filter((r) => r.from <= date && (r.to === null || date <= r.to));
}

/** Whether a rule that rests on the law is in force on a date; Samtak's own rules always are. */
export function inForceOn(rule: RetentionRule, date: IsoDate): boolean {
  return rule.references.length === 0 || referencesOn(rule, date).length > 0;
}
