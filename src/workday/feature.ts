import type { Feature } from '../platform/features.ts';
import { managerDaySection, notificationsSection } from './home-sections.tsx';
import { workdayTexts } from './i18n/index.ts';
import { calendarRoutes } from './routes/calendar.tsx';
import { caseListRoutes } from './routes/cases.tsx';
import { notificationRoutes } from './routes/notifications.tsx';
import { notifyAssigned } from './service/notifications.ts';

/** The working day: my cases, the unit's cases, case search, notifications and the calendar. */
export const workdayFeature: Feature = {
  name: 'workday',
  routes: [caseListRoutes, notificationRoutes, calendarRoutes],
  contributes: {
    nav: [
      {
        order: 5,
        action: 'caseList.read',
        href: '/my-cases',
        exact: true,
        label: (lang) => workdayTexts(lang).nav.myCases,
      },
      {
        order: 21,
        action: 'caseList.readUnit',
        href: '/my-cases/unit',
        label: (lang) => workdayTexts(lang).nav.unitCases,
      },
      {
        order: 22,
        action: 'caseList.search',
        href: '/cases/search',
        label: (lang) => workdayTexts(lang).nav.search,
      },
    ],
    homeLinks: [
      {
        order: 7,
        action: 'calendar.read',
        href: '/calendar',
        label: (lang) => workdayTexts(lang).nav.calendar,
      },
      {
        order: 5,
        action: 'caseList.read',
        href: '/my-cases',
        label: (lang) => workdayTexts(lang).nav.myCases,
      },
      {
        order: 6,
        action: 'caseList.search',
        href: '/cases/search',
        label: (lang) => workdayTexts(lang).nav.search,
      },
    ],
    homeSections: [notificationsSection, managerDaySection],
    caseAssigned: [notifyAssigned],
    auditLabels: [(lang) => workdayTexts(lang).auditActions],
  },
};
