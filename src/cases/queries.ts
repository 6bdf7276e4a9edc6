import { sql } from 'kysely';
import type { AccessScope } from '../platform/access/scope.ts';
import type { Report } from '../reports/schema.ts';
import type { ChildCase } from './schema.ts';

/** Queries on cases; the municipality always comes from the signed-in user. */

export async function caseById(
  scope: AccessScope,
  id: string,
  forUpdate = false,
): Promise<ChildCase | undefined> {
  let q = scope.db
    .selectFrom('child_case')
    .selectAll()
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function reportsOfCase(scope: AccessScope, caseId: string): Promise<Report[]> {
  return scope.db
    .selectFrom('report')
    .selectAll()
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('case_id', '=', caseId)
    .orderBy('received_at')
    .execute();
}

export async function extensionsOf(scope: AccessScope, caseId: string) {
  return scope.db
    .selectFrom('deadline_extension as e')
    .innerJoin('user_account as u', 'u.id', 'e.decided_by')
    .select([
      'e.id',
      'e.rule_id',
      'e.extended_to',
      'e.reason',
      'e.decided_on',
      'u.display_name as decided_by_name',
    ])
    .where('e.municipality_id', '=', scope.actor.municipalityId)
    .where('e.case_id', '=', caseId)
    .orderBy('e.created_at')
    .execute();
}

export async function childsVoicesOf(scope: AccessScope, caseId: string) {
  return scope.db
    .selectFrom('childs_voice')
    .selectAll()
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('case_id', '=', caseId)
    .orderBy('held_on')
    .orderBy('recorded_at')
    .execute();
}

export async function notesOf(scope: AccessScope, caseId: string) {
  return scope.db
    .selectFrom('case_note')
    .selectAll()
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('case_id', '=', caseId)
    .orderBy('signed_at')
    .execute();
}

export async function interventionsOfCase(scope: AccessScope, caseId: string) {
  return (await interventionsOfCases(scope, [caseId])).map(({ case_id: _, ...rest }) => rest);
}

/** The interventions decided in several cases at once, by name (the child's page). */
export async function interventionsOfCases(scope: AccessScope, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return scope.db
    .selectFrom('case_intervention as ci')
    .innerJoin('intervention_type as it', (join) =>
      join
        .onRef('it.municipality_id', '=', 'ci.municipality_id')
        .onRef('it.id', '=', 'ci.intervention_type_id'),
    )
    .select(['ci.case_id', 'it.id', 'it.name', 'it.ksi_code'])
    .where('ci.municipality_id', '=', scope.actor.municipalityId)
    .where('ci.case_id', 'in', caseIds)
    .orderBy('it.name')
    .execute();
}

export async function activeInterventionTypes(scope: AccessScope) {
  return scope.db
    .selectFrom('intervention_type')
    .select(['id', 'name', 'ksi_code'])
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}

export async function investigationUnits(scope: AccessScope) {
  return scope.db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('kind', '=', 'investigation')
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}

export async function childSummary(scope: AccessScope, childId: string) {
  return scope.db
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name', 'personal_number', 'birth_date', 'protected_identity'])
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', childId)
    .executeTakeFirstOrThrow();
}

/** Every case and report of a child, so earlier concerns are seen together (prop. 2024/25:89). */
export async function historyOfChild(scope: AccessScope, childId: string) {
  const municipalityId = scope.actor.municipalityId;
  const [cases, reports] = await Promise.all([
    scope.db
      .selectFrom('child_case')
      .select(['id', 'phase', 'opened_on', 'initial_decision', 'decision_outcome', 'closed_on'])
      .where('municipality_id', '=', municipalityId)
      .where('child_id', '=', childId)
      .orderBy('opened_on', 'desc')
      .execute(),
    scope.db
      .selectFrom('report')
      .select(['id', 'reference', 'received_on', 'reporter_kind', 'reporter_organisation_kind', 'case_id'])
      .where('municipality_id', '=', municipalityId)
      .where('child_id', '=', childId)
      .orderBy('received_on', 'desc')
      .execute(),
  ]);
  return { cases, reports };
}

export async function openCaseOfChild(scope: AccessScope, childId: string) {
  return scope.db
    .selectFrom('child_case')
    .selectAll()
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('child_id', '=', childId)
    .where('phase', '<>', 'closed')
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Social workers who could take the investigation, those who already know the family first:
 * assigned to the child, to a sibling (a child of the same guardians), or to a guardian.
 */
export async function continuityCandidates(scope: AccessScope, childId: string, unitId: string) {
  const municipalityId = scope.actor.municipalityId;
  const family = sql<string>`(
    select ${childId}::uuid
    union select g2.child_id from guardianship g1
      join guardianship g2 on g2.municipality_id = g1.municipality_id and g2.guardian_id = g1.guardian_id
      where g1.municipality_id = ${municipalityId} and g1.child_id = ${childId}
    union select g.guardian_id from guardianship g
      where g.municipality_id = ${municipalityId} and g.child_id = ${childId}
  )`;
  return scope.db
    .selectFrom('user_account as u')
    .select([
      'u.id',
      'u.display_name',
      'u.unit_id',
      sql<boolean>`exists (select 1 from person_assignment a where a.municipality_id = u.municipality_id
        and a.user_id = u.id and a.person_id in ${family})`.as('knows_family'),
      // The caseload the manager weighs: the cases this worker is responsible for now.
      sql<number>`(select count(*)::int from child_case oc where oc.municipality_id = u.municipality_id
        and oc.responsible_user_id = u.id and oc.phase <> 'closed')`.as('open_cases'),
    ])
    .where('u.municipality_id', '=', municipalityId)
    .where('u.role', '=', 'socialWorker')
    .where('u.active', '=', true)
    .orderBy(
      sql`2 * (exists (select 1 from person_assignment a where a.municipality_id = u.municipality_id
        and a.user_id = u.id and a.person_id in ${family}))::int + coalesce(u.unit_id = ${unitId}, false)::int`,
      'desc',
    )
    .orderBy('u.display_name')
    .execute();
}

export async function userName(scope: AccessScope, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const row = await scope.db
    .selectFrom('user_account')
    .select('display_name')
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.display_name ?? null;
}
