import type { Feature } from '../platform/features.ts';
import { reportApiRoutes } from './api.ts';
import { reportsTexts } from './i18n/index.ts';
import { reportRoutes } from './routes.tsx';
import { reportSettingsRoutes } from './settings.tsx';

/** The concern-report e-service: the public's and professionals' forms, and the API for other systems. */
export const reportsFeature: Feature = {
  name: 'reports',
  routes: [reportRoutes, reportApiRoutes, reportSettingsRoutes],
  contributes: {
    homeLinks: [
      {
        order: 90,
        when: (actor) => actor.role === 'partnerProfessional',
        href: '/report/professional',
        label: (lang) => reportsTexts(lang).professionalTitle,
      },
      {
        order: 65,
        action: 'caseSettings.manage',
        href: '/admin/report-settings',
        label: (lang) => reportsTexts(lang).settings.title,
      },
    ],
    auditLabels: [(lang) => reportsTexts(lang).auditActions],
    auditReasonLabels: [(lang) => reportsTexts(lang).auditReasons],
    auditRecordTypeLabels: [(lang) => reportsTexts(lang).auditRecordTypes],
  },
};
