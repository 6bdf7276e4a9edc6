import type { Feature } from '../platform/features.ts';
import { archivedRoutes } from './archived.tsx';
import { retentionAuditWords } from './audit-words.ts';
import { retentionTexts } from './i18n/index.ts';
import { retentionRoutes } from './routes.tsx';

/** Retention (gallring, 16 kap. SoL): the archivist's dry run and approval; the job is a command (issue 16). */
export const retentionFeature: Feature = {
  name: 'retention',
  routes: [retentionRoutes, archivedRoutes],
  contributes: {
    nav: [
      {
        order: 95,
        action: 'retention.review',
        href: '/retention',
        label: (lang) => retentionTexts(lang).nav,
      },
    ],
    homeLinks: [
      {
        order: 210,
        action: 'retention.review',
        href: '/retention',
        label: (lang) => retentionTexts(lang).title,
      },
    ],
    auditLabels: [(lang) => retentionAuditWords(lang).actions],
    auditReasonLabels: [(lang) => retentionAuditWords(lang).reasons],
    auditRecordTypeLabels: [(lang) => retentionAuditWords(lang).recordTypes],
  },
};
