import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createPerson, createUnit, createUser } from '../testing/factories.ts';

/**
 * The IVO quarterly report end to end (34 kap. 1–3 §§ SoL): decisions not carried out within
 * three months from hand-made cases, the reasons required before it can be submitted, the
 * submission kept read-only and compared with the one before, the council's statistics hidden
 * when small, and who may see what.
 */

const today = '2026-04-10';
let t: TestApp;
let municipalityId: string;
let unitId: string;
let typeId: string;
let manager: Client;
let reader: Client;
let worker: Client;
let waitingCase: string;

async function decided(decidedOn: string, carriedOutOn: string | null, name: string) {
  const child = await createPerson(t.db.db, municipalityId, { givenName: name });
  const c = await t.db.db
    .insertInto('child_case')
    .values({
      municipality_id: municipalityId,
      child_id: child.id,
      unit_id: unitId,
      phase: 'closed',
      opened_on: '2025-06-01',
      initial_decision: 'openInvestigation',
      initial_decided_on: '2025-06-10',
      investigation_opened_on: '2025-06-10',
      decision_outcome: 'interventions',
      decided_on: decidedOn,
      closed_on: decidedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.db
    .insertInto('case_intervention')
    .values({ municipality_id: municipalityId, case_id: c.id, intervention_type_id: typeId })
    .execute();
  if (carriedOutOn)
    await t.db.db
      .insertInto('decision_execution')
      .values({
        municipality_id: municipalityId,
        case_id: c.id,
        intervention_type_id: typeId,
        carried_out_on: carriedOutOn,
        delay_reason: 'Familjen tackade nej till två förslag.',
      })
      .execute();
  return c.id;
}

before(async () => {
  t = await startTestApp({ fixedToday: today });
  const db = t.db.db;
  const key = t.config.secretKey;
  municipalityId = await createMunicipality(db);
  unitId = await createUnit(db, municipalityId, 'openCare');
  const type = await db
    .insertInto('intervention_type')
    .values({ municipality_id: municipalityId, name: 'Kontaktfamilj' })
    .returning('id')
    .executeTakeFirstOrThrow();
  typeId = type.id;
  manager = await login(t.app, await createUser(db, key, { municipalityId, role: 'manager', unitId }));
  worker = await login(t.app, await createUser(db, key, { municipalityId, role: 'socialWorker', unitId }));
  reader = await login(
    t.app,
    await createUser(db, key, { municipalityId, role: 'statisticsReader', withTotp: false }),
  );
  // Decided 15 Oct: three months end 15 Jan, in Q1, still waiting at the end of March.
  waitingCase = await decided('2025-10-15', null, 'Vilma');
  // Decided 30 Nov, carried out 1 Mar, after its three months (28 Feb): reported with the date.
  await decided('2025-11-30', '2026-03-01', 'Sixten');
  // Carried out on the very day its three months ended: in time, not reported.
  await decided('2025-12-01', '2026-03-01', 'Alva');
});
after(() => t?.close());

describe('the IVO quarterly report', () => {
  it('is for the manager only; the statistics reader and a social worker are refused', async () => {
    assert.equal((await reader.get('/statistics/ivo?quarter=2026-Q1')).statusCode, 403);
    assert.equal((await worker.get('/statistics/ivo?quarter=2026-Q1')).statusCode, 403);
    assert.equal((await manager.get('/statistics/ivo?quarter=2026-13')).statusCode, 400);
  });

  it('lists the late decisions of the quarter, and not the one carried out on its last day', async () => {
    const page = await manager.get('/statistics/ivo?quarter=2026-Q1');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Vilma/);
    assert.match(page.body, /Sixten/);
    assert.doesNotMatch(page.body, /Alva/);
    assert.match(page.body, /Inte verkställt inom tre månader/);
    assert.match(page.body, /Verkställt under kvartalet/);
    assert.match(page.body, /1 beslut saknar skäl till dröjsmålet/);
  });

  it('refuses to submit while a waiting decision has no reasons, and refuses bad dates', async () => {
    const refused = await manager.post('/statistics/ivo/submit?quarter=2026-Q1');
    assert.equal(refused.statusCode, 409);
    assert.equal((await t.db.db.selectFrom('statistics_submission').select('id').execute()).length, 0);
    const bad = await manager.post(`/statistics/ivo/decisions/${waitingCase}/${typeId}?quarter=2026-Q1`, {
      carriedOutOn: '2026-05-01',
      resumedOn: '2026-03-01',
      delayReason: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Datumet får inte vara i framtiden/);
    assert.match(bad.body, /Ange när verkställigheten avbröts/);
    const notYet = await manager.post('/statistics/ivo/submit?quarter=2026-Q2');
    assert.equal(notYet.statusCode, 409);
    assert.match(notYet.body, /Kvartalet är inte slut än/);
  });

  it('submits once the reasons are there, kept read-only with the file’s hash', async () => {
    const saved = await manager.post(`/statistics/ivo/decisions/${waitingCase}/${typeId}?quarter=2026-Q1`, {
      delayReason: '=HYPERLINK("x") Ingen kontaktfamilj ännu.',
    });
    assert.equal(saved.statusCode, 303);
    const csv = await manager.get('/statistics/ivo/report.csv?quarter=2026-Q1');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /'=HYPERLINK/);
    assert.doesNotMatch(csv.body, /Vilma|Sixten/);
    const submitted = await manager.post('/statistics/ivo/submit?quarter=2026-Q1');
    assert.equal(submitted.statusCode, 303);
    const id = submitted.headers.location!.split('/').at(-1)!;
    const row = await t.db.db.selectFrom('statistics_submission').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.row_count, 2);
    assert.match(row.file_sha256, /^[0-9a-f]{64}$/);
    await assert.rejects(sql`update statistics_submission set row_count = 0`.execute(t.db.db));
    await assert.rejects(sql`delete from statistics_submission`.execute(t.db.db));
    const shown = await manager.get(`/statistics/submissions/${id}`);
    assert.match(shown.body, new RegExp(row.file_sha256));
    assert.match(shown.body, /Ingen kontaktfamilj/);
    // The reader sees what, when and by whom, not the rows.
    const meta = await reader.get(`/statistics/submissions/${id}`);
    assert.equal(meta.statusCode, 200);
    assert.match(meta.body, new RegExp(row.file_sha256));
    assert.doesNotMatch(meta.body, /Ingen kontaktfamilj/);
    assert.equal((await reader.get(`/statistics/submissions/${id}/changes`)).statusCode, 403);
  });

  it('compares a submission with the one before', async () => {
    await manager.post(`/statistics/ivo/decisions/${waitingCase}/${typeId}?quarter=2026-Q1`, {
      delayReason: 'Kontaktfamilj utsedd, start i april.',
    });
    const again = await manager.post('/statistics/ivo/submit?quarter=2026-Q1');
    const id = again.headers.location!.split('/').at(-1)!;
    const changes = await manager.get(`/statistics/submissions/${id}/changes`);
    assert.equal(changes.statusCode, 200);
    assert.match(changes.body, /data-changed="delayReason">Kontaktfamilj utsedd, start i april\./);
    assert.match(changes.body, /1 rader är oförändrade/);
    const list = await reader.get('/statistics/submissions');
    assert.equal((list.body.match(/href="\/statistics\/submissions\/[0-9a-f-]{36}"/g) ?? []).length, 2);
  });

  it('gives the council its statistics with small counts hidden', async () => {
    const page = await reader.get('/statistics/ivo/council?quarter=2026-Q1');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Kontaktfamilj/);
    assert.match(page.body, /data-cell="0,0">\.\.</);
    assert.doesNotMatch(page.body, /Vilma/);
  });
});
