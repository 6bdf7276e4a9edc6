import type { LogReviewTexts } from './sv.ts';

export const logReviewEn: LogReviewTexts = {
  nav: 'Log review',
  reviewLog: 'Review the log: who has seen what',
  title: 'Log review',
  intro:
    "Review who has accessed personal data. Access to people outside the user's own cases is marked as unusual.",
  person: 'Person (personal identity number)',
  user: 'User',
  userHint: 'Name or username. Leave empty for all users.',
  userNotFound: 'No user with that name or username.',
  userAmbiguous: 'Several users match. Choose one in the list below or type more of the name.',
  userCandidates: 'Choose a user',
  userMoreCandidates: (n: number) => `Showing the first ${n}. Type more of the name to see others.`,
  from: 'From',
  to: 'To',
  onlyUnusual: 'Show unusual access only',
  filter: 'Show',
  when: 'Time',
  who: 'Who',
  action: 'Action',
  whose: 'Whose data',
  reason: 'Reason',
  outcome: 'Outcome',
  unusual: 'Unusual',
  denied: 'Denied',
  allowed: 'Allowed',
  noEvents: 'No events match.',
  count: (n: number, more: boolean) => `${n}${more ? '+' : ''} events`,
  personNotFound: 'No person with that personal identity number.',
  periodInvalid: 'Enter dates in the format YYYY-MM-DD, with the start before the end.',
  needFilter: 'Choose a person or a user.',
  unusualLegend: "Unusual: the person is not among the user's own cases.",
  /** How the log review names its own audited action. */
  auditActions: {
    'auditLog.review': 'Reviewed the log',
  },
};
