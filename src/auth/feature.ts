import type { Feature } from '../platform/features.ts';
import { authTexts } from './i18n/index.ts';
import { authRoutes } from './routes.tsx';

/** Login, the second factor, password change and OIDC. */
export const authFeature: Feature = {
  name: 'auth',
  routes: [authRoutes],
  contributes: {
    auditLabels: [(lang) => authTexts(lang).auditActions],
    auditReasonLabels: [(lang) => authTexts(lang).auditReasons],
  },
};
