import { type ExpressionBuilder, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { AccessScope } from '../platform/access/scope.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { Database, GuardianshipKind, Person } from '../platform/db/schema.ts';
import { type PersonQuery, searchTextOf, type ValidPerson } from './domain.ts';

/**
 * Queries on the people register. Each takes an AccessScope: the caller has authorised the
 * action, and the municipality comes from the signed-in user, never from the request.
 */

export type PersonSummary = Pick<
  Person,
  | 'id'
  | 'personal_number'
  | 'is_coordination_number'
  | 'given_name'
  | 'family_name'
  | 'birth_date'
  | 'protected_identity'
>;

const summaryColumns = [
  'id',
  'personal_number',
  'is_coordination_number',
  'given_name',
  'family_name',
  'birth_date',
  'protected_identity',
] as const;

/**
 * How many people a search shows. Each one shown is an access to their data and an audit event,
 * so a vague search shows the first twenty and asks for more of the name (decision 0042).
 */
export const searchLimit = 20;

/** People matching the query, by family name then given name, at most `limit` of them. */
export async function peopleMatching(
  scope: AccessScope,
  query: PersonQuery,
  limit: number,
): Promise<PersonSummary[]> {
  // An archived person (only kept records left after culling, decision 0117) is found by the
  // archivist on the retention page, not here.
  let matches = scope.db
    .selectFrom('person')
    .select(summaryColumns)
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('archived_on', 'is', null);
  switch (query.kind) {
    case 'number':
      matches = matches.where('personal_number', '=', query.normalized);
      break;
    case 'birthDate':
      matches = matches.where('personal_number', 'like', `${query.prefix}%`);
      break;
    case 'name': {
      // Names whose family name begins with the last word typed come first, read in order from
      // one range of an index (decision 0110); only when none does is any name containing every
      // typed part looked for, through the trigram index.
      const prefixed = await byFamilyPrefix(scope, query.tokens, limit);
      if (prefixed.length > 0) return prefixed;
      for (const token of query.tokens)
        matches = matches.where('search_text', 'like', `%${escapeLike(token)}%`);
      break;
    }
    case 'tooShort':
      return [];
  }
  // OFFSET 0 keeps the planner from walking the name index in order and filtering as it goes:
  // with a common family name that walk reads every name sorted before it (100 ms for
  // "Pettersson" in a city of 200,000 people) instead of fetching the matches and sorting them.
  return scope.db
    .selectFrom(matches.modifyEnd(sql`offset 0`).as('p'))
    .selectAll()
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** A name as the prefix index keys it (migration 0021): lower case, no diacritics, byte order. */
const nameKey = (column: 'family_name' | 'given_name') =>
  sql<string>`person_name_key(${sql.ref(column)}) collate "C"`;

/**
 * People whose family name begins with the last typed word and, when more were typed, whose given
 * name begins with the first, every typed part occurring in the name: the first `limit` in the
 * index's order, so a common family name costs one page of it, not the whole of it.
 */
async function byFamilyPrefix(scope: AccessScope, tokens: readonly string[], limit: number) {
  const family = tokens.at(-1);
  if (!family) return [];
  let q = scope.db
    .selectFrom('person')
    .select(summaryColumns)
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('archived_on', 'is', null)
    .where(nameKey('family_name'), 'like', `${escapeLike(family)}%`);
  if (tokens.length > 1) q = q.where(nameKey('given_name'), 'like', `${escapeLike(tokens[0]!)}%`);
  // A name that begins with a word contains it: only the words between need the search text (and
  // without those two, the planner has no reason to prefer the trigram index).
  for (const token of tokens.slice(1, -1)) q = q.where('search_text', 'like', `%${escapeLike(token)}%`);
  return q
    .orderBy(nameKey('family_name'))
    .orderBy(nameKey('given_name'))
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function personById(scope: AccessScope, id: string): Promise<Person | undefined> {
  return scope.db
    .selectFrom('person')
    .selectAll()
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function personByNumber(
  scope: AccessScope,
  personalNumber: string,
): Promise<PersonSummary | undefined> {
  return scope.db
    .selectFrom('person')
    .select(summaryColumns)
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('personal_number', '=', personalNumber)
    .executeTakeFirst();
}

export type Relative = PersonSummary & { kind: GuardianshipKind };

export async function guardiansOf(scope: AccessScope, childId: string): Promise<Relative[]> {
  return scope.db
    .selectFrom('guardianship as g')
    .innerJoin('person as p', (join) =>
      join.onRef('p.municipality_id', '=', 'g.municipality_id').onRef('p.id', '=', 'g.guardian_id'),
    )
    .select(summaryColumns.map((c) => `p.${c}` as const))
    .select('g.kind')
    .where('g.municipality_id', '=', scope.actor.municipalityId)
    .where('g.child_id', '=', childId)
    .orderBy('p.family_name')
    .execute();
}

export interface AssignedWorker {
  id: string;
  display_name: string;
  since: string;
}

export interface PersonWithRelatives {
  person: Person;
  guardians: Relative[];
  children: Relative[];
  workers: AssignedWorker[];
}

/**
 * A person with guardians, children and assigned workers in one statement: on a virtual machine
 * each round trip costs more than these small reads themselves (docs/performance.md). The caller
 * authorises on the person; when it refuses, the relatives are dropped unseen.
 */
export async function personWithRelatives(
  scope: AccessScope,
  id: string,
): Promise<PersonWithRelatives | undefined> {
  const m = scope.actor.municipalityId;
  const relatives = (eb: ExpressionBuilder<Database & { p: Person }, 'p'>, side: 'guardian' | 'child') =>
    eb
      .selectFrom('guardianship as g')
      .innerJoin('person as r', (join) =>
        join
          .onRef('r.municipality_id', '=', 'g.municipality_id')
          .onRef('r.id', '=', side === 'guardian' ? 'g.guardian_id' : 'g.child_id'),
      )
      .select(summaryColumns.map((c) => `r.${c}` as const))
      .select('g.kind')
      .where('g.municipality_id', '=', m)
      .whereRef(side === 'guardian' ? 'g.child_id' : 'g.guardian_id', '=', 'p.id')
      .orderBy(side === 'guardian' ? 'r.family_name' : 'r.birth_date');
  const row = await scope.db
    .selectFrom('person as p')
    .selectAll('p')
    .select((eb) => [
      jsonArrayFrom(relatives(eb, 'guardian')).as('rel_guardians'),
      jsonArrayFrom(relatives(eb, 'child')).as('rel_children'),
      jsonArrayFrom(
        eb
          .selectFrom('person_assignment as a')
          .innerJoin('user_account as u', 'u.id', 'a.user_id')
          .select(['u.id', 'u.display_name', 'a.since'])
          .where('a.municipality_id', '=', m)
          .whereRef('a.person_id', '=', 'p.id'),
      ).as('rel_workers'),
    ])
    .where('p.municipality_id', '=', m)
    .where('p.id', '=', id)
    // Archived: as if unknown to every page but the archivist's (decision 0117).
    .where('p.archived_on', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { rel_guardians, rel_children, rel_workers, ...person } = row;
  return { person, guardians: rel_guardians, children: rel_children, workers: rel_workers };
}

/** Children the signed-in user is assigned to: their start page. */
export async function childrenAssignedTo(scope: AccessScope): Promise<PersonSummary[]> {
  return scope.db
    .selectFrom('person_assignment as a')
    .innerJoin('person as p', (join) =>
      join.onRef('p.municipality_id', '=', 'a.municipality_id').onRef('p.id', '=', 'a.person_id'),
    )
    .select(summaryColumns.map((c) => `p.${c}` as const))
    .where('a.municipality_id', '=', scope.actor.municipalityId)
    .where('a.user_id', '=', scope.actor.userId)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .limit(200)
    .execute();
}

/** Inserts a person; returns null when the number is already registered in the municipality. */
export async function insertPerson(scope: AccessScope, person: ValidPerson): Promise<string | null> {
  const row = await scope.db
    .insertInto('person')
    .values({
      municipality_id: scope.actor.municipalityId,
      personal_number: person.personalNumber,
      is_coordination_number: person.isCoordinationNumber,
      given_name: person.givenName,
      family_name: person.familyName,
      birth_date: person.birthDate,
      search_text: searchTextOf(person.givenName, person.familyName),
      protected_identity: person.protectedIdentity,
      street_address: person.streetAddress,
      postal_code: person.postalCode,
      city: person.city,
      country_of_birth: person.countryOfBirth,
      created_by: scope.actor.userId,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'personal_number']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Sets (or clears) the person's country of birth; the caller has authorised person.update. */
export async function updateCountryOfBirth(scope: AccessScope, personId: string, code: string | null) {
  await scope.db
    .updateTable('person')
    .set({ country_of_birth: code })
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', personId)
    .execute();
}

/** Links a guardian to a child; false when the link already exists. */
export async function insertGuardianship(
  scope: AccessScope,
  childId: string,
  guardianId: string,
  kind: GuardianshipKind,
): Promise<boolean> {
  const row = await scope.db
    .insertInto('guardianship')
    .values({ municipality_id: scope.actor.municipalityId, child_id: childId, guardian_id: guardianId, kind })
    .onConflict((oc) => oc.columns(['municipality_id', 'child_id', 'guardian_id']).doNothing())
    .returning('child_id')
    .executeTakeFirst();
  return !!row;
}
