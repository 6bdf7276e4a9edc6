import type { Widen } from '../../platform/i18n/i18n.ts';

/** The concern-report e-service in Swedish: the source every other language is translated from, and their type. */
export const reportsSv = {
  title: 'Gör en orosanmälan om ett barn',
  professionalTitle: 'Orosanmälan från yrkesverksam',
  intro:
    'Är du orolig för att ett barn far illa kan du anmäla det till socialtjänsten här. Du behöver inte logga in och du kan vara anonym.',
  emergency: 'Är barnet i akut fara? Ring 112.',
  outsideHours:
    'Utanför kontorstid tar socialjouren emot anmälningar som inte kan vänta. Ring kommunens växel eller 112.',
  outsideHoursPhone: (phone: string) =>
    `Utanför kontorstid tar socialjouren emot anmälningar som inte kan vänta. Ring kommunens växel, ${phone}, eller 112.`,
  whatToWriteTitle: 'Vad ska jag skriva?',
  whatToWrite: [
    'Vad du har sett eller hört, och när det hände.',
    'Vad barnet själv har sagt, gärna med barnets egna ord.',
    'Varför du är orolig just nu.',
    'Du behöver inte veta säkert att barnet far illa. Du ska inte själv utreda eller prata med föräldrarna om anmälan.',
  ],
  whatHappensTitle: 'Vad händer sedan?',
  whatHappens: [
    'Samma dag bedömer socialtjänsten om barnet behöver skydd direkt.',
    'Inom 14 dagar beslutar socialtjänsten om en utredning ska inledas.',
    'Socialtjänsten kan kontakta dig om du har lämnat dina uppgifter. Vårdnadshavare har oftast rätt att läsa anmälan.',
    'Yrkesverksamma som begär det får veta om en utredning har inletts, inte inletts eller redan pågår.',
  ],
  professionalLink:
    'Är du yrkesverksam (skola, hälso- och sjukvård, tandvård, polis)? Använd formuläret för yrkesverksamma.',
  publicLink: 'Är du privatperson? Använd formuläret för allmänheten.',
  professionalIntro:
    'Du som arbetar med barn är skyldig att genast anmäla om du får kännedom om eller misstänker att ett barn far illa. Anmälan kan inte göras anonymt.',
  aboutYou: 'Om dig som anmäler',
  reporterKind: 'Vill du lämna ditt namn?',
  reporterKindAnonymous: 'Nej, jag vill vara anonym',
  reporterKindPrivate: 'Ja, jag lämnar mitt namn',
  anonymousHint:
    'Som anonym kan du inte få återkoppling och socialtjänsten kan inte ställa frågor till dig. Namn, telefonnummer och e-post skickas då inte med.',
  reporterName: 'Ditt namn',
  reporterPhone: 'Telefonnummer',
  reporterEmail: 'E-postadress',
  reporterOrganisation: 'Verksamhet (till exempel skolans eller vårdcentralens namn)',
  reporterOrganisationKind: 'Typ av verksamhet',
  reporterTitle: 'Din roll eller titel',
  feedbackRequested: 'Jag vill ha återkoppling om utredning inleds, inte inleds eller redan pågår',
  aboutChild: 'Om barnet',
  childGivenName: 'Barnets förnamn',
  childFamilyName: 'Barnets efternamn',
  childPersonalNumber: 'Barnets personnummer (om du vet det)',
  childBirthDate: 'Barnets födelsedatum (om du inte vet personnumret)',
  childBirthDateHint: 'Format ÅÅÅÅ-MM-DD.',
  childWhereabouts: 'Var finns barnet? (till exempel adress, skola eller förskola)',
  concern: 'Beskriv din oro',
  concernHint: 'Skriv vad du har sett eller hört, när det hände och vad barnet har sagt. Minst 20 tecken.',
  guardiansInformed: 'Vet vårdnadshavarna om att du gör en anmälan?',
  guardiansInformedOptions: { unknown: 'Vet inte', yes: 'Ja', no: 'Nej' },
  honeypot: 'Lämna det här fältet tomt',
  submit: 'Skicka anmälan',
  organisationKinds: {
    school: 'Förskola eller skola',
    healthCare: 'Hälso- och sjukvård',
    dentalCare: 'Tandvård',
    police: 'Polis',
    other: 'Annan verksamhet',
  },
  receiptTitle: 'Tack, anmälan är mottagen',
  receiptReference: 'Ditt referensnummer',
  receiptReceivedAt: (when: string) => `Mottagen ${when}.`,
  receiptStatusAddress: 'Här kan du se hur långt anmälan har kommit:',
  receiptPrint: 'Skriv ut kvittot eller skriv av referensnumret och adressen.',
  anonymousDrops: (fields: string) =>
    `Du har valt att vara anonym. Det du skrev i de här fälten skickas därför inte med: ${fields}. Vill du att socialtjänsten ska kunna nå dig, välj ”Ja, jag lämnar mitt namn”. Annars skickar du anmälan som anonym med knappen nedan.`,
  anonymousDropsTitle: 'Kontrollera innan du skickar',
  receiptKeep: 'Spara numret. Med det kan du se hur långt handläggningen har kommit.',
  receiptNext:
    'Socialtjänsten bedömer i dag om barnet behöver skydd direkt och beslutar inom 14 dagar om en utredning ska inledas.',
  statusTitle: 'Se hur långt din anmälan har kommit',
  statusReference: 'Referensnummer',
  statusReferenceHint: 'Åtta tecken, till exempel 7KQ2-M9XD.',
  statusCheck: 'Visa',
  statusNotFound: 'Vi hittar ingen anmälan med det referensnumret. Kontrollera numret.',
  statusInvalid: 'Ange referensnumret från kvittot, åtta tecken.',
  stage: {
    received: 'Mottagen. Anmälan väntar på bedömning.',
    inAssessment: 'Under bedömning.',
    assessed:
      'Bedömningen är klar. Har du begärt återkoppling som yrkesverksam får du den från socialtjänsten.',
  },
  statusPrivacy: 'Av sekretesskäl visas inget om barnet eller om vad som har beslutats.',
  chooseMunicipality: 'Välj kommun',
  /** The administrator's settings for the form. */
  settings: {
    title: 'Inställningar för orosanmälan',
    intro:
      'E-tjänsten för orosanmälan hänvisar till kommunens växel utanför kontorstid. Ange numret här så att det står på formuläret.',
    switchboardPhone: 'Kommunens växel',
    switchboardPhoneHint: 'Till exempel 0123-45 67 00.',
    phoneInvalid: 'Ange telefonnumret med siffror, till exempel 0123-45 67 00.',
    save: 'Spara',
    saved: 'Inställningen är sparad.',
  },
  errors: {
    needChild: 'Skriv barnets namn, personnummer eller var barnet finns.',
    needContact: 'Ange telefonnummer eller e-postadress så att socialtjänsten kan nå dig.',
    brokenText: 'Texten innehåller tecken som inte kan läsas. Skriv om texten och försök igen.',
    markup: 'Texten får inte innehålla kod eller HTML-taggar.',
    tooShort: (min: number) => `Skriv minst ${min} tecken.`,
    emailInvalid: 'Ange en giltig e-postadress.',
    phoneInvalid: 'Ange telefonnumret med siffror, till exempel 070-123 45 67.',
    birthDateInvalid: 'Ange ett riktigt datum i formatet ÅÅÅÅ-MM-DD, inte i framtiden.',
    refused: 'Anmälan kunde inte tas emot.',
  },
  /** How the log review names this feature’s audited actions. */
  auditActions: {
    'report.submit': 'Anmälan kom in',
    'report.checkStatus': 'Status för anmälan visades',
  },
  /** How the log review names the ways a report came in. */
  auditReasons: {
    publicForm: 'Via e-tjänsten för allmänheten',
    professionalForm: 'Via formuläret för yrkesverksamma',
    api: 'Via en annan organisations system (API)',
  },
  /** How the log review names the kinds of record this feature’s events concern. */
  auditRecordTypes: {
    report: 'Orosanmälan',
    reportSettings: 'Inställningar för orosanmälan',
  },
};

export type ReportsTexts = Widen<typeof reportsSv>;
