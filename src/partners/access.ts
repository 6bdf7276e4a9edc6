import type { Actor, RuleSet } from '../platform/access/policy.ts';
import { partnersTexts } from './i18n/index.ts';

/**
 * Partner organisations in the access policy (docs/decisions/0030): the municipality's
 * administrator sets them up; an organisation's own administrator manages its users. Registered
 * by src/access.ts.
 */

const partnerActions = {
  'partnerOrganisation.manage': 'administration',
  'partnerOrganisation.manageUsers': 'partnerOrganisation',
} as const;
type PartnerActions = typeof partnerActions;

declare module '../platform/access/policy.ts' {
  interface PolicyActions extends PartnerActions {}
  interface PolicyResources {
    partnerOrganisation: { organisationId: string };
  }
  interface PolicyDenyReasons {
    otherOrganisation: true;
    notOrganisationAdministrator: true;
  }
}

/** A partner organisation's users: the municipality's administrators, or the organisation's own. */
function organisationRefusal(actor: Actor, organisationId: string) {
  if (actor.role !== 'partnerProfessional') return null;
  if (!actor.administersOrganisation) return 'notOrganisationAdministrator';
  return actor.partnerOrganisationId === organisationId ? null : 'otherOrganisation';
}

export const partnerRules: RuleSet = {
  name: 'partners',
  actions: partnerActions,
  grants: {
    administrator: ['partnerOrganisation.manage', 'partnerOrganisation.manageUsers'],
    partnerProfessional: ['partnerOrganisation.manageUsers'],
  },
  refusal(actor, _action, resource) {
    return resource.type === 'partnerOrganisation'
      ? organisationRefusal(actor, resource.organisationId)
      : null;
  },
  // "Another organisation's" would confirm that the organisation (or the plan it asked for) exists.
  concealedReasons: ['otherOrganisation'],
  reasonTexts: (lang) => partnersTexts(lang).denyReasons,
};
