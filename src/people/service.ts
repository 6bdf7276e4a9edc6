import type { Kysely } from 'kysely';
import type { Resource } from '../platform/access/policy.ts';
import { type AccessScope, type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { AuditEntry } from '../platform/audit/audit.ts';
import { todayInSweden } from '../platform/dates.ts';
import type { Database, GuardianshipKind, Person } from '../platform/db/schema.ts';
import type { LoadedSection } from '../platform/features.ts';
import type { PageContext } from '../platform/layout/page-context.ts';
import {
  type NewPersonInput,
  type PersonFieldError,
  parsePersonQuery,
  validateCountryOfBirth,
  validateNewPerson,
} from './domain.ts';
import { parsePersonalNumber } from './personal-number.ts';
import {
  type AssignedWorker,
  insertGuardianship,
  insertPerson,
  type PersonSummary,
  peopleMatching,
  personById,
  personByNumber,
  personWithRelatives,
  type Relative,
  searchLimit,
  updateCountryOfBirth,
} from './queries.ts';
import type { PersonSection, ProfessionalEntry, TimelineEntry } from './sections.ts';

/** What the pages and the API do with the people register: policy, data and audit in one step. */

const register = (context: RequestContext): Resource => ({
  type: 'personRegister',
  municipalityId: context.actor?.municipalityId ?? '',
});

const personResource = (person: Person): Resource => ({
  type: 'person',
  municipalityId: person.municipality_id,
  protectedIdentity: person.protected_identity,
});

const subject = (person: Person) => ({
  subjectPersonId: person.id,
  recordType: 'person',
  recordId: person.id,
});

/** Each person shown in a list has been seen: "who has seen this child" includes lists. */
export function seenInList(people: readonly { id: string }[]): AuditEntry[] {
  return people.map((p) => ({
    action: 'person.search',
    subjectPersonId: p.id,
    recordType: 'person',
    recordId: p.id,
  }));
}

export async function searchPeople(db: Kysely<Database>, context: RequestContext, raw: string) {
  const query = parsePersonQuery(raw, todayInSweden());
  return withAccess(db, context, async (scope) => {
    scope.authorize('person.search', register(context));
    // One more than is shown tells whether there are more.
    const matches = await peopleMatching(scope, query, searchLimit + 1);
    const results = matches.slice(0, searchLimit);
    await scope.audit(...seenInList(results));
    return { query, results, more: matches.length > searchLimit };
  });
}

export interface PersonView {
  person: Person;
  guardians: Relative[];
  children: Relative[];
  workers: AssignedWorker[];
  /** True when protected address details are included (a reason was given and audited). */
  revealed: boolean;
  /** What other features show on the person's page, loaded in the same scope. */
  sections: LoadedSection<PersonSection>[];
  /** The dated events of those sections, newest first. */
  timeline(ctx: PageContext): TimelineEntry[];
  /** The professionals those sections know around the person, each once. */
  professionals(ctx: PageContext): ProfessionalEntry[];
}

/**
 * Loads the other features' sections in the page's scope, in the order the features are listed,
 * and keeps what each loaded for the page's timeline and list of professionals.
 */
async function loadPersonSections(scope: AccessScope, sections: readonly PersonSection[], person: Person) {
  const loaded: { section: PersonSection; data: unknown }[] = [];
  for (const section of sections) {
    const data = await section.load(scope, person);
    if (data !== null) loaded.push({ section, data });
  }
  return {
    sections: [...loaded]
      .sort((a, b) => a.section.order - b.section.order)
      .map(({ section, data }) => ({ section, render: (ctx: PageContext) => section.render(ctx, data) })),
    timeline: (ctx: PageContext) =>
      loaded
        .flatMap(({ section, data }) => section.timeline?.(ctx, data) ?? [])
        .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    professionals: (ctx: PageContext) => {
      const seen = new Set<string>();
      return loaded
        .flatMap(({ section, data }) => section.professionals?.(ctx, data) ?? [])
        .filter((p) => {
          const key = `${p.name}|${p.organisation ?? ''}|${p.role}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
    },
  };
}

/**
 * One person with relatives. Protected address details are removed unless a reason is given;
 * with a reason, the policy decides and the reason is written to the trail. The page's sections
 * from other features load in the same scope, after the person was authorised.
 */
export async function readPerson(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  revealReason?: string,
  sections: readonly PersonSection[] = [],
): Promise<PersonView | null> {
  return withAccess(db, context, async (scope) => {
    const found = await personWithRelatives(scope, id);
    if (!found) {
      scope.authorize('person.search', register(context));
      return null;
    }
    const { person, guardians, children, workers } = found;
    scope.authorize('person.read', personResource(person), { audit: subject(person) });
    let revealed = person.protected_identity === 'none';
    let access: { id: string } | undefined;
    if (!revealed && revealReason !== undefined) {
      scope.authorize('person.readProtectedDetails', personResource(person), {
        reason: revealReason,
        audit: subject(person),
      });
      revealed = true;
      // The reason is free text about the person: it is a record of their file, culled with it,
      // and the event names the record (decision 0081 rule 2).
      access = await scope.db
        .insertInto('protected_details_access')
        .values({
          municipality_id: person.municipality_id,
          person_id: person.id,
          user_id: scope.actor.userId,
          reason: revealReason.trim(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    }
    await scope.audit(
      { action: 'person.read', subjectPersonId: person.id, recordType: 'person', recordId: person.id },
      ...(access
        ? [
            {
              action: 'person.readProtectedDetails',
              subjectPersonId: person.id,
              recordType: 'protectedDetailsAccess',
              recordId: access.id,
            },
          ]
        : []),
      ...[...guardians, ...children].map((r) => ({
        action: 'person.read',
        subjectPersonId: r.id,
        recordType: 'relationOf',
        recordId: person.id,
      })),
    );
    const shown = revealed ? person : withoutWhereabouts(person);
    return {
      person: shown,
      guardians,
      children,
      workers,
      revealed,
      ...(await loadPersonSections(scope, sections, shown)),
    };
  });
}

function withoutWhereabouts(person: Person): Person {
  return { ...person, street_address: null, postal_code: null, city: null };
}

export type CreateOutcome =
  | { ok: true; id: string }
  | { ok: false; errors: PersonFieldError[] }
  | { ok: false; duplicateOf: PersonSummary };

export async function createPerson(
  db: Kysely<Database>,
  context: RequestContext,
  input: NewPersonInput,
): Promise<CreateOutcome> {
  return withAccess(db, context, async (scope) => {
    scope.authorize('person.create', register(context));
    const valid = validateNewPerson(input, todayInSweden());
    if (!valid.ok) return { ok: false, errors: valid.errors };
    const id = await insertPerson(scope, valid.value);
    if (!id) {
      const existing = await personByNumber(scope, valid.value.personalNumber ?? '');
      if (!existing) throw new Error('insert refused without a conflicting person');
      await scope.audit(...seenInList([existing]));
      return { ok: false, duplicateOf: existing };
    }
    await scope.audit({ action: 'person.create', subjectPersonId: id, recordType: 'person', recordId: id });
    return { ok: true, id };
  });
}

export type GuardianOutcome = 'added' | 'notFound' | 'guardianNotFound' | 'self' | 'exists' | 'invalidNumber';

export async function addGuardian(
  db: Kysely<Database>,
  context: RequestContext,
  childId: string,
  guardianNumber: string,
  kind: GuardianshipKind,
): Promise<GuardianOutcome> {
  return withAccess(db, context, async (scope) => {
    const child = await personById(scope, childId);
    if (!child) {
      scope.authorize('person.search', register(context));
      return 'notFound';
    }
    scope.authorize('person.update', personResource(child), { audit: subject(child) });
    const parsed = parsePersonalNumber(guardianNumber, todayInSweden());
    if (!parsed.ok) return 'invalidNumber';
    const guardian = await personByNumber(scope, parsed.value.normalized);
    if (!guardian) return 'guardianNotFound';
    if (guardian.id === child.id) return 'self';
    if (!(await insertGuardianship(scope, child.id, guardian.id, kind))) return 'exists';
    await scope.audit(
      {
        action: 'person.update',
        subjectPersonId: child.id,
        recordType: 'guardianship',
        recordId: guardian.id,
      },
      {
        action: 'person.update',
        subjectPersonId: guardian.id,
        recordType: 'guardianship',
        recordId: child.id,
      },
    );
    return 'added';
  });
}

export type CountryOutcome = 'saved' | 'unchanged' | 'notFound' | 'invalid';

/**
 * Sets the person's country of birth (decision 0118), or clears it with an empty value: the same
 * right as linking a guardian (person.update), written to the trail as a change of the person.
 * Nothing is written, and nothing audited as changed, when the value is the one already kept.
 */
export async function setCountryOfBirth(
  db: Kysely<Database>,
  context: RequestContext,
  personId: string,
  value: string | undefined,
): Promise<CountryOutcome> {
  return withAccess(db, context, async (scope) => {
    const person = await personById(scope, personId);
    if (!person) {
      scope.authorize('person.search', register(context));
      return 'notFound';
    }
    scope.authorize('person.update', personResource(person), { audit: subject(person) });
    const valid = validateCountryOfBirth(value);
    if (!valid.ok) return 'invalid';
    if (valid.value === person.country_of_birth) return 'unchanged';
    await updateCountryOfBirth(scope, person.id, valid.value);
    await scope.audit({
      action: 'person.update',
      subjectPersonId: person.id,
      recordType: 'person',
      recordId: person.id,
      reason: 'countryOfBirth',
    });
    return 'saved';
  });
}
