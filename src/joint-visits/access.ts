import type { CaseContext } from '../cases/access.ts';
import type { Action, Actor, DenyReason, RuleSet } from '../platform/access/policy.ts';
import { jointVisitsTexts } from './i18n/index.ts';

/**
 * Joint home visits with the police in the access policy (docs/decisions/0066). The visit is part
 * of the social services file: who may read it follows the concern report it belongs to (intake,
 * the responsible social worker, the managers of a unit that holds it) and whoever recorded it.
 * The police organisation that took part reads only the summary, and only while the family's
 * consent holds (OSL 26 kap. 1 §, 12 kap. 2 §; SoL 2025:400 18 kap. 6 §). Registered by src/access.ts.
 */

export interface JointVisitContext {
  /** The report's case as the case rules see it (the visit's unit added to its units). */
  case: CaseContext;
  recordedBy: string | null;
  policeOrganisationId: string;
  /** The family's consent to the police summary: null when none was recorded. */
  consent: { withdrawn: boolean } | null;
}

const jointVisitActions = {
  'jointVisit.list': 'jointVisitRegister',
  'jointVisit.listSummaries': 'jointVisitRegister',
  'jointVisit.readFigures': 'jointVisitRegister',
  'jointVisit.create': 'jointVisit',
  'jointVisit.read': 'jointVisit',
  'jointVisit.update': 'jointVisit',
  'jointVisit.recordConsent': 'jointVisit',
  'jointVisit.withdrawConsent': 'jointVisit',
  'jointVisit.completeFollowUp': 'jointVisit',
  'jointVisit.readSummary': 'jointVisit',
} as const;
type JointVisitActions = typeof jointVisitActions;

declare module '../platform/access/policy.ts' {
  interface PolicyActions extends JointVisitActions {}
  interface PolicyResources {
    jointVisitRegister: { unitId: string | null };
    jointVisit: { visit: JointVisitContext };
  }
  interface PolicyDenyReasons {
    notPolice: true;
    notVisitPolice: true;
    noVisitConsent: true;
    visitConsentWithdrawn: true;
  }
}

const socialServicesActions = [
  'jointVisit.list',
  'jointVisit.create',
  'jointVisit.read',
  'jointVisit.update',
  'jointVisit.recordConsent',
  'jointVisit.withdrawConsent',
  'jointVisit.completeFollowUp',
] as const satisfies readonly Action[];

/** Social services: as the report's case, or the one who recorded the visit. */
function socialServicesRefusal(actor: Actor, visit: JointVisitContext): DenyReason | null {
  switch (actor.role) {
    case 'intakeWorker':
      return null;
    case 'socialWorker':
      return visit.case.responsibleUserId === actor.userId || visit.recordedBy === actor.userId
        ? null
        : 'notAssigned';
    case 'manager':
      return actor.unitId && visit.case.unitIds.includes(actor.unitId) ? null : 'otherUnit';
    default:
      return 'roleNotPermitted';
  }
}

/** The police organisation that took part, while the family's consent holds: the summary only. */
export function policeRefusal(actor: Actor, visit: JointVisitContext): DenyReason | null {
  if (actor.partnerKind !== 'police' || !actor.partnerOrganisationId) return 'notPolice';
  if (visit.policeOrganisationId !== actor.partnerOrganisationId) return 'notVisitPolice';
  if (!visit.consent) return 'noVisitConsent';
  if (visit.consent.withdrawn) return 'visitConsentWithdrawn';
  return null;
}

export const jointVisitRules: RuleSet = {
  name: 'joint-visits',
  actions: jointVisitActions,
  grants: {
    intakeWorker: socialServicesActions,
    socialWorker: socialServicesActions,
    manager: [...socialServicesActions, 'jointVisit.readFigures'],
    partnerProfessional: ['jointVisit.listSummaries', 'jointVisit.readSummary'],
  },
  refusal(actor, action, resource) {
    if (resource.type === 'jointVisit') {
      if (action === 'jointVisit.readSummary') return policeRefusal(actor, resource.visit);
      return socialServicesRefusal(actor, resource.visit);
    }
    if (resource.type === 'jointVisitRegister') {
      if (action === 'jointVisit.listSummaries')
        return actor.partnerKind === 'police' && actor.partnerOrganisationId ? null : 'notPolice';
      if (action === 'jointVisit.readFigures')
        return actor.unitId && resource.unitId === actor.unitId ? null : 'otherUnit';
    }
    return null;
  },
  // Telling the police why would confirm that social services holds a visit it may not see.
  concealedReasons: ['notVisitPolice', 'noVisitConsent', 'visitConsentWithdrawn'],
  reasonTexts: (lang) => jointVisitsTexts(lang).denyReasons,
};
