import { sql } from 'kysely';
import type { PartnerOrganisationKind } from '../../partners/schema.ts';
import type { AccessScope } from '../../platform/access/scope.ts';
import type { ActionStatus, GoalArea, SipInformationKind } from '../schema.ts';
import { m } from './facts.ts';

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
  status_changed_at: Date | null;
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
        'status_changed_at',
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
