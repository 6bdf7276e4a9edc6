import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import {
  createMunicipality,
  createPartnerOrganisation,
  createUser,
  type TestUser,
} from '../testing/factories.ts';

/**
 * Forums through the HTTP routes (issue 18): a manager sets up a forum of social services and the
 * school with the school's partner as secretary; a meeting is planned, its minutes written with an
 * action; the next meeting's agenda carries the open action; the chair approves (not the writer);
 * the guard refuses an identity number in the minutes; a member organisation's staff read it, an
 * organisation outside does not even see it exists.
 */

let t: TestApp;
let manager: TestUser;
let secretary: TestUser;
let outsider: TestUser;
let schoolId = '';
let socialServicesId = '';
let forumId = '';
let meetingId = '';
const today = '2026-03-13';

before(async () => {
  t = await startTestApp({ fixedToday: today });
  const db = t.db.db;
  const municipalityId = await createMunicipality(db);
  const key = t.config.secretKey;
  manager = await createUser(db, key, { municipalityId, role: 'manager' });
  socialServicesId = (
    await createPartnerOrganisation(db, municipalityId, { kind: 'socialServices', name: 'Socialtjänsten' })
  ).id;
  schoolId = (await createPartnerOrganisation(db, municipalityId, { kind: 'school', name: 'Skolan' })).id;
  const police = await createPartnerOrganisation(db, municipalityId, { kind: 'police', name: 'Polisen' });
  secretary = await createUser(db, key, {
    municipalityId,
    role: 'partnerProfessional',
    partnerOrganisationId: schoolId,
  });
  outsider = await createUser(db, key, {
    municipalityId,
    role: 'partnerProfessional',
    partnerOrganisationId: police.id,
  });
});
after(() => t.close());

const location = (r: { headers: Record<string, unknown> }) => String(r.headers.location ?? '');
function postPairs(client: Client, url: string, pairs: [string, string][]) {
  const body = new URLSearchParams([['_csrf', client.csrf], ...pairs]).toString();
  return client.request('POST', url, body, { 'content-type': 'application/x-www-form-urlencoded' });
}

describe('a forum and its meetings', () => {
  it('needs two organisations, and is set up by a manager with its representatives', async () => {
    const c = await login(t.app, manager);
    await c.get('/forums/new');
    const one = await postPairs(c, '/forums', [
      ['name', 'Chefsnätverket'],
      ['level', 'management'],
      ['cadence', 'monthly'],
      ['organisationIds', socialServicesId],
    ]);
    assert.equal(one.statusCode, 400);
    assert.match(one.body, /minst två organisationer/);
    const res = await postPairs(c, '/forums', [
      ['name', 'Chefsnätverket'],
      ['level', 'management'],
      ['cadence', 'monthly'],
      ['goalAreas', 'successInSchool'],
      ['organisationIds', socialServicesId],
      ['organisationIds', schoolId],
      ['reps.0.organisationId', socialServicesId],
      ['reps.0.userId', manager.id],
      ['reps.0.name', 'Maria Chef'],
      ['reps.0.role', 'chair'],
      ['reps.1.organisationId', schoolId],
      ['reps.1.userId', secretary.id],
      ['reps.1.name', 'Sara Skola'],
      ['reps.1.role', 'secretary'],
    ]);
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    forumId = /\/forums\/([0-9a-f-]{36})/.exec(location(res))![1]!;
  });

  it('lets the secretary plan a meeting and write minutes with an action, refusing an identity number', async () => {
    const c = await login(t.app, secretary);
    await c.get(`/forums/${forumId}`);
    const planned = await c.post(`/forums/${forumId}/meetings`, {
      plannedOn: today,
      place: 'Stadshuset',
      newItems: 'Skolnärvaron',
    });
    assert.equal(planned.statusCode, 303);
    meetingId = /meetings\/([0-9a-f-]{36})/.exec(location(planned))![1]!;
    const page = await c.get(location(planned));
    assert.match(page.body, /Skolnärvaron/);
    const reps = [
      ...page.body.matchAll(/name="attendance\.([0-9]+)\.representativeId" value="([0-9a-f-]{36})"/g),
    ].map((m) => [m[1]!, m[2]!]);
    const attendance = reps.flatMap(([i, id]) => [
      [`attendance.${i}.representativeId`, id],
      [`attendance.${i}.presence`, 'present'],
    ]) as [string, string][];
    const pin = await postPairs(c, `/forums/${forumId}/meetings/${meetingId}/record`, [
      ['heldOn', today],
      ['minutes', 'Vi talade om 201203152382 och frånvaron.'],
      ...attendance,
    ]);
    assert.equal(pin.statusCode, 400);
    assert.match(pin.body, /SIP/);
    const ok = await postPairs(c, `/forums/${forumId}/meetings/${meetingId}/record`, [
      ['heldOn', today],
      ['minutes', 'Skolan och socialtjänsten går igenom rutinen för frånvaro.'],
      ['decisions', 'Rutinen för frånvaro ses över.'],
      ['actions.0.description', 'Skriva ett förslag till ny rutin för frånvaro'],
      ['actions.0.organisationId', schoolId],
      ['actions.0.person', 'Rektor'],
      ['actions.0.dueOn', '2026-04-30'],
      ...attendance,
    ]);
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
    // The writer cannot approve (and the secretary may not approve at all).
    assert.equal((await c.post(`/forums/${forumId}/meetings/${meetingId}/approve`)).statusCode, 403);
  });

  it('carries the open action to the next meeting, and the chair approves the minutes', async () => {
    const c = await login(t.app, manager);
    await c.get(`/forums/${forumId}/meetings/${meetingId}`);
    assert.equal((await c.post(`/forums/${forumId}/meetings/${meetingId}/approve`)).statusCode, 303);
    const next = await c.post(`/forums/${forumId}/meetings`, {
      plannedOn: '2026-04-10',
      place: '',
      newItems: '',
    });
    assert.equal(next.statusCode, 303);
    const page = await c.get(location(next));
    assert.match(
      page.body,
      /Kvarstående åtgärd: Skriva ett förslag till ny rutin för frånvaro \(Skolan, klar senast 2026-04-30\)/,
    );
    assert.match(page.body, /Protokollet skrivs på eller efter mötesdagen/);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'like', 'forum.%')
      .execute();
    assert.ok(events.length >= 4);
  });

  it('hides the forum from an organisation outside it and from the public', async () => {
    const police = await login(t.app, outsider);
    assert.equal((await police.get(`/forums/${forumId}`)).statusCode, 404);
    assert.doesNotMatch((await police.get('/forums')).body, /Chefsnätverket/);
    assert.equal((await new Client(t.app).get(`/forums/${forumId}`)).statusCode, 302);
  });
});
