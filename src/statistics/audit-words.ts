import { textsFor } from '../platform/i18n/i18n.ts';

/**
 * How the log review names this feature's codes in the audit trail (src/log-review/labels.ts;
 * decision 0068): the actions, refusal reasons and record types its events carry that its
 * other texts do not already name.
 */
export const statisticsAuditWords = textsFor({
  sv: {
    actions: { 'staff.manage': 'Ändrade i personalregistret' } as Record<string, string>,
    reasons: { ended: 'Anställningen avslutades' } as Record<string, string>,
    recordTypes: {
      employment: 'Anställning',
      mentorship: 'Mentorskap',
      statisticsUnit: 'Enhetens statistik',
      statisticsTable: 'Statistiktabell',
    } as Record<string, string>,
  },
  en: {
    actions: { 'staff.manage': 'Changed the staff register' } as Record<string, string>,
    reasons: { ended: 'The employment ended' } as Record<string, string>,
    recordTypes: {
      employment: 'Employment',
      mentorship: 'Mentorship',
      statisticsUnit: 'The unit’s statistics',
      statisticsTable: 'Statistics table',
    } as Record<string, string>,
  },
});
