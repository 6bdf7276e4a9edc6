import type { Feature } from '../platform/features.ts';
import { actionPlansAuditWords } from './audit-words.ts';
import { coordinatorRoutes } from './coordinator-routes.tsx';
import { actionPlanTexts, visitTexts } from './i18n/index.ts';
import { actionPlanRoutes } from './routes.tsx';
import { visitExampleRoutes } from './visit-example-routes.tsx';

/** A municipality's action plans, their measures, indicators and matters raised (issue 18). */
export const actionPlansFeature: Feature = {
  name: 'action-plans',
  routes: [actionPlanRoutes, coordinatorRoutes, visitExampleRoutes],
  contributes: {
    auditReasonLabels: [(lang) => actionPlansAuditWords(lang).reasons],
    auditRecordTypeLabels: [
      (lang) => actionPlansAuditWords(lang).recordTypes,
      (lang) => visitTexts(lang).recordTypes,
    ],
    nav: [
      { order: 105, action: 'plan.read', href: '/action-plans', label: (lang) => actionPlanTexts(lang).nav },
    ],
    homeLinks: [
      {
        order: 105,
        action: 'plan.read',
        href: '/action-plans',
        label: (lang) => actionPlanTexts(lang).homeLink,
      },
    ],
    auditLabels: [
      (lang) => actionPlansAuditWords(lang).actions,
      (lang) => actionPlanTexts(lang).auditActions,
      (lang) => visitTexts(lang).auditActions,
    ],
  },
};
