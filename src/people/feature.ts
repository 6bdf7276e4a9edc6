import type { Feature } from '../platform/features.ts';
import { peopleApiRoutes } from './api.ts';
import { assignedChildrenSection } from './home-section.tsx';
import { peopleTexts } from './i18n/index.ts';
import { peopleRoutes } from './routes.tsx';

/** The people register: search, the person's page (with other features' sections), registration. */
export const peopleFeature: Feature = {
  name: 'people',
  routes: [peopleRoutes, peopleApiRoutes],
  contributes: {
    nav: [{ order: 40, action: 'person.search', href: '/people', label: (lang) => peopleTexts(lang).nav }],
    homeLinks: [
      {
        order: 30,
        action: 'person.search',
        href: '/people',
        label: (lang) => peopleTexts(lang).searchPeople,
      },
      {
        order: 40,
        action: 'person.create',
        href: '/people/new',
        label: (lang) => peopleTexts(lang).registerPerson,
      },
    ],
    homeSections: [assignedChildrenSection],
    auditLabels: [(lang) => peopleTexts(lang).auditActions],
    auditRecordTypeLabels: [(lang) => peopleTexts(lang).auditRecordTypes],
    auditReasonLabels: [(lang) => ({ countryOfBirth: peopleTexts(lang).auditCountryOfBirthChanged })],
  },
};
