import type { Feature } from '../platform/features.ts';
import { installationAuditWords } from './audit-words.ts';
import { operatorRoutes } from './operator-routes.tsx';

/** Running an installation: the first start, the installation operator's pages (0085, 0086). */
export const installationFeature: Feature = {
  name: 'installation',
  routes: [operatorRoutes],
  contributes: {
    auditLabels: [(lang) => installationAuditWords(lang).actions],
    auditRecordTypeLabels: [(lang) => installationAuditWords(lang).recordTypes],
  },
};
