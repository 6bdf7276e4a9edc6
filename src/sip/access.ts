import type { Action, Actor, DenyReason, RuleSet } from '../platform/access/policy.ts';
import { sipTexts } from './i18n/index.ts';
import type { SipInformationKind, SipStatus } from './schema.ts';

/**
 * Coordinated individual plans (SIP) in the access policy, docs/decisions/0031: social services
 * holds the plan; a partner reaches it only as a party, while it is open, and only as far as the
 * family's consent reaches. Registered by src/access.ts.
 */

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

const sipActions = {
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
} as const;
type SipActions = typeof sipActions;

declare module '../platform/access/policy.ts' {
  interface PolicyActions extends SipActions {}
  interface PolicyResources {
    sipRegister: Record<never, never>;
    sip: { sip: SipContext; informationKind: SipInformationKind | 'request' };
  }
  interface PolicyDenyReasons {
    noOrganisation: true;
    notCoordinator: true;
    notParticipant: true;
    sipClosed: true;
    noConsent: true;
    consentWithdrawn: true;
    consentExpired: true;
    consentNotCovering: true;
  }
}

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

// Partner professionals see no social services file at all (OSL 26:1): only the plans their
// organisation takes part in, and only while the family's consent covers them (sipRefusal); like
// anyone, they may file a concern report.
export const sipRules: RuleSet = {
  name: 'sip',
  actions: sipActions,
  grants: {
    socialWorker: socialServicesSipActions,
    manager: socialServicesSipActions,
    partnerProfessional: [
      'sip.request',
      'sip.read',
      'sip.agree',
      'sip.withdrawConsent',
      'sip.reportActionStatus',
    ],
  },
  refusal(actor, action, resource) {
    if (resource.type === 'sip') return sipRefusal(actor, action, resource.sip, resource.informationKind);
    if (action === 'sip.request' && !actor.partnerOrganisationId) return 'noOrganisation';
    return null;
  },
  // "Your organisation is not a party to this plan" would confirm that the plan exists.
  concealedReasons: ['notParticipant'],
  reasonTexts: (lang) => sipTexts(lang).denyReasons,
};
