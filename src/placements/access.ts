import {
  type Action,
  type Actor,
  type DenyReason,
  minimumReasonLength,
  type RuleSet,
} from '../platform/access/policy.ts';
import { placementTexts } from './i18n/index.ts';

/**
 * Placements and the register of homes in the access policy (docs/decisions/0075). As for cases:
 * the designated social worker (22 kap. 12 §) and the case's responsible worker, and the managers
 * of the unit that holds the placement. The home-finding team (the units of kind 'placement')
 * manages the register of homes. Partners see nothing of it (OSL 26:1), nor do administrators,
 * intake workers or statistics readers. Registered by src/access.ts.
 */

/** What the policy must know about one placement, looked up in the same transaction as the access. */
export interface PlacementContext {
  /** The unit that holds the placement and the units of the case it came from. */
  unitIds: readonly string[];
  /** The case's responsible social worker. */
  responsibleUserId: string | null;
  /** The social worker designated for the contacts with the child (22 kap. 12 §). */
  designatedWorkerId: string | null;
}

const placementActions = {
  'placement.list': 'placementRegister',
  'ivoList.export': 'placementRegister',
  'placement.create': 'placement',
  'placement.read': 'placement',
  'placement.update': 'placement',
  'placement.recordContact': 'placement',
  'placement.recordConsideration': 'placement',
  'placement.end': 'placement',
  'placement.readHomeAddress': 'placement',
  'home.list': 'homeRegister',
  'home.read': 'homeRegister',
  'home.manage': 'homeRegister',
  // Which interventions are placements, and the visit guideline: the administrator's (decision 0121).
  'placementSettings.manage': 'administration',
} as const;
type PlacementActions = typeof placementActions;

declare module '../platform/access/policy.ts' {
  interface PolicyActions extends PlacementActions {}
  interface PolicyResources {
    /** The placements of a unit (null: the actor's own as designated or responsible worker). */
    placementRegister: { unitId: string | null };
    placement: { placement: PlacementContext };
    /** The register of homes, with the municipality's home-finding units (kind 'placement'). */
    homeRegister: { homeFindingUnitIds: readonly string[] };
  }
  interface PolicyDenyReasons {
    notDesignated: true;
    notHomeFinding: true;
  }
}

const staffActions = [
  'placement.list',
  'placement.create',
  'placement.read',
  'placement.update',
  'placement.recordContact',
  'placement.recordConsideration',
  'placement.end',
  'placement.readHomeAddress',
  'home.list',
  'home.read',
  'home.manage',
] as const satisfies readonly Action[];

function placementRefusal(actor: Actor, context: PlacementContext): DenyReason | null {
  if (actor.role === 'socialWorker') {
    const own = context.designatedWorkerId === actor.userId || context.responsibleUserId === actor.userId;
    return own ? null : 'notDesignated';
  }
  if (actor.role === 'manager')
    return actor.unitId && context.unitIds.includes(actor.unitId) ? null : 'otherUnit';
  return 'roleNotPermitted';
}

export const placementRules: RuleSet = {
  name: 'placements',
  actions: placementActions,
  grants: {
    administrator: ['placementSettings.manage'],
    socialWorker: staffActions,
    manager: [...staffActions, 'ivoList.export'],
  },
  refusal(actor, action, resource, options) {
    if (resource.type === 'placement') {
      // The home's address is where the child is: read only with a reason, as protected whereabouts are.
      if (
        action === 'placement.readHomeAddress' &&
        (options.reason?.trim().length ?? 0) < minimumReasonLength
      )
        return 'reasonRequired';
      return placementRefusal(actor, resource.placement);
    }
    if (resource.type === 'placementRegister') {
      // A unit's list (and the IVO list) is its managers'; everyone else lists their own.
      if (resource.unitId === null) return null;
      return actor.role === 'manager' && actor.unitId === resource.unitId ? null : 'otherUnit';
    }
    if (resource.type === 'homeRegister' && action === 'home.manage') {
      return actor.unitId && resource.homeFindingUnitIds.includes(actor.unitId) ? null : 'notHomeFinding';
    }
    return null;
  },
  reasonTexts: (lang) => placementTexts(lang).denyReasons,
};
