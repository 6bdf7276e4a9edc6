import type { CasePhase, PartnerKind, ProtectedIdentity, Role } from '../db/schema.ts';

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
  /** The municipality's guide; lastEditedBy is who last changed the revision under review. */
  | { type: 'guide'; municipalityId: string; lastEditedBy?: string | null };

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
};

/**
 * Anyone may file a concern report, signed in or not, in any municipality (SoL: anyone may
 * report; professionals must). The receipt's reference is all that comes back.
 */
const publicActions: ReadonlySet<Action> = new Set(['report.submit', 'report.checkStatus']);

// Partner professionals are absent on purpose: they see no social services file at all (OSL 26:1).
// Administrators manage accounts but do not read children's data.
// Decisions under delegated authority (the investigation's decision, extensions of a time limit,
// distributing investigations) are the managers': see docs/decisions/0014.
const grants: Record<Role, readonly Action[]> = {
  administrator: ['unit.manage', 'user.manage', 'caseSettings.manage'],
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

function deny(reason: DenyReason): Decision {
  return { allowed: false, reason };
}

export function permittedActions(role: Role): readonly Action[] {
  return grants[role];
}
