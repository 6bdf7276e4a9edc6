import type { Kysely } from 'kysely';
import { addDays } from '../deadlines/calendar.ts';
import { parsePersonalNumber } from '../people/personal-number.ts';
import type { Database } from '../platform/db/schema.ts';
import type { CareRow, ChildSex, PlacementForm, PlacementPeriodRow } from './inputs.ts';
import { earlier, later } from './periods.ts';
import type { GuardianSituation, RegisterChild, RegisterInput } from './register.ts';
import { yearRange } from './register.ts';

/**
 * The register's input for a year from the live placements (src/placements, migration 0012), kept
 * as recorded so the validation can name what is wrong (docs/decisions/0130): each decision of a
 * placement is a care (insats) from the day it was carried out until the next decision or the
 * placement's end; each home period ends the day before the next starts, or with the placement; a
 * period is split at the decisions. Unlike the indicators' reading (placement-queries.ts) nothing
 * impossible is dropped: a placement with no decision is one care without a decision date (BU08),
 * and a period that ends before it starts is kept whole (BU04).
 */

type Db = Kysely<Database>;

const formOf = (form: string): PlacementForm =>
  form === 'residentialCareHome' ? 'residentialCare' : (form as PlacementForm);

export async function registerInput(
  db: Db,
  municipalityId: string,
  year: number,
  today: string,
): Promise<{ input: RegisterInput; placementOf: Map<string, string> }> {
  const placementOf = new Map<string, string>();
  const range = yearRange(year);
  const municipality = await db
    .selectFrom('municipality')
    .select('code')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  const placements = await db
    .selectFrom('placement')
    .select(['id', 'child_id', 'unit_id', 'ended_on'])
    .where('municipality_id', '=', municipalityId)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', range.from)]))
    .orderBy('id')
    .execute();
  const ids = placements.map((p) => p.id);
  if (ids.length === 0) {
    const input = { year, municipalityCode: municipality.code, children: [], cares: [], placements: [] };
    return { input, placementOf };
  }
  const decisions = await db
    .selectFrom('placement_decision')
    .select(['id', 'placement_id', 'basis', 'decided_on', 'executed_on'])
    .where('municipality_id', '=', municipalityId)
    .where('placement_id', 'in', ids)
    .where('decided_on', '<=', range.to)
    .orderBy('decided_on')
    .orderBy('id')
    .execute();
  const periods = await db
    .selectFrom('placement_period')
    .select(['id', 'placement_id', 'form', 'started_on'])
    .where('municipality_id', '=', municipalityId)
    .where('placement_id', 'in', ids)
    .where('started_on', '<=', range.to)
    .orderBy('started_on')
    .orderBy('id')
    .execute();

  const cares: CareRow[] = [];
  const periodRows: PlacementPeriodRow[] = [];
  for (const p of placements) {
    const own = decisions.filter((d) => d.placement_id === p.id);
    const homes = periods.filter((x) => x.placement_id === p.id);
    const spans: { care: CareRow; from: string; to: string | null }[] = [];
    if (own.length === 0) {
      if (homes.length === 0) continue;
      // Placed without a recorded decision: the register needs one (22 kap. 2 § SoL; 11 § LVU).
      const care: CareRow = {
        id: p.id,
        childId: p.child_id,
        unitId: p.unit_id,
        basis: 'sol',
        decidedOn: null,
        startedOn: null,
        endedOn: p.ended_on,
      };
      cares.push(care);
      placementOf.set(care.id, p.id);
      spans.push({ care, from: homes[0]!.started_on, to: p.ended_on });
    }
    own.forEach((d, i) => {
      const next = own[i + 1];
      const from = d.executed_on ?? d.decided_on;
      const to = next ? later(addDays(next.executed_on ?? next.decided_on, -1), from) : p.ended_on;
      const care: CareRow = {
        id: d.id,
        childId: p.child_id,
        unitId: p.unit_id,
        basis: d.basis,
        decidedOn: d.decided_on,
        startedOn: d.executed_on,
        endedOn: to,
      };
      cares.push(care);
      placementOf.set(care.id, p.id);
      spans.push({ care, from, to });
    });
    homes.forEach((x, i) => {
      const next = homes[i + 1];
      const end = next ? addDays(next.started_on, -1) : p.ended_on;
      const form = formOf(x.form);
      if (end !== null && end < x.started_on) {
        // Recorded as ending before it started: one row, under the care of its first day.
        const span = spans.find((s) => s.from <= x.started_on && (s.to === null || x.started_on <= s.to));
        const care = (span ?? spans.at(-1)!).care;
        periodRows.push({
          id: `${x.id}:${care.id}`,
          careId: care.id,
          form,
          startedOn: x.started_on,
          endedOn: end,
        });
        return;
      }
      for (const span of spans) {
        const from = later(x.started_on, span.from);
        const to = end === null ? span.to : span.to === null ? end : earlier(end, span.to);
        if (to !== null && to < from) continue;
        periodRows.push({
          id: `${x.id}:${span.care.id}`,
          careId: span.care.id,
          form,
          startedOn: from,
          endedOn: to,
        });
      }
    });
  }

  const childIds = [...new Set(cares.map((c) => c.childId))];
  const children = childIds.length === 0 ? [] : await childrenOf(db, municipalityId, childIds, today);
  return {
    input: { year, municipalityCode: municipality.code, children, cares, placements: periodRows },
    placementOf,
  };
}

async function childrenOf(
  db: Db,
  municipalityId: string,
  childIds: string[],
  today: string,
): Promise<RegisterChild[]> {
  const people = await db
    .selectFrom('person')
    .select(['id', 'personal_number', 'birth_date', 'country_of_birth'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', childIds)
    .execute();
  // The guardians who are parents, with their sex (from the number) and country of birth.
  const guardians = await db
    .selectFrom('guardianship as g')
    .innerJoin('person as p', (j) =>
      j.onRef('p.municipality_id', '=', 'g.municipality_id').onRef('p.id', '=', 'g.guardian_id'),
    )
    .select(['g.child_id', 'g.kind', 'p.personal_number', 'p.country_of_birth'])
    .where('g.municipality_id', '=', municipalityId)
    .where('g.child_id', 'in', childIds)
    .orderBy('g.created_at')
    .orderBy('g.guardian_id')
    .execute();
  const unaccompanied = new Set(
    (
      await db
        .selectFrom('unaccompanied_minor')
        .select('child_id')
        .where('municipality_id', '=', municipalityId)
        .where('child_id', 'in', childIds)
        .execute()
    ).map((u) => u.child_id),
  );
  return people.map((p) => {
    const own = guardians.filter((g) => g.child_id === p.id);
    const parents = own.filter((g) => g.kind === 'guardian').length;
    const guardianSituation: GuardianSituation | null =
      parents >= 2
        ? 'bothParents'
        : parents === 1
          ? 'oneParent'
          : own.some((g) => g.kind === 'appointedGuardian')
            ? 'appointedGuardian'
            : null;
    return {
      childId: p.id,
      personalNumber: p.personal_number,
      // The person's id is unique within the municipality and never reused (HSLF-FS 2016:3).
      temporaryId: p.personal_number ? null : p.id,
      birthDate: p.birth_date,
      sex: sexOf(p.personal_number, today),
      // Decision 0118: the child's own; a parent's is the guardian's of that sex, when registered.
      countryOfBirth: p.country_of_birth,
      motherCountryOfBirth: parentCountry(own, 'female', today),
      fatherCountryOfBirth: parentCountry(own, 'male', today),
      guardianSituation,
      unaccompanied: unaccompanied.has(p.id),
    };
  });
}

/**
 * The country of birth of the child's mother or father: the first guardian (not an appointed one)
 * whose identity number says that sex. A guardian is taken to be a parent, which a specially
 * appointed custodian is not (not told apart in Samtak; docs/statistics-reporting.md).
 */
function parentCountry(
  guardians: readonly { kind: string; personal_number: string | null; country_of_birth: string | null }[],
  sex: 'female' | 'male',
  today: string,
): string | null {
  const parent = guardians.find((g) => g.kind === 'guardian' && sexOf(g.personal_number, today) === sex);
  return parent?.country_of_birth ?? null;
}

function sexOf(personalNumber: string | null, today: string): ChildSex {
  if (!personalNumber) return 'unknown';
  const parsed = parsePersonalNumber(personalNumber, today);
  return parsed.ok ? parsed.value.sexHint : 'unknown';
}
