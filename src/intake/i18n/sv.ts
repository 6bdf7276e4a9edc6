import type { Widen } from '../../platform/i18n/i18n.ts';

/** Intake in Swedish (new reports, protection assessment, linking, feedback to reporters): the source every other language is translated from, and their type. */
export const intakeSv = {
  nav: 'Mottagning',
  // Intake
  intakeTitle: 'Mottagning: anmälningar',
  intakeIntro: 'Nya anmälningar, anmälningar utan skyddsbedömning och återkopplingar som ska skickas.',
  intakeEmpty: 'Inga anmälningar att hantera.',
  intakeWaiting: (n: number) => (n === 1 ? '1 anmälan väntar:' : `${n} anmälningar väntar:`),
  intakeGroupCount: {
    protection: (n: number) => `${n} behöver skyddsbedömning`,
    immediate: (n: number) => `${n} med behov av omedelbart skydd`,
    link: (n: number) => `${n} ska kopplas till ett barn`,
    feedback: (n: number) => `${n} väntar på återkoppling`,
  },
  intakeGroupName: {
    protection: 'skyddsbedömning',
    immediate: 'omedelbart skydd',
    link: 'ska kopplas till ett barn',
    feedback: 'återkoppling',
  },
  intakeShowing: (range: { from: number; to: number }, total: number) =>
    `Visar ${range.from}–${range.to} av ${total}, mest brådskande först`,
  intakePagesLabel: 'Sidor med anmälningar',
  intakePage: (page: number, from: number, to: number, groups: string[]) =>
    `Sida ${page}: ${from}–${to}, ${groups.join(', ')}`,
  received: 'Inkom',
  reporter: 'Anmälare',
  status: 'Att göra',
  reference: 'Referens',
  todo: { link: 'Koppla till barn', protection: 'Skyddsbedömning', feedback: 'Återkoppling' },
  reportDetails: 'Anmälan',
  concern: 'Oro',
  childAsReported: 'Barnet enligt anmälan',
  whereabouts: 'Var barnet finns',
  guardiansInformed: 'Vårdnadshavare informerade',
  contact: 'Kontaktuppgifter',
  organisation: 'Verksamhet',
  feedbackRequested: 'Begär återkoppling',
  channel: {
    publicForm: 'E-tjänst (allmänheten)',
    professionalForm: 'E-tjänst (yrkesverksam)',
    api: 'Annat system',
  },
  linkTitle: 'Koppla anmälan till barnet',
  linkIntro: 'Sök barnet på personnummer eller namn. Finns barnet inte i registret, registrera barnet.',
  candidates: 'Möjliga barn',
  noCandidates: 'Inget barn hittades.',
  linkThis: 'Koppla',
  registerChild: 'Registrera barnet och koppla',
  linked: 'Anmälan är kopplad till barnet.',
  joinedInvestigation: 'Anmälan är kopplad till den pågående utredningen.',
  notAChild: 'Personen var inte under 18 år när anmälan kom in.',
  protectionTitle: 'Skyddsbedömning',
  protectionIntro: 'Bedöm i dag om barnet behöver omedelbart skydd.',
  protectionOutcome: 'Behöver barnet omedelbart skydd?',
  protectionOutcomes: {
    immediateProtectionNeeded: 'Ja, barnet behöver omedelbart skydd',
    noImmediateProtection: 'Nej, inte omedelbart skydd',
  },
  protectionReasoning: 'Skäl för bedömningen',
  saveProtection: 'Spara skyddsbedömning',
  protectionSaved: 'Skyddsbedömningen är sparad.',
  assessedOn: (date: string, outcome: string) => `Bedömd ${date}: ${outcome}`,
  feedbackTitle: 'Återkoppling till anmälaren',
  feedbackIntro:
    'Anmälaren har begärt återkoppling. Skicka den utan dröjsmål, om det inte är olämpligt med hänsyn till barnet.',
  feedbackDraft: {
    openInvestigation: 'Socialtjänsten har inlett en utredning om barnet efter er anmälan.',
    noInvestigation: 'Socialtjänsten har beslutat att inte inleda någon utredning efter er anmälan.',
    ongoing: 'En utredning om barnet pågår redan. Er anmälan ingår i den.',
  },
  feedbackMode: 'Återkoppling',
  feedbackModes: {
    sent: 'Återkopplingen är skickad',
    withheld: 'Återkoppling lämnas inte (olämpligt med hänsyn till barnet)',
  },
  feedbackText: 'Text som skickades',
  withheldReason: 'Skäl till att återkoppling inte lämnas',
  saveFeedback: 'Registrera återkoppling',
  feedbackSaved: 'Återkopplingen är registrerad.',
  feedbackSent: (date: string) => `Återkoppling skickad ${date}`,
  feedbackWithheld: (date: string) => `Återkoppling lämnades inte (${date})`,
  feedbackWaiting: 'Återkoppling kan skickas när förhandsbedömningen är klar.',
  openCase: 'Öppna ärendet',
  noHistory: 'Inga tidigare anmälningar eller ärenden.',
  /** How the log review names this feature’s audited actions. */
  auditActions: {
    'report.list': 'Såg anmälan i mottagningens lista',
    'report.process': 'Handlade anmälan i mottagningen',
    'report.read': 'Öppnade anmälan',
    'report.link': 'Kopplade anmälan till barnet',
    'report.protectionAssessment': 'Gjorde skyddsbedömning',
    'report.feedback': 'Registrerade återkoppling',
  },
  /** The child's reports on the child's page. */
  childReports: {
    title: 'Anmälningar',
    intro: 'Varje anmälan om barnet, också de där ingen utredning inleddes.',
    none: 'Det finns inga anmälningar om barnet.',
    hidden: (n: number) =>
      n === 1
        ? 'Det finns ytterligare 1 anmälan som du inte har behörighet att se.'
        : `Det finns ytterligare ${n} anmälningar som du inte har behörighet att se.`,
    received: 'Inkom',
    report: 'Anmälan',
    reporter: 'Anmälare',
    protection: 'Skyddsbedömning',
    outcome: 'Vad hände sedan',
    notAssessed: 'Inte gjord',
    outcomes: {
      notLinked: 'Inte kopplad till ärende',
      pending: 'Förhandsbedömning pågår',
      openInvestigation: 'Utredning inleddes',
      noInvestigation: 'Ingen utredning inleddes',
      joined: 'Kopplad till pågående utredning',
    },
    reporterKinds: { anonymous: 'Anonym', private: 'Privatperson', professional: 'Yrkesverksam' },
    timelineKind: 'Anmälan',
    timelineText: (reference: string, reporter: string) => `Anmälan ${reference} inkom (${reporter})`,
    reportedOn: (date: string) => `Anmälde ${date}`,
  },
};

export type IntakeTexts = Widen<typeof intakeSv>;
