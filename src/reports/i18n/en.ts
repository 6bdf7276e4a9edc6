import type { ReportsTexts } from './sv.ts';

export const reportsEn: ReportsTexts = {
  title: 'Report a concern about a child',
  professionalTitle: 'Concern report from a professional',
  intro:
    'If you are worried that a child is being harmed, you can report it to social services here. You do not need to log in and you may stay anonymous.',
  emergency: 'Is the child in immediate danger? Call 112.',
  outsideHours:
    'Outside office hours, the social emergency service takes reports that cannot wait. Call the municipality or 112.',
  outsideHoursPhone: (phone: string) =>
    `Outside office hours, the social emergency service takes reports that cannot wait. Call the municipality's switchboard, ${phone}, or 112.`,
  whatToWriteTitle: 'What should I write?',
  whatToWrite: [
    'What you have seen or heard, and when it happened.',
    "What the child has said, in the child's own words if you can.",
    'Why you are worried right now.',
    'You do not need to be sure that the child is being harmed. Do not investigate yourself or talk to the parents about the report.',
  ],
  whatHappensTitle: 'What happens next?',
  whatHappens: [
    'The same day, social services assess whether the child needs protection at once.',
    'Within 14 days, social services decide whether to open an investigation.',
    'Social services may contact you if you gave your details. Guardians usually have the right to read the report.',
    'Professionals who ask for it are told whether an investigation was opened, not opened or is already ongoing.',
  ],
  professionalLink:
    'Are you a professional (school, health care, dental care, police)? Use the form for professionals.',
  publicLink: 'Are you a private person? Use the form for the public.',
  professionalIntro:
    'If you work with children you must report at once when you learn of or suspect that a child is being harmed. The report cannot be anonymous.',
  aboutYou: 'About you',
  reporterKind: 'Do you want to give your name?',
  reporterKindAnonymous: 'No, I want to stay anonymous',
  reporterKindPrivate: 'Yes, I give my name',
  anonymousHint:
    'If you stay anonymous you cannot get feedback, and social services cannot ask you questions. Your name, phone number and e-mail are then not sent.',
  reporterName: 'Your name',
  reporterPhone: 'Phone number',
  reporterEmail: 'E-mail address',
  reporterOrganisation: 'Organisation (for example the name of the school or health centre)',
  reporterOrganisationKind: 'Kind of organisation',
  reporterTitle: 'Your role or title',
  feedbackRequested: 'I want feedback on whether an investigation is opened, not opened or already ongoing',
  aboutChild: 'About the child',
  childGivenName: "Child's first name",
  childFamilyName: "Child's last name",
  childPersonalNumber: "Child's personal identity number (if you know it)",
  childBirthDate: "Child's date of birth (if you do not know the number)",
  childBirthDateHint: 'Format YYYY-MM-DD.',
  childWhereabouts: 'Where is the child? (for example address, school or preschool)',
  concern: 'Describe your concern',
  concernHint:
    'Write what you have seen or heard, when it happened and what the child has said. At least 20 characters.',
  guardiansInformed: 'Do the guardians know that you are making a report?',
  guardiansInformedOptions: { unknown: "Don't know", yes: 'Yes', no: 'No' },
  honeypot: 'Leave this field empty',
  submit: 'Send the report',
  organisationKinds: {
    school: 'Preschool or school',
    healthCare: 'Health care',
    dentalCare: 'Dental care',
    police: 'Police',
    other: 'Other organisation',
  },
  receiptTitle: 'Thank you, the report has been received',
  receiptReference: 'Your reference number',
  receiptReceivedAt: (when: string) => `Received ${when}.`,
  receiptStatusAddress: 'Here you can see how far the report has come:',
  receiptPrint: 'Print the receipt or write down the reference number and the address.',
  anonymousDrops: (fields: string) =>
    `You have chosen to be anonymous. What you wrote in these fields will therefore not be sent: ${fields}. If you want social services to be able to reach you, choose “Yes, I give my name”. Otherwise send the report anonymously with the button below.`,
  anonymousDropsTitle: 'Check before you send',
  receiptKeep: 'Keep the number. With it you can see how far the handling has come.',
  receiptNext:
    'Today social services assess whether the child needs protection at once, and within 14 days they decide whether to open an investigation.',
  statusTitle: 'See how far your report has come',
  statusReference: 'Reference number',
  statusReferenceHint: 'Eight characters, for example 7KQ2-M9XD.',
  statusCheck: 'Show',
  statusNotFound: 'We find no report with that reference number. Check the number.',
  statusInvalid: 'Enter the reference number from the receipt, eight characters.',
  stage: {
    received: 'Received. The report is waiting to be assessed.',
    inAssessment: 'Being assessed.',
    assessed:
      'The assessment is done. If you asked for feedback as a professional, social services will give it to you.',
  },
  statusPrivacy: 'For reasons of confidentiality nothing is shown about the child or what was decided.',
  settings: {
    title: 'Settings for concern reports',
    intro:
      "The concern-report e-service refers to the municipality's switchboard outside office hours. Enter the number here so that the form gives it.",
    switchboardPhone: "The municipality's switchboard",
    switchboardPhoneHint: 'For example 0123-45 67 00.',
    phoneInvalid: 'Enter the phone number in digits, for example 0123-45 67 00.',
    save: 'Save',
    saved: 'The setting has been saved.',
  },
  chooseMunicipality: 'Choose a municipality',
  errors: {
    needChild: "Write the child's name, personal identity number or where the child is.",
    needContact: 'Give a phone number or e-mail address so that social services can reach you.',
    brokenText: 'The text contains characters that cannot be read. Write the text again and retry.',
    markup: 'The text must not contain code or HTML tags.',
    tooShort: (min: number) => `Write at least ${min} characters.`,
    emailInvalid: 'Enter a valid e-mail address.',
    phoneInvalid: 'Enter the phone number in digits, for example 070-123 45 67.',
    birthDateInvalid: 'Enter a real date as YYYY-MM-DD, not in the future.',
    refused: 'The report could not be received.',
  },
  /** How the log review names this feature’s audited actions. */
  auditActions: {
    'report.submit': 'Report received',
    'report.checkStatus': 'Report status shown',
  },
  /** How the log review names the ways a report came in. */
  auditReasons: {
    publicForm: 'Through the public e-service',
    professionalForm: 'Through the form for professionals',
    api: 'Through another organisation’s system (API)',
  },
  /** How the log review names the kinds of record this feature’s events concern. */
  auditRecordTypes: {
    report: 'Concern report',
    reportSettings: 'Settings for concern reports',
  },
};
