import type { Widen } from './i18n.ts';

/** Swedish, the first language of the UI. Plain words, as the Language Act asks. */
export const sv = {
  appName: 'Samtak',
  appTagline: 'Social barn- och ungdomsvård och samverkan under samma tak',
  skipToContent: 'Hoppa till innehållet',
  mainNav: 'Huvudmeny',
  languageSwitch: 'In English',
  languageSwitchLang: 'en',
  signedInAs: (name: string, role: string) => `Inloggad som ${name} (${role})`,
  logout: 'Logga ut',
  save: 'Spara',
  cancel: 'Avbryt',
  search: 'Sök',
  yes: 'Ja',
  no: 'Nej',
  none: 'Inga',
  notGiven: 'Uppgift saknas',
  errorSummaryTitle: 'Det finns fel i formuläret',
  pager: {
    previousPage: 'Föregående sida',
    nextPage: 'Nästa sida',
    pageOf: (page: number, pages: number) => `Sida ${page} av ${pages}`,
  },
  nav: {
    home: 'Start',
  },
  roles: {
    administrator: 'Administratör',
    intakeWorker: 'Mottagningssekreterare',
    socialWorker: 'Socialsekreterare',
    manager: 'Enhetschef',
    partnerProfessional: 'Samverkanspart',
    statisticsReader: 'Statistikläsare',
    guideEditor: 'Redaktör för stödguiden',
    archivist: 'Arkivarie',
  },
  errors: {
    title: 'Något gick fel',
    notFound: 'Sidan eller uppgiften finns inte.',
    forbidden: 'Du har inte behörighet till detta.',
    badRequest: 'Uppgifterna kunde inte tas emot. Kontrollera och försök igen.',
    csrf: 'Formuläret har gått ut eller skickades inte från Samtak. Ladda om sidan och försök igen.',
    unauthorized: 'Du behöver logga in.',
    tooMany: 'För många försök. Vänta en stund och försök igen.',
    server: 'Ett oväntat fel inträffade. Försök igen om en stund.',
    conflict: 'Uppgiften finns redan.',
    tooLarge: 'Det som skickades är för stort.',
    unsupportedMedia: 'Formatet stöds inte.',
    // Text that cannot be stored (src/platform/http/schemas.ts)
    controlCharacters:
      'Texten innehåller tecken som inte kan sparas (styrtecken, till exempel från inklistrad text). Ta bort dem och försök igen.',
    invisibleCharacters:
      'Ett namn får bara innehålla synliga tecken: inga styrtecken, osynliga tecken eller tecken som vänder skrivriktningen. Skriv namnet med vanliga bokstäver.',
    badUrl: 'Adressen är felaktig. Kontrollera länken eller gå till startsidan.',
    denyReasons: {
      notSignedIn: 'Du behöver logga in.',
      secondFactorRequired: 'Du behöver logga in med din andra faktor (engångskod) först.',
      otherMunicipality: 'Uppgiften hör till en annan kommun.',
      roleNotPermitted: 'Din roll ger inte behörighet till detta.',
      wrongResource: 'Åtgärden gäller inte den här sortens uppgift.',
      reasonRequired: 'Du måste ange ett skäl (minst 10 tecken).',
    },
    field: {
      required: 'Fyll i fältet.',
      tooLong: (max: number) => `Högst ${max} tecken.`,
      invalid: 'Värdet är inte giltigt.',
    },
  },
  passwordProblems: {
    tooShort: 'Lösenordet måste ha minst 12 tecken.',
    tooLong: 'Lösenordet får ha högst 200 tecken.',
  },
  footer: {
    accessibility: 'Tillgänglighetsredogörelse',
    text: 'Samtak – ett öppet system för kommunernas sociala barn- och ungdomsvård. Alla personer i demonstrationsdata är påhittade.',
  },
};

export type Messages = Widen<typeof sv>;
