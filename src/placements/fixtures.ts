import type { Kysely } from 'kysely';
import { addDays } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import { createPerson } from '../testing/factories.ts';

/**
 * Test data for placements, shared by the feature's database tests and the audit-coverage world:
 * a child whose case was decided with a placement intervention, and homes in the register.
 */

/** A family home with two carers; investigated and with both extracts each, or not. */
export async function privateHome(
  db: Kysely<Database>,
  municipalityId: string,
  code: string,
  name: string,
  options: { investigated: boolean; extracts: boolean; today: string },
) {
  const home = await db
    .insertInto('placement_home')
    .values({
      municipality_id: municipalityId,
      kind: 'privateHome',
      name,
      forms: ['familyHome', 'emergencyHome'],
      home_municipality_code: code,
      street_address: 'Skogsvägen 3',
      postal_code: '123 45',
      city: 'Sjövik',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const carers = await db
    .insertInto('placement_home_carer')
    .values([
      { municipality_id: municipalityId, home_id: home.id, name: `${name} Anna` },
      { municipality_id: municipalityId, home_id: home.id, name: `${name} Per` },
    ])
    .returning('id')
    .execute();
  if (options.investigated)
    await db
      .insertInto('placement_home_investigation')
      .values({
        municipality_id: municipalityId,
        home_id: home.id,
        completed_on: addDays(options.today, -200),
        result: 'approved',
      })
      .execute();
  if (options.extracts)
    await db
      .insertInto('placement_home_register_extract')
      .values(
        carers.flatMap((c) =>
          (['criminalRecord', 'suspicionRegister'] as const).map((register) => ({
            municipality_id: municipalityId,
            home_id: home.id,
            carer_id: c.id,
            register,
            obtained_on: addDays(options.today, -190),
          })),
        ),
      )
      .execute();
  return { id: home.id, carerIds: carers.map((c) => c.id) };
}

/** A child with a case decided twenty days ago with a placement (and a support) intervention. */
export async function decidedPlacementCase(
  db: Kysely<Database>,
  options: {
    municipalityId: string;
    unitId: string;
    responsibleUserId: string;
    decidedBy: string;
    today: string;
    givenName?: string;
  },
) {
  const { municipalityId, today } = options;
  const child = await createPerson(db, municipalityId, {
    givenName: options.givenName ?? 'Tuva',
    birthDate: '2014-05-05',
  });
  const type = await db
    .insertInto('intervention_type')
    .values({ municipality_id: municipalityId, name: `Placering i familjehem ${child.familyName}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('placement_intervention_type')
    .values({ municipality_id: municipalityId, intervention_type_id: type.id })
    .execute();
  const support = await db
    .insertInto('intervention_type')
    .values({ municipality_id: municipalityId, name: `Familjebehandling ${child.familyName}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const decidedOn = addDays(today, -20);
  const c = await db
    .insertInto('child_case')
    .values({
      municipality_id: municipalityId,
      child_id: child.id,
      unit_id: options.unitId,
      phase: 'investigation',
      opened_on: addDays(today, -120),
      initial_decision: 'openInvestigation',
      initial_decided_on: addDays(today, -115),
      investigation_opened_on: addDays(today, -115),
      concluded_on: addDays(today, -25),
      responsible_user_id: options.responsibleUserId,
      decision_outcome: 'interventions',
      decision_text: 'Vård i familjehem enligt SoL.',
      decided_on: decidedOn,
      decided_by: options.decidedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('case_intervention')
    .values([
      { municipality_id: municipalityId, case_id: c.id, intervention_type_id: type.id },
      { municipality_id: municipalityId, case_id: c.id, intervention_type_id: support.id },
    ])
    .execute();
  return { child, caseId: c.id, interventionTypeId: type.id, supportTypeId: support.id, decidedOn };
}

/** The form that places the child in a home from the register, as a social worker sends it. */
export function placementFormFor(
  c: { interventionTypeId: string; decidedOn: string },
  homeId: string,
  designatedWorkerId: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    interventionTypeId: c.interventionTypeId,
    basis: 'sol',
    form: 'familyHome',
    homeId,
    decidedOn: c.decidedOn,
    decidedByKind: 'subcommittee',
    decidedByName: 'Individutskottet',
    protocolReference: '§ 41',
    executedOn: addDays(c.decidedOn, 3),
    designatedWorkerId,
    ...overrides,
  };
}
