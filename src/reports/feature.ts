import type { Feature } from '../platform/features.ts';
import { reportApiRoutes } from './api.ts';
import { reportsTexts } from './i18n/index.ts';
import { reportRoutes } from './routes.tsx';

/** The concern-report e-service: the public's and professionals' forms, and the API for other systems. */
export const reportsFeature: Feature = {
  name: 'reports',
  routes: [reportRoutes, reportApiRoutes],
  contributes: {
    homeLinks: [
      {
        order: 90,
        when: (actor) => actor.role === 'partnerProfessional',
        href: '/report/professional',
        label: (lang) => reportsTexts(lang).professionalTitle,
      },
    ],
    auditLabels: [(lang) => reportsTexts(lang).auditActions],
    auditReasonLabels: [(lang) => reportsTexts(lang).auditReasons],
    auditRecordTypeLabels: [(lang) => reportsTexts(lang).auditRecordTypes],
  },
};
