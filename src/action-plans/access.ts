import type { RuleSet } from '../platform/access/policy.ts';
import { actionPlanTexts } from './i18n/index.ts';

/**
 * Action plans in the access policy (docs/decisions/0106). A plan is its municipality's: its
 * managers write it and raise matters to the national level; its social services staff read it;
 * a partner organisation reads the plans it takes part in and moves the measures it owns. Plans
 * hold no one's personal data, so reading them is not audited; every change is. The coordinator
 * (outside every municipality) comes with issue 16.
 */

const actionPlanActions = {
  'plan.read': 'actionPlan',
  'plan.write': 'actionPlan',
  'plan.updateMeasure': 'actionPlan',
  'matter.raise': 'actionPlan',
} as const;
type ActionPlanActions = typeof actionPlanActions;

declare module '../platform/access/policy.ts' {
  interface PolicyActions extends ActionPlanActions {}
  interface PolicyResources {
    /**
     * A plan (or, with no organisations and no measure owner, the municipality's plans as a whole).
     * organisationIds: the organisations taking part; measureOwnerId: the owner of the measure
     * being moved, when one is.
     */
    actionPlan: { organisationIds: readonly string[]; measureOwnerId: string | null };
  }
  interface PolicyDenyReasons {
    notTakingPart: true;
    notTheOwner: true;
  }
}

export const actionPlanRules: RuleSet = {
  name: 'action-plans',
  actions: actionPlanActions,
  grants: {
    manager: ['plan.read', 'plan.write', 'plan.updateMeasure', 'matter.raise'],
    socialWorker: ['plan.read'],
    intakeWorker: ['plan.read'],
    statisticsReader: ['plan.read'],
    partnerProfessional: ['plan.read', 'plan.updateMeasure'],
  },
  refusal(actor, action, resource) {
    if (resource.type !== 'actionPlan' || actor.role !== 'partnerProfessional') return null;
    // A partner sees the plans its organisation takes part in, and moves only the measures it owns.
    const org = actor.partnerOrganisationId;
    if (!org || !resource.organisationIds.includes(org)) return 'notTakingPart';
    if (action === 'plan.updateMeasure' && resource.measureOwnerId !== org) return 'notTheOwner';
    return null;
  },
  // Not taking part: the plan is not found, which says nothing about it.
  concealedReasons: ['notTakingPart'],
  reasonTexts: (lang) => actionPlanTexts(lang).denyReasons,
};
