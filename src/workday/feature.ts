import type { Action } from '../platform/access/policy.ts';
import type { Feature } from '../platform/features.ts';
import type { FeatureLink } from '../platform/layout/links.ts';
import { workdayAuditWords } from './audit-words.ts';
import { managerDaySection, notificationsSection } from './home-sections.tsx';
import { type WorkdayTexts, workdayTexts } from './i18n/index.ts';
import { calendarRoutes } from './routes/calendar.tsx';
import { caseListRoutes } from './routes/cases.tsx';
import { notificationRoutes } from './routes/notifications.tsx';
import { notifyAssigned } from './service/notifications.ts';

const link = (
  order: number,
  action: Action,
  href: string,
  label: keyof WorkdayTexts['nav'],
): FeatureLink => ({
  order,
  action,
  href,
  label: (lang) => workdayTexts(lang).nav[label],
});

/** The working day: my cases, the unit's cases, case search, notifications and the calendar. */
export const workdayFeature: Feature = {
  name: 'workday',
  routes: [caseListRoutes, notificationRoutes, calendarRoutes],
  contributes: {
    auditReasonLabels: [(lang) => workdayAuditWords(lang).reasons],
    auditRecordTypeLabels: [(lang) => workdayAuditWords(lang).recordTypes],
    nav: [
      // Not current on /my-cases/unit, which has its own link.
      { ...link(5, 'caseList.read', '/my-cases', 'myCases'), exact: true },
      link(21, 'caseList.readUnit', '/my-cases/unit', 'unitCases'),
      link(22, 'caseList.search', '/cases/search', 'search'),
      link(23, 'calendar.read', '/calendar', 'calendar'),
    ],
    homeLinks: [
      link(5, 'caseList.read', '/my-cases', 'myCases'),
      link(6, 'caseList.search', '/cases/search', 'search'),
      link(7, 'calendar.read', '/calendar', 'calendar'),
    ],
    homeSections: [notificationsSection, managerDaySection],
    caseAssigned: [notifyAssigned],
    auditLabels: [(lang) => workdayTexts(lang).auditActions],
  },
};
