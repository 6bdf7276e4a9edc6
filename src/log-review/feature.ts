import type { Feature } from '../platform/features.ts';
import { logReviewTexts } from './i18n/index.ts';
import { logReviewRoutes } from './routes.tsx';

/** The managers' log review; every feature names its audited actions through auditLabels. */
export const logReviewFeature: Feature = {
  name: 'log-review',
  routes: [logReviewRoutes],
  contributes: {
    nav: [
      {
        order: 60,
        action: 'auditLog.review',
        href: '/log-review',
        label: (lang) => logReviewTexts(lang).nav,
      },
    ],
    homeLinks: [
      {
        order: 50,
        action: 'auditLog.review',
        href: '/log-review',
        label: (lang) => logReviewTexts(lang).reviewLog,
      },
    ],
    auditLabels: [(lang) => logReviewTexts(lang).auditActions],
  },
};
