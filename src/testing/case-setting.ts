import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { type Client, startTestApp, type TestApp } from './app.ts';
import { createMunicipality, createPerson, createUnit, createUser } from './factories.ts';

/**
 * What the case tests share: one app for the test file, a municipality with its units and staff,
 * and the steps that bring a report to an open case. Importing it starts the app before the file's
 * first test and closes it after the last.
 */

export const today = '2026-03-13'; // a Friday
export let t: TestApp;
before(async () => {
  t = await startTestApp({ fixedToday: today });
});
after(() => t.close());

/** A municipality with an intake unit, an investigation unit, their staff and a partner. */
export async function setting() {
  const db = t.db.db;
  const key = t.config.secretKey;
  const municipalityId = await createMunicipality(db);
  const intakeUnit = await createUnit(db, municipalityId, 'intake');
  const investigationUnit = await createUnit(db, municipalityId, 'investigation');
  const otherUnit = await createUnit(db, municipalityId, 'investigation');
  const user = (role: Parameters<typeof createUser>[2]['role'], unitId: string | null = null) =>
    createUser(db, key, { municipalityId, role, unitId });
  const people = {
    intake: await user('intakeWorker', intakeUnit),
    intakeManager: await user('manager', intakeUnit),
    manager: await user('manager', investigationUnit),
    otherManager: await user('manager', otherUnit),
    worker: await user('socialWorker', investigationUnit),
    worker2: await user('socialWorker', investigationUnit),
    partner: await user('partnerProfessional'),
  };
  const { code } = await db
    .selectFrom('municipality')
    .select('code')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  const intervention = await db
    .insertInto('intervention_type')
    .values({ municipality_id: municipalityId, name: 'Familjebehandling', ksi_code: 'VBA.AB' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { municipalityId, code, intakeUnit, investigationUnit, people, interventionId: intervention.id };
}

export async function fileReport(code: string, fields: Record<string, string> = {}) {
  const { Client } = await import('../testing/app.ts');
  const client = new Client(t.app);
  await client.get(`/report/professional?m=${code}`);
  const res = await client.post(`/report/professional?m=${code}`, {
    reporterName: 'Pia Skog',
    reporterOrganisation: 'Sjövikskolan',
    reporterOrganisationKind: 'school',
    reporterPhone: '070-1234567',
    feedbackRequested: 'on',
    childGivenName: 'Vera',
    childFamilyName: 'Flödesson',
    concern: 'Vera berättar att hon inte får äta hemma och är rädd för sin styvpappa.',
    ...fields,
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  const reference = (res.headers.location as string).split('/').pop()!;
  return t.db.db
    .selectFrom('report')
    .selectAll()
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
}

export const caseOf = (id: string) =>
  t.db.db.selectFrom('child_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
export const expectStatus = (res: { statusCode: number; body: string }, status: number) =>
  assert.equal(
    res.statusCode,
    status,
    res.body
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .slice(0, 600),
  );

export async function openedCase(s: Awaited<ReturnType<typeof setting>>, intake: Client) {
  const child = await createPerson(t.db.db, s.municipalityId, {
    givenName: 'Vera',
    familyName: 'Flödesson',
    birthDate: '2016-05-05',
  });
  const report = await fileReport(s.code);
  expectStatus(await intake.post(`/intake/reports/${report.id}/link`, { childId: child.id }), 303);
  const { case_id } = await t.db.db
    .selectFrom('report')
    .select('case_id')
    .where('id', '=', report.id)
    .executeTakeFirstOrThrow();
  return { child, report, caseId: case_id! };
}
