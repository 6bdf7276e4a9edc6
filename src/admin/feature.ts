import type { Feature } from '../platform/features.ts';
import { adminTexts } from './i18n/index.ts';
import { adminRoutes } from './routes.tsx';

/** Units and user accounts of the municipality. */
export const adminFeature: Feature = {
  name: 'admin',
  routes: [adminRoutes],
  contributes: {
    nav: [
      { order: 70, action: 'unit.manage', href: '/admin/units', label: (lang) => adminTexts(lang).nav.units },
      { order: 80, action: 'user.manage', href: '/admin/users', label: (lang) => adminTexts(lang).nav.users },
    ],
    homeLinks: [
      {
        order: 60,
        action: 'unit.manage',
        href: '/admin/units',
        label: (lang) => adminTexts(lang).adminUnits,
      },
      {
        order: 70,
        action: 'user.manage',
        href: '/admin/users',
        label: (lang) => adminTexts(lang).adminUsers,
      },
    ],
    auditLabels: [(lang) => adminTexts(lang).auditActions],
    auditRecordTypeLabels: [(lang) => adminTexts(lang).auditRecordTypes],
  },
};
