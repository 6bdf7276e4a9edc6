import type { Insertable } from 'kysely';
import type { AccessScope } from '../platform/access/scope.ts';
import type { Person } from '../platform/db/schema.ts';
import type { CaseDocumentDetails, DocumentDispatch, DocumentDispatchTable } from './schema.ts';

/** Queries of the case documents; the municipality always comes from the signed-in user. */

const m = (scope: AccessScope) => scope.actor.municipalityId;

export async function personFor(scope: AccessScope, id: string): Promise<Person> {
  return scope.db
    .selectFrom('person')
    .selectAll()
    .where('municipality_id', '=', m(scope))
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function guardiansOf(scope: AccessScope, childId: string): Promise<Person[]> {
  return scope.db
    .selectFrom('guardianship as g')
    .innerJoin('person as p', (join) =>
      join.onRef('p.municipality_id', '=', 'g.municipality_id').onRef('p.id', '=', 'g.guardian_id'),
    )
    .selectAll('p')
    .where('g.municipality_id', '=', m(scope))
    .where('g.child_id', '=', childId)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
}

export async function municipalityName(scope: AccessScope): Promise<string> {
  const row = await scope.db
    .selectFrom('municipality')
    .select('name')
    .where('id', '=', m(scope))
    .executeTakeFirstOrThrow();
  return row.name;
}

export async function detailsOf(
  scope: AccessScope,
  caseId: string,
): Promise<CaseDocumentDetails | undefined> {
  return scope.db
    .selectFrom('case_document_details')
    .selectAll()
    .where('municipality_id', '=', m(scope))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

export async function saveDetails(
  scope: AccessScope,
  caseId: string,
  values: Pick<CaseDocumentDetails, 'proposal' | 'application' | 'applied_for'>,
): Promise<void> {
  await scope.db
    .insertInto('case_document_details')
    .values({ municipality_id: m(scope), case_id: caseId, recorded_by: scope.actor.userId, ...values })
    .onConflict((oc) =>
      oc
        .column('case_id')
        .doUpdateSet({ ...values, recorded_by: scope.actor.userId, recorded_at: new Date() }),
    )
    .execute();
}

export async function dispatchesOf(scope: AccessScope, caseId: string): Promise<DocumentDispatch[]> {
  return scope.db
    .selectFrom('document_dispatch')
    .selectAll()
    .where('municipality_id', '=', m(scope))
    .where('case_id', '=', caseId)
    .orderBy('sent_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

export async function insertDispatch(
  scope: AccessScope,
  values: Omit<Insertable<DocumentDispatchTable>, 'municipality_id' | 'recorded_by' | 'recorded_by_name'>,
): Promise<string> {
  const row = await scope.db
    .insertInto('document_dispatch')
    .values({
      ...values,
      municipality_id: m(scope),
      recorded_by: scope.actor.userId,
      recorded_by_name: scope.actor.displayName,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
