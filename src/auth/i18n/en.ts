import type { AuthTexts } from './sv.ts';

export const authEn: AuthTexts = {
  login: {
    title: 'Sign in',
    intro: 'Sign in with your username and password. Then enter a one-time code from your app.',
    municipality: 'Municipality',
    chooseMunicipality: 'Choose a municipality',
    ambiguous: 'Choose your municipality: the username exists in more than one.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    oidc: 'Sign in with e-identification (SITHS, Freja)',
    or: 'or',
    failed: 'Wrong username or password.',
    locked: (minutes: number) =>
      `The account is locked from here after too many failed attempts. Try again in ${minutes === 1 ? '1 minute' : `${minutes} minutes`} or contact your administrator.`,
    inactive: 'The account is deactivated. Contact your administrator.',
    oidcFailed: 'Signing in with e-identification failed. Try again.',
    oidcUnknownUser: 'There is no Samtak account for this e-identification. Contact your administrator.',
    loggedOut: 'You are signed out.',
    sessionExpired: 'You were signed out after 30 minutes without activity.',
    guideLink: 'Looking for support for children, young people and families? To the support guide',
  },
  totp: {
    title: 'One-time code',
    intro: 'Enter the six-digit code from your authenticator app.',
    code: 'One-time code',
    codeHint: 'Six digits, for example 123456.',
    submit: 'Continue',
    failed: 'The code is wrong or has already been used. Wait for the next code and try again.',
    enrolTitle: 'Set up your second factor',
    enrolIntro:
      'Your role gives access to personal data and requires a second factor. Scan the QR code with an authenticator app, or type in the key, then enter the code the app shows.',
    secretLabel: 'Key to type into the app',
    qrAlt: 'QR code with the key for the authenticator app',
  },
  password: {
    changeTitle: 'Change password',
    changeIntro: 'Choose a new password before you continue. It must have at least 12 characters.',
    current: 'Current password',
    new: 'New password',
    repeat: 'Repeat the new password',
    mismatch: 'The passwords do not match.',
    wrongCurrent: 'The current password is wrong.',
    sameAsOld: 'Choose a password other than the temporary one.',
    changed: 'The password has been changed.',
  },
  /** How the log review names this feature’s audited actions. */
  auditActions: {
    'auth.login': 'Login',
    'auth.secondFactor': 'One-time code at login',
    'auth.passwordChange': 'Password change',
    'auth.secondFactorEnrolled': 'Enrolled a second factor (one-time codes)',
    'auth.passwordChanged': 'Changed the password',
  },
  /** How the log review names the reasons of login events. */
  auditReasons: {
    throttled: 'Too many attempts, temporarily blocked',
    lockedOut: 'Locked after too many attempts',
    wrongCredentials: 'Wrong username or password',
    wrongCode: 'Wrong one-time code',
    inactive: 'The account is deactivated',
    oidc: 'With e-identification (OIDC)',
    passwordExpired: 'The password had expired',
  },
};
