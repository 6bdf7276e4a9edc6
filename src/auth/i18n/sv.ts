import type { Widen } from '../../platform/i18n/i18n.ts';

/** Login, second factor and password change in Swedish: the source every other language is translated from, and their type. */
export const authSv = {
  login: {
    title: 'Logga in',
    intro: 'Logga in med ditt användarnamn och lösenord. Därefter anger du en engångskod från din app.',
    municipality: 'Kommun',
    chooseMunicipality: 'Välj kommun',
    ambiguous: 'Välj din kommun: användarnamnet finns i flera kommuner.',
    username: 'Användarnamn',
    password: 'Lösenord',
    submit: 'Logga in',
    oidc: 'Logga in med e-legitimation (SITHS, Freja)',
    or: 'eller',
    failed: 'Fel användarnamn eller lösenord.',
    locked: (minutes: number) =>
      `Kontot är spärrat härifrån efter för många misslyckade försök. Försök igen om ${minutes === 1 ? '1 minut' : `${minutes} minuter`} eller kontakta din administratör.`,
    inactive: 'Kontot är inaktiverat. Kontakta din administratör.',
    oidcFailed: 'Inloggningen med e-legitimation misslyckades. Försök igen.',
    oidcUnknownUser:
      'Det finns inget konto i Samtak för den här e-legitimationen. Kontakta din administratör.',
    loggedOut: 'Du är utloggad.',
    sessionExpired: 'Du har loggats ut efter 30 minuter utan aktivitet.',
    guideLink: 'Söker du stöd för barn, unga och familjer? Till stödguiden',
  },
  totp: {
    title: 'Engångskod',
    intro: 'Ange den sexsiffriga koden från din autentiseringsapp.',
    code: 'Engångskod',
    codeHint: 'Sex siffror, till exempel 123456.',
    submit: 'Fortsätt',
    failed: 'Koden stämmer inte eller har redan använts. Vänta på nästa kod och försök igen.',
    enrolTitle: 'Skapa din andra faktor',
    enrolIntro:
      'Din roll ger tillgång till personuppgifter och kräver en andra faktor. Skanna QR-koden med en autentiseringsapp, eller skriv in nyckeln, och ange sedan koden som appen visar.',
    secretLabel: 'Nyckel att skriva in i appen',
    qrAlt: 'QR-kod med nyckeln för autentiseringsappen',
  },
  password: {
    changeTitle: 'Byt lösenord',
    changeIntro: 'Välj ett nytt lösenord innan du fortsätter. Det ska ha minst 12 tecken.',
    current: 'Nuvarande lösenord',
    new: 'Nytt lösenord',
    repeat: 'Upprepa det nya lösenordet',
    mismatch: 'Lösenorden är inte lika.',
    wrongCurrent: 'Det nuvarande lösenordet stämmer inte.',
    sameAsOld: 'Välj ett annat lösenord än det tillfälliga.',
    changed: 'Lösenordet är bytt.',
  },
  /** How the log review names this feature’s audited actions. */
  auditActions: {
    'auth.login': 'Inloggning',
    'auth.secondFactor': 'Engångskod vid inloggning',
    'auth.passwordChange': 'Byte av lösenord',
    'auth.secondFactorEnrolled': 'Registrerade andra faktor (engångskoder)',
    'auth.passwordChanged': 'Bytte lösenord',
  },
  /** How the log review names the reasons of login events. */
  auditReasons: {
    throttled: 'För många försök, tillfälligt spärrat',
    lockedOut: 'Spärrades efter för många försök',
    wrongCredentials: 'Fel användarnamn eller lösenord',
    wrongCode: 'Fel engångskod',
    inactive: 'Kontot är inaktiverat',
    oidc: 'Med e-legitimation (OIDC)',
    passwordExpired: 'Lösenordet hade gått ut',
  },
};

export type AuthTexts = Widen<typeof authSv>;
