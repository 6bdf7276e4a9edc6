import type { Actor } from '../platform/access/policy.ts';
import type { Feature } from '../platform/features.ts';
import { jointVisitApiRoutes } from './api.ts';
import { jointVisitsAuditWords } from './audit-words.ts';
import { jointVisitCalendar } from './calendar.ts';
import { jointVisitsTexts } from './i18n/index.ts';
import { jointVisitRoutes } from './routes.tsx';
import { visitFollowUpsAtHome, visitFollowUpsOnWorklist, visitsOnCase, visitsOnPerson } from './sections.tsx';

/** Only the police's users read summaries; other partners are never shown the link. */
const isPolice = (actor: Actor) => actor.partnerKind === 'police' && !!actor.partnerOrganisationId;

/** Joint home visits with the police: social services' pages, the police's summaries, the follow-ups. */
export const jointVisitsFeature: Feature = {
  name: 'joint-visits',
  routes: [jointVisitRoutes, jointVisitApiRoutes],
  contributes: {
    auditReasonLabels: [(lang) => jointVisitsAuditWords(lang).reasons],
    auditRecordTypeLabels: [(lang) => jointVisitsAuditWords(lang).recordTypes],
    nav: [
      {
        order: 55,
        action: 'jointVisit.list',
        href: '/joint-visits',
        label: (lang) => jointVisitsTexts(lang).nav,
      },
      {
        order: 56,
        action: 'jointVisit.listSummaries',
        when: isPolice,
        href: '/joint-visits',
        label: (lang) => jointVisitsTexts(lang).nav,
      },
    ],
    homeLinks: [
      {
        order: 150,
        action: 'jointVisit.list',
        href: '/joint-visits',
        label: (lang) => jointVisitsTexts(lang).title,
      },
      {
        order: 151,
        action: 'jointVisit.listSummaries',
        when: isPolice,
        href: '/joint-visits',
        label: (lang) => jointVisitsTexts(lang).policeTitle,
      },
    ],
    homeSections: [visitFollowUpsAtHome],
    caseSections: [visitsOnCase],
    personSections: [visitsOnPerson],
    calendarSources: [jointVisitCalendar],
    worklistSections: [visitFollowUpsOnWorklist],
    auditLabels: [(lang) => jointVisitsTexts(lang).auditActions],
  },
};
