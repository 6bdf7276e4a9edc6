import type {
  CasePhase,
  PartnerKind,
  ProtectedIdentity,
  Role,
  SipInformationKind,
  SipStatus,
} from '../db/schema.ts';

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
  // Cases (issue 3). The public may file a report and ask how far it has come; see publicActions.
  'report.submit',
  'report.checkStatus',
  'report.list',
  'report.read',
  'report.process',
  'case.read',
  'case.update',
  'case.decideInitialAssessment',
  'case.assign',
  'case.extend',
  'case.decide',
  'case.close',
  'caseNote.write',
  'worklist.read',
  'worklist.readUnit',
  'caseSettings.manage',
  // The public support guide (issue 4): editors write, a second editor reviews, then it is published.
  'guide.edit',
  'guide.review',
  'guide.publish',
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
  | { type: 'reportIntake'; municipalityId: string }
  | { type: 'reportRegister'; municipalityId: string }
  | { type: 'report'; municipalityId: string; case: CaseContext }
  | { type: 'case'; municipalityId: string; case: CaseContext }
  | { type: 'worklist'; municipalityId: string; unitId: string | null }
  | { type: 'partnerOrganisation'; municipalityId: string; organisationId: string }
  | { type: 'sipRegister'; municipalityId: string }
  | { type: 'sip'; municipalityId: string; sip: SipContext; informationKind: SipInformationKind | 'request' }
  /** The municipality's guide; lastEditedBy is who last changed the revision under review. */
  | { type: 'guide'; municipalityId: string; lastEditedBy?: string | null };

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

/**
 * What the policy needs to know about a case (or the case a report belongs to) to decide who
 * may see it: the units that hold it, its responsible social worker, and how far it has come.
 * A report not yet linked to a child is in phase 'new' and held by the intake unit.
 */
export interface CaseContext {
  unitIds: readonly string[];
  responsibleUserId: string | null;
  phase: CasePhase | 'new';
}

export type DenyReason =
  | 'notSignedIn'
  | 'secondFactorRequired'
  | 'otherMunicipality'
  | 'roleNotPermitted'
  | 'wrongResource'
  | 'reasonRequired'
  | 'notAssigned'
  | 'otherUnit'
  | 'wrongPhase'
  | 'noOrganisation'
  | 'otherOrganisation'
  | 'notOrganisationAdministrator'
  | 'notCoordinator'
  | 'notParticipant'
  | 'sipClosed'
  | 'noConsent'
  | 'consentWithdrawn'
  | 'consentExpired'
  | 'consentNotCovering'
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
  'report.submit': 'reportIntake',
  'report.checkStatus': 'reportIntake',
  'report.list': 'reportRegister',
  'report.read': 'report',
  'report.process': 'report',
  'case.read': 'case',
  'case.update': 'case',
  'case.decideInitialAssessment': 'case',
  'case.assign': 'case',
  'case.extend': 'case',
  'case.decide': 'case',
  'case.close': 'case',
  'caseNote.write': 'case',
  'worklist.read': 'worklist',
  'worklist.readUnit': 'worklist',
  'caseSettings.manage': 'administration',
  'guide.edit': 'guide',
  'guide.review': 'guide',
  'guide.publish': 'guide',
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

/**
 * Anyone may file a concern report, signed in or not, in any municipality (SoL: anyone may
 * report; professionals must). The receipt's reference is all that comes back.
 */
const publicActions: ReadonlySet<Action> = new Set(['report.submit', 'report.checkStatus']);

// Partner professionals see no social services file at all (OSL 26:1): only the plans their
// organisation takes part in, and only while the family's consent covers them (sipRefusal); like
// anyone, they may file a concern report (publicActions).
// Administrators manage accounts but do not read children's data.
// Decisions under delegated authority (the investigation's decision, extensions of a time limit,
// distributing investigations) are the managers': see docs/decisions/0014.
const grants: Record<Role, readonly Action[]> = {
  administrator: [
    'unit.manage',
    'user.manage',
    'caseSettings.manage',
    'partnerOrganisation.manage',
    'partnerOrganisation.manageUsers',
  ],
  intakeWorker: [
    'person.search',
    'person.read',
    'person.create',
    'person.update',
    'person.readProtectedDetails',
    'report.list',
    'report.read',
    'report.process',
    'case.read',
    'case.update',
    'case.decideInitialAssessment',
    'caseNote.write',
    'worklist.read',
  ],
  socialWorker: [
    'person.search',
    'person.read',
    'person.create',
    'person.update',
    'person.readProtectedDetails',
    'report.read',
    'report.process',
    'case.read',
    'case.update',
    'case.close',
    'caseNote.write',
    'worklist.read',
    ...socialServicesSipActions,
  ],
  manager: [
    'person.search',
    'person.read',
    'person.readProtectedDetails',
    'auditLog.review',
    'statistics.read',
    'report.list',
    'report.read',
    'report.process',
    'case.read',
    'case.update',
    'case.decideInitialAssessment',
    'case.assign',
    'case.extend',
    'case.decide',
    'case.close',
    'caseNote.write',
    'worklist.read',
    'worklist.readUnit',
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
  if (publicActions.has(action)) {
    if (actionResource[action] !== resource.type) return deny('wrongResource');
    return { allowed: true, reason: `anyone may ${action}` };
  }
  if (!actor) return deny('notSignedIn');
  if (requiresSecondFactor(actor.role) && !actor.secondFactorDone) return deny('secondFactorRequired');
  if (actionResource[action] !== resource.type) return deny('wrongResource');
  if (resource.municipalityId !== actor.municipalityId) return deny('otherMunicipality');
  if (!grants[actor.role].includes(action)) return deny('roleNotPermitted');
  if (resource.type === 'case' || resource.type === 'report') {
    const refusal = caseRefusal(actor, action, resource.case);
    if (refusal) return deny(refusal);
  }
  if (action === 'worklist.readUnit' && resource.type === 'worklist') {
    if (!actor.unitId || resource.unitId !== actor.unitId) return deny('otherUnit');
  }
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
  // Four eyes: a change to the public guide is reviewed by someone other than its last editor.
  if (action === 'guide.review' && resource.type === 'guide' && resource.lastEditedBy === actor.userId) {
    return deny('ownChange');
  }
  return { allowed: true, reason: `${actor.role} may ${action}` };
}

/**
 * Who may touch a case: intake workers (all cases, for the child's history; they write only
 * before an investigation is opened), the responsible social worker, and the managers of a unit
 * that holds it. Nobody else, whatever their role (OSL 26:1).
 */
function caseRefusal(actor: Actor, action: Action, context: CaseContext): DenyReason | null {
  switch (actor.role) {
    case 'intakeWorker': {
      const reading = action === 'case.read' || action === 'report.read';
      const reportLevel = action === 'report.process';
      if (reading || reportLevel) return null;
      return context.phase === 'new' || context.phase === 'initialAssessment' ? null : 'wrongPhase';
    }
    case 'socialWorker':
      return context.responsibleUserId === actor.userId ? null : 'notAssigned';
    case 'manager':
      return actor.unitId && context.unitIds.includes(actor.unitId) ? null : 'otherUnit';
    default:
      return 'roleNotPermitted';
  }
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
 * and the kind of information (SoL 2025:400 10 kap. 8 §, formerly SoL 2001:453 2 kap. 7 §;
 * OSL 25:1 and 26:1).
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
