import type { Feature } from '../platform/features.ts';
import { statisticsApiRoutes } from './api.ts';
import { statisticsTexts } from './i18n/index.ts';
import { statisticsRoutes } from './routes.tsx';

/** Measurement: indicators from live data, their charts and exports (issue 17). */
export const statisticsFeature: Feature = {
  name: 'statistics',
  routes: [statisticsRoutes, statisticsApiRoutes],
  contributes: {
    nav: [
      {
        order: 90,
        action: 'statistics.read',
        href: '/statistics',
        label: (lang) => statisticsTexts(lang).nav,
      },
    ],
    homeLinks: [
      {
        order: 200,
        action: 'statistics.read',
        href: '/statistics',
        label: (lang) => statisticsTexts(lang).title,
      },
    ],
    auditLabels: [(lang) => statisticsTexts(lang).auditActions],
  },
};
