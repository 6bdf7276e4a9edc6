import type { Kysely } from 'kysely';
import type { Actor, Action as PolicyAction, Resource } from '../../platform/access/policy.ts';
import { type AccessScope, type RequestContext, withAccess } from '../../platform/access/scope.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { todayInSweden } from '../../platform/dates.ts';
import type { Database } from '../../platform/db/schema.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { sipContext } from '../domain/plan.ts';
import { sipTexts } from '../i18n/index.ts';
import { type SipAccessFacts, sipAccessFacts, socialServicesOrganisation } from '../queries/facts.ts';
import type { SipInformationKind, SipStatus } from '../schema.ts';

/**
 * What the pages and the API do with coordinated individual plans. Every call is one transaction
 * in which the plan's parties and consent are read, the policy decides on them, and the access is
 * written to the trail with the child as its subject. A withdrawn consent is therefore in force
 * for the very next request, on every page and in the API.
 */

export type Db = Kysely<Database>;

export const isSocialServices = (actor: Actor | null) => !!actor && actor.role !== 'partnerProfessional';

/** The organisation the user acts for in a plan: their partner organisation, or social services. */
export async function actingOrganisationId(scope: AccessScope): Promise<string> {
  const actor = scope.actor;
  if (actor.role === 'partnerProfessional') return actor.partnerOrganisationId ?? '';
  return (await socialServicesOrganisation(scope)).id;
}

export function kindFor(status: SipStatus, closeReason: string | null): SipInformationKind | 'request' {
  // A request not (yet) taken up is the partner's own message, and only that.
  return status === 'requested' || (status === 'closed' && closeReason === 'declined') ? 'request' : 'plan';
}

export function sipResource(
  facts: Pick<SipAccessFacts, 'sip' | 'participantOrganisationIds' | 'consent'>,
  kind: SipInformationKind | 'request',
  today: string,
): Resource {
  return {
    type: 'sip',
    municipalityId: facts.sip.municipality_id,
    informationKind: kind,
    sip: sipContext({
      status: facts.sip.status,
      coordinatorUserId: facts.sip.coordinator_user_id,
      participantOrganisationIds: facts.participantOrganisationIds,
      requestedByOrganisationId: facts.sip.requested_by_organisation_id,
      consent: facts.consent,
      today,
    }),
  };
}

export const subjectOf = (facts: SipAccessFacts): Omit<AuditEntry, 'action'> => ({
  subjectPersonId: facts.sip.child_id,
  recordType: 'sip',
  recordId: facts.sip.id,
});

/** Runs work on one plan after the policy allowed the action; the plan's absence is a 404. */
export async function onSip<T>(
  db: Db,
  context: RequestContext,
  id: string,
  action: PolicyAction,
  work: (scope: AccessScope, facts: SipAccessFacts, today: string) => Promise<T>,
): Promise<T> {
  return withAccess(db, context, async (scope) => {
    const facts = await sipAccessFacts(scope, id);
    if (!facts) throw notFound();
    const today = todayOf(context);
    const kind = action === 'sip.accept' ? 'request' : kindFor(facts.sip.status, facts.sip.close_reason);
    scope.authorize(action, sipResource(facts, kind, today), { audit: subjectOf(facts) });
    return work(scope, facts, today);
  });
}

/** The request's "today" (the clock), or the real date in Sweden outside a request. */
export const todayOf = (context: RequestContext) => context.today ?? todayInSweden();

export const wrongStatus = () => conflict((lang) => sipTexts(lang).wrongStatus);
