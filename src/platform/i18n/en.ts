import type { Messages } from './sv.ts';

/** English, the second language of the UI. */
export const en: Messages = {
  appName: 'Samtak',
  appTagline: 'Social child and youth care and collaboration under the same roof',
  skipToContent: 'Skip to main content',
  mainNav: 'Main menu',
  languageSwitch: 'På svenska',
  languageSwitchLang: 'sv',
  signedInAs: (name: string, role: string) => `Signed in as ${name} (${role})`,
  logout: 'Sign out',
  save: 'Save',
  cancel: 'Cancel',
  search: 'Search',
  yes: 'Yes',
  no: 'No',
  none: 'None',
  notGiven: 'Not recorded',
  errorSummaryTitle: 'There is a problem with the form',
  pager: {
    previousPage: 'Previous page',
    nextPage: 'Next page',
    pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  },
  nav: {
    home: 'Home',
  },
  roles: {
    administrator: 'Administrator',
    intakeWorker: 'Intake worker',
    socialWorker: 'Social worker',
    manager: 'Unit manager',
    partnerProfessional: 'Partner professional',
    statisticsReader: 'Statistics reader',
    guideEditor: 'Support guide editor',
    archivist: 'Archivist',
  },
  errors: {
    title: 'Something went wrong',
    notFound: 'The page or information does not exist.',
    forbidden: 'You do not have permission to do this.',
    badRequest: 'The information could not be accepted. Check it and try again.',
    csrf: 'The form has expired or was not sent from Samtak. Reload the page and try again.',
    unauthorized: 'You need to sign in.',
    tooMany: 'Too many attempts. Wait a moment and try again.',
    server: 'An unexpected error occurred. Try again in a while.',
    conflict: 'This already exists.',
    tooLarge: 'What was sent is too large.',
    unsupportedMedia: 'The format is not supported.',
    // Text that cannot be stored (src/platform/http/schemas.ts)
    controlCharacters:
      'The text contains characters that cannot be stored (control characters, for example from pasted text). Remove them and try again.',
    invisibleCharacters:
      'A name may only contain visible characters: no control characters, invisible characters or characters that reverse the writing direction. Write the name with ordinary letters.',
    badUrl: 'The address is malformed. Check the link or go to the start page.',
    denyReasons: {
      notSignedIn: 'You need to sign in.',
      secondFactorRequired: 'You need to sign in with your second factor (one-time code) first.',
      otherMunicipality: 'This information belongs to another municipality.',
      roleNotPermitted: 'Your role does not give access to this.',
      wrongResource: 'The action does not apply to this kind of information.',
      reasonRequired: 'You must give a reason (at least 10 characters).',
    },
    field: {
      required: 'Fill in this field.',
      tooLong: (max: number) => `At most ${max} characters.`,
      invalid: 'The value is not valid.',
    },
  },
  passwordProblems: {
    tooShort: 'The password must have at least 12 characters.',
    tooLong: 'The password may have at most 200 characters.',
  },
  footer: {
    accessibility: 'Accessibility statement',
    text: 'Samtak – an open system for municipal social child and youth care. Everyone in the demo data is invented.',
  },
};
