import { sql } from 'kysely';
import type { PartnerOrganisationKind } from '../partners/schema.ts';
import type { AccessScope } from '../platform/access/scope.ts';
import type { ConsentContext } from './access.ts';
import type { ActionStatus, GoalArea, Sip, SipCloseReason, SipInformationKind, SipStatus } from './schema.ts';

/**
 * Queries on coordinated individual plans. Each takes an AccessScope: the municipality comes from
 * the signed-in user, never from the request, and the caller authorises before it audits.
 */

const m = (scope: AccessScope) => scope.actor.municipalityId;

// ---- Social services as a party ----

/**
 * The municipality's own social services as an organisation, created on first need. A plan's
 * parties, lead organisation and responsibilities then all point at organisations.
 */
export async function socialServicesOrganisation(scope: AccessScope): Promise<{ id: string; name: string }> {
  const existing = await scope.db
    .selectFrom('partner_organisation')
    .select(['id', 'name'])
    .where('municipality_id', '=', m(scope))
    .where('kind', '=', 'socialServices')
    .executeTakeFirst();
  if (existing) return existing;
  const municipality = await scope.db
    .selectFrom('municipality')
    .select('name')
    .where('id', '=', m(scope))
    .executeTakeFirstOrThrow();
  await scope.db
    .insertInto('partner_organisation')
    .values({
      municipality_id: m(scope),
      kind: 'socialServices',
      name: `Socialtjänsten, ${municipality.name}`,
    })
    .onConflict((oc) => oc.column('municipality_id').where('kind', '=', 'socialServices').doNothing())
    .execute();
  return scope.db
    .selectFrom('partner_organisation')
    .select(['id', 'name'])
    .where('municipality_id', '=', m(scope))
    .where('kind', '=', 'socialServices')
    .executeTakeFirstOrThrow();
}

// ---- What the policy needs ----

export interface SipAccessFacts {
  sip: Sip;
  participantOrganisationIds: string[];
  consent: ConsentContext | null;
  consentId: string | null;
}

/** The plan, its parties and its current consent: what the policy decides on, in one place. */
export async function sipAccessFacts(scope: AccessScope, id: string): Promise<SipAccessFacts | undefined> {
  const sip = await scope.db
    .selectFrom('sip')
    .selectAll()
    .where('municipality_id', '=', m(scope))
    .where('id', '=', id)
    .executeTakeFirst();
  if (!sip) return undefined;
  const facts = await accessFactsOf(scope, [sip.id]);
  const own = facts.get(sip.id);
  return {
    sip,
    participantOrganisationIds: own?.participants ?? [],
    consent: own?.consent ?? null,
    consentId: own?.consentId ?? null,
  };
}

/** Parties and current consent of several plans at once (lists and worklists). */
export async function accessFactsOf(scope: AccessScope, sipIds: readonly string[]) {
  const result = new Map<
    string,
    { participants: string[]; consent: ConsentContext | null; consentId: string | null }
  >();
  if (sipIds.length === 0) return result;
  for (const id of sipIds) result.set(id, { participants: [], consent: null, consentId: null });
  const [participants, consents] = await Promise.all([
    scope.db
      .selectFrom('sip_participant')
      .select(['sip_id', 'organisation_id'])
      .where('municipality_id', '=', m(scope))
      .where('sip_id', 'in', sipIds)
      .execute(),
    scope.db
      .selectFrom('sip_consent as c')
      .select([
        'c.id',
        'c.sip_id',
        'c.given_on',
        'c.valid_until',
        'c.withdrawn_at',
        'c.information_kinds',
        (eb) =>
          eb
            .selectFrom('sip_consent_organisation as o')
            .select(sql<string[]>`coalesce(array_agg(o.organisation_id::text), '{}')`.as('ids'))
            .whereRef('o.municipality_id', '=', 'c.municipality_id')
            .whereRef('o.consent_id', '=', 'c.id')
            .as('organisation_ids'),
      ])
      .where('c.municipality_id', '=', m(scope))
      .where('c.sip_id', 'in', sipIds)
      .where('c.superseded_at', 'is', null)
      .execute(),
  ]);
  for (const p of participants) result.get(p.sip_id)?.participants.push(p.organisation_id);
  for (const c of consents) {
    const entry = result.get(c.sip_id);
    if (!entry) continue;
    entry.consentId = c.id;
    entry.consent = {
      givenOn: c.given_on,
      validUntil: c.valid_until,
      withdrawn: c.withdrawn_at !== null,
      organisationIds: c.organisation_ids ?? [],
      informationKinds: c.information_kinds,
    };
  }
  return result;
}

// ---- The whole plan ----

export interface ChildSummary {
  id: string;
  given_name: string;
  family_name: string;
  personal_number: string | null;
  birth_date: string | null;
  protected_identity: string;
}

export async function childOf(scope: AccessScope, childId: string | null): Promise<ChildSummary | null> {
  if (!childId) return null;
  const row = await scope.db
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name', 'personal_number', 'birth_date', 'protected_identity'])
    .where('municipality_id', '=', m(scope))
    .where('id', '=', childId)
    .executeTakeFirst();
  return row ?? null;
}

export interface Participant {
  organisation_id: string;
  name: string;
  kind: PartnerOrganisationKind;
  contact_name: string;
  invited_on: string;
  agreed_version: number | null;
  agreed_at: Date | null;
  agreed_by_name: string | null;
}

export async function participantsOf(scope: AccessScope, sipId: string): Promise<Participant[]> {
  return (
    scope.db
      .selectFrom('sip_participant as p')
      .innerJoin('partner_organisation as o', (join) =>
        join.onRef('o.municipality_id', '=', 'p.municipality_id').onRef('o.id', '=', 'p.organisation_id'),
      )
      .leftJoin('user_account as u', 'u.id', 'p.agreed_by')
      .select([
        'p.organisation_id',
        'o.name',
        'o.kind',
        'p.contact_name',
        'p.invited_on',
        'p.agreed_version',
        'p.agreed_at',
        'u.display_name as agreed_by_name',
      ])
      .where('p.municipality_id', '=', m(scope))
      .where('p.sip_id', '=', sipId)
      // Social services first, then the partners by name.
      .orderBy(sql`o.kind = 'socialServices'`, 'desc')
      .orderBy('o.name')
      .execute()
  );
}

export interface ConsentRecord {
  id: string;
  given_on: string;
  valid_until: string;
  information_kinds: SipInformationKind[];
  childs_view: 'agrees' | 'disagrees' | 'notAsked';
  childs_view_note: string;
  guardians_note: string;
  recorded_at: Date;
  recorded_by_name: string | null;
  withdrawn_at: Date | null;
  withdrawn_by_name: string | null;
  withdrawal_note: string | null;
  guardians: { id: string; given_name: string; family_name: string }[];
  organisationIds: string[];
}

export async function currentConsentOf(scope: AccessScope, sipId: string): Promise<ConsentRecord | null> {
  const row = await scope.db
    .selectFrom('sip_consent as c')
    .leftJoin('user_account as r', 'r.id', 'c.recorded_by')
    .leftJoin('user_account as w', 'w.id', 'c.withdrawn_by')
    .select([
      'c.id',
      'c.given_on',
      'c.valid_until',
      'c.information_kinds',
      'c.childs_view',
      'c.childs_view_note',
      'c.guardians_note',
      'c.recorded_at',
      'r.display_name as recorded_by_name',
      'c.withdrawn_at',
      'w.display_name as withdrawn_by_name',
      'c.withdrawal_note',
    ])
    .where('c.municipality_id', '=', m(scope))
    .where('c.sip_id', '=', sipId)
    .where('c.superseded_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const [guardians, organisations] = await Promise.all([
    scope.db
      .selectFrom('sip_consent_guardian as g')
      .innerJoin('person as p', (join) =>
        join.onRef('p.municipality_id', '=', 'g.municipality_id').onRef('p.id', '=', 'g.guardian_id'),
      )
      .select(['p.id', 'p.given_name', 'p.family_name'])
      .where('g.municipality_id', '=', m(scope))
      .where('g.consent_id', '=', row.id)
      .orderBy('p.family_name')
      .execute(),
    scope.db
      .selectFrom('sip_consent_organisation')
      .select('organisation_id')
      .where('municipality_id', '=', m(scope))
      .where('consent_id', '=', row.id)
      .execute(),
  ]);
  return { ...row, guardians, organisationIds: organisations.map((o) => o.organisation_id) };
}

export interface Need {
  id: string;
  area: GoalArea;
  description: string;
}
export interface Goal {
  id: string;
  area: GoalArea;
  goal: string;
  childs_words: string;
}
export interface Action {
  id: string;
  goal_id: string | null;
  description: string;
  responsible_organisation_id: string | null;
  responsible_other: string | null;
  responsible_person: string;
  due_on: string;
  status: ActionStatus;
  status_note: string;
}
export interface FollowUp {
  id: string;
  held_on: string;
  note: string;
  next_follow_up_on: string | null;
  recorded_by_name: string | null;
  statuses: { action_id: string; status: ActionStatus; note: string }[];
}

export async function contentOf(scope: AccessScope, sipId: string) {
  const [needs, goals, actions, followUps, followUpStatuses] = await Promise.all([
    scope.db
      .selectFrom('sip_need')
      .select(['id', 'area', 'description'])
      .where('municipality_id', '=', m(scope))
      .where('sip_id', '=', sipId)
      .orderBy('created_at')
      .execute(),
    scope.db
      .selectFrom('sip_goal')
      .select(['id', 'area', 'goal', 'childs_words'])
      .where('municipality_id', '=', m(scope))
      .where('sip_id', '=', sipId)
      .orderBy('created_at')
      .execute(),
    scope.db
      .selectFrom('sip_action')
      .select([
        'id',
        'goal_id',
        'description',
        'responsible_organisation_id',
        'responsible_other',
        'responsible_person',
        'due_on',
        'status',
        'status_note',
      ])
      .where('municipality_id', '=', m(scope))
      .where('sip_id', '=', sipId)
      .orderBy('due_on')
      .orderBy('created_at')
      .execute(),
    scope.db
      .selectFrom('sip_follow_up as f')
      .leftJoin('user_account as u', 'u.id', 'f.recorded_by')
      .select(['f.id', 'f.held_on', 'f.note', 'f.next_follow_up_on', 'u.display_name as recorded_by_name'])
      .where('f.municipality_id', '=', m(scope))
      .where('f.sip_id', '=', sipId)
      .orderBy('f.held_on', 'desc')
      .orderBy('f.recorded_at', 'desc')
      .execute(),
    scope.db
      .selectFrom('sip_follow_up_action as s')
      .innerJoin('sip_follow_up as f', (join) =>
        join.onRef('f.municipality_id', '=', 's.municipality_id').onRef('f.id', '=', 's.follow_up_id'),
      )
      .select(['s.follow_up_id', 's.action_id', 's.status', 's.note'])
      .where('s.municipality_id', '=', m(scope))
      .where('f.sip_id', '=', sipId)
      .execute(),
  ]);
  const follow: FollowUp[] = followUps.map((f) => ({
    ...f,
    statuses: followUpStatuses.filter((s) => s.follow_up_id === f.id),
  }));
  return { needs: needs as Need[], goals: goals as Goal[], actions: actions as Action[], followUps: follow };
}

export async function userName(scope: AccessScope, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const row = await scope.db
    .selectFrom('user_account')
    .select('display_name')
    .where('municipality_id', '=', m(scope))
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.display_name ?? null;
}

export async function organisationName(scope: AccessScope, id: string | null): Promise<string | null> {
  if (!id) return null;
  const row = await scope.db
    .selectFrom('partner_organisation')
    .select('name')
    .where('municipality_id', '=', m(scope))
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.name ?? null;
}

/** Organisations that may be invited: active partners not already taking part. */
export async function invitableOrganisations(scope: AccessScope, sipId: string) {
  return scope.db
    .selectFrom('partner_organisation as o')
    .select(['o.id', 'o.name', 'o.kind'])
    .where('o.municipality_id', '=', m(scope))
    .where('o.active', '=', true)
    .where('o.kind', '<>', 'socialServices')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('sip_participant as p')
            .select('p.organisation_id')
            .whereRef('p.municipality_id', '=', 'o.municipality_id')
            .whereRef('p.organisation_id', '=', 'o.id')
            .where('p.sip_id', '=', sipId),
        ),
      ),
    )
    .orderBy('o.name')
    .execute();
}

// ---- Lists ----

export interface SipListRow {
  id: string;
  status: SipStatus;
  child_id: string | null;
  given_name: string | null;
  family_name: string | null;
  personal_number: string | null;
  requested_child_name: string | null;
  follow_up_on: string | null;
  meeting_on: string | null;
  coordinator_user_id: string | null;
  coordinator_name: string | null;
  requested_by_organisation_id: string | null;
  requested_by_organisation_name: string | null;
  lead_organisation_name: string | null;
  closed_on: string | null;
  close_reason: SipCloseReason | null;
  content_version: number;
  created_at: Date;
}

function listQuery(scope: AccessScope) {
  return scope.db
    .selectFrom('sip as s')
    .leftJoin('person as p', (join) =>
      join.onRef('p.municipality_id', '=', 's.municipality_id').onRef('p.id', '=', 's.child_id'),
    )
    .leftJoin('user_account as c', 'c.id', 's.coordinator_user_id')
    .leftJoin('partner_organisation as r', (join) =>
      join
        .onRef('r.municipality_id', '=', 's.municipality_id')
        .onRef('r.id', '=', 's.requested_by_organisation_id'),
    )
    .leftJoin('partner_organisation as l', (join) =>
      join.onRef('l.municipality_id', '=', 's.municipality_id').onRef('l.id', '=', 's.lead_organisation_id'),
    )
    .select([
      's.id',
      's.status',
      's.child_id',
      'p.given_name',
      'p.family_name',
      'p.personal_number',
      's.requested_child_name',
      's.follow_up_on',
      's.meeting_on',
      's.coordinator_user_id',
      'c.display_name as coordinator_name',
      's.requested_by_organisation_id',
      'r.name as requested_by_organisation_name',
      'l.name as lead_organisation_name',
      's.closed_on',
      's.close_reason',
      's.content_version',
      's.created_at',
    ])
    .where('s.municipality_id', '=', m(scope));
}

export const listLimit = 200;

/** Social services' list: every plan of the municipality, filtered; open plans first. */
export async function sipsOfMunicipality(
  scope: AccessScope,
  filter: { childId?: string | undefined; status?: SipStatus | undefined; mine?: boolean },
): Promise<SipListRow[]> {
  let q = listQuery(scope)
    .orderBy(sql`s.status = 'closed'`)
    .orderBy('s.follow_up_on', (ob) => ob.asc().nullsLast())
    .orderBy('s.created_at', 'desc')
    .limit(listLimit);
  if (filter.childId) q = q.where('s.child_id', '=', filter.childId);
  if (filter.status) q = q.where('s.status', '=', filter.status);
  if (filter.mine) q = q.where('s.coordinator_user_id', '=', scope.actor.userId);
  return q.execute();
}

/** Plans an organisation takes part in, open ones; the policy filters them further by consent. */
export async function openSipsOfOrganisation(
  scope: AccessScope,
  organisationId: string,
): Promise<SipListRow[]> {
  return listQuery(scope)
    .where('s.status', 'in', ['draft', 'active'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('sip_participant as sp')
          .select('sp.sip_id')
          .whereRef('sp.municipality_id', '=', 's.municipality_id')
          .whereRef('sp.sip_id', '=', 's.id')
          .where('sp.organisation_id', '=', organisationId),
      ),
    )
    .orderBy('s.follow_up_on', (ob) => ob.asc().nullsLast())
    .orderBy('s.created_at', 'desc')
    .limit(listLimit)
    .execute();
}

/** The requests an organisation has sent, whatever became of them. */
export async function requestsOfOrganisation(
  scope: AccessScope,
  organisationId: string,
): Promise<SipListRow[]> {
  return listQuery(scope)
    .where('s.requested_by_organisation_id', '=', organisationId)
    .orderBy('s.created_at', 'desc')
    .limit(50)
    .execute();
}

// ---- Worklists ----

export interface DueAction {
  id: string;
  sip_id: string;
  child_id: string | null;
  given_name: string | null;
  family_name: string | null;
  description: string;
  due_on: string;
  status: ActionStatus;
  responsible_name: string | null;
  responsible_other: string | null;
}

/**
 * Actions still to be done, due by the horizon, in active plans: those of the plans the user
 * coordinates (social services), or those the user's organisation is responsible for (partners).
 */
export async function dueActions(
  scope: AccessScope,
  by: { coordinatorUserId: string } | { organisationId: string } | { municipality: true },
  horizon: string,
): Promise<DueAction[]> {
  let q = scope.db
    .selectFrom('sip_action as a')
    .innerJoin('sip as s', (join) =>
      join.onRef('s.municipality_id', '=', 'a.municipality_id').onRef('s.id', '=', 'a.sip_id'),
    )
    .leftJoin('person as p', (join) =>
      join.onRef('p.municipality_id', '=', 's.municipality_id').onRef('p.id', '=', 's.child_id'),
    )
    .leftJoin('partner_organisation as o', (join) =>
      join
        .onRef('o.municipality_id', '=', 'a.municipality_id')
        .onRef('o.id', '=', 'a.responsible_organisation_id'),
    )
    .select([
      'a.id',
      'a.sip_id',
      's.child_id',
      'p.given_name',
      'p.family_name',
      'a.description',
      'a.due_on',
      'a.status',
      'o.name as responsible_name',
      'a.responsible_other',
    ])
    .where('a.municipality_id', '=', m(scope))
    .where('s.status', '=', 'active')
    .where('a.status', 'in', ['planned', 'ongoing'])
    .where('a.due_on', '<=', horizon)
    .orderBy('a.due_on')
    .limit(100);
  if ('coordinatorUserId' in by) q = q.where('s.coordinator_user_id', '=', by.coordinatorUserId);
  if ('organisationId' in by) q = q.where('a.responsible_organisation_id', '=', by.organisationId);
  return q.execute();
}

export interface PlansDue {
  /** Active plans whose follow-up falls by the horizon, the soonest first. */
  followUps: SipListRow[];
  /** Requests from partners waiting for social services, the oldest first. */
  requests: SipListRow[];
  /** Drafts, waiting for the participants to agree, as the plan list orders them. */
  drafts: SipListRow[];
}

const plansDueLimit = { followUp: 100, request: 100, draft: listLimit } as const;

/**
 * Social services' plans to act on, in one statement (a worklist page reads them on every visit):
 * each plan falls in one category, numbered within it in that category's order and cut at its
 * limit. `coordinatorUserId` keeps follow-ups and drafts to the plans the user coordinates;
 * requests are for whoever takes them.
 */
export async function plansDue(
  scope: AccessScope,
  coordinatorUserId: string | null,
  horizon: string,
): Promise<PlansDue> {
  const category = sql<keyof typeof plansDueLimit>`case s.status
    when 'active' then 'followUp' when 'requested' then 'request' else 'draft' end`;
  const inner = listQuery(scope)
    .select([
      category.as('category'),
      sql<number>`row_number() over (partition by s.status order by
        case when s.status = 'active' then s.follow_up_on end,
        case when s.status = 'requested' then s.created_at end,
        case when s.status = 'draft' then s.follow_up_on end nulls last,
        case when s.status = 'draft' then s.created_at end desc)`.as('rank'),
    ])
    .where((eb) => {
      const mine = coordinatorUserId ? [eb('s.coordinator_user_id', '=', coordinatorUserId)] : [];
      return eb.or([
        eb.and([eb('s.status', '=', 'active'), eb('s.follow_up_on', '<=', horizon), ...mine]),
        eb('s.status', '=', 'requested'),
        eb.and([eb('s.status', '=', 'draft'), ...mine]),
      ]);
    });
  const rows = await scope.db
    .selectFrom(inner.as('d'))
    .selectAll()
    .where(
      'rank',
      '<=',
      sql<number>`case category when 'draft' then ${sql.lit(plansDueLimit.draft)} else ${sql.lit(plansDueLimit.followUp)} end`,
    )
    .orderBy('category')
    .orderBy('rank')
    .execute();
  const due: PlansDue = { followUps: [], requests: [], drafts: [] };
  for (const { category: c, rank: _, ...row } of rows) {
    (c === 'followUp' ? due.followUps : c === 'request' ? due.requests : due.drafts).push(row);
  }
  return due;
}

// ---- Writes ----

export async function insertSip(
  scope: AccessScope,
  values: {
    status: SipStatus;
    childId: string | null;
    caseId?: string | null;
    coordinatorUserId: string | null;
    requestedByUserId?: string | null;
    requestedByOrganisationId?: string | null;
    requestedChildName?: string | null;
    requestedPersonalNumber?: string | null;
    requestReason?: string | null;
  },
): Promise<string> {
  const row = await scope.db
    .insertInto('sip')
    .values({
      municipality_id: m(scope),
      status: values.status,
      child_id: values.childId,
      case_id: values.caseId ?? null,
      coordinator_user_id: values.coordinatorUserId,
      requested_by_user_id: values.requestedByUserId ?? null,
      requested_by_organisation_id: values.requestedByOrganisationId ?? null,
      requested_child_name: values.requestedChildName ?? null,
      requested_personal_number: values.requestedPersonalNumber ?? null,
      request_reason: values.requestReason ?? null,
      created_by: scope.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addParticipant(
  scope: AccessScope,
  sipId: string,
  organisationId: string,
  contactName: string,
  today: string,
): Promise<boolean> {
  const row = await scope.db
    .insertInto('sip_participant')
    .values({
      municipality_id: m(scope),
      sip_id: sipId,
      organisation_id: organisationId,
      contact_name: contactName,
      invited_on: today,
      invited_by: scope.actor.userId,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'sip_id', 'organisation_id']).doNothing())
    .returning('organisation_id')
    .executeTakeFirst();
  return !!row;
}

/** Whether the case is the child's own case in the user's municipality (issue 3's child_case). */
export async function isCaseOfChild(scope: AccessScope, caseId: string, childId: string): Promise<boolean> {
  const row = await scope.db
    .selectFrom('child_case')
    .select('id')
    .where('municipality_id', '=', m(scope))
    .where('id', '=', caseId)
    .where('child_id', '=', childId)
    .executeTakeFirst();
  return !!row;
}

/** Links an open plan that has no case yet to the child's case it is now started from. */
export async function linkCase(scope: AccessScope, sipId: string, caseId: string): Promise<void> {
  await scope.db
    .updateTable('sip')
    .set({ case_id: caseId })
    .where('municipality_id', '=', m(scope))
    .where('id', '=', sipId)
    .where('case_id', 'is', null)
    .execute();
}

/**
 * Any change to what the parties agree to makes earlier agreements stale: the version goes up and
 * an agreement counts only for the version it was given to.
 */
export async function bumpVersion(scope: AccessScope, sipId: string): Promise<void> {
  await scope.db
    .updateTable('sip')
    .set((eb) => ({ content_version: eb('content_version', '+', 1) }))
    .where('municipality_id', '=', m(scope))
    .where('id', '=', sipId)
    .execute();
}
