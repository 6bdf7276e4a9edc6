import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createUnit, createUser } from '../testing/factories.ts';

/** The staff register and the staff figures computed from it. */

const today = '2026-03-13';
let t: TestApp;
let municipalityId: string;
let unitId: string;
let admin: Client;
let reader: Client;
let manager: Client;

const employment = (name: string, startedOn: string, extra: Record<string, string> = {}) =>
  admin.post('/admin/staff', { name, unitId, role: 'socialWorker', startedOn, fte: '1', ...extra });

async function end(name: string, endedOn: string, endReason: string) {
  const row = await t.db.db
    .selectFrom('employment as e')
    .innerJoin('staff_member as s', 's.id', 'e.staff_member_id')
    .select('e.id')
    .where('s.name', '=', name)
    .where('e.ended_on', 'is', null)
    .executeTakeFirstOrThrow();
  return admin.post(`/admin/staff/${row.id}/end`, { endedOn, endReason });
}

before(async () => {
  t = await startTestApp({ fixedToday: today });
  const db = t.db.db;
  municipalityId = await createMunicipality(db);
  unitId = await createUnit(db, municipalityId, 'investigation');
  const key = t.config.secretKey;
  admin = await login(t.app, await createUser(db, key, { municipalityId, role: 'administrator' }));
  reader = await login(
    t.app,
    await createUser(db, key, { municipalityId, role: 'statisticsReader', withTotp: false }),
  );
  manager = await login(t.app, await createUser(db, key, { municipalityId, role: 'manager', unitId }));
});
after(() => t?.close());

describe('the staff register', () => {
  it('records employments, their end with a reason, and mentorships', async () => {
    for (let i = 1; i <= 10; i++)
      assert.equal((await employment(`Medarbetare ${i}`, '2020-01-01')).statusCode, 303);
    assert.equal((await employment('Chef Ek', '2020-01-01', { role: 'manager' })).statusCode, 303);
    assert.equal((await employment('Konsult Kay', '2025-06-01', { consultant: 'on' })).statusCode, 303);
    assert.equal((await employment('Ny Nilsson', '2025-09-01')).statusCode, 303);
    assert.equal((await end('Medarbetare 1', '2025-03-31', 'retirement')).statusCode, 303);
    assert.equal((await end('Medarbetare 2', '2025-05-31', 'otherEmployer')).statusCode, 303);
    const members = await t.db.db.selectFrom('staff_member').select(['id', 'name']).execute();
    const id = (name: string) => members.find((m) => m.name === name)!.id;
    const res = await admin.post('/admin/staff/mentorships', {
      mentorId: id('Medarbetare 3'),
      menteeId: id('Ny Nilsson'),
      fromOn: '2025-09-01',
      hoursPerWeek: '2',
    });
    assert.equal(res.statusCode, 303);
    const page = await admin.get('/admin/staff');
    assert.match(page.body, /Ny Nilsson/);
    assert.match(page.body, /Pension/);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'staff.manage')
      .execute();
    assert.equal(events.length, 16);
  });

  it('refuses bad input with the field named, and ending an employment twice', async () => {
    const bad = await employment('', '2026-02-30', { fte: '1,5', role: 'boss' });
    assert.equal(bad.statusCode, 400);
    for (const text of [
      'Skriv namnet.',
      'Välj en roll.',
      'Ange datum som ÅÅÅÅ-MM-DD.',
      'tjänstgöringsgraden',
    ])
      assert.ok(bad.body.includes(text), text);
    const early = await end('Medarbetare 4', '2019-12-31', 'retirement');
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /Sista dagen ligger före första dagen/);
    const ended = await t.db.db
      .selectFrom('employment')
      .select('id')
      .where('end_reason', '=', 'retirement')
      .executeTakeFirstOrThrow();
    assert.equal(
      (await admin.post(`/admin/staff/${ended.id}/end`, { endedOn: '2026-01-01', endReason: 'other' }))
        .statusCode,
      404,
    );
    const same = await t.db.db.selectFrom('staff_member').select('id').executeTakeFirstOrThrow();
    const mentor = await admin.post('/admin/staff/mentorships', {
      mentorId: same.id,
      menteeId: same.id,
      fromOn: '2025-01-01',
      hoursPerWeek: '1',
    });
    assert.equal(mentor.statusCode, 400);
  });

  it('is the administrator’s only', async () => {
    assert.equal((await reader.get('/admin/staff')).statusCode, 403);
    assert.equal(
      (await manager.post('/admin/staff', { name: 'X', unitId, role: 'other', startedOn: '2025-01-01' }))
        .statusCode,
      403,
    );
  });
});

describe('staff figures', () => {
  it('shows the unit’s manager turnover with its formula, with and without retirements', async () => {
    const res = await manager.get(`/statistics/staff?period=2025&unit=${unitId}&lang=en`);
    assert.equal(res.statusCode, 200);
    // 2025: two of about eleven social workers left, one retired; one hired (the consultant is not counted).
    assert.match(res.body, /Leavers ÷ average headcount/);
    assert.match(res.body, /Leavers 2, of them retired 1; Hires 1/);
    assert.match(res.body, /data-figure="turnover">\d+(\.\d)?%/);
  });

  it('hides small counts of colleagues from the statistics reader', async () => {
    const res = await reader.get('/statistics/staff?period=2025&lang=sv');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /data-figure="turnover">\.\.</);
    assert.match(res.body, /Medarbetare per chef/);
    assert.doesNotMatch(res.body, /Medarbetare 1/);
  });
});
