import type { Widen } from '../../platform/i18n/i18n.ts';

/** The documents of a child's case in Swedish: the source every other language is translated from, and their type. */
export const documentsSv = {
  sectionTitle: 'Dokument',
  sectionIntro:
    'Utredningen, beslutsbrev, kommunicering och återkoppling att skriva ut och registrera som skickade.',
  openDocuments: 'Ärendets dokument',
  title: (name: string) => `Dokument i ärendet – ${name}`,
  backToCase: 'Tillbaka till ärendet',
  backToDocuments: 'Tillbaka till ärendets dokument',
  printHint: 'Skriv ut med webbläsarens utskriftsfunktion (Ctrl+P eller Cmd+P). Välj A4 eller spara som PDF.',
  caseReference: 'Ärende',
  child: 'Barn',
  date: 'Datum',
  responsible: 'Handläggare',
  decisionMaker: 'Beslutsfattare',
  notSet: 'Inte angivet',
  recipient: 'Mottagare',
  documentsTitle: 'Dokument att skriva ut',
  noDocuments: 'Ärendet har inga dokument ännu. De kommer när beslut fattas och utredningen skrivs.',
  document: 'Dokument',
  open: 'Öppna för utskrift',
  kinds: {
    noInvestigation: 'Beslut att inte inleda utredning',
    feedback: 'Återkoppling till anmälare',
    investigation: 'Utredning',
    partyCommunication: 'Kommunicering',
    decision: 'Beslutsbrev',
  },
  methods: { letter: 'Brev', handedOver: 'Överlämnat personligen', secureEmail: 'Säker e-post' },
  // Details
  detailsTitle: 'Förslag och ansökan',
  detailsIntro:
    'Förslaget till beslut står i utredningen och i kommuniceringen. Om beslutet svarade på en ansökan avgör om beslutsbrevet ska säga hur man överklagar.',
  proposal: 'Förslag till beslut',
  proposalHint: 'Skrivs i utredningen och kommuniceringen. Lämnas det tomt används utredningens slutsats.',
  application: 'Svarade beslutet på en ansökan?',
  applicationAnswers: {
    none: 'Nej, ingen ansökan (nämnden utredde på eget initiativ)',
    grantedInFull: 'Ja, och det som söktes beviljades helt',
    partlyOrRefused: 'Ja, och det som söktes beviljades delvis eller avslogs',
  },
  appliedFor: 'Vad ansökte familjen om?',
  saveDetails: 'Spara',
  detailsSaved: 'Förslag och ansökan sparade.',
  // Dispatch
  dispatchTitle: 'Registrera att ett dokument har skickats',
  dispatchDocument: 'Dokument och mottagare',
  chooseOne: 'Välj',
  method: 'Hur skickades det?',
  sentOn: 'Datum då det skickades eller lämnades',
  sentOnHint: 'ÅÅÅÅ-MM-DD',
  note: 'Anteckning (valfri)',
  noteHint: 'Till exempel adress, eller att ett tidigare registrerat utskick var fel.',
  recordDispatch: 'Registrera',
  dispatchSaved: 'Utskicket är registrerat.',
  dispatchesTitle: 'Skickat',
  noDispatches: 'Inget dokument är registrerat som skickat.',
  recordedBy: 'Registrerat av',
  dispatchErrors: {
    chooseDocument: 'Välj vilket dokument som skickades och till vem.',
    chooseMethod: 'Välj hur dokumentet skickades.',
    dateInvalid: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-14.',
    dateInFuture: 'Datumet kan inte vara senare än i dag.',
    beforeDocument: 'Dokumentet kan inte ha skickats före sitt eget datum.',
    tooLong: 'Anteckningen får vara högst 1 000 tecken.',
  },
  detailsErrors: {
    chooseAnswer: 'Välj om beslutet svarade på en ansökan.',
    appliedForRequired: 'Skriv vad familjen ansökte om.',
    tooLong: 'Texten är för lång.',
  },
  // Letters, shared
  committee: 'Socialnämnden',
  childsCase: (name: string, number: string) => `Ärendet gäller: ${name}, ${number}`,
  contactLine: (name: string) => `Har du frågor? Kontakta ${name}, handläggare.`,
  // Investigation
  investigationHeading: 'Utredning om barns behov av skydd eller stöd',
  investigationLaw:
    'Utredning enligt 20 kap. 1 och 3 §§ socialtjänstlagen (2025:400), dokumenterad enligt BBIC.',
  openedOn: (date: string) => `Utredningen inleddes ${date}.`,
  reasonForInvestigation: 'Anledning till utredningen',
  reportLine: (reference: string, date: string) => `Anmälan ${reference}, inkom ${date}`,
  bbicNeeds: 'Barnets behov och utveckling',
  bbicParents: 'Föräldrarnas förmåga',
  bbicFamily: 'Familj och miljö',
  childsAccount: 'Barnets egen berättelse',
  heardOn: (date: string) => `Samtal ${date}`,
  childNotHeard: (reason: string) => `Barnet har inte hörts: ${reason}`,
  noAccount: 'Barnets berättelse är inte dokumenterad.',
  analysis: 'Analys och bedömning',
  notWritten: 'Inte skrivet.',
  // Party communication
  communicationHeading: 'Kommunicering – du får yttra dig innan beslut fattas',
  communicationIntro:
    'Socialnämnden ska snart fatta beslut i ärendet. Innan dess har du rätt att få veta vad som har kommit fram och att lämna synpunkter (25 § förvaltningslagen, 14 kap. 10 § socialtjänstlagen).',
  communicationAnswer: (date: string) => `Vill du lämna synpunkter ska de ha kommit in senast ${date}.`,
  communicationHow:
    'Du kan skriva till socialnämnden eller ringa handläggaren och lämna dina synpunkter muntligt. Om du inte hör av dig fattas beslut utan dina synpunkter.',
  // Decision letter
  decisionHeading: 'Beslut',
  decidedOn: (date: string) => `Beslutet fattades ${date}.`,
  whatDecided: 'Vad har beslutats?',
  outcomes: {
    interventions: 'Socialnämnden beviljar insatser:',
    noIntervention: 'Utredningen avslutas utan insats.',
  },
  appliedForLine: (text: string) => `Ansökan gällde: ${text}`,
  grounds: 'Skäl för beslutet',
  groundsLaw: 'Motivering enligt 32 § förvaltningslagen.',
  legalBasisInterventions: (oldAct: boolean) =>
    `Beslutet är fattat med stöd av ${oldAct ? '4 kap. 1 § socialtjänstlagen (2001:453)' : '11 kap. 1 § socialtjänstlagen (2025:400)'}.`,
  appealHeading: 'Så överklagar du',
  /** One paragraph per line. */
  appealText: (municipality: string) =>
    [
      'Du kan överklaga beslutet till förvaltningsrätten.',
      `Skriv ditt överklagande till förvaltningsrätten men skicka eller lämna det till Socialnämnden i ${municipality}.`,
      'Överklagandet ska ha kommit in till socialnämnden inom tre veckor från den dag då du fick del av beslutet.',
      'Skriv vilket beslut du överklagar, hur du vill att det ska ändras och varför. Skriv under och skriv ditt namn, din adress och ditt telefonnummer.',
      'Socialnämnden prövar först om beslutet ska ändras och skickar sedan överklagandet till förvaltningsrätten.',
    ].join('\n'),
  appealLaw: (ground: string, procedure: string) => `Lagrum: ${ground}; ${procedure}.`,
  notAppealableHeading: 'Kan beslutet överklagas?',
  notAppealable: {
    initialAssessment:
      'Nej. Ett beslut att inte inleda en utredning kan inte överklagas. Om situationen förändras kan du själv söka stöd hos socialtjänsten.',
    openInvestigation: 'Nej. Ett beslut att inleda en utredning kan inte överklagas.',
    grantedInFull:
      'Nej. Du har fått det du ansökte om, och ett beslut som inte har gått dig emot kan inte överklagas (42 § förvaltningslagen).',
    noInterventionWithoutApplication:
      'Nej. Beslutet att avsluta utredningen utan insats kan inte överklagas. Du kan när som helst själv ansöka om stöd.',
  },
  // Not opening an investigation
  noInvestigationHeading: 'Beslut att inte inleda utredning',
  noInvestigationLaw: 'Förhandsbedömning enligt 20 kap. 2 § socialtjänstlagen (2025:400).',
  noInvestigationText: (date: string) =>
    `Socialnämnden har ${date} beslutat att inte inleda en utredning om barnets behov av skydd eller stöd.`,
  reasons: 'Skäl för beslutet',
  // Feedback
  feedbackHeading: 'Återkoppling på er anmälan',
  feedbackAbout: (reference: string, date: string) => `Er anmälan ${reference}, som kom in ${date}.`,
  feedbackOutcome: {
    openInvestigation: 'Socialnämnden har beslutat att inleda en utredning.',
    noInvestigation: 'Socialnämnden har beslutat att inte inleda en utredning.',
    ongoing: 'Det pågår redan en utredning om barnet.',
  },
  feedbackLaw:
    'Återkopplingen lämnas enligt 19 kap. 6 § socialtjänstlagen (2025:400). Mer än så kan vi inte berätta, av sekretesskäl (26 kap. 1 § offentlighets- och sekretesslagen).',
  feedbackThanks: 'Tack för att ni hörde av er. Hör av er igen om ni på nytt känner oro för barnet.',
  auditRecordTypes: {
    documentRecipient: 'Mottagare av ärendets dokument',
    documentDispatch: 'Utskick av dokument',
  },
  auditActions: {
    'document.read': 'Öppnade ärendets dokument',
    'document.dispatch': 'Registrerade att ett dokument skickats',
    'document.recordApplication': 'Angav förslag och ansökan för dokumenten',
  },
};

export type DocumentsTexts = Widen<typeof documentsSv>;
