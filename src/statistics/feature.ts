import type { Feature } from '../platform/features.ts';
import { statisticsApiRoutes } from './api.ts';
import { statisticsAuditWords } from './audit-words.ts';
import { statisticsTexts } from './i18n/index.ts';
import { registerReportingTexts } from './i18n/register-reporting.ts';
import { measurementRoutes, withMeasurement } from './measurement-feature.ts';
import { reportingRoutes } from './reporting-routes.ts';
import { statisticsRoutes } from './routes.tsx';
import { staffRoutes } from './staff-routes.tsx';

/** Measurement: indicators from live data, their charts and exports (issue 17). */
export const statisticsFeature: Feature = {
  name: 'statistics',
  routes: [statisticsRoutes, statisticsApiRoutes, staffRoutes, ...measurementRoutes, ...reportingRoutes],
  contributes: withMeasurement({
    auditRecordTypeLabels: [
      (lang) => statisticsAuditWords(lang).recordTypes,
      (lang) => registerReportingTexts(lang).recordTypes,
    ],
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
    auditLabels: [
      (lang) => statisticsTexts(lang).auditActions,
      (lang) => statisticsAuditWords(lang).actions,
      (lang) => registerReportingTexts(lang).auditActions,
    ],
    auditReasonLabels: [(lang) => statisticsAuditWords(lang).reasons],
  }),
};
