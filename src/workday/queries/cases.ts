import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { AccessScope } from '../../platform/access/scope.ts';
import { escapeLike } from '../../platform/db/like.ts';
import type { CaseListQuery } from '../domain/case-list.ts';

/** Whose cases a list holds: a worker's own, a unit's, or every case the user's role may see. */
export type CaseSelection =
  | { kind: 'responsible'; userId: string }
  | { kind: 'unit'; unitId: string }
  | { kind: 'municipality' };

/** More rows than any page shows: beyond it the page asks for a narrower filter. */
export const rowLimit = 1000;

/**
 * The cases of a selection with what the list shows and the deadline rules read: the child, the
 * responsible worker, the reports (their references are the case's) and the extensions.
 */
export async function casesFor(scope: AccessScope, selection: CaseSelection, query: CaseListQuery) {
  const municipalityId = scope.actor.municipalityId;
  let q = scope.db
    .selectFrom('child_case as c')
    .innerJoin('person as p', (join) =>
      join.onRef('p.municipality_id', '=', 'c.municipality_id').onRef('p.id', '=', 'c.child_id'),
    )
    .leftJoin('user_account as u', (join) =>
      join.onRef('u.municipality_id', '=', 'c.municipality_id').onRef('u.id', '=', 'c.responsible_user_id'),
    )
    .select([
      'c.id',
      'c.child_id',
      'c.phase',
      'c.unit_id',
      'c.responsible_user_id',
      'c.opened_on',
      'c.immediate_protection',
      'c.initial_decided_on',
      'c.investigation_opened_on',
      'c.concluded_on',
      'c.party_communicated_on',
      'c.decided_on',
      'c.decision_outcome',
      'c.closed_on',
      'c.follow_up_planned',
      'c.follow_up_done_on',
      'p.given_name',
      'p.family_name',
      'p.personal_number',
      'p.protected_identity',
      'u.display_name as responsible_name',
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('report as r')
          .select([
            'r.id',
            'r.reference',
            'r.received_on',
            'r.protection_assessed_on',
            'r.feedback_requested',
            'r.feedback_sent_on',
            'r.joined_ongoing',
            'r.case_id',
            'r.linked_on',
          ])
          .whereRef('r.municipality_id', '=', 'c.municipality_id')
          .whereRef('r.case_id', '=', 'c.id')
          .orderBy('r.received_at'),
      ).as('reports'),
      jsonArrayFrom(
        eb
          .selectFrom('deadline_extension as x')
          .select(['x.rule_id', 'x.extended_to'])
          .whereRef('x.municipality_id', '=', 'c.municipality_id')
          .whereRef('x.case_id', '=', 'c.id'),
      ).as('extensions'),
    ])
    .where('c.municipality_id', '=', municipalityId)
    // An archived child is unknown outside the archivist's page; their kept case stays in the
    // archive, not in the lists (decision 0117).
    .where('p.archived_on', 'is', null);
  if (selection.kind === 'responsible') q = q.where('c.responsible_user_id', '=', selection.userId);
  if (selection.kind === 'unit') q = q.where('c.unit_id', '=', selection.unitId);
  if (query.status === 'open') q = q.where('c.phase', '<>', 'closed');
  if (query.status === 'closed') q = q.where('c.phase', '=', 'closed');
  if (query.phase) q = q.where('c.phase', '=', query.phase);
  if (query.worker.kind === 'unassigned') q = q.where('c.responsible_user_id', 'is', null);
  if (query.worker.kind === 'worker') q = q.where('c.responsible_user_id', '=', query.worker.userId);
  const text = query.text;
  if (text) {
    q = q.where((eb) => {
      const person = text.person;
      const either = [];
      if (person.kind === 'number') either.push(eb('p.personal_number', '=', person.normalized));
      if (person.kind === 'birthDate') either.push(eb('p.personal_number', 'like', `${person.prefix}%`));
      if (person.kind === 'name')
        either.push(eb.and(person.tokens.map((t) => eb('p.search_text', 'like', `%${escapeLike(t)}%`))));
      if (text.reference)
        either.push(
          eb.exists(
            eb
              .selectFrom('report as rr')
              .select('rr.id')
              .whereRef('rr.municipality_id', '=', 'c.municipality_id')
              .whereRef('rr.case_id', '=', 'c.id')
              .where('rr.reference', '=', text.reference),
          ),
        );
      return eb.or(either);
    });
  }
  return q
    .orderBy('c.opened_on', 'desc')
    .orderBy('c.id')
    .limit(rowLimit + 1)
    .execute();
}

export type CaseRow = Awaited<ReturnType<typeof casesFor>>[number];

/** The social workers of a unit with how many open cases each holds (the manager's caseload view). */
export async function workersOfUnit(scope: AccessScope, unitId: string) {
  return scope.db
    .selectFrom('user_account as u')
    .select((eb) => [
      'u.id',
      'u.display_name',
      eb
        .selectFrom('child_case as c')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('c.municipality_id', '=', 'u.municipality_id')
        .whereRef('c.responsible_user_id', '=', 'u.id')
        .where('c.phase', '<>', 'closed')
        .as('open_cases'),
    ])
    .where('u.municipality_id', '=', scope.actor.municipalityId)
    .where('u.unit_id', '=', unitId)
    .where('u.role', '=', 'socialWorker')
    .where('u.active', '=', true)
    .orderBy('u.display_name')
    .execute();
}
