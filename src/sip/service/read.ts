import { guardiansOf, type Relative } from '../../people/queries.ts';
import { decide, type Action as PolicyAction } from '../../platform/access/policy.ts';
import type { RequestContext } from '../../platform/access/scope.ts';
import { type LoadedSection, loadSections } from '../../platform/features.ts';
import { consentState } from '../domain/consent.ts';
import { type AgreementBlocker, agreementBlockers, statusAllows } from '../domain/lifecycle.ts';
import type { SipSection } from '../extension.ts';
import { type SipAccessFacts, socialServicesOrganisation } from '../queries/facts.ts';
import {
  type ChildSummary,
  type ConsentRecord,
  childOf,
  contentOf,
  currentConsentOf,
  invitableOrganisations,
  organisationName,
  type Participant,
  participantsOf,
  userName,
} from '../queries/plan.ts';
import type { SipInformationKind } from '../schema.ts';
import { type Db, isSocialServices, kindFor, onSip, sipResource, subjectOf } from './scope.ts';

export interface SipView {
  facts: SipAccessFacts;
  today: string;
  kind: SipInformationKind | 'request';
  /** What the consent lets this user see beyond the plan itself. */
  visible: { needs: boolean; contactDetails: boolean };
  socialServices: boolean;
  actingOrganisationId: string;
  socialServicesId: string;
  child: ChildSummary | null;
  guardians: Relative[];
  coordinatorName: string | null;
  requestedBy: { organisation: string | null; user: string | null };
  participants: Participant[];
  consent: ConsentRecord | null;
  needs: Awaited<ReturnType<typeof contentOf>>['needs'];
  goals: Awaited<ReturnType<typeof contentOf>>['goals'];
  actions: Awaited<ReturnType<typeof contentOf>>['actions'];
  followUps: Awaited<ReturnType<typeof contentOf>>['followUps'];
  blockers: AgreementBlocker[];
  invitable: { id: string; name: string; kind: string }[];
  /** What this user may do now (the policy and the plan's status both allow it). */
  can: {
    update: boolean;
    recordConsent: boolean;
    withdrawConsent: boolean;
    agree: boolean;
    followUp: boolean;
    reportActionStatus: boolean;
    close: boolean;
    revise: boolean;
    accept: boolean;
  };
  /** What other features show on the plan's page (the child's placements). */
  sections: LoadedSection<SipSection>[];
}

export type ReadPurpose = 'read' | 'print' | 'api';

/**
 * One plan as this user may see it. A partner sees the plan itself only while the consent covers
 * their organisation; the child's needs and the contact details only when the consent names them.
 */
export async function readSip(
  db: Db,
  context: RequestContext,
  id: string,
  purpose: ReadPurpose = 'read',
  sections: readonly SipSection[] = [],
) {
  return onSip(db, context, id, 'sip.read', async (scope, facts, today): Promise<SipView> => {
    const actor = scope.actor;
    const kind = kindFor(facts.sip.status, facts.sip.close_reason);
    const allows = (action: PolicyAction, k: SipInformationKind | 'request' = kind) =>
      decide(actor, action, sipResource(facts, k, today)).allowed;
    const visible = {
      needs: kind !== 'request' && allows('sip.read', 'needs'),
      contactDetails: kind !== 'request' && allows('sip.read', 'contactDetails'),
    };
    const social = isSocialServices(actor);
    const socialServicesId = (await socialServicesOrganisation(scope)).id;
    const [child, participants, consent, content, coordinatorName, requestedOrg, requestedUser] =
      await Promise.all([
        childOf(scope, facts.sip.child_id),
        kind === 'request' ? Promise.resolve([]) : participantsOf(scope, facts.sip.id),
        kind === 'request' ? Promise.resolve(null) : currentConsentOf(scope, facts.sip.id),
        kind === 'request'
          ? Promise.resolve({ needs: [], goals: [], actions: [], followUps: [] })
          : contentOf(scope, facts.sip.id),
        userName(scope, facts.sip.coordinator_user_id),
        organisationName(scope, facts.sip.requested_by_organisation_id),
        social ? userName(scope, facts.sip.requested_by_user_id) : Promise.resolve(null),
      ]);
    const guardians =
      facts.sip.child_id && visible.contactDetails ? await guardiansOf(scope, facts.sip.child_id) : [];
    const acting = social ? socialServicesId : (actor.partnerOrganisationId ?? '');
    const status = facts.sip.status;
    const blockers = agreementBlockers({
      socialServicesId,
      participantOrganisationIds: facts.participantOrganisationIds,
      consent: facts.consent,
      needs: content.needs.length,
      goals: content.goals.length,
      actions: content.actions.length,
      leadOrganisationId: facts.sip.lead_organisation_id,
      followUpOn: facts.sip.follow_up_on,
      today,
    });
    const can = {
      update: statusAllows.edit(status) && allows('sip.update'),
      recordConsent: statusAllows.recordConsent(status) && allows('sip.recordConsent'),
      withdrawConsent:
        status !== 'closed' &&
        consentState(facts.consent, today) === 'valid' &&
        allows('sip.withdrawConsent'),
      agree:
        statusAllows.agree(status) &&
        facts.participantOrganisationIds.includes(acting) &&
        allows('sip.agree'),
      followUp: statusAllows.followUp(status) && allows('sip.followUp'),
      reportActionStatus: statusAllows.followUp(status) && allows('sip.reportActionStatus'),
      close: statusAllows.close(status) && allows('sip.close'),
      revise: statusAllows.revise(status) && allows('sip.update'),
      accept: statusAllows.accept(status) && allows('sip.accept', 'request'),
    };
    const invitable = can.update ? await invitableOrganisations(scope, facts.sip.id) : [];
    const shownKinds = [
      'plan',
      ...(visible.needs ? ['needs'] : []),
      ...(visible.contactDetails ? ['contactDetails'] : []),
    ];
    await scope.audit({
      action: purpose === 'print' ? 'sip.print' : 'sip.read',
      ...subjectOf(facts),
      reason: kind === 'request' ? 'request' : shownKinds.join(','),
    });
    return {
      facts,
      today,
      kind,
      visible,
      socialServices: social,
      actingOrganisationId: acting,
      socialServicesId,
      // Without consent to contact details a partner sees the child's name and birth date only.
      child: child && !visible.contactDetails && !social ? { ...child, personal_number: null } : child,
      guardians,
      coordinatorName,
      requestedBy: { organisation: requestedOrg, user: requestedUser },
      participants,
      // The guardians' names are contact details too.
      consent: consent && !visible.contactDetails && !social ? { ...consent, guardians: [] } : consent,
      needs: visible.needs || social ? content.needs : [],
      goals: content.goals,
      actions: content.actions,
      followUps: content.followUps,
      blockers,
      invitable,
      can,
      sections: kind === 'request' ? [] : await loadSections(scope, sections, facts.sip),
    };
  });
}
