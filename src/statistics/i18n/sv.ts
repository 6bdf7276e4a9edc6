import type { Widen } from '../../platform/i18n/i18n.ts';
import type { IndicatorId } from '../catalogue.ts';

interface IndicatorText {
  label: string;
  definition: string;
  numerator: string;
  denominator: string;
  periodDate: string;
}

const indicators: Record<IndicatorId, IndicatorText> = {
  initialAssessmentWithin14Days: {
    label: 'Förhandsbedömningar inom 14 dagar',
    definition:
      'Andel förhandsbedömningar som beslutades senast sista dagen, 14 dagar efter att anmälan kom in. Infaller sista dagen på en lördag, söndag eller helgdag flyttas den till nästa vardag. Förlängda bedömningar räknas inte som klara i tid; de visas för sig.',
    numerator: 'Beslutade i tid',
    denominator: 'Förhandsbedömningar vars sista dag inföll under perioden och har passerats',
    periodDate: 'Sista dagen för beslutet',
  },
  investigationWithin4Months: {
    label: 'Utredningar klara inom fyra månader',
    definition:
      'Andel utredningar där beslut fattades senast sista dagen, fyra månader efter att utredningen inleddes (nästa vardag om dagen är en helgdag). Förlängda utredningar visas för sig: klara inom förlängningen, försenade trots förlängning, och pågående.',
    numerator: 'Klara i tid',
    denominator: 'Utredningar vars sista dag inföll under perioden och har passerats',
    periodDate: 'Sista dagen för utredningen',
  },
  daysOpeningToDecision: {
    label: 'Dagar från inledd utredning till beslut',
    definition:
      'Medelvärde och median av antal dagar från att utredningen inleddes till beslutet, för utredningar som beslutades under perioden.',
    numerator: 'Summa dagar',
    denominator: 'Beslutade utredningar',
    periodDate: 'Beslutsdagen',
  },
  reportsBySource: {
    label: 'Anmälningar efter anmälare',
    definition:
      'Anmälningar som kom in under perioden, efter vem som anmälde: skola, hälso- och sjukvård, tandvård, polis, annan yrkesverksam, privatperson, anonym.',
    numerator: '–',
    denominator: 'Anmälningar',
    periodDate: 'Dagen anmälan kom in',
  },
  reportsByAgeAndSex: {
    label: 'Anmälningar efter barnets ålder och kön',
    definition:
      'Anmälningar under perioden efter barnets ålder den dag anmälan kom in (0–5, 6–12, 13–17, 18 år och äldre, okänd) och kön enligt folkbokföringen (okänt utan personnummer).',
    numerator: '–',
    denominator: 'Anmälningar',
    periodDate: 'Dagen anmälan kom in',
  },
  reportsInvestigated: {
    label: 'Anmälningar som ledde till utredning',
    definition:
      'Andel av periodens anmälningar, vars förhandsbedömning är klar, som ledde till eller lades till en utredning. Anmälningar som fortfarande bedöms räknas för sig.',
    numerator: 'Ledde till utredning',
    denominator: 'Anmälningar med klar förhandsbedömning',
    periodDate: 'Dagen anmälan kom in',
  },
  newReportWithin12MonthsAfterClosure: {
    label: 'Ny anmälan inom 12 månader efter avslut',
    definition:
      'Andel av de ärenden som avslutades under perioden där en ny anmälan om barnet kom in inom 12 månader efter avslutet, efter hur ärendet avslutades. Ärenden som avslutades för mindre än 12 månader sedan bedöms inte ännu.',
    numerator: 'Anmält igen',
    denominator: 'Avslutade ärenden vars 12 månader har gått',
    periodDate: 'Avslutsdagen',
  },
  placedChildrenWithCurrentPlans: {
    label: 'Placerade barn med aktuell vårdplan och genomförandeplan',
    definition:
      'Andel av barnen som var placerade periodens sista dag (eller i dag) som hade både en vårdplan – omprövad om barnet varit placerat två år – och en genomförandeplan vars uppföljning inte är försenad. Omedelbart omhändertagande enligt 6 § LVU räknas inte.',
    numerator: 'Båda planerna aktuella',
    denominator: 'Placerade barn',
    periodDate: 'Periodens sista dag',
  },
  reconsiderationsOnTime: {
    label: 'Överväganden och omprövningar i tid',
    definition:
      'Andel av de halvårsvisa övervägandena (SoL, 2 § LVU) och omprövningarna (3 § LVU) som skulle ha gjorts under perioden och gjordes i tid, räknat från dagen placeringen verkställdes.',
    numerator: 'Gjorda i tid',
    denominator: 'Överväganden och omprövningar som skulle ha gjorts',
    periodDate: 'Dagen övervägandet senast skulle göras',
  },
  privateTalksPerPlacedChildYear: {
    label: 'Enskilda samtal per placerat barn och år',
    definition:
      'Antal enskilda samtal med placerade barn under perioden, delat med den tid barnen var placerade (ett barn placerat hela året = 1). Lagen säger "regelbundet"; fyra per år är inget lagkrav.',
    numerator: 'Enskilda samtal',
    denominator: 'Placerade barnår',
    periodDate: 'Dagen samtalet hölls',
  },
  sipsStarted: {
    label: 'Påbörjade samordnade individuella planer (SIP)',
    definition:
      'Antal SIP där arbetet påbörjades under perioden, efter om en samverkanspart bad om planen eller socialtjänsten tog initiativet.',
    numerator: '–',
    denominator: 'Påbörjade SIP',
    periodDate: 'Dagen arbetet påbörjades',
  },
  daysFromSipRequestToAgreedPlan: {
    label: 'Dagar från begäran om SIP till överenskommen plan',
    definition:
      'Medelvärde och median av antal dagar från att en samverkanspart begärde en SIP till att alla parter hade godkänt planen, för planer som blev överenskomna under perioden.',
    numerator: 'Summa dagar',
    denominator: 'Överenskomna planer efter begäran',
    periodDate: 'Dagen planen blev överenskommen',
  },
  decisionsNotCarriedOutWithin3Months: {
    label: 'Beslut som inte verkställts inom tre månader',
    definition:
      'Andel av de gynnande beslut (11 kap. 1 § SoL) vars tre månader gick ut under perioden som inte var verkställda då. Beslut som upphörde innan tre månader gått räknas inte.',
    numerator: 'Inte verkställda',
    denominator: 'Beslut vars tre månader gick ut',
    periodDate: 'Dagen tre månader från beslutet',
  },
  workersPerChild: {
    label: 'Ansvariga socialsekreterare per barn',
    definition:
      'Antal olika ansvariga socialsekreterare barnet haft under de tolv månader som slutar periodens sista dag.',
    numerator: '–',
    denominator: 'Barn',
    periodDate: 'De tolv månaderna fram till periodens sista dag',
  },
  workersPerFamily: {
    label: 'Ansvariga socialsekreterare per familj',
    definition:
      'Antal olika ansvariga socialsekreterare familjen (alla syskon med gemensam vårdnadshavare) haft under de tolv månader som slutar periodens sista dag. God man räknas inte som familj.',
    numerator: '–',
    denominator: 'Familjer',
    periodDate: 'De tolv månaderna fram till periodens sista dag',
  },
  familiesWithOneWorker: {
    label: 'Familjer som behöll en socialsekreterare',
    definition: 'Andel familjer som haft en och samma ansvariga socialsekreterare under tolv månader.',
    numerator: 'Familjer med en',
    denominator: 'Familjer',
    periodDate: 'De tolv månaderna fram till periodens sista dag',
  },
};

/** The parts of figures (cells), by the names the figures give them; "a|b" is read part by part. */
const cells: Record<string, string> = {
  within: 'I tid',
  late: 'Försenade',
  overdue: 'Försenade, ej klara',
  extendedInTime: 'Förlängda, klara inom förlängningen',
  extendedLate: 'Förlängda, försenade ändå',
  extendedPending: 'Förlängda, pågår',
  due: 'Skulle vara klara',
  decided: 'Beslutade',
  investigated: 'Utredning',
  notInvestigated: 'Ingen utredning',
  pending: 'Bedöms fortfarande',
  assessed: 'Bedömda',
  received: 'Anmälningar',
  reportedAgain: 'Anmält igen',
  notReportedAgain: 'Inte anmält igen',
  notYetObserved: 'För tidigt att bedöma',
  observed: 'Bedömda ärenden',
  closed: 'Avslutade ärenden',
  noInvestigation: 'Ingen utredning',
  noIntervention: 'Utredning utan insats',
  afterInterventions: 'Efter insats',
  both: 'Båda',
  carePlanOnly: 'Bara vårdplan',
  implementationPlanOnly: 'Bara genomförandeplan',
  neither: 'Ingen',
  onTime: 'I tid',
  notOnTime: 'Inte i tid',
  childrenWithTalk: 'Barn med enskilt samtal',
  childrenWithoutTalk: 'Barn utan enskilt samtal',
  carriedOutInTime: 'Verkställt i tid',
  notCarriedOut: 'Inte verkställt',
  resumedInTime: 'Återupptaget i tid',
  notResumed: 'Inte återupptaget',
  fromPartnerRequest: 'Efter begäran från samverkanspart',
  bySocialServices: 'Socialtjänstens initiativ',
  started: 'Påbörjade',
  agreed: 'Överenskomna',
  one: 'En',
  two: 'Två',
  threeOrMore: 'Tre eller fler',
  school: 'Skola',
  healthCare: 'Hälso- och sjukvård',
  dentalCare: 'Tandvård',
  police: 'Polis',
  otherProfessional: 'Annan yrkesverksam',
  private: 'Privatperson',
  anonymous: 'Anonym',
  age0to5: '0–5 år',
  age6to12: '6–12 år',
  age13to17: '13–17 år',
  age18plus: '18 år och äldre',
  ageUnknown: 'Okänd ålder',
  female: 'Flicka',
  male: 'Pojke',
  unknown: 'Okänt',
  '*': 'Totalt',
  numerator: 'Täljare',
};

/** Statistics, indicators, exports and reporting in Swedish: the source and the type of every language. */
export const statisticsSv = {
  nav: 'Statistik',
  title: 'Statistik',
  intro:
    'Nyckeltal för kommunens barn- och ungdomsvård, räknade från uppgifterna i Samtak. Klicka på ett nyckeltal för definition och utveckling över tid.',
  indicators,
  cells,
  period: 'Period',
  unit: 'Enhet',
  wholeMunicipality: 'Hela kommunen',
  show: 'Visa',
  periodHint: 'År (2026), kvartal (2026-Q1) eller månad (2026-03).',
  value: 'Värde',
  numerator: 'Täljare',
  denominator: 'Nämnare',
  median: 'Median',
  mean: 'Medelvärde',
  count: 'Antal',
  part: 'Del',
  law: 'Lagrum',
  noLaw: 'Inget lagkrav; ett kvalitetsmått.',
  definition: 'Definition',
  periodDate: 'Vilket datum som avgör perioden',
  previousPeriod: 'Föregående period',
  byMonth: 'Per månad',
  month: 'Månad',
  noValue: 'Inget att mäta',
  unavailableTitle: 'Inte tillgängligt än',
  unavailable: (label: string) => `${label}: uppgifterna registreras inte i Samtak än.`,
  suppressedMark: '..',
  suppressedNote: 'Färre än fem, eller dolt för att ett sådant tal inte ska kunna räknas fram.',
  perUnitTitle: 'Per enhet',
  unitColumn: 'Enhet',
  otherWithoutUnit: 'Utan enhet',
  days: (n: string) => `${n} dagar`,
  ofTotal: (numerator: string, denominator: string) => `${numerator} av ${denominator}`,
  showRows: 'Visa barnen bakom talet',
  rowsTitle: (label: string) => `Barnen bakom: ${label}`,
  rowsIntro: 'Du ser barnen i din enhet som talet räknas från. Att du öppnat listan loggas för varje barn.',
  rowsEmpty: 'Inga barn i den här delen.',
  child: 'Barn',
  personalNumber: 'Personnummer',
  caseOrRecord: 'Ärende',
  date: 'Datum',
  cell: 'Del',
  backToIndicator: 'Tillbaka till nyckeltalet',
  backToStatistics: 'Tillbaka till statistiken',
  download: 'Ladda ner',
  downloadCsv: 'CSV',
  downloadXlsx: 'Excel (XLSX)',
  downloadTable: (what: string) => `Ladda ner ${what}`,
  summaryTable: 'Nyckeltal',
  sourceNote: (municipality: string, date: string) => `Källa: Samtak, ${municipality}, uttaget ${date}.`,
  periodNote: (period: string) => `Period: ${period}.`,
  exportPreparing: (done: number, total: number) => `Exporten förbereds … ${done} av ${total} rader.`,
  exportReady: 'Exporten är klar.',
  rangeErrors: {
    dateInvalid: 'Ange datum som ÅÅÅÅ-MM-DD.',
    endBeforeStart: 'Slutdatumet ligger före startdatumet.',
    tooLong: 'Välj en period på högst tio år.',
  },
  periodInvalid: 'Ange perioden som år (2026), kvartal (2026-Q1) eller månad (2026-03).',
  tableUnknown: 'Tabellen finns inte.',
  cellUnknown: 'Delen finns inte i nyckeltalet.',
  denyReasons: {
    otherUnit: 'Du kan bara se barnen bakom talen för din egen enhet.',
  },
  auditActions: {
    'statistics.drillDown': 'Såg barnen bakom ett nyckeltal',
    'statistics.export': 'Laddade ner statistik',
  },
};

export type StatisticsTexts = Widen<typeof statisticsSv>;
