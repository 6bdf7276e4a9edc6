import { type Kysely, sql } from 'kysely';
import { todayInSweden } from '../platform/dates.ts';
import type { Database } from '../platform/db/schema.ts';
import { createPerson } from '../testing/factories.ts';

/** Test files for the culling job: fictional children, the dates relative to today. */
export const today = todayInSweden();
export const yearsAgo = (years: number, day = '02-10') => `${Number(today.slice(0, 4)) - years}-${day}`;
let counter = 0;

export async function insertReport(
  db: Kysely<Database>,
  municipalityId: string,
  childId: string,
  receivedOn: string,
  caseId: string | null = null,
) {
  const n = String(counter++).padStart(4, '0');
  return db
    .insertInto('report')
    .values({
      municipality_id: municipalityId,
      reference: `CU${n.slice(0, 2)}-${n}`,
      received_on: receivedOn,
      channel: 'professionalForm',
      reporter_kind: 'professional',
      reporter_name: 'Pia Skog',
      concern: 'Oro för barnet',
      child_id: childId,
      case_id: caseId,
      linked_on: receivedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * A file whose last entry was seven years ago: a child born on the 3rd (outside the research
 * sample), a report, a case closed without an investigation, a signed note and the child's account.
 */
export async function oldFile(
  db: Kysely<Database>,
  municipalityId: string,
  unitId: string,
  author: { id: string },
  givenName = 'Gallringsbarn',
) {
  const child = await createPerson(db, municipalityId, { givenName, birthDate: '2008-03-03' });
  await sql`update person set created_at = ${`${yearsAgo(7, '02-01')}T10:00:00Z`}::timestamptz where id = ${child.id}`.execute(
    db,
  );
  const childCase = await db
    .insertInto('child_case')
    .values({
      municipality_id: municipalityId,
      child_id: child.id,
      unit_id: unitId,
      phase: 'closed',
      opened_on: yearsAgo(7, '02-01'),
      initial_decision: 'noInvestigation',
      initial_decision_reason: 'Inget behov av utredning',
      initial_decided_on: yearsAgo(7, '02-08'),
      closed_on: yearsAgo(7, '02-10'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const report = await insertReport(db, municipalityId, child.id, yearsAgo(7, '02-01'), childCase.id);
  const signedAt = new Date(`${yearsAgo(7, '02-05')}T09:00:00Z`);
  const note = await db
    .insertInto('case_note')
    .values({
      municipality_id: municipalityId,
      case_id: childCase.id,
      event_date: yearsAgo(7, '02-05'),
      body: 'Samtal med vårdnadshavare om oron.',
      author_id: author.id,
      author_name: 'Sara Handläggare',
      signed_at: signedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const voice = await db
    .insertInto('childs_voice')
    .values({
      municipality_id: municipalityId,
      case_id: childCase.id,
      held_on: yearsAgo(7, '02-05'),
      circumstances: 'I skolan',
      account: 'Barnet berättade om sin vardag.',
      recorded_by: author.id,
      recorded_by_name: 'Sara Handläggare',
      recorded_at: signedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { childId: child.id, caseId: childCase.id, reportId: report.id, noteId: note.id, voiceId: voice.id };
}

/**
 * What the statistics feature hangs on a case (migration 0018): a responsibility period and a
 * decision's execution. Neither is an entry of its own in the file; both go with the case.
 */
export async function caseStatistics(
  db: Kysely<Database>,
  municipalityId: string,
  caseId: string,
  worker: { id: string },
) {
  const type = await db
    .insertInto('intervention_type')
    .values({ municipality_id: municipalityId, name: `Kontaktfamilj ${counter++}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const responsibility = await db
    .insertInto('case_responsibility')
    .values({
      municipality_id: municipalityId,
      case_id: caseId,
      user_id: worker.id,
      from_on: yearsAgo(7, '02-01'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('decision_execution')
    .values({
      municipality_id: municipalityId,
      case_id: caseId,
      intervention_type_id: type.id,
      carried_out_on: yearsAgo(7, '02-06'),
      ended_on: yearsAgo(7, '02-09'),
    })
    .execute();
  return { responsibilityId: responsibility.id };
}

/** A report that names no child in the register, with the birth date it gives (or none). */
export async function insertUnlinkedReport(
  db: Kysely<Database>,
  municipalityId: string,
  receivedOn: string,
  childBirthDate: string | null,
) {
  const n = String(counter++).padStart(4, '0');
  return db
    .insertInto('report')
    .values({
      municipality_id: municipalityId,
      reference: `UL${n.slice(0, 2)}-${n}`,
      received_on: receivedOn,
      channel: 'professionalForm',
      reporter_kind: 'professional',
      reporter_name: 'Pia Skog',
      concern: 'Oro för ett barn vars namn inte är känt',
      child_given_name: 'Okänt',
      child_birth_date: childBirthDate,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
