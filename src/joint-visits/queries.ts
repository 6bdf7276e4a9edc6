import { type Expression, type SqlBool, sql } from 'kysely';
import type { Actor } from '../platform/access/policy.ts';
import type { AccessScope } from '../platform/access/scope.ts';

/** Kysely queries of joint visits, each inside an access scope (src/joint-visits/service.ts). */

/** A visit with what its access is decided on: the report, the report's case. */
export async function visitFacts(scope: AccessScope, id: string, forUpdate = false) {
  let q = scope.db
    .selectFrom('joint_visit as v')
    .innerJoin('report as r', (j) =>
      j.onRef('r.municipality_id', '=', 'v.municipality_id').onRef('r.id', '=', 'v.report_id'),
    )
    .leftJoin('child_case as c', (j) =>
      j.onRef('c.municipality_id', '=', 'v.municipality_id').onRef('c.id', '=', 'v.case_id'),
    )
    .selectAll('v')
    .select([
      'r.reference as report_reference',
      'r.received_at as report_received_at',
      'r.unit_id as report_unit_id',
      'r.protection_outcome as report_protection_outcome',
      'r.protection_assessed_on as report_protection_assessed_on',
      'c.unit_id as case_unit_id',
      'c.responsible_user_id as case_responsible_user_id',
      'c.phase as case_phase',
    ])
    .where('v.municipality_id', '=', scope.actor.municipalityId)
    .where('v.id', '=', id);
  if (forUpdate) q = q.forUpdate('v');
  return q.executeTakeFirst();
}
export type VisitFacts = NonNullable<Awaited<ReturnType<typeof visitFacts>>>;

/** The report a new visit is recorded for, by id or by the reference the worker typed. */
export async function reportForVisit(scope: AccessScope, by: { id: string } | { reference: string }) {
  let q = scope.db
    .selectFrom('report as r')
    .leftJoin('child_case as c', (j) =>
      j.onRef('c.municipality_id', '=', 'r.municipality_id').onRef('c.id', '=', 'r.case_id'),
    )
    .select([
      'r.id',
      'r.municipality_id',
      'r.reference',
      'r.received_at',
      'r.unit_id',
      'r.child_id',
      'r.case_id',
      'r.protection_outcome',
      'r.protection_assessed_on',
      'c.unit_id as case_unit_id',
      'c.responsible_user_id as case_responsible_user_id',
      'c.phase as case_phase',
    ])
    .where('r.municipality_id', '=', scope.actor.municipalityId);
  q = 'id' in by ? q.where('r.id', '=', by.id) : q.where('r.reference', '=', by.reference);
  return q.executeTakeFirst();
}
export type ReportForVisit = NonNullable<Awaited<ReturnType<typeof reportForVisit>>>;

export async function policeOrganisations(scope: AccessScope) {
  return scope.db
    .selectFrom('partner_organisation')
    .select(['id', 'name'])
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('kind', '=', 'police')
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}

export async function organisationName(scope: AccessScope, id: string) {
  const row = await scope.db
    .selectFrom('partner_organisation')
    .select('name')
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.name ?? '';
}

export async function namesOf(scope: AccessScope, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await scope.db
    .selectFrom('user_account')
    .select(['id', 'display_name'])
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** How many visits a list shows at most, newest first. */
export const listLimit = 200;

/**
 * The visits social services' user may see, as the rule set decides them: intake sees all; a
 * social worker those they recorded or whose case they hold; a manager those of their unit.
 */
export async function visitsVisibleTo(scope: AccessScope, actor: Actor) {
  return scope.db
    .selectFrom('joint_visit as v')
    .innerJoin('person as p', (j) =>
      j.onRef('p.municipality_id', '=', 'v.municipality_id').onRef('p.id', '=', 'v.child_id'),
    )
    .innerJoin('report as r', (j) =>
      j.onRef('r.municipality_id', '=', 'v.municipality_id').onRef('r.id', '=', 'v.report_id'),
    )
    .leftJoin('child_case as c', (j) =>
      j.onRef('c.municipality_id', '=', 'v.municipality_id').onRef('c.id', '=', 'v.case_id'),
    )
    .select([
      'v.id',
      'v.child_id',
      'v.police_reference',
      'v.visit_at',
      'v.consent_given_at',
      'v.consent_withdrawn_at',
      'v.follow_up_on',
      'v.follow_up_done_on',
      'p.given_name',
      'p.family_name',
    ])
    .where('v.municipality_id', '=', actor.municipalityId)
    .where((eb): Expression<SqlBool> => {
      if (actor.role === 'intakeWorker') return sql<boolean>`true`;
      if (actor.role === 'socialWorker')
        return eb.or([
          eb('v.recorded_by', '=', actor.userId),
          eb('c.responsible_user_id', '=', actor.userId),
        ]);
      if (actor.role === 'manager' && actor.unitId)
        return eb.or([
          eb('v.unit_id', '=', actor.unitId),
          eb('c.unit_id', '=', actor.unitId),
          eb('r.unit_id', '=', actor.unitId),
        ]);
      return sql<boolean>`false`;
    })
    .orderBy('v.visit_at', 'desc')
    .orderBy('v.id')
    .limit(listLimit)
    .execute();
}
export type VisitRow = Awaited<ReturnType<typeof visitsVisibleTo>>[number];

/** The visits whose summaries the police organisation may read: consent given and not withdrawn. */
export async function summariesForPolice(scope: AccessScope, organisationId: string) {
  return scope.db
    .selectFrom('joint_visit')
    .select([
      'id',
      'child_id',
      'police_reference',
      'incident_at',
      'visit_at',
      'place',
      'social_services_participants',
      'police_participants',
      'police_summary',
      'support_offered',
      'support_response',
      'follow_up_on',
      'consent_given_at',
      'consent_kinds',
      'consent_withdrawn_at',
    ])
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('police_organisation_id', '=', organisationId)
    .where('consent_given_at', 'is not', null)
    .where('consent_withdrawn_at', 'is', null)
    .orderBy('visit_at', 'desc')
    .orderBy('id')
    .limit(listLimit)
    .execute();
}

/** Follow-ups not yet done that are the user's, soonest first. */
export async function followUpsOf(scope: AccessScope, userId: string) {
  return scope.db
    .selectFrom('joint_visit as v')
    .innerJoin('person as p', (j) =>
      j.onRef('p.municipality_id', '=', 'v.municipality_id').onRef('p.id', '=', 'v.child_id'),
    )
    .select(['v.id', 'v.child_id', 'v.follow_up_on', 'v.visit_at', 'p.given_name', 'p.family_name'])
    .where('v.municipality_id', '=', scope.actor.municipalityId)
    .where('v.follow_up_user_id', '=', userId)
    .where('v.follow_up_done_on', 'is', null)
    .orderBy('v.follow_up_on')
    .orderBy('v.id')
    .limit(100)
    .execute();
}
export type FollowUpRow = Awaited<ReturnType<typeof followUpsOf>>[number];

/** The visits of a unit since a date, with the report's time of receipt: for the unit's figures. */
export async function unitVisitsSince(scope: AccessScope, unitId: string, since: Date) {
  return scope.db
    .selectFrom('joint_visit as v')
    .innerJoin('report as r', (j) =>
      j.onRef('r.municipality_id', '=', 'v.municipality_id').onRef('r.id', '=', 'v.report_id'),
    )
    .select([
      'v.incident_at',
      'v.visit_at',
      'r.received_at as report_received_at',
      'v.consent_given_at',
      'v.support_response',
    ])
    .where('v.municipality_id', '=', scope.actor.municipalityId)
    .where('v.unit_id', '=', unitId)
    .where('v.visit_at', '>=', since)
    .execute();
}

/** The visits of a case, for the case page. */
export async function visitsOfCase(scope: AccessScope, caseId: string) {
  return scope.db
    .selectFrom('joint_visit')
    .select([
      'id',
      'report_id',
      'recorded_by',
      'unit_id',
      'police_organisation_id',
      'police_reference',
      'visit_at',
    ])
    .select(['consent_given_at', 'consent_withdrawn_at', 'follow_up_on', 'follow_up_done_on', 'child_id'])
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('case_id', '=', caseId)
    .orderBy('visit_at', 'desc')
    .execute();
}
