import type { Feature } from '../platform/features.ts';
import { placementAuditWords } from './audit-words.ts';
import { homesOnWorklist } from './home-worklist-section.tsx';
import { placementTexts } from './i18n/index.ts';
import { moreTexts } from './i18n/more.ts';
import { temporaryBanTexts } from './i18n/temporary-bans.ts';
import { placementApiRoutes } from './routes/api.ts';
import { considerationRoutes } from './routes/consideration.tsx';
import { homeRoutes } from './routes/homes.tsx';
import { ivoRoutes } from './routes/ivo.tsx';
import { placementPageRoutes } from './routes/pages.tsx';
import { placementSettingsRoutes } from './routes/settings.tsx';
import { unaccompaniedRoutes } from './routes/unaccompanied.tsx';
import {
  placementsOfCase,
  placementsOfPerson,
  placementsOfReport,
  placementsOfSip,
  placementsOnWorklist,
} from './sections.tsx';

/** Placements outside the home and the register of homes: pages, API, and their parts of other pages. */
export const placementsFeature: Feature = {
  name: 'placements',
  routes: [
    ivoRoutes,
    placementPageRoutes,
    considerationRoutes,
    homeRoutes,
    unaccompaniedRoutes,
    placementApiRoutes,
    placementSettingsRoutes,
  ],
  contributes: {
    auditReasonLabels: [(lang) => placementAuditWords(lang).reasons],
    auditRecordTypeLabels: [
      (lang) => placementAuditWords(lang).recordTypes,
      (lang) => moreTexts(lang).recordTypes,
    ],
    nav: [
      { order: 45, action: 'placement.list', href: '/placements', label: (lang) => placementTexts(lang).nav },
      {
        order: 91,
        action: 'placementSettings.manage',
        href: '/admin/placement-settings',
        label: (lang) => moreTexts(lang).settingsNav,
      },
    ],
    homeLinks: [
      {
        order: 115,
        action: 'placement.list',
        href: '/placements',
        label: (lang) => placementTexts(lang).title,
      },
      { order: 116, action: 'home.list', href: '/homes', label: (lang) => placementTexts(lang).homesNav },
      {
        order: 81,
        action: 'placementSettings.manage',
        href: '/admin/placement-settings',
        label: (lang) => moreTexts(lang).settingsTitle,
      },
    ],
    personSections: [placementsOfPerson],
    caseSections: [placementsOfCase],
    reportSections: [placementsOfReport],
    sipSections: [placementsOfSip],
    worklistSections: [placementsOnWorklist, homesOnWorklist],
    auditLabels: [
      (lang) => placementAuditWords(lang).actions,
      (lang) => placementTexts(lang).auditActions,
      (lang) => moreTexts(lang).auditActions,
      (lang) => temporaryBanTexts(lang).auditActions,
    ],
  },
};
