import { textsFor, type Widen } from '../../platform/i18n/i18n.ts';

/**
 * The texts of the placement's restrictions, moving bans and reviews, the administrator's
 * placement settings and the home-finding team's worklist (migration 0016, decisions 0120–0122).
 */
const sv = {
  restrictionsTitle: 'Hemlig vistelseort, umgänge och flyttningsförbud',
  restrictionsIntro:
    'Nämndens beslut enligt 14 § LVU och flyttningsförbud (24 § LVU) övervägs minst var tredje månad. Besluten får inte fattas av en tjänsteman (30 kap. 7 § SoL).',
  noRestrictions: 'Inga beslut om umgänge, hemlig vistelseort eller flyttningsförbud.',
  restrictionKinds: {
    whereaboutsSecret:
      'Vistelseorten hålls hemlig för föräldrar eller vårdnadshavare (14 § andra stycket 2 LVU)',
    contact: 'Umgänget med vårdnadshavare eller föräldrar regleras (14 § andra stycket 1 LVU)',
  },
  restrictionKind: 'Beslut',
  recordRestriction: 'Registrera beslut enligt 14 § LVU',
  recordMovingBan: 'Registrera flyttningsförbud',
  movingBan: 'Flyttningsförbud (24 § LVU)',
  movingBanPending: 'ansökan hos förvaltningsrätten',
  appliedOn: 'Nämndens beslut att ansöka',
  courtDecidedOn: 'Förvaltningsrättens beslut om flyttningsförbud',
  courtDecidedHint: 'Lämna tomt så länge ansökan inte är avgjord. Förbudet övervägs från rättens beslut.',
  recordReview: 'Registrera nämndens övervägande',
  reviewSubject: 'Vilket beslut övervägdes',
  reviewedOn: 'Nämndens sammanträde',
  reviewOutcome: 'Nämndens beslut',
  reviewOutcomes: { continues: 'Beslutet behövs fortfarande', ends: 'Beslutet ska upphöra' },
  reviews: (n: number) => (n === 1 ? '1 övervägande' : `${n} överväganden`),
  endedOn: (date: string) => `upphörde ${date}`,
  decidedOnLabel: 'Beslutsdatum',
  decidedBy: 'Beslutsfattare',
  decidedByName: 'Namn på nämnd eller utskott',
  protocolReference: 'Paragraf eller protokollnummer',
  save: 'Spara',
  restrictionSaved: 'Beslutet är registrerat.',
  movingBanSaved: 'Flyttningsförbudet är registrerat.',
  reviewSaved: 'Nämndens övervägande är registrerat.',
  refusals: {
    notLvuCare: 'Beslut enligt 14 § LVU fattas bara när barnet vårdas enligt LVU.',
    courtBeforeApplication: 'Rättens beslut kan inte vara före nämndens ansökan.',
    banNotInForce: 'Flyttningsförbudet gäller inte än: förvaltningsrätten har inte beslutat.',
    subjectEnded: 'Beslutet har redan upphört.',
    banNotInFamilyHome: 'Flyttningsförbud gäller ett barn i familjehem (24 § LVU).',
    reviewBeforeDecision: 'Övervägandet kan inte vara före beslutet.',
    subjectNotFound: 'Beslutet finns inte på placeringen.',
    formNotOfIntervention: 'Placeringsformen är inte den som insatsen beviljade.',
  },
  // The administrator's settings.
  settingsNav: 'Placeringar',
  settingsTitle: 'Inställningar för placeringar',
  settingsIntro:
    'Markera vilka insatser som är placeringar. Ett beslut om en sådan insats öppnar en placering på ärendet, med placeringsformen förvald.',
  interventionsHeading: 'Insatser som är placeringar',
  interventionColumn: 'Insats',
  isPlacement: 'Är en placering',
  isPlacementOf: (name: string) => `${name} är en placering`,
  formOf: (name: string) => `Placeringsform för ${name}`,
  anyForm: 'Väljs vid placeringen',
  noInterventions: 'Kommunen har inga insatser än. Lägg till dem under inställningar för ärenden.',
  guidelineHeading: 'Kommunens riktlinje för besök och samtal',
  guidelineIntro:
    'Lagen säger att barnet ska besökas regelbundet och få samtal enskilt, men inte hur ofta (22 kap. 11–12 §§ SoL). Riktlinjen är kommunens, inte lagens; barn under den flaggas.',
  visitsPerYear: 'Besök per år',
  privateTalksPerYear: 'Enskilda samtal per år',
  extractMaxAge: 'Registerutdrag förnyas efter (månader)',
  extractMaxAgeHint: 'Lagen kräver utdrag före varje beslut (3 kap. 3 § SoF), inte hur gamla de får vara.',
  settingsSaved: 'Inställningarna är sparade.',
  numberOutOfRange: (min: number, max: number) => `Ange ett heltal mellan ${min} och ${max}.`,
  unknownIntervention: 'Insatsen finns inte.',
  // The home-finding team's worklist.
  homeWorklistHeading: 'Hem med något som ska förnyas eller åtgärdas',
  homeWorklistIntro:
    'Familjehemsenhetens hem: utdrag, utredningar, utbildning, avtal och jourhem över två månader.',
  homeAlerts: {
    emergencyHomeOverdue: (date: string) =>
      `ett barn har varit i jourhemmet mer än två månader efter utredningen (sedan ${date}) utan särskilda skäl (22 kap. 4 § SoL)`,
    emergencyHomeDueSoon: (date: string) => `ett barn når jourhemmets två månader ${date} (22 kap. 4 § SoL)`,
    agreementMissing: 'avtal med familjehemsföräldrarna saknas för ett placerat barn (22 kap. 3 § SoL)',
  },
  auditActions: {
    'placementRestriction.create': 'Registrerade beslut enligt 14 § LVU',
    'placementMovingBan.create': 'Registrerade flyttningsförbud',
    'placementReview.create': 'Registrerade nämndens övervägande av 14 § LVU-beslut eller flyttningsförbud',
    'placementSettings.manage': 'Ändrade inställningarna för placeringar',
  } as Record<string, string>,
  recordTypes: { placementSettings: 'Inställningar för placeringar' } as Record<string, string>,
};

type MoreTexts = Widen<typeof sv>;

const en: MoreTexts = {
  restrictionsTitle: 'Secret whereabouts, contact and moving bans',
  restrictionsIntro:
    'The committee’s decisions under LVU section 14 and moving bans (LVU section 24) are reconsidered at least every three months. An official may not take them (SoL chapter 30 section 7).',
  noRestrictions: 'No decisions on contact, secret whereabouts or moving bans.',
  restrictionKinds: {
    whereaboutsSecret:
      'The whereabouts are kept secret from the parents or guardians (LVU 14 § second paragraph 2)',
    contact: 'Contact with the guardians or parents is regulated (LVU 14 § second paragraph 1)',
  },
  restrictionKind: 'Decision',
  recordRestriction: 'Record a decision under LVU section 14',
  recordMovingBan: 'Record a moving ban',
  movingBan: 'Moving ban (LVU section 24)',
  movingBanPending: 'application before the administrative court',
  appliedOn: 'The committee’s decision to apply',
  courtDecidedOn: 'The administrative court’s moving ban',
  courtDecidedHint:
    'Leave empty while the application is pending. The ban is reconsidered from the court’s decision.',
  recordReview: 'Record the committee’s reconsideration',
  reviewSubject: 'Which decision was reconsidered',
  reviewedOn: 'The committee’s meeting',
  reviewOutcome: 'The committee’s decision',
  reviewOutcomes: { continues: 'The decision is still needed', ends: 'The decision is to end' },
  reviews: (n: number) => (n === 1 ? '1 reconsideration' : `${n} reconsiderations`),
  endedOn: (date: string) => `ended ${date}`,
  decidedOnLabel: 'Decision date',
  decidedBy: 'Decision-maker',
  decidedByName: 'Name of the committee or subcommittee',
  protocolReference: 'Minute or protocol number',
  save: 'Save',
  restrictionSaved: 'The decision is recorded.',
  movingBanSaved: 'The moving ban is recorded.',
  reviewSaved: 'The committee’s reconsideration is recorded.',
  refusals: {
    notLvuCare: 'Decisions under LVU section 14 are taken only while the child is in care under LVU.',
    courtBeforeApplication: 'The court’s decision cannot be before the committee’s application.',
    banNotInForce: 'The moving ban is not in force yet: the administrative court has not decided.',
    subjectEnded: 'The decision has already ended.',
    banNotInFamilyHome: 'A moving ban concerns a child in a family home (LVU section 24).',
    reviewBeforeDecision: 'The reconsideration cannot be before the decision.',
    subjectNotFound: 'The decision is not on this placement.',
    formNotOfIntervention: 'The form of placement is not the one the intervention granted.',
  },
  settingsNav: 'Placements',
  settingsTitle: 'Settings for placements',
  settingsIntro:
    'Mark which interventions are placements. A decision granting one opens a placement on the case, with the form of placement chosen in advance.',
  interventionsHeading: 'Interventions that are placements',
  interventionColumn: 'Intervention',
  isPlacement: 'Is a placement',
  isPlacementOf: (name: string) => `${name} is a placement`,
  formOf: (name: string) => `Form of placement for ${name}`,
  anyForm: 'Chosen at the placement',
  noInterventions: 'The municipality has no interventions yet. Add them in the settings for cases.',
  guidelineHeading: 'The municipality’s guideline for visits and talks',
  guidelineIntro:
    'The law says the child is to be visited regularly and talked to alone, but not how often (SoL chapter 22 sections 11–12). The guideline is the municipality’s, not the law’s; children below it are flagged.',
  visitsPerYear: 'Visits a year',
  privateTalksPerYear: 'Private talks a year',
  extractMaxAge: 'Register extracts are renewed after (months)',
  extractMaxAgeHint:
    'The law asks for extracts before each decision (SoF chapter 3 section 3), not how old they may be.',
  settingsSaved: 'The settings are saved.',
  numberOutOfRange: (min: number, max: number) => `Enter a whole number from ${min} to ${max}.`,
  unknownIntervention: 'The intervention does not exist.',
  homeWorklistHeading: 'Homes with something to renew or do',
  homeWorklistIntro:
    'The home-finding team’s homes: extracts, investigations, training, agreements and emergency homes past two months.',
  homeAlerts: {
    emergencyHomeOverdue: (date: string) =>
      `a child has been in the emergency home more than two months after the investigation (since ${date}) without special reasons (SoL 22:4)`,
    emergencyHomeDueSoon: (date: string) =>
      `a child reaches the emergency home’s two months on ${date} (SoL 22:4)`,
    agreementMissing: 'the agreement with the foster parents is missing for a placed child (SoL 22:3)',
  },
  auditActions: {
    'placementRestriction.create': 'Recorded a decision under LVU section 14',
    'placementMovingBan.create': 'Recorded a moving ban',
    'placementReview.create':
      'Recorded the committee’s reconsideration of an LVU 14 decision or a moving ban',
    'placementSettings.manage': 'Changed the settings for placements',
  },
  recordTypes: { placementSettings: 'Settings for placements' },
};

/** The further placement texts in the user's language. */
export const moreTexts = textsFor<MoreTexts>({ sv, en });
