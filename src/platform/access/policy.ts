import type { PartnerKind, ProtectedIdentity, Role, SipInformationKind, SipStatus } from '../db/schema.ts';

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
  /** The partner organisation a partner professional belongs to (docs/decisions/0030). */
  partnerOrganisationId?: string | null;
  /** A partner professional who also administers the users of their own organisation. */
  administersOrganisation?: boolean;
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
  // Partner organisations and coordinated individual plans (SIP), docs/decisions/0030–0031.
  'partnerOrganisation.manage',
  'partnerOrganisation.manageUsers',
  'sip.list',
  'sip.create',
  'sip.request',
  'sip.accept',
  'sip.read',
  'sip.update',
  'sip.recordConsent',
  'sip.withdrawConsent',
  'sip.agree',
  'sip.reportActionStatus',
  'sip.followUp',
  'sip.close',
] as const;
export type Action = (typeof actions)[number];

export type Resource =
  | { type: 'personRegister'; municipalityId: string }
  | { type: 'person'; municipalityId: string; protectedIdentity: ProtectedIdentity }
  | { type: 'auditLog'; municipalityId: string }
  | { type: 'administration'; municipalityId: string }
  | { type: 'statistics'; municipalityId: string }
  | { type: 'partnerOrganisation'; municipalityId: string; organisationId: string }
  | { type: 'sipRegister'; municipalityId: string }
  | { type: 'sip'; municipalityId: string; sip: SipContext; informationKind: SipInformationKind | 'request' };

/**
 * What the policy must know about a plan to decide who may see it, looked up in the same
 * transaction as the access: its parties, its coordinator, who asked for it, and the consent as it
 * stands. 'request' is the partner's own request (what they sent and its status), nothing more.
 */
export interface SipContext {
  status: SipStatus;
  coordinatorUserId: string | null;
  participantOrganisationIds: readonly string[];
  requestedByOrganisationId: string | null;
  consent: ConsentContext | null;
  /** Today in Sweden: consent is given and ends by calendar day. */
  asOf: string;
}

/** The current consent of a plan (the latest version, withdrawn or not). */
export interface ConsentContext {
  givenOn: string;
  validUntil: string;
  withdrawn: boolean;
  organisationIds: readonly string[];
  informationKinds: readonly SipInformationKind[];
}

export type DenyReason =
  | 'notSignedIn'
  | 'secondFactorRequired'
  | 'otherMunicipality'
  | 'roleNotPermitted'
  | 'wrongResource'
  | 'reasonRequired'
  | 'noOrganisation'
  | 'otherOrganisation'
  | 'notOrganisationAdministrator'
  | 'notCoordinator'
  | 'notParticipant'
  | 'sipClosed'
  | 'noConsent'
  | 'consentWithdrawn'
  | 'consentExpired'
  | 'consentNotCovering';

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
  'partnerOrganisation.manage': 'administration',
  'partnerOrganisation.manageUsers': 'partnerOrganisation',
  'sip.list': 'sipRegister',
  'sip.create': 'sipRegister',
  'sip.request': 'sipRegister',
  'sip.accept': 'sip',
  'sip.read': 'sip',
  'sip.update': 'sip',
  'sip.recordConsent': 'sip',
  'sip.withdrawConsent': 'sip',
  'sip.agree': 'sip',
  'sip.reportActionStatus': 'sip',
  'sip.followUp': 'sip',
  'sip.close': 'sip',
};

/** What social services does with a plan; a social worker does it in the plans they coordinate. */
const socialServicesSipActions = [
  'sip.list',
  'sip.create',
  'sip.accept',
  'sip.read',
  'sip.update',
  'sip.recordConsent',
  'sip.withdrawConsent',
  'sip.agree',
  'sip.reportActionStatus',
  'sip.followUp',
  'sip.close',
] as const satisfies readonly Action[];

// Partner professionals see no social services file at all (OSL 26:1): only the plans their
// organisation takes part in, and only while the family's consent covers them (sipRefusal).
// Administrators manage accounts but do not read children's data.
const grants: Record<Role, readonly Action[]> = {
  administrator: [
    'unit.manage',
    'user.manage',
    'partnerOrganisation.manage',
    'partnerOrganisation.manageUsers',
  ],
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
    ...socialServicesSipActions,
  ],
  manager: [
    'person.search',
    'person.read',
    'person.readProtectedDetails',
    'auditLog.review',
    'statistics.read',
    ...socialServicesSipActions,
  ],
  partnerProfessional: [
    'sip.request',
    'sip.read',
    'sip.agree',
    'sip.withdrawConsent',
    'sip.reportActionStatus',
    'partnerOrganisation.manageUsers',
  ],
  statisticsReader: ['statistics.read'],
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
  if (resource.type === 'sip') {
    const refusal = sipRefusal(actor, action, resource.sip, resource.informationKind);
    if (refusal) return deny(refusal);
  }
  if (resource.type === 'partnerOrganisation') {
    const refusal = organisationRefusal(actor, resource.organisationId);
    if (refusal) return deny(refusal);
  }
  if (action === 'sip.request' && !actor.partnerOrganisationId) return deny('noOrganisation');
  if (
    action === 'person.readProtectedDetails' &&
    (options.reason?.trim().length ?? 0) < minimumReasonLength
  ) {
    return deny('reasonRequired');
  }
  return { allowed: true, reason: `${actor.role} may ${action}` };
}

/** Social services' actions that change a plan: the coordinator's, or a manager's. */
const coordinatorActions: ReadonlySet<Action> = new Set([
  'sip.update',
  'sip.recordConsent',
  'sip.agree',
  'sip.reportActionStatus',
  'sip.followUp',
  'sip.close',
]);

/**
 * Who may do what with one plan. Social services holds the plan: its social workers read every
 * plan of the municipality (the trail shows who) and change those they coordinate; managers
 * change any. A partner reaches a plan only as a party to it, while it is open, and only as far
 * as the current consent reaches: not withdrawn, not expired, naming the partner's organisation
 * and the kind of information (SoL 2 kap. 7 §, OSL 25:1 and 26:1).
 */
function sipRefusal(
  actor: Actor,
  action: Action,
  sip: SipContext,
  kind: SipInformationKind | 'request',
): DenyReason | null {
  if (actor.role !== 'partnerProfessional') {
    if (actor.role === 'socialWorker' && coordinatorActions.has(action)) {
      return sip.coordinatorUserId === actor.userId ? null : 'notCoordinator';
    }
    return null;
  }
  const organisationId = actor.partnerOrganisationId;
  if (!organisationId) return 'noOrganisation';
  if (kind === 'request') {
    // The request is what the partner itself sent: readable by its organisation, nothing else.
    if (action !== 'sip.read') return 'wrongResource';
    return sip.requestedByOrganisationId === organisationId ? null : 'otherOrganisation';
  }
  if (!sip.participantOrganisationIds.includes(organisationId)) return 'notParticipant';
  if (sip.status === 'closed') return 'sipClosed';
  return consentRefusal(sip.consent, organisationId, kind, sip.asOf);
}

/** Why a consent does not let this organisation see this kind of information today, or null. */
export function consentRefusal(
  consent: ConsentContext | null,
  organisationId: string,
  kind: SipInformationKind,
  asOf: string,
): DenyReason | null {
  if (!consent) return 'noConsent';
  if (consent.withdrawn) return 'consentWithdrawn';
  if (asOf < consent.givenOn) return 'noConsent';
  if (asOf > consent.validUntil) return 'consentExpired';
  if (!consent.organisationIds.includes(organisationId)) return 'consentNotCovering';
  if (!consent.informationKinds.includes(kind)) return 'consentNotCovering';
  return null;
}

/** A partner organisation's users: the municipality's administrators, or the organisation's own. */
function organisationRefusal(actor: Actor, organisationId: string): DenyReason | null {
  if (actor.role !== 'partnerProfessional') return null;
  if (!actor.administersOrganisation) return 'notOrganisationAdministrator';
  return actor.partnerOrganisationId === organisationId ? null : 'otherOrganisation';
}

function deny(reason: DenyReason): Decision {
  return { allowed: false, reason };
}

/** The kind of resource an action applies to: lets tests walk every resource type. */
export function actionResourceType(action: Action): Resource['type'] {
  return actionResource[action];
}

export function permittedActions(role: Role): readonly Action[] {
  return grants[role];
}
