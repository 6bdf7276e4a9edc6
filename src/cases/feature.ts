import type { Feature } from '../platform/features.ts';
import { casesTexts } from './i18n/index.ts';
import { casesOfChildSection } from './person-sections.tsx';
import { caseRoutes } from './routes.tsx';
import { caseSettingsRoutes } from './settings-routes.tsx';

/** The child's case from initial assessment to closure (with other features' sections), and its settings. */
export const casesFeature: Feature = {
  name: 'cases',
  routes: [caseRoutes, caseSettingsRoutes],
  contributes: {
    nav: [
      {
        order: 90,
        action: 'caseSettings.manage',
        href: '/admin/case-settings',
        label: (lang) => casesTexts(lang).nav,
      },
    ],
    homeLinks: [
      {
        order: 80,
        action: 'caseSettings.manage',
        href: '/admin/case-settings',
        label: (lang) => casesTexts(lang).settingsTitle,
      },
    ],
    personSections: [casesOfChildSection],
    auditLabels: [(lang) => casesTexts(lang).auditActions],
    auditReasonLabels: [(lang) => casesTexts(lang).auditReasons],
    auditRecordTypeLabels: [(lang) => casesTexts(lang).auditRecordTypes],
  },
};
