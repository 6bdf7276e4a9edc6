import { addDays } from '../../deadlines/calendar.ts';
import { decide, type Action as PolicyAction } from '../../platform/access/policy.ts';
import { type AccessScope, type RequestContext, withAccess } from '../../platform/access/scope.ts';
import { worklistHorizonDays } from '../domain/plan.ts';
import { accessFactsOf, type SipAccessFacts } from '../queries/facts.ts';
import {
  type DueAction,
  dueActions,
  openSipsOfOrganisation,
  plansDue,
  requestsOfOrganisation,
  type SipListRow,
  sipsOfMunicipality,
} from '../queries/lists.ts';
import type { SipStatus } from '../schema.ts';
import { type Db, isSocialServices, sipResource, todayOf } from './scope.ts';

export interface SipListing {
  rows: SipListRow[];
  requests: SipListRow[];
}

/**
 * The plans this user may see. Social services: every plan of the municipality (filtered);
 * partners: open plans their organisation takes part in while consent covers it, and the requests
 * they have sent. Each plan shown is an access to the child's data and goes into the trail.
 */
export async function listSips(
  db: Db,
  context: RequestContext,
  filter: { childId?: string | undefined; status?: SipStatus | undefined; mine?: boolean } = {},
): Promise<SipListing> {
  return withAccess(db, context, async (scope) => {
    const actor = scope.actor;
    if (isSocialServices(actor)) {
      scope.authorize('sip.list', { type: 'sipRegister', municipalityId: actor.municipalityId });
      const rows = await sipsOfMunicipality(scope, filter);
      await auditList(scope, rows, 'sip.list');
      return { rows, requests: [] };
    }
    const today = todayOf(context);
    const organisationId = actor.partnerOrganisationId ?? '';
    const [candidates, sent] = await Promise.all([
      openSipsOfOrganisation(scope, organisationId),
      requestsOfOrganisation(scope, organisationId),
    ]);
    const rows = await permitted(scope, candidates, today, 'plan');
    const requests = await permitted(scope, sent, today, 'request');
    // A partner with nothing to see has still looked: the (empty) list is authorised as a request.
    if (rows.length === 0 && requests.length === 0)
      scope.authorize('sip.request', { type: 'sipRegister', municipalityId: actor.municipalityId });
    await auditList(scope, [...rows, ...requests], 'sip.list');
    return { rows, requests };
  });
}

/** Keeps the rows the policy lets this user read; authorises the scope for each kept row. */
async function permitted(
  scope: AccessScope,
  rows: SipListRow[],
  today: string,
  kind: 'plan' | 'request',
): Promise<SipListRow[]> {
  const facts = await accessFactsOf(
    scope,
    rows.map((r) => r.id),
  );
  const kept: SipListRow[] = [];
  for (const row of rows) {
    const f = facts.get(row.id);
    if (!f) continue;
    const resource = sipResource(
      {
        sip: {
          municipality_id: scope.actor.municipalityId,
          status: row.status,
          coordinator_user_id: row.coordinator_user_id,
          requested_by_organisation_id: row.requested_by_organisation_id,
        } as SipAccessFacts['sip'],
        participantOrganisationIds: f.participants,
        consent: f.consent,
      },
      kind,
      today,
    );
    if (decide(scope.actor, 'sip.read', resource).allowed) {
      scope.authorize('sip.read', resource);
      kept.push(row);
    }
  }
  return kept;
}

async function auditList(
  scope: AccessScope,
  rows: { id: string; child_id: string | null }[],
  action: string,
) {
  await scope.audit(
    ...rows.map((r) => ({ action, subjectPersonId: r.child_id, recordType: 'sip', recordId: r.id })),
  );
}

export interface Worklist {
  followUps: SipListRow[];
  actions: DueAction[];
  requests: SipListRow[];
  awaitingAgreement: SipListRow[];
  /** For partners: every open plan their organisation takes part in while consent holds. */
  plans: SipListRow[];
  horizon: string;
  today: string;
}

/**
 * What needs doing soon: follow-ups and actions due within two weeks (or overdue), requests from
 * partners waiting for social services, plans waiting for the user's organisation to agree.
 * Social workers see the plans they coordinate, managers the municipality's, partners their
 * organisation's while consent covers it.
 */
/** Whether the user has plans to follow at all; users without get no section (and no refusal). */
export function mayHaveSipWorklist(context: RequestContext): boolean {
  const actor = context.actor;
  if (!actor) return false;
  const allowed = (action: PolicyAction) =>
    decide(actor, action, { type: 'sipRegister', municipalityId: actor.municipalityId }).allowed;
  return isSocialServices(actor) ? allowed('sip.list') : allowed('sip.request');
}

/** The plan worklist inside a scope the caller opened, such as the deadline worklist's. */
export async function sipWorklistIn(scope: AccessScope): Promise<Worklist> {
  const { actor, context } = scope;
  const social = isSocialServices(actor);
  const today = todayOf(context);
  const horizon = addDays(today, worklistHorizonDays);
  if (social) {
    scope.authorize('sip.list', { type: 'sipRegister', municipalityId: actor.municipalityId });
    const manager = actor.role === 'manager';
    const { followUps, requests, drafts } = await plansDue(scope, manager ? null : actor.userId, horizon);
    const actions = await dueActions(
      scope,
      manager ? { municipality: true } : { coordinatorUserId: actor.userId },
      horizon,
    );
    await auditList(scope, [...followUps, ...requests, ...drafts], 'sip.list');
    await auditList(
      scope,
      actions.map((a) => ({ id: a.sip_id, child_id: a.child_id })),
      'sip.list',
    );
    return { followUps, actions, requests, awaitingAgreement: drafts, plans: [], horizon, today };
  }
  scope.authorize('sip.request', { type: 'sipRegister', municipalityId: actor.municipalityId });
  const organisationId = actor.partnerOrganisationId ?? '';
  const open = await permitted(scope, await openSipsOfOrganisation(scope, organisationId), today, 'plan');
  const openIds = new Set(open.map((r) => r.id));
  const followUps = open.filter((r) => r.status === 'active' && r.follow_up_on && r.follow_up_on <= horizon);
  const actions = (await dueActions(scope, { organisationId }, horizon)).filter((a) => openIds.has(a.sip_id));
  const agreed = await scope.db
    .selectFrom('sip_participant')
    .select(['sip_id', 'agreed_version'])
    .where('municipality_id', '=', actor.municipalityId)
    .where('organisation_id', '=', organisationId)
    .where('sip_id', 'in', open.length ? open.map((r) => r.id) : ['00000000-0000-0000-0000-000000000000'])
    .execute();
  const awaitingAgreement = open.filter(
    (r) =>
      r.status === 'draft' && agreed.find((a) => a.sip_id === r.id)?.agreed_version !== r.content_version,
  );
  await auditList(scope, open, 'sip.list');
  return { followUps, actions, requests: [], awaitingAgreement, plans: open, horizon, today };
}
