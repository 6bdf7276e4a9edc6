import { textsFor, type Widen } from '../../platform/i18n/i18n.ts';

/** The texts of temporary moving bans on the placement page (27–30 §§ LVU; migration 0023, decision 0113). */
const sv = {
  title: 'Tillfälligt flyttningsförbud',
  intro:
    'Nämnden beslutar om tillfälligt flyttningsförbud när ett flyttningsförbud sannolikt behövs och rättens beslut inte kan avvaktas; ordföranden eller en förordnad ledamot när nämndens beslut inte kan avvaktas, och beslutet anmäls vid nästa sammanträde (27 § LVU). Aldrig en tjänsteman (30 kap. 7 § 11 SoL). Beslutet underställs förvaltningsrätten inom en vecka (28 § LVU), och efter rättens fastställelse ansöker nämnden om flyttningsförbud inom två veckor (29 § LVU), annars upphör förbudet (30 § LVU).',
  none: 'Inga beslut om tillfälligt flyttningsförbud.',
  decided: (on: string) => `Beslutat ${on}`,
  inForce: 'Gäller',
  ended: (on: string) => `Upphörde ${on}`,
  endReasons: {
    notSubmitted: 'beslutet underställdes inte förvaltningsrätten inom en vecka (28 § LVU)',
    notConfirmed: 'förvaltningsrätten fastställde inte beslutet',
    notApplied: 'ansökan om flyttningsförbud gjordes inte inom två veckor (30 § första stycket 1 LVU)',
    banDecided: 'rätten avgjorde frågan om flyttningsförbud (30 § första stycket 2 LVU)',
    lifted: 'nämnden beslutade att förbudet skulle upphöra (30 § andra stycket LVU)',
  },
  submittedOn: (on: string) => `underställt förvaltningsrätten ${on}`,
  confirmedOn: (on: string) => `fastställt av förvaltningsrätten ${on}`,
  notConfirmedOn: (on: string) => `inte fastställt av förvaltningsrätten ${on}`,
  appliedOn: (on: string) => `ansökan om flyttningsförbud ${on}`,
  reportedOn: (on: string) => `anmält vid nämndens sammanträde ${on}`,
  toReport: 'Ordförandens beslut ska anmälas vid nämndens nästa sammanträde (27 § andra stycket LVU).',
  dueBy: (what: string, on: string) => `${what} senast ${on}`,
  record: 'Registrera tillfälligt flyttningsförbud',
  decidedOn: 'Beslutsdatum',
  decidedBy: 'Beslutsfattare',
  decidedByName: 'Namn på nämnd, utskott, ledamot eller domstol',
  protocol: 'Paragraf, protokoll- eller målnummer',
  courtHint:
    'Rätten beslutar om tillfälligt flyttningsförbud först när nämnden har ansökt om flyttningsförbud (27 § tredje stycket LVU).',
  stepTitle: 'Registrera nästa steg',
  stepBan: 'Vilket förbud',
  step: 'Steg',
  steps: {
    submitted: 'Underställt förvaltningsrätten',
    confirmed: 'Förvaltningsrätten fastställde förbudet',
    notConfirmed: 'Förvaltningsrätten fastställde inte förbudet',
    applied: 'Nämnden ansökte om flyttningsförbud',
    reported: 'Ordförandens beslut anmält vid nämndens sammanträde',
    lifted: 'Förbudet ska upphöra (30 § andra stycket LVU)',
  },
  stepOn: 'Datum',
  stepByHint: 'För ansökan och upphörande: vem som beslutade.',
  application: 'Ansökan om flyttningsförbud',
  newApplication: 'Ny ansökan (registreras som ansökan om flyttningsförbud)',
  existingApplication: (on: string) => `Ansökan som redan är registrerad, ${on}`,
  reason: 'Skäl till att förbudet upphör',
  saved: 'Det tillfälliga flyttningsförbudet är registrerat.',
  stepSaved: 'Steget är registrerat.',
  refusals: {
    temporaryBanEnded: 'Förbudet hade redan upphört den dagen.',
    stepAlreadyRecorded: 'Det steget är redan registrerat för förbudet.',
    stepNotForCourtBan: 'Rättens eget tillfälliga förbud underställs inte och fastställs inte.',
    notChairDecision: 'Bara ordförandens eller en förordnad ledamots beslut anmäls till nämnden.',
    courtTemporaryBanWithoutApplication:
      'Rätten beslutar om tillfälligt flyttningsförbud först när nämnden har ansökt om flyttningsförbud (27 § tredje stycket LVU). Registrera ansökan först.',
  },
  auditActions: {
    'placementTemporaryBan.create': 'Registrerade tillfälligt flyttningsförbud',
    'placementTemporaryBan.update': 'Registrerade ett steg i ett tillfälligt flyttningsförbud',
  } as Record<string, string>,
};

type TemporaryBanTexts = Widen<typeof sv>;

const en: TemporaryBanTexts = {
  title: 'Temporary moving ban',
  intro:
    'The committee decides a temporary moving ban when a moving ban is probably needed and the court’s decision cannot be awaited; its chair or an appointed member when the committee cannot be awaited, reported at its next meeting (LVU section 27). Never an official (SoL chapter 30 section 7 point 11). The decision is put before the administrative court within a week (LVU section 28), and once the court confirms it the committee applies for a moving ban within two weeks (LVU section 29), or the ban ends (LVU section 30).',
  none: 'No decisions on temporary moving bans.',
  decided: (on: string) => `Decided ${on}`,
  inForce: 'In force',
  ended: (on: string) => `Ended ${on}`,
  endReasons: {
    notSubmitted: 'the decision was not put before the administrative court within a week (LVU section 28)',
    notConfirmed: 'the administrative court did not confirm the decision',
    notApplied: 'no application for a moving ban within two weeks (LVU section 30 first paragraph 1)',
    banDecided: 'the court decided the question of a moving ban (LVU section 30 first paragraph 2)',
    lifted: 'the committee decided the ban was to end (LVU section 30 second paragraph)',
  },
  submittedOn: (on: string) => `put before the administrative court ${on}`,
  confirmedOn: (on: string) => `confirmed by the administrative court ${on}`,
  notConfirmedOn: (on: string) => `not confirmed by the administrative court ${on}`,
  appliedOn: (on: string) => `application for a moving ban ${on}`,
  reportedOn: (on: string) => `reported at the committee’s meeting ${on}`,
  toReport:
    'The chair’s decision is to be reported at the committee’s next meeting (LVU section 27 second paragraph).',
  dueBy: (what: string, on: string) => `${what} by ${on}`,
  record: 'Record a temporary moving ban',
  decidedOn: 'Decision date',
  decidedBy: 'Decision-maker',
  decidedByName: 'Name of the committee, subcommittee, member or court',
  protocol: 'Minute, protocol or case number',
  courtHint:
    'The court decides a temporary moving ban only once the committee has applied for a moving ban (LVU section 27 third paragraph).',
  stepTitle: 'Record the next step',
  stepBan: 'Which ban',
  step: 'Step',
  steps: {
    submitted: 'Put before the administrative court',
    confirmed: 'The administrative court confirmed the ban',
    notConfirmed: 'The administrative court did not confirm the ban',
    applied: 'The committee applied for a moving ban',
    reported: 'The chair’s decision reported at the committee’s meeting',
    lifted: 'The ban is to end (LVU section 30 second paragraph)',
  },
  stepOn: 'Date',
  stepByHint: 'For the application and the ending: who decided.',
  application: 'Application for a moving ban',
  newApplication: 'A new application (recorded as an application for a moving ban)',
  existingApplication: (on: string) => `An application already recorded, ${on}`,
  reason: 'Why the ban ends',
  saved: 'The temporary moving ban is recorded.',
  stepSaved: 'The step is recorded.',
  refusals: {
    temporaryBanEnded: 'The ban had already ended on that day.',
    stepAlreadyRecorded: 'That step is already recorded for the ban.',
    stepNotForCourtBan: 'The court’s own temporary ban is not put before the court nor confirmed.',
    notChairDecision: 'Only a decision of the chair or an appointed member is reported to the committee.',
    courtTemporaryBanWithoutApplication:
      'The court decides a temporary moving ban only once the committee has applied for a moving ban (LVU section 27 third paragraph). Record the application first.',
  },
  auditActions: {
    'placementTemporaryBan.create': 'Recorded a temporary moving ban',
    'placementTemporaryBan.update': 'Recorded a step of a temporary moving ban',
  },
};

/** The temporary moving ban texts in the user's language. */
export const temporaryBanTexts = textsFor<TemporaryBanTexts>({ sv, en });
