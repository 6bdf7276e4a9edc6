import type { Action, Actor } from '../platform/access/policy.ts';
import type { Feature } from '../platform/features.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { partnersTexts } from './i18n/index.ts';
import { partnerRoutes } from './routes.tsx';

/** A partner who administers their own organisation's users, and is not the municipality's administrator. */
const ownOrganisation = {
  when: (actor: Actor, permitted: readonly Action[]) =>
    !permitted.includes('partnerOrganisation.manage') &&
    !!actor.administersOrganisation &&
    !!actor.partnerOrganisationId,
  href: (actor: Actor) => `/admin/organisations/${actor.partnerOrganisationId}`,
  label: (lang: Lang) => partnersTexts(lang).myOrganisation,
};

/** Partner organisations and their users, administered by the municipality or the organisation itself. */
export const partnersFeature: Feature = {
  name: 'partners',
  routes: [partnerRoutes],
  contributes: {
    nav: [
      {
        order: 110,
        action: 'partnerOrganisation.manage',
        href: '/admin/organisations',
        label: (lang) => partnersTexts(lang).nav,
      },
      { order: 110, ...ownOrganisation },
    ],
    homeLinks: [
      {
        order: 110,
        action: 'partnerOrganisation.manage',
        href: '/admin/organisations',
        label: (lang) => partnersTexts(lang).listTitle,
      },
      { order: 110, ...ownOrganisation },
    ],
    auditLabels: [(lang) => partnersTexts(lang).auditActions],
    auditReasonLabels: [(lang) => partnersTexts(lang).auditReasons],
    auditRecordTypeLabels: [(lang) => partnersTexts(lang).auditRecordTypes],
  },
};
