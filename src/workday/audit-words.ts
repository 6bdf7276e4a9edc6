import { textsFor } from '../platform/i18n/i18n.ts';

/**
 * How the log review names this feature's codes in the audit trail (src/log-review/labels.ts;
 * decision 0068): the actions, refusal reasons and record types its events carry that its
 * other texts do not already name.
 */
export const workdayAuditWords = textsFor({
  sv: {
    actions: {} as Record<string, string>,
    reasons: {
      notOwnWorkday: 'Hör till en annan användare',
    } as Record<string, string>,
    recordTypes: {
      calendarAppointment: 'Besök eller möte i kalendern',
      calendarFeed: 'Kalenderflöde',
      calendarWeek: 'Kalenderns vecka',
      notificationList: 'Aviseringar',
      notification: 'Avisering',
    } as Record<string, string>,
  },
  en: {
    actions: {} as Record<string, string>,
    reasons: {
      notOwnWorkday: 'Belongs to another user',
    } as Record<string, string>,
    recordTypes: {
      calendarAppointment: 'Visit or meeting in the calendar',
      calendarFeed: 'Calendar feed',
      calendarWeek: 'Week of the calendar',
      notificationList: 'Notifications',
      notification: 'Notification',
    } as Record<string, string>,
  },
});
