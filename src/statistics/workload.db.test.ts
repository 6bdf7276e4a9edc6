import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import {
  createMunicipality,
  createPerson,
  createUnit,
  createUser,
  type TestUser,
} from '../testing/factories.ts';

/**
 * Workload end to end: the load computed from the worker's actual cases with the municipality's
 * versioned points, recomputed when a case is assigned and kept for the month; the monthly
 * self-assessment seen only by the worker and their unit's manager; no names above the unit.
 */

const today = '2026-03-13';
let t: TestApp;
let municipalityId: string;
let unitId: string;
let otherUnitId: string;
let anna: TestUser;
let bo: TestUser;
let cleo: TestUser;
let annaClient: Client;
let boClient: Client;
let manager: Client;
let otherManager: Client;
let reader: Client;
let admin: Client;

async function investigation(worker: string | null, opened: string, concluded: string | null = null) {
  const child = await createPerson(t.db.db, municipalityId);
  const row = await t.db.db
    .insertInto('child_case')
    .values({
      municipality_id: municipalityId,
      child_id: child.id,
      unit_id: unitId,
      phase: 'investigation',
      opened_on: opened,
      initial_decision: 'openInvestigation',
      initial_decided_on: opened,
      investigation_opened_on: opened,
      concluded_on: concluded,
      responsible_user_id: worker,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

before(async () => {
  t = await startTestApp({ fixedToday: today });
  const db = t.db.db;
  const key = t.config.secretKey;
  municipalityId = await createMunicipality(db);
  unitId = await createUnit(db, municipalityId, 'investigation');
  otherUnitId = await createUnit(db, municipalityId, 'investigation');
  anna = await createUser(db, key, { municipalityId, role: 'socialWorker', unitId });
  bo = await createUser(db, key, { municipalityId, role: 'socialWorker', unitId });
  cleo = await createUser(db, key, { municipalityId, role: 'socialWorker', unitId: otherUnitId });
  annaClient = await login(t.app, anna);
  boClient = await login(t.app, bo);
  manager = await login(t.app, await createUser(db, key, { municipalityId, role: 'manager', unitId }));
  otherManager = await login(
    t.app,
    await createUser(db, key, { municipalityId, role: 'manager', unitId: otherUnitId }),
  );
  reader = await login(
    t.app,
    await createUser(db, key, { municipalityId, role: 'statisticsReader', withTotp: false }),
  );
  admin = await login(t.app, await createUser(db, key, { municipalityId, role: 'administrator' }));
  // Anna: one investigation in its first month (starting, 12 points by the defaults) and one
  // whose conclusion is written (closing, 12); one opened exactly a month ago is ongoing (10).
  await investigation(anna.id, '2026-03-01');
  await investigation(anna.id, '2025-12-01', '2026-03-10');
  await investigation(anna.id, '2026-02-13');
  await investigation(cleo.id, '2026-01-05');
});
after(() => t?.close());

const kept = (userId: string) =>
  t.db.db
    .selectFrom('workload_month')
    .selectAll()
    .where('user_id', '=', userId)
    .where('month', '=', '2026-03')
    .executeTakeFirst();

describe('workload', () => {
  it('computes the worker’s load from their cases and keeps it for the month', async () => {
    const page = await annaClient.get('/my-workload');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-figure="points">34</);
    // No experience recorded yet: the capacity is not guessed.
    assert.match(page.body, /Erfarenhet ej angiven/);
    const month = await kept(anna.id);
    assert.equal(Number(month?.points), 34);
    assert.equal(month?.weight_version, 0);
  });

  it('recomputes the load when a manager assigns a case, and records the responsibility', async () => {
    const caseId = await investigation(null, '2026-03-02');
    const res = await manager.post(`/cases/${caseId}/assign`, { responsibleUserId: bo.id });
    assert.equal(res.statusCode, 303);
    assert.equal(Number((await kept(bo.id))?.points), 12);
    const history = await t.db.db
      .selectFrom('case_responsibility')
      .select(['user_id', 'from_on'])
      .where('case_id', '=', caseId)
      .execute();
    assert.deepEqual(history, [{ user_id: bo.id, from_on: today }]);
    // Moved to Anna: both months are recomputed in the same transaction.
    await manager.post(`/cases/${caseId}/assign`, { responsibleUserId: anna.id });
    assert.equal(Number((await kept(bo.id))?.points), 0);
    assert.equal(Number((await kept(anna.id))?.points), 46);
  });

  it('lets the manager set experience, and the capacity follows the norm', async () => {
    const bad = await manager.post(`/statistics/workload/profile/${anna.id}`, {
      experienceSince: '2027-01-01',
      fte: '1,5',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Datumet får inte vara i framtiden/);
    assert.match(bad.body, /Ange tjänstgöringsgrad mellan 0,05 och 1/);
    // Five years on 2026-03-13 exactly: 150 points, at half time 75.
    const ok = await manager.post(`/statistics/workload/profile/${anna.id}`, {
      experienceSince: '2021-03-13',
      fte: '0,5',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(Number((await kept(anna.id))?.capacity), 75);
    // A day short of five years: the band below (135), at half time 67.5.
    await manager.post(`/statistics/workload/profile/${anna.id}`, {
      experienceSince: '2021-03-14',
      fte: '0,5',
    });
    assert.equal(Number((await kept(anna.id))?.capacity), 67.5);
    const refused = await otherManager.post(`/statistics/workload/profile/${anna.id}`, {
      experienceSince: '2020-01-01',
      fte: '1',
    });
    assert.equal(refused.statusCode, 403);
  });

  it('keeps the self-assessment for the worker and their manager only', async () => {
    const bad = await annaClient.post('/my-workload/assessment', {
      month: '2026-04',
      rating: '7',
      comment: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Välj en skattning från 1 till 5/);
    assert.match(bad.body, /Du kan inte skatta en månad som inte har börjat/);
    const long = await annaClient.post('/my-workload/assessment', {
      month: '2026-03',
      rating: '4',
      comment: 'x'.repeat(2001),
    });
    assert.equal(long.statusCode, 400);
    const saved = await annaClient.post('/my-workload/assessment', {
      month: '2026-03',
      rating: '4',
      comment: 'Tre utredningar samtidigt i mars',
    });
    assert.equal(saved.statusCode, 303);
    assert.match((await annaClient.get('/my-workload')).body, /Tre utredningar samtidigt i mars/);
    const team = await manager.get(`/statistics/workload?unit=${unitId}`);
    assert.equal(team.statusCode, 200);
    assert.match(team.body, /Tre utredningar samtidigt i mars/);
    // Another worker, another unit's manager and the statistics reader never see it.
    assert.doesNotMatch((await boClient.get('/my-workload')).body, /Tre utredningar/);
    for (const client of [otherManager, reader]) {
      const other = await client.get(`/statistics/workload?unit=${unitId}`);
      assert.equal(other.statusCode, 200);
      assert.doesNotMatch(other.body, /Tre utredningar/);
      assert.doesNotMatch(other.body, new RegExp(anna.username));
    }
    const events = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'record_id'])
      .where('action', 'in', ['workload.assess', 'workload.read'])
      .where('record_id', '=', anna.id)
      .execute();
    assert.ok(events.some((e) => e.action === 'workload.assess'));
    assert.ok(events.some((e) => e.action === 'workload.read'));
  });

  it('shows units above the team without names, small counts hidden', async () => {
    const page = await reader.get('/statistics/workload');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-figure="overCapacity">\.\.</);
    const names = await t.db.db
      .selectFrom('user_account')
      .select('display_name')
      .where('role', '=', 'socialWorker')
      .execute();
    for (const n of names) assert.doesNotMatch(page.body, new RegExp(n.display_name));
    assert.equal((await reader.get('/my-workload')).statusCode, 403);
  });

  it('versions the points: a new version from today on, never in the past', async () => {
    assert.equal((await annaClient.get('/admin/workload')).statusCode, 403);
    const form: Record<string, string> = { version: '1', validFrom: '2026-03-12' };
    const page = await admin.get('/admin/workload');
    for (const m of page.body.matchAll(/name="(w_[A-Za-z]+_[a-z]+|c_\d)"[^>]*value="([^"]*)"/g))
      form[m[1]!] = m[2]!;
    const past = await admin.post('/admin/workload', form);
    assert.equal(past.statusCode, 400);
    assert.match(past.body, /En ny version kan inte gälla från en dag som har passerat/);
    const badWeight = await admin.post('/admin/workload', {
      ...form,
      validFrom: today,
      w_investigation_starting: '12,3',
    });
    assert.equal(badWeight.statusCode, 400);
    assert.match(badWeight.body, /Poängen ska vara 0–50, i halva poäng/);
    const ok = await admin.post('/admin/workload', {
      ...form,
      validFrom: today,
      w_investigation_starting: '20',
    });
    assert.equal(ok.statusCode, 303);
    await annaClient.get('/my-workload');
    const month = await kept(anna.id);
    assert.equal(month?.weight_version, 1);
    assert.equal(Number(month?.points), 46 + 2 * 8);
    const again = await admin.post('/admin/workload', { ...form, validFrom: '2026-04-01' });
    assert.equal(again.statusCode, 400);
  });
});
