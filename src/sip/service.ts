import type { Kysely } from 'kysely';
import { parsePersonalNumber } from '../people/personal-number.ts';
import { guardiansOf, personById, personByNumber, type Relative } from '../people/queries.ts';
import { type Actor, decide, type Action as PolicyAction, type Resource } from '../platform/access/policy.ts';
import { type AccessScope, type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { AuditEntry } from '../platform/audit/audit.ts';
import { todayInSweden } from '../platform/dates.ts';
import type { Database } from '../platform/db/schema.ts';
import { conflict, notFound } from '../platform/http/errors.ts';
import {
  type ActionInput,
  type AgreementBlocker,
  addDays,
  agreementBlockers,
  type ConsentFieldError,
  type ConsentInput,
  type ContentFieldError,
  consentState,
  everyoneAgreed,
  type FollowUpInput,
  type FrameInput,
  type RequestFieldError,
  sipContext,
  statusAllows,
  validateAction,
  validateClose,
  validateConsent,
  validateFollowUp,
  validateFrame,
  validateGoal,
  validateNeed,
  validateRequest,
  worklistHorizonDays,
} from './domain.ts';
import { sipTexts } from './i18n/index.ts';
import {
  accessFactsOf,
  addParticipant,
  bumpVersion,
  type ChildSummary,
  type ConsentRecord,
  childOf,
  contentOf,
  currentConsentOf,
  type DueAction,
  dueActions,
  insertSip,
  invitableOrganisations,
  isCaseOfChild,
  linkCase,
  openSipsOfOrganisation,
  organisationName,
  type Participant,
  participantsOf,
  plansDue,
  requestsOfOrganisation,
  type SipAccessFacts,
  type SipListRow,
  sipAccessFacts,
  sipsOfMunicipality,
  socialServicesOrganisation,
  userName,
} from './queries.ts';
import type { ActionStatus, SipInformationKind, SipStatus } from './schema.ts';

/**
 * What the pages and the API do with coordinated individual plans. Every call is one transaction
 * in which the plan's parties and consent are read, the policy decides on them, and the access is
 * written to the trail with the child as its subject. A withdrawn consent is therefore in force
 * for the very next request, on every page and in the API.
 */

type Db = Kysely<Database>;

export const isSocialServices = (actor: Actor | null) => !!actor && actor.role !== 'partnerProfessional';

/** The organisation the user acts for in a plan: their partner organisation, or social services. */
async function actingOrganisationId(scope: AccessScope): Promise<string> {
  const actor = scope.actor;
  if (actor.role === 'partnerProfessional') return actor.partnerOrganisationId ?? '';
  return (await socialServicesOrganisation(scope)).id;
}

function kindFor(status: SipStatus, closeReason: string | null): SipInformationKind | 'request' {
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

const subjectOf = (facts: SipAccessFacts): Omit<AuditEntry, 'action'> => ({
  subjectPersonId: facts.sip.child_id,
  recordType: 'sip',
  recordId: facts.sip.id,
});

/** Runs work on one plan after the policy allowed the action; the plan's absence is a 404. */
async function onSip<T>(
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
const todayOf = (context: RequestContext) => context.today ?? todayInSweden();

const wrongStatus = () => conflict((lang) => sipTexts(lang).wrongStatus);

// ---- Reading ----

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
}

export type ReadPurpose = 'read' | 'print' | 'api';

/**
 * One plan as this user may see it. A partner sees the plan itself only while the consent covers
 * their organisation; the child's needs and the contact details only when the consent names them.
 */
export async function readSip(db: Db, context: RequestContext, id: string, purpose: ReadPurpose = 'read') {
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
    };
  });
}

// ---- Lists and worklists ----

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

// ---- Starting and requesting ----

/**
 * Social services starts a plan for a child, from the child's page or from the child's case (the
 * plan is then linked to the case). An open plan of the child is returned instead of a second one.
 */
export async function startSip(
  db: Db,
  context: RequestContext,
  childId: string,
  caseId?: string,
): Promise<{ id: string; existing: boolean }> {
  return withAccess(db, context, async (scope) => {
    const actor = scope.actor;
    scope.authorize(
      'sip.create',
      { type: 'sipRegister', municipalityId: actor.municipalityId },
      { audit: { subjectPersonId: null, recordType: 'sip' } },
    );
    const child = await personById(scope, childId);
    if (!child) throw notFound();
    if (caseId && !(await isCaseOfChild(scope, caseId, childId))) throw notFound();
    const open = await sipsOfMunicipality(scope, { childId });
    const existing = open.find((s) => s.status === 'draft' || s.status === 'active');
    if (existing) {
      if (caseId) await linkCase(scope, existing.id, caseId);
      await scope.audit({
        action: 'sip.read',
        subjectPersonId: childId,
        recordType: 'sip',
        recordId: existing.id,
      });
      return { id: existing.id, existing: true };
    }
    const id = await insertSip(scope, {
      status: 'draft',
      childId,
      caseId: caseId ?? null,
      coordinatorUserId: actor.userId,
    });
    const socialServices = await socialServicesOrganisation(scope);
    await addParticipant(scope, id, socialServices.id, actor.displayName, todayOf(context));
    await scope.audit({ action: 'sip.create', subjectPersonId: childId, recordType: 'sip', recordId: id });
    return { id, existing: false };
  });
}

/**
 * A partner asks social services for a plan. Whether the child is known to social services is
 * itself secret (OSL 26:1): the answer is the same either way, and the request is matched to the
 * register only when social services takes it up.
 */
export async function requestSip(
  db: Db,
  context: RequestContext,
  input: Parameters<typeof validateRequest>[0],
): Promise<{ ok: true; id: string } | { ok: false; errors: RequestFieldError[] }> {
  return withAccess(db, context, async (scope) => {
    const actor = scope.actor;
    scope.authorize('sip.request', { type: 'sipRegister', municipalityId: actor.municipalityId });
    const valid = validateRequest(input, todayOf(context));
    if (!valid.ok) return valid;
    const id = await insertSip(scope, {
      status: 'requested',
      childId: null,
      coordinatorUserId: null,
      requestedByUserId: actor.userId,
      requestedByOrganisationId: actor.partnerOrganisationId ?? null,
      requestedChildName: valid.value.childName,
      requestedPersonalNumber: valid.value.personalNumber,
      requestReason: valid.value.reason,
    });
    await scope.audit({ action: 'sip.request', recordType: 'sip', recordId: id });
    return { ok: true, id };
  });
}

export type AcceptOutcome = { ok: true } | { ok: false; error: 'childNotInRegister' | 'invalidNumber' };

/**
 * Social services takes up a partner's request: the child is found in the register by the number
 * given (or the one the partner sent), the user becomes coordinator, and the requesting
 * organisation becomes a party. It sees the plan once the family's consent is recorded.
 */
export async function acceptRequest(
  db: Db,
  context: RequestContext,
  id: string,
  personalNumber: string | undefined,
): Promise<AcceptOutcome> {
  return onSip(db, context, id, 'sip.accept', async (scope, facts, today) => {
    if (!statusAllows.accept(facts.sip.status)) throw wrongStatus();
    const typed = personalNumber?.trim() || facts.sip.requested_personal_number || '';
    const parsed = parsePersonalNumber(typed, today);
    if (!parsed.ok) return { ok: false, error: 'invalidNumber' };
    const child = await personByNumber(scope, parsed.value.normalized);
    if (!child) return { ok: false, error: 'childNotInRegister' };
    await scope.db
      .updateTable('sip')
      .set({ status: 'draft', child_id: child.id, coordinator_user_id: scope.actor.userId })
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('id', '=', id)
      .execute();
    const socialServices = await socialServicesOrganisation(scope);
    await addParticipant(scope, id, socialServices.id, scope.actor.displayName, today);
    if (facts.sip.requested_by_organisation_id)
      await addParticipant(scope, id, facts.sip.requested_by_organisation_id, '', today);
    await scope.audit({ action: 'sip.accept', subjectPersonId: child.id, recordType: 'sip', recordId: id });
    return { ok: true };
  });
}

export async function declineRequest(
  db: Db,
  context: RequestContext,
  id: string,
  note: string,
): Promise<{ ok: true } | { ok: false; errors: ContentFieldError[] }> {
  return onSip(db, context, id, 'sip.accept', async (scope, facts, today) => {
    if (!statusAllows.accept(facts.sip.status)) throw wrongStatus();
    const text = note.trim();
    if (!text) return { ok: false, errors: [{ field: 'declineNote', code: 'required' }] };
    if (text.length > 2000)
      return { ok: false, errors: [{ field: 'declineNote', code: 'tooLong', max: 2000 }] };
    await scope.db
      .updateTable('sip')
      .set({ status: 'closed', closed_on: today, close_reason: 'declined', close_note: text })
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('id', '=', id)
      .execute();
    await scope.audit({ action: 'sip.decline', ...subjectOf(facts) });
    return { ok: true };
  });
}

// ---- Writing the plan (the coordinator, in a draft) ----

type ContentOutcome = { ok: true } | { ok: false; errors: ContentFieldError[] };

async function editDraft(
  db: Db,
  context: RequestContext,
  id: string,
  auditAction: string,
  work: (scope: AccessScope, facts: SipAccessFacts, today: string) => Promise<ContentOutcome>,
): Promise<ContentOutcome> {
  return onSip(db, context, id, 'sip.update', async (scope, facts, today) => {
    if (!statusAllows.edit(facts.sip.status)) throw wrongStatus();
    const outcome = await work(scope, facts, today);
    if (outcome.ok) await scope.audit({ action: auditAction, ...subjectOf(facts) });
    return outcome;
  });
}

export function updateFrame(db: Db, context: RequestContext, id: string, input: FrameInput) {
  return editDraft(db, context, id, 'sip.update', async (scope, facts, today) => {
    const valid = validateFrame(input, {
      today,
      participantOrganisationIds: facts.participantOrganisationIds,
    });
    if (!valid.ok) return valid;
    const v = valid.value;
    const s = facts.sip;
    await scope.db
      .updateTable('sip')
      .set({
        lead_organisation_id: v.leadOrganisationId,
        meeting_on: v.meetingOn,
        meeting_time: v.meetingTime,
        meeting_place: v.meetingPlace,
        follow_up_on: v.followUpOn,
        family_participants: v.familyParticipants,
        summary_for_child: v.summaryForChild,
      })
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('id', '=', id)
      .execute();
    // Booking the meeting changes nothing the parties agree to; the rest of the frame does.
    if (
      v.leadOrganisationId !== s.lead_organisation_id ||
      v.followUpOn !== s.follow_up_on ||
      v.summaryForChild !== s.summary_for_child
    )
      await bumpVersion(scope, id);
    return { ok: true };
  });
}

export function inviteOrganisation(
  db: Db,
  context: RequestContext,
  id: string,
  input: { organisationId?: string | undefined; contactName?: string | undefined },
) {
  return editDraft(db, context, id, 'sip.invite', async (scope, _facts, today) => {
    const organisation = (await invitableOrganisations(scope, id)).find((o) => o.id === input.organisationId);
    if (!organisation) return { ok: false, errors: [{ field: 'organisationId', code: 'invalid' }] };
    const contactName = (input.contactName ?? '').replace(/\s+/g, ' ').trim();
    if (contactName.length > 200)
      return { ok: false, errors: [{ field: 'contactName', code: 'tooLong', max: 200 }] };
    await addParticipant(scope, id, organisation.id, contactName, today);
    await bumpVersion(scope, id);
    return { ok: true };
  });
}

export function removeParticipant(db: Db, context: RequestContext, id: string, organisationId: string) {
  return editDraft(db, context, id, 'sip.uninvite', async (scope, facts) => {
    const socialServices = await socialServicesOrganisation(scope);
    if (organisationId === socialServices.id || !facts.participantOrganisationIds.includes(organisationId))
      throw notFound();
    const responsible = await scope.db
      .selectFrom('sip_action')
      .select('id')
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('sip_id', '=', id)
      .where('responsible_organisation_id', '=', organisationId)
      .executeTakeFirst();
    if (responsible || facts.sip.lead_organisation_id === organisationId)
      throw conflict((lang) => sipTexts(lang).participantInUse);
    await scope.db
      .deleteFrom('sip_participant')
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('sip_id', '=', id)
      .where('organisation_id', '=', organisationId)
      .execute();
    await bumpVersion(scope, id);
    return { ok: true };
  });
}

export function addNeed(
  db: Db,
  context: RequestContext,
  id: string,
  input: Parameters<typeof validateNeed>[0],
) {
  return editDraft(db, context, id, 'sip.update', async (scope) => {
    const valid = validateNeed(input);
    if (!valid.ok) return valid;
    await scope.db
      .insertInto('sip_need')
      .values({ municipality_id: scope.actor.municipalityId, sip_id: id, ...valid.value })
      .execute();
    await bumpVersion(scope, id);
    return { ok: true };
  });
}

export function addGoal(
  db: Db,
  context: RequestContext,
  id: string,
  input: Parameters<typeof validateGoal>[0],
) {
  return editDraft(db, context, id, 'sip.update', async (scope) => {
    const valid = validateGoal(input);
    if (!valid.ok) return valid;
    await scope.db
      .insertInto('sip_goal')
      .values({
        municipality_id: scope.actor.municipalityId,
        sip_id: id,
        area: valid.value.area,
        goal: valid.value.goal,
        childs_words: valid.value.childsWords,
      })
      .execute();
    await bumpVersion(scope, id);
    return { ok: true };
  });
}

export function addAction(db: Db, context: RequestContext, id: string, input: ActionInput) {
  return editDraft(db, context, id, 'sip.update', async (scope, facts, today) => {
    const goals = await scope.db
      .selectFrom('sip_goal')
      .select('id')
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('sip_id', '=', id)
      .execute();
    const valid = validateAction(input, {
      today,
      participantOrganisationIds: facts.participantOrganisationIds,
      goalIds: goals.map((g) => g.id),
    });
    if (!valid.ok) return valid;
    const v = valid.value;
    await scope.db
      .insertInto('sip_action')
      .values({
        municipality_id: scope.actor.municipalityId,
        sip_id: id,
        goal_id: v.goalId,
        description: v.description,
        responsible_organisation_id: v.responsibleOrganisationId,
        responsible_other: v.responsibleOther,
        responsible_person: v.responsiblePerson,
        due_on: v.dueOn,
      })
      .execute();
    await bumpVersion(scope, id);
    return { ok: true };
  });
}

export type ContentKind = 'need' | 'goal' | 'action';

/** Removes a need, goal or action of the plan; a goal's actions stay, no longer tied to it. */
export function removeContent(
  db: Db,
  context: RequestContext,
  id: string,
  kind: ContentKind,
  itemId: string,
) {
  return editDraft(db, context, id, 'sip.update', async (scope) => {
    const municipalityId = scope.actor.municipalityId;
    if (kind === 'goal')
      await scope.db
        .updateTable('sip_action')
        .set({ goal_id: null })
        .where('municipality_id', '=', municipalityId)
        .where('sip_id', '=', id)
        .where('goal_id', '=', itemId)
        .execute();
    const table = kind === 'need' ? 'sip_need' : kind === 'goal' ? 'sip_goal' : 'sip_action';
    const result = await scope.db
      .deleteFrom(table)
      .where('municipality_id', '=', municipalityId)
      .where('sip_id', '=', id)
      .where('id', '=', itemId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw notFound();
    await bumpVersion(scope, id);
    return { ok: true };
  });
}

// ---- Consent ----

/** The guardians registered for the plan's child: whose consent the plan needs. */
export async function consentForm(db: Db, context: RequestContext, id: string) {
  return onSip(db, context, id, 'sip.recordConsent', async (scope, facts) => {
    if (!statusAllows.recordConsent(facts.sip.status)) throw wrongStatus();
    const [child, guardians, participants, consent] = await Promise.all([
      childOf(scope, facts.sip.child_id),
      facts.sip.child_id ? guardiansOf(scope, facts.sip.child_id) : Promise.resolve([]),
      participantsOf(scope, id),
      currentConsentOf(scope, id),
    ]);
    await scope.audit({ action: 'sip.read', ...subjectOf(facts), reason: 'consentForm' });
    return { child, guardians, participants, consent };
  });
}

/**
 * Records the family's consent as a new version; the one before it stops counting at once. The
 * plan's social services is always covered: it holds the plan.
 */
export async function recordConsent(
  db: Db,
  context: RequestContext,
  id: string,
  input: ConsentInput,
): Promise<{ ok: true } | { ok: false; errors: ConsentFieldError[] }> {
  return onSip(db, context, id, 'sip.recordConsent', async (scope, facts, today) => {
    if (!statusAllows.recordConsent(facts.sip.status)) throw wrongStatus();
    const guardians = facts.sip.child_id ? await guardiansOf(scope, facts.sip.child_id) : [];
    const socialServices = await socialServicesOrganisation(scope);
    const valid = validateConsent(
      { ...input, organisationIds: [socialServices.id, ...(input.organisationIds ?? [])] },
      {
        today,
        registeredGuardianIds: guardians.map((g) => g.id),
        participantOrganisationIds: facts.participantOrganisationIds,
      },
    );
    if (!valid.ok) return valid;
    const v = valid.value;
    const municipalityId = scope.actor.municipalityId;
    await scope.db
      .updateTable('sip_consent')
      .set({ superseded_at: new Date() })
      .where('municipality_id', '=', municipalityId)
      .where('sip_id', '=', id)
      .where('superseded_at', 'is', null)
      .execute();
    const consent = await scope.db
      .insertInto('sip_consent')
      .values({
        municipality_id: municipalityId,
        sip_id: id,
        given_on: v.givenOn,
        valid_until: v.validUntil,
        information_kinds: v.informationKinds,
        childs_view: v.childsView,
        childs_view_note: v.childsViewNote,
        guardians_note: v.guardiansNote,
        recorded_by: scope.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (v.guardianIds.length)
      await scope.db
        .insertInto('sip_consent_guardian')
        .values(
          v.guardianIds.map((guardian_id) => ({
            municipality_id: municipalityId,
            consent_id: consent.id,
            guardian_id,
          })),
        )
        .execute();
    await scope.db
      .insertInto('sip_consent_organisation')
      .values(
        v.organisationIds.map((organisation_id) => ({
          municipality_id: municipalityId,
          consent_id: consent.id,
          organisation_id,
        })),
      )
      .execute();
    await scope.audit(
      { action: 'sip.recordConsent', ...subjectOf(facts), reason: v.informationKinds.join(',') },
      ...v.guardianIds.map((g) => ({
        action: 'sip.recordConsent',
        subjectPersonId: g,
        recordType: 'sipConsent',
        recordId: consent.id,
      })),
    );
    return { ok: true };
  });
}

/**
 * The family withdraws its consent: from this moment no partner sees the plan (OSL 25:1, 26:1).
 * Social services records it, or a party the family told: a withdrawal only ever narrows access.
 */
export async function withdrawConsent(
  db: Db,
  context: RequestContext,
  id: string,
  note: string,
): Promise<{ ok: true } | { ok: false; errors: ContentFieldError[] }> {
  return onSip(db, context, id, 'sip.withdrawConsent', async (scope, facts) => {
    if (!facts.consentId || facts.consent?.withdrawn)
      throw conflict((lang) => sipTexts(lang).noConsentToWithdraw);
    const text = note.replace(/\s+/g, ' ').trim();
    if (!text) return { ok: false, errors: [{ field: 'withdrawalNote', code: 'required' }] };
    if (text.length > 1000)
      return { ok: false, errors: [{ field: 'withdrawalNote', code: 'tooLong', max: 1000 }] };
    await scope.db
      .updateTable('sip_consent')
      .set({ withdrawn_at: new Date(), withdrawn_by: scope.actor.userId, withdrawal_note: text })
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('id', '=', facts.consentId)
      .execute();
    await scope.audit({ action: 'sip.withdrawConsent', ...subjectOf(facts), reason: text });
    return { ok: true };
  });
}

// ---- Agreement, follow-up, closing ----

/**
 * The user's organisation agrees to its part of the plan as it reads now. When the last party has
 * agreed, the plan is in force.
 */
export async function agree(db: Db, context: RequestContext, id: string): Promise<{ active: boolean }> {
  return onSip(db, context, id, 'sip.agree', async (scope, facts, today) => {
    if (!statusAllows.agree(facts.sip.status)) throw wrongStatus();
    const organisationId = await actingOrganisationId(scope);
    if (!facts.participantOrganisationIds.includes(organisationId)) throw notFound();
    const content = await contentOf(scope, id);
    const blockers = agreementBlockers({
      socialServicesId: (await socialServicesOrganisation(scope)).id,
      participantOrganisationIds: facts.participantOrganisationIds,
      consent: facts.consent,
      needs: content.needs.length,
      goals: content.goals.length,
      actions: content.actions.length,
      leadOrganisationId: facts.sip.lead_organisation_id,
      followUpOn: facts.sip.follow_up_on,
      today,
    });
    if (blockers.length) throw conflict((lang) => sipTexts(lang).notReady);
    const municipalityId = scope.actor.municipalityId;
    await scope.db
      .updateTable('sip_participant')
      .set({
        agreed_version: facts.sip.content_version,
        agreed_at: new Date(),
        agreed_by: scope.actor.userId,
      })
      .where('municipality_id', '=', municipalityId)
      .where('sip_id', '=', id)
      .where('organisation_id', '=', organisationId)
      .execute();
    const participants = await scope.db
      .selectFrom('sip_participant')
      .select('agreed_version')
      .where('municipality_id', '=', municipalityId)
      .where('sip_id', '=', id)
      .execute();
    const active = everyoneAgreed(participants, facts.sip.content_version);
    if (active)
      await scope.db
        .updateTable('sip')
        .set({ status: 'active', agreed_on: today })
        .where('municipality_id', '=', municipalityId)
        .where('id', '=', id)
        .execute();
    await scope.audit(
      { action: 'sip.agree', ...subjectOf(facts) },
      ...(active ? [{ action: 'sip.activate', ...subjectOf(facts) }] : []),
    );
    return { active };
  });
}

/** An active plan goes back to a draft to be changed; every party agrees again afterwards. */
export async function revise(db: Db, context: RequestContext, id: string): Promise<void> {
  await onSip(db, context, id, 'sip.update', async (scope, facts) => {
    if (!statusAllows.revise(facts.sip.status)) throw wrongStatus();
    await scope.db
      .updateTable('sip')
      .set((eb) => ({ status: 'draft', content_version: eb('content_version', '+', 1) }))
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('id', '=', id)
      .execute();
    await scope.audit({ action: 'sip.revise', ...subjectOf(facts) });
  });
}

/** A party reports how its own action is going (the coordinator may report for anyone). */
export async function reportActionStatus(
  db: Db,
  context: RequestContext,
  id: string,
  actionId: string,
  input: { status?: string | undefined; note?: string | undefined },
): Promise<{ ok: true } | { ok: false; errors: ContentFieldError[] }> {
  return onSip(db, context, id, 'sip.reportActionStatus', async (scope, facts) => {
    if (!statusAllows.followUp(facts.sip.status)) throw wrongStatus();
    const action = await scope.db
      .selectFrom('sip_action')
      .select(['id', 'responsible_organisation_id'])
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('sip_id', '=', id)
      .where('id', '=', actionId)
      .executeTakeFirst();
    if (!action) throw notFound();
    if (
      !isSocialServices(scope.actor) &&
      action.responsible_organisation_id !== scope.actor.partnerOrganisationId
    )
      throw conflict((lang) => sipTexts(lang).notYourAction);
    const status = input.status as ActionStatus;
    if (!['planned', 'ongoing', 'done', 'notDone'].includes(status))
      return { ok: false, errors: [{ field: `status-${actionId}`, code: 'invalid' }] };
    const note = (input.note ?? '').trim();
    if (note.length > 1000)
      return { ok: false, errors: [{ field: `note-${actionId}`, code: 'tooLong', max: 1000 }] };
    await scope.db
      .updateTable('sip_action')
      .set({ status, status_note: note, status_changed_at: new Date() })
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('id', '=', actionId)
      .execute();
    await scope.audit({ action: 'sip.reportActionStatus', ...subjectOf(facts), reason: status });
    return { ok: true };
  });
}

/** A follow-up meeting: each action's status, a note, and when the plan is followed up next. */
export async function recordFollowUp(
  db: Db,
  context: RequestContext,
  id: string,
  input: FollowUpInput,
): Promise<{ ok: true } | { ok: false; errors: ContentFieldError[] }> {
  return onSip(db, context, id, 'sip.followUp', async (scope, facts, today) => {
    if (!statusAllows.followUp(facts.sip.status)) throw wrongStatus();
    const municipalityId = scope.actor.municipalityId;
    const actions = await scope.db
      .selectFrom('sip_action')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('sip_id', '=', id)
      .execute();
    const valid = validateFollowUp(input, { today, actionIds: actions.map((a) => a.id) });
    if (!valid.ok) return valid;
    const v = valid.value;
    const followUp = await scope.db
      .insertInto('sip_follow_up')
      .values({
        municipality_id: municipalityId,
        sip_id: id,
        held_on: v.heldOn,
        note: v.note,
        next_follow_up_on: v.nextFollowUpOn,
        recorded_by: scope.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (v.statuses.length)
      await scope.db
        .insertInto('sip_follow_up_action')
        .values(
          v.statuses.map((s) => ({
            municipality_id: municipalityId,
            follow_up_id: followUp.id,
            action_id: s.actionId,
            status: s.status,
            note: s.note,
          })),
        )
        .execute();
    for (const s of v.statuses)
      await scope.db
        .updateTable('sip_action')
        .set({ status: s.status, status_note: s.note, status_changed_at: new Date() })
        .where('municipality_id', '=', municipalityId)
        .where('id', '=', s.actionId)
        .execute();
    await scope.db
      .updateTable('sip')
      .set({ follow_up_on: v.nextFollowUpOn })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .execute();
    await scope.audit({ action: 'sip.followUp', ...subjectOf(facts) });
    return { ok: true };
  });
}

/** Closes the plan with a reason. Partners no longer see it; the consent has done its part. */
export async function closeSip(
  db: Db,
  context: RequestContext,
  id: string,
  input: { reason?: string | undefined; note?: string | undefined },
): Promise<{ ok: true } | { ok: false; errors: ContentFieldError[] }> {
  return onSip(db, context, id, 'sip.close', async (scope, facts, today) => {
    if (!statusAllows.close(facts.sip.status)) throw wrongStatus();
    const valid = validateClose(input);
    if (!valid.ok) return valid;
    await scope.db
      .updateTable('sip')
      .set({
        status: 'closed',
        closed_on: today,
        close_reason: valid.value.reason,
        close_note: valid.value.note || null,
      })
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('id', '=', id)
      .execute();
    await scope.audit({ action: 'sip.close', ...subjectOf(facts), reason: valid.value.reason });
    return { ok: true };
  });
}
