import type { Widen } from '../../platform/i18n/i18n.ts';

/** The managers’ log review in Swedish: the source every other language is translated from, and their type. */
export const logReviewSv = {
  nav: 'Loggranskning',
  reviewLog: 'Granska loggen: vem har sett vad',
  title: 'Loggranskning',
  intro:
    'Granska vem som har tagit del av personuppgifter. Åtkomst till personer utanför användarens egna ärenden markeras som avvikande.',
  person: 'Person',
  personHint: 'Namn eller personnummer.',
  personAmbiguous: 'Flera personer matchar. Välj en i listan nedan eller skriv mer av namnet.',
  personCandidates: 'Välj person',
  recordType: 'Uppgift',
  attempt: 'Försök som nekades:',
  beforeLinking: 'Innan anmälan kopplades till personen',
  culledOn: (date: string) => `Gallrad ${date} (16 kap. SoL)`,
  user: 'Användare',
  userHint: 'Namn eller användarnamn. Lämna tomt för alla användare.',
  userNotFound: 'Ingen användare med det namnet eller användarnamnet.',
  userAmbiguous: 'Flera användare matchar. Välj en i listan nedan eller skriv mer av namnet.',
  userCandidates: 'Välj användare',
  userMoreCandidates: (n: number) => `Visar de ${n} första. Skriv mer av namnet för att se fler.`,
  from: 'Från och med',
  to: 'Till och med',
  onlyUnusual: 'Visa bara avvikande åtkomst',
  filter: 'Visa',
  when: 'Tid',
  who: 'Vem',
  action: 'Åtgärd',
  whose: 'Vems uppgifter',
  reason: 'Skäl',
  outcome: 'Utfall',
  unusual: 'Avvikande',
  denied: 'Nekad',
  allowed: 'Tillåten',
  noEvents: 'Inga händelser för urvalet.',
  count: (n: number, more: boolean) => `${n}${more ? '+' : ''} händelser`,
  personNotFound: 'Ingen person med det personnumret eller namnet.',
  periodInvalid: 'Ange datum i formatet ÅÅÅÅ-MM-DD, med startdatum före slutdatum.',
  needFilter: 'Välj en person eller en användare.',
  unusualLegend: 'Avvikande: personen ingår inte i användarens egna ärenden.',
  /** The log review's words for the platform's codes in the trail (features name their own). */
  reasons: {
    notSignedIn: 'Inte inloggad',
    secondFactorRequired: 'Andra faktorn saknades',
    otherMunicipality: 'Uppgiften hör till en annan kommun',
    roleNotPermitted: 'Rollen ger inte behörighet',
    wrongResource: 'Fel sorts uppgift för åtgärden',
    reasonRequired: 'Inget skäl angivet',
  } as Record<string, string>,
  recordTypes: {
    auditLog: 'Loggen',
    route: 'Sida eller tjänst',
  } as Record<string, string>,
  viaApiClient: (name: string) => `Via ${name}s system (API)`,
  /** How the log review names its own audited action. */
  auditActions: {
    'auditLog.review': 'Granskade loggen',
    'request.refused': 'Förfrågan nekades',
    'statistics.read': 'Läste statistik',
  },
};

export type LogReviewTexts = Widen<typeof logReviewSv>;
