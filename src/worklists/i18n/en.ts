import type { WorklistsTexts } from './sv.ts';

export const worklistsEn: WorklistsTexts = {
  nav: {
    worklist: 'To do',
    unitWorklist: "Unit's deadlines",
  },
  unassigned: 'No one responsible',
  asReported: 'as reported',
  receivedAt: (at: string) => `Report received ${at}`,
  worklistTitle: 'To do',
  unitWorklistTitle: "Unit's deadlines",
  worklistIntro: 'Time limits to watch, the most urgent first.',
  worklistEmpty: 'No time limits to watch.',
  what: 'What',
  when: 'Due',
  left: 'Time left',
  remindersTitle: 'Reminders',
  reminders: (overdue: number, soon: number) =>
    `${overdue} ${overdue === 1 ? 'time limit has' : 'time limits have'} passed and ${soon} run out within three days.`,
  noReminders: 'No time limits have passed or run out within three days.',
  metLastMonth: (met: number, total: number) => `Last month ${met} of ${total} time limits were met.`,
  allItems: 'Show all',
  digestSubject: 'Samtak: time limits to watch',
  digestBody: (overdue: number, soon: number, url: string) =>
    `Hello,\n\nYou have ${overdue} passed time limits and ${soon} that run out within three days in Samtak.\n\nSign in to see them: ${url}\n\nThis message contains no personal data.`,
  /** How the log review names this feature’s audited actions. */
  auditActions: {
    'worklist.read': 'Saw it in a worklist',
    'worklist.readUnit': "Saw the unit's worklist",
  },
};
