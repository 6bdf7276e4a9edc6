import type { Feature } from '../platform/features.ts';
import { agreementRoutes } from './agreement-routes.tsx';
import { agreementTexts } from './agreement-texts.ts';
import { forumAuditWords } from './audit-words.ts';
import { countyForumRoutes } from './county-routes.tsx';
import { deviationRoutes } from './deviation-routes.tsx';
import { deviationTexts } from './deviation-texts.ts';
import { forumTexts } from './i18n/index.ts';
import { projectRoutes } from './project-routes.tsx';
import { projectTexts } from './project-texts.ts';
import { forumRoutes } from './routes.tsx';
import { agreementsDueAtHome } from './sections.tsx';

/** Standing collaboration forums, their meetings and actions (issue 18). */
export const forumsFeature: Feature = {
  name: 'forums',
  routes: [forumRoutes, deviationRoutes, agreementRoutes, countyForumRoutes, projectRoutes],
  contributes: {
    nav: [{ order: 104, action: 'forum.read', href: '/forums', label: (lang) => forumTexts(lang).nav }],
    homeSections: [agreementsDueAtHome],
    homeLinks: [
      { order: 104, action: 'forum.read', href: '/forums', label: (lang) => forumTexts(lang).homeLink },
    ],
    auditLabels: [
      (lang) => forumTexts(lang).auditActions,
      (lang) => forumAuditWords(lang).actions,
      (lang) => deviationTexts(lang).auditActions,
      (lang) => agreementTexts(lang).auditActions,
      (lang) => projectTexts(lang).auditActions,
    ],
    auditReasonLabels: [(lang) => forumAuditWords(lang).reasons, (lang) => projectTexts(lang).auditReasons],
    auditRecordTypeLabels: [
      (lang) => forumAuditWords(lang).recordTypes,
      (lang) => deviationTexts(lang).recordTypes,
      (lang) => agreementTexts(lang).recordTypes,
    ],
  },
};
