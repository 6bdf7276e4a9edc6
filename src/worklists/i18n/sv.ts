import type { Widen } from '../../platform/i18n/i18n.ts';

/** Worklists, reminders and the e-mail digest in Swedish: the source every other language is translated from, and their type. */
export const worklistsSv = {
  nav: {
    worklist: 'Att göra',
    unitWorklist: 'Enhetens bevakning',
  },
  unassigned: 'Ingen ansvarig',
  asReported: 'enligt anmälan',
  receivedAt: (at: string) => `Anmälan inkom ${at}`,
  // Worklists
  worklistTitle: 'Att göra',
  unitWorklistTitle: 'Enhetens bevakning',
  worklistIntro: 'Tidsfrister att bevaka, den mest brådskande först.',
  worklistEmpty: 'Inga tidsfrister att bevaka.',
  what: 'Vad',
  when: 'Senast',
  left: 'Tid kvar',
  remindersTitle: 'Påminnelser',
  reminders: (overdue: number, soon: number) =>
    `${overdue} ${overdue === 1 ? 'tidsfrist är' : 'tidsfrister är'} passerade och ${soon} löper ut inom tre dagar.`,
  noReminders: 'Inga tidsfrister är passerade eller löper ut inom tre dagar.',
  metLastMonth: (met: number, total: number) => `Förra månaden hölls ${met} av ${total} tidsfrister.`,
  allItems: 'Visa alla',
  // Digest
  digestSubject: 'Samtak: tidsfrister att bevaka',
  digestBody: (overdue: number, soon: number, url: string) =>
    `Hej!\n\nDu har ${overdue} passerade tidsfrister och ${soon} som löper ut inom tre dagar i Samtak.\n\nLogga in för att se dem: ${url}\n\nMeddelandet innehåller inga personuppgifter.`,
  /** How the log review names this feature’s audited actions. */
  auditActions: {
    'worklist.read': 'Såg i bevakningslista',
    'worklist.readUnit': 'Såg enhetens bevakningslista',
  },
};

export type WorklistsTexts = Widen<typeof worklistsSv>;
