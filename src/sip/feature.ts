import type { Feature } from '../platform/features.ts';
import { sipApiRoutes } from './api.ts';
import { sipTexts } from './i18n/index.ts';
import { plansOfChildSection } from './person-section.tsx';
import { sipConsentRoutes } from './routes/consent.tsx';
import { sipLifecycleRoutes } from './routes/lifecycle.tsx';
import { sipListRoutes } from './routes/lists.tsx';
import { sipPlanRoutes } from './routes/plan.tsx';
import { plansDueAtHome, plansDueOnWorklist, startPlanForPerson, startPlanFromCase } from './sections.tsx';

/** Coordinated individual plans: their pages and API, and what they show on the other features' pages. */
export const sipFeature: Feature = {
  name: 'sip',
  routes: [sipListRoutes, sipPlanRoutes, sipConsentRoutes, sipLifecycleRoutes, sipApiRoutes],
  contributes: {
    nav: [{ order: 50, action: 'sip.read', href: '/sips', label: (lang) => sipTexts(lang).nav }],
    homeLinks: [
      { order: 120, action: 'sip.list', href: '/sips', label: (lang) => sipTexts(lang).title },
      { order: 130, action: 'sip.request', href: '/sips', label: (lang) => sipTexts(lang).myPlans },
      {
        order: 140,
        action: 'sip.request',
        href: '/sips/request',
        label: (lang) => sipTexts(lang).requestSip,
      },
    ],
    homeSections: [plansDueAtHome],
    personSections: [plansOfChildSection, startPlanForPerson],
    caseSections: [startPlanFromCase],
    worklistSections: [plansDueOnWorklist],
    auditLabels: [(lang) => sipTexts(lang).auditActions],
    auditReasonLabels: [(lang) => sipTexts(lang).auditReasons],
    auditRecordTypeLabels: [(lang) => sipTexts(lang).auditRecordTypes],
  },
};
