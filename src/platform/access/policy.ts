import type { PartnerKind, ProtectedIdentity, Role } from '../db/schema.ts';

/**
 * The one access policy. Every question "may this user do this to that?" is answered here, as a
 * pure function, so it can be read and tested as a table. Deny by default: an action that is not
 * granted below is refused.
 */

export interface Actor {
  userId: string;
  municipalityId: string;
  role: Role;
  unitId: string | null;
  displayName: string;
  organisation: string | null;
  partnerKind: PartnerKind | null;
  secondFactorDone: boolean;
}

export const actions = [
  'person.search',
  'person.read',
  'person.create',
  'person.update',
  'person.readProtectedDetails',
  'auditLog.review',
  'unit.manage',
  'user.manage',
  'statistics.read',
  // The public support guide (issue 4): editors write, a second editor reviews, then it is published.
  'guide.edit',
  'guide.review',
  'guide.publish',
] as const;
export type Action = (typeof actions)[number];

export type Resource =
  | { type: 'personRegister'; municipalityId: string }
  | { type: 'person'; municipalityId: string; protectedIdentity: ProtectedIdentity }
  | { type: 'auditLog'; municipalityId: string }
  | { type: 'administration'; municipalityId: string }
  | { type: 'statistics'; municipalityId: string }
  /** The municipality's guide; lastEditedBy is who last changed the revision under review. */
  | { type: 'guide'; municipalityId: string; lastEditedBy?: string | null };

export type DenyReason =
  | 'notSignedIn'
  | 'secondFactorRequired'
  | 'otherMunicipality'
  | 'roleNotPermitted'
  | 'wrongResource'
  | 'reasonRequired'
  | 'ownChange';

export type Decision = { allowed: true; reason: string } | { allowed: false; reason: DenyReason };

/** Which resource type each action applies to. */
const actionResource: Record<Action, Resource['type']> = {
  'person.search': 'personRegister',
  'person.create': 'personRegister',
  'person.read': 'person',
  'person.update': 'person',
  'person.readProtectedDetails': 'person',
  'auditLog.review': 'auditLog',
  'unit.manage': 'administration',
  'user.manage': 'administration',
  'statistics.read': 'statistics',
  'guide.edit': 'guide',
  'guide.review': 'guide',
  'guide.publish': 'guide',
};

// Partner professionals are absent on purpose: they see no social services file at all (OSL 26:1).
// Administrators manage accounts but do not read children's data.
const grants: Record<Role, readonly Action[]> = {
  administrator: ['unit.manage', 'user.manage'],
  intakeWorker: [
    'person.search',
    'person.read',
    'person.create',
    'person.update',
    'person.readProtectedDetails',
  ],
  socialWorker: [
    'person.search',
    'person.read',
    'person.create',
    'person.update',
    'person.readProtectedDetails',
  ],
  manager: [
    'person.search',
    'person.read',
    'person.readProtectedDetails',
    'auditLog.review',
    'statistics.read',
  ],
  partnerProfessional: [],
  statisticsReader: ['statistics.read'],
  // Guide editors handle public texts only: no personal data, no cases.
  guideEditor: ['guide.edit', 'guide.review', 'guide.publish'],
};

/** Roles that may reach personal data must pass a second factor (TOTP or the IdP's own). */
export function requiresSecondFactor(role: Role): boolean {
  return role !== 'statisticsReader';
}

/** The smallest reason a user must give to see a protected person's whereabouts. */
export const minimumReasonLength = 10;

export interface DecideOptions {
  reason?: string | undefined;
}

export function decide(
  actor: Actor | null,
  action: Action,
  resource: Resource,
  options: DecideOptions = {},
): Decision {
  if (!actor) return deny('notSignedIn');
  if (requiresSecondFactor(actor.role) && !actor.secondFactorDone) return deny('secondFactorRequired');
  if (actionResource[action] !== resource.type) return deny('wrongResource');
  if (resource.municipalityId !== actor.municipalityId) return deny('otherMunicipality');
  if (!grants[actor.role].includes(action)) return deny('roleNotPermitted');
  if (
    action === 'person.readProtectedDetails' &&
    (options.reason?.trim().length ?? 0) < minimumReasonLength
  ) {
    return deny('reasonRequired');
  }
  // Four eyes: a change to the public guide is reviewed by someone other than its last editor.
  if (action === 'guide.review' && resource.type === 'guide' && resource.lastEditedBy === actor.userId) {
    return deny('ownChange');
  }
  return { allowed: true, reason: `${actor.role} may ${action}` };
}

function deny(reason: DenyReason): Decision {
  return { allowed: false, reason };
}

export function permittedActions(role: Role): readonly Action[] {
  return grants[role];
}
