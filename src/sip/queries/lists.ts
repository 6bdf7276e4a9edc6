import { sql } from 'kysely';
import type { AccessScope } from '../../platform/access/scope.ts';
import type { ActionStatus, SipCloseReason, SipStatus } from '../schema.ts';
import { m } from './facts.ts';

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
  const listOf = { followUp: due.followUps, request: due.requests, draft: due.drafts };
  for (const { category, rank: _, ...row } of rows) listOf[category].push(row);
  return due;
}
