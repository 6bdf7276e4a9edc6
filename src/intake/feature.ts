import type { Feature } from '../platform/features.ts';
import { intakeTexts } from './i18n/index.ts';
import { reportsOfChildSection } from './person-section.tsx';
import { intakeRoutes } from './routes.tsx';

/** New reports: protection assessment, linking to the child, feedback to reporters. */
export const intakeFeature: Feature = {
  name: 'intake',
  routes: [intakeRoutes],
  contributes: {
    nav: [{ order: 30, action: 'report.list', href: '/intake', label: (lang) => intakeTexts(lang).nav }],
    homeLinks: [
      { order: 10, action: 'report.list', href: '/intake', label: (lang) => intakeTexts(lang).nav },
    ],
    personSections: [reportsOfChildSection],
    auditLabels: [(lang) => intakeTexts(lang).auditActions],
  },
};
