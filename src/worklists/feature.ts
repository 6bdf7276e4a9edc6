import type { Feature } from '../platform/features.ts';
import { deadlinesSection } from './home-section.tsx';
import { worklistsTexts } from './i18n/index.ts';
import { worklistRoutes } from './routes.tsx';

/** Deadlines per user and unit, with other features' sections below; the reminders on the start page. */
export const worklistsFeature: Feature = {
  name: 'worklists',
  routes: [worklistRoutes],
  contributes: {
    nav: [
      // Not current on /worklist/unit, which has its own link.
      {
        order: 10,
        action: 'worklist.read',
        href: '/worklist',
        exact: true,
        label: (lang) => worklistsTexts(lang).nav.worklist,
      },
      {
        order: 20,
        action: 'worklist.readUnit',
        href: '/worklist/unit',
        label: (lang) => worklistsTexts(lang).nav.unitWorklist,
      },
    ],
    homeLinks: [
      {
        order: 20,
        action: 'worklist.readUnit',
        href: '/worklist/unit',
        label: (lang) => worklistsTexts(lang).nav.unitWorklist,
      },
    ],
    homeSections: [deadlinesSection],
    auditLabels: [(lang) => worklistsTexts(lang).auditActions],
  },
};
