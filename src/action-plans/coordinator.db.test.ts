import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { verifyAuditTrail } from '../platform/audit/verify.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { seal } from '../platform/auth/secret-box.ts';
import { newTotpSecret, totpCode } from '../platform/auth/totp.ts';
import { Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import {
  createMunicipality,
  createPartnerOrganisation,
  createPerson,
  createSip,
  createUser,
  type TestUser,
} from '../testing/factories.ts';

/**
 * The coordinator outside every municipality and the follow-up visits (issue 18, decision 0108):
 * a county coordinator sees the plans of its county's municipalities and none other, records a
 * visit whose snapshot is frozen and whose next steps become tasks on the owners' plan page; the
 * counts across municipalities are suppressed when small; an operator is no coordinator and a
 * coordinator no operator; a municipal session opens no coordinator page.
 */

let t: TestApp;
let manager: Client;
let managerUser: TestUser;
let partnerUser: TestUser;
let municipalityId = '';
let otherCountyId = '';
let schoolId = '';
let socialServicesId = '';
let planId = '';
let otherPlanId = '';
let measureId = '';
const today = '2026-03-13';
const password = 'coordinator password that is long';
let accounts = 0;

async function signedIn(scope: string | null, office = 'Länsstyrelsen') {
  const secret = newTotpSecret();
  const username = `coordinator${accounts++}`;
  const row = await t.db.db
    .insertInto('operator_account')
    .values({
      username,
      display_name: 'Samma Samordnare',
      password_hash: await hashPassword(password),
      must_change_password: false,
      totp_secret_enc: seal(t.config.secretKey, secret),
      coordinator_scope: scope,
      coordinator_office: office,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const client = new Client(t.app);
  await client.get('/operator/login');
  await client.post('/operator/login', { username, password });
  await client.get('/operator/login/totp');
  const done = await client.post('/operator/login/totp', { code: totpCode(secret) });
  assert.equal(done.statusCode, 302);
  return { client, id: row.id };
}

/** Posts a form with repeated fields, as a browser does. */
function postPairs(client: Client, url: string, pairs: [string, string][]) {
  const body = new URLSearchParams([['_csrf', client.csrf], ...pairs]).toString();
  return client.request('POST', url, body, { 'content-type': 'application/x-www-form-urlencoded' });
}

const location = (r: { headers: Record<string, unknown> }) => String(r.headers.location ?? '');

async function planFor(client: Client, organisationIds: string[], title: string) {
  await client.get('/action-plans/new');
  const body = new URLSearchParams([
    ['_csrf', client.csrf],
    ['title', title],
    ['deadline', '2027-06-30'],
    ...organisationIds.map((id) => ['organisationIds', id] as [string, string]),
    ['areas.2.area', 'schooling'],
    ['areas.2.rationale', 'Placerade barn lämnar skolan utan betyg.'],
    ['areas.2.themes', 'schoolAttendance'],
  ]).toString();
  const res = await client.request('POST', '/action-plans', body, {
    'content-type': 'application/x-www-form-urlencoded',
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 400));
  return /\/action-plans\/([0-9a-f-]{36})/.exec(location(res))![1]!;
}

before(async () => {
  t = await startTestApp({ fixedToday: today });
  const db = t.db.db;
  municipalityId = await createMunicipality(db);
  await db.updateTable('municipality').set({ code: '2380' }).where('id', '=', municipalityId).execute();
  otherCountyId = await createMunicipality(db);
  await db.updateTable('municipality').set({ code: '2480' }).where('id', '=', otherCountyId).execute();
  const key = t.config.secretKey;
  managerUser = await createUser(db, key, { municipalityId, role: 'manager' });
  const school = await createPartnerOrganisation(db, municipalityId, { kind: 'school', name: 'Skolan' });
  const socialServices = await createPartnerOrganisation(db, municipalityId, {
    kind: 'socialServices',
    name: 'Socialtjänsten',
  });
  schoolId = school.id;
  socialServicesId = socialServices.id;
  partnerUser = await createUser(db, key, {
    municipalityId,
    role: 'partnerProfessional',
    partnerOrganisationId: school.id,
  });
  manager = await login(t.app, managerUser);
  planId = await planFor(manager, [socialServicesId, schoolId], 'Plan för handling Östersund');
  const m = await manager.post(`/action-plans/${planId}/measures`, {
    areaIndex: '0',
    title: 'Skolfam för barn i familjehem',
    ownerOrganisationId: schoolId,
    ownerRole: 'Rektor',
    dueOn: '2026-12-31',
  });
  assert.equal(m.statusCode, 303, m.body.slice(0, 300));
  measureId = (await db.selectFrom('action_plan_measure').select('id').executeTakeFirstOrThrow()).id;
  const adopt = await manager.post(`/action-plans/${planId}/adopt`, {
    adoptedByBody: 'Socialnämnden',
    adoptedOn: '2026-02-01',
  });
  assert.equal(adopt.statusCode, 303, adopt.body.slice(0, 300));
  // Six started coordinated plans: a count above the threshold, shown.
  for (let i = 0; i < 6; i++) {
    const child = await createPerson(db, municipalityId);
    await createSip(db, {
      municipalityId,
      childId: child.id,
      coordinatorUserId: managerUser.id,
      organisationIds: [schoolId],
      status: 'active',
    });
  }
  await sql`update sip set created_at = '2026-03-01T10:00:00Z'`.execute(db);
  const otherManager = await login(
    t.app,
    await createUser(db, key, { municipalityId: otherCountyId, role: 'manager' }),
  );
  otherPlanId = await planFor(otherManager, [], 'Plan i Västerbotten');
});
after(() => t.close());

describe('the coordinator', () => {
  it('is an installation-level account: the operator pages send it to /coordinator, a municipal session gets nothing', async () => {
    const { client } = await signedIn('23');
    const operator = await client.get('/operator');
    assert.equal(location(operator), '/coordinator');
    const home = await client.get('/coordinator');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Jämtlands län/);
    // Its cookie opens no municipal page.
    assert.equal(location(await client.get('/action-plans')).startsWith('/login'), true);
    // A municipal manager has no coordinator page; the anonymous public is sent to the login.
    assert.equal((await manager.get('/coordinator')).statusCode, 404);
    assert.equal(location(await new Client(t.app).get('/coordinator')), '/operator/login');
    // An installation operator is not a coordinator.
    const { client: operatorClient } = await signedIn(null);
    assert.equal((await operatorClient.get('/coordinator')).statusCode, 404);
  });

  it('sees the plans of its county, with counts across municipalities, and not another county', async () => {
    const { client } = await signedIn('23');
    const home = await client.get('/coordinator');
    assert.match(home.body, /Plan för handling Östersund/);
    assert.doesNotMatch(home.body, /Plan i Västerbotten/);
    assert.match(home.body, /Barns skolgång/);
    // Six SIPs shown; no figure of 1–4 anywhere in the indicator tables.
    assert.match(home.body, /<td>6<\/td>/);
    assert.equal((await client.get(`/coordinator/plans/${otherPlanId}`)).statusCode, 404);
    assert.equal((await client.get(`/coordinator/plans/${planId}`)).statusCode, 200);
    const national = await signedIn('national');
    const all = await national.client.get('/coordinator');
    assert.match(all.body, /Plan i Västerbotten/);
    assert.match(all.body, /Plan för handling Östersund/);
  });

  it('records a visit: refusals, the frozen snapshot, next steps as tasks the owner sees and closes', async () => {
    const { client, id } = await signedIn('23');
    await client.get(`/coordinator/plans/${planId}`);
    const bad = await postPairs(client, `/coordinator/plans/${planId}/visits`, [
      ['visitedOn', ''],
      ['attendeeName', 'Gäller 201203152382'],
      ['attendeeRole', 'Rektor'],
      ['attendeeOrganisationId', schoolId],
      ['attendeeOrganisationName', ''],
    ]);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /SIP/);
    const made = await postPairs(client, `/coordinator/plans/${planId}/visits`, [
      ['visitedOn', today],
      ['place', 'Rådhuset'],
      ['visitorName', 'Hälsa Sjukvårdsson'],
      ['visitorOrganisation', 'Region Jämtland Härjedalen'],
      ['visitorName', ''],
      ['visitorOrganisation', ''],
      ...(['', 'Rektor', 'Lektor'] as const).flatMap((role, i): [string, string][] => [
        ['attendeeName', ''],
        ['attendeeRole', role],
        ['attendeeOrganisationId', i === 1 ? schoolId : ''],
        ['attendeeOrganisationName', i === 2 ? 'Mittuniversitetet' : ''],
      ]),
    ]);
    assert.equal(made.statusCode, 303, made.body.slice(0, 400));
    const visitId = /\/coordinator\/visits\/([0-9a-f-]{36})/.exec(location(made))![1]!;
    // Findings and report wait until the visit is held; the snapshot does not exist yet.
    assert.equal((await client.get(`/coordinator/visits/${visitId}/snapshot`)).statusCode, 404);
    const early = await client.post(`/coordinator/visits/${visitId}/report`, { report: 'x', finish: 'no' });
    assert.equal(early.statusCode, 409);
    assert.equal((await client.post(`/coordinator/visits/${visitId}/hold`, {})).statusCode, 303);
    assert.equal((await client.post(`/coordinator/visits/${visitId}/hold`, {})).statusCode, 409);
    const snapshot = await client.get(`/coordinator/visits/${visitId}/snapshot`);
    assert.equal(snapshot.statusCode, 200);
    assert.match(snapshot.body, /Skolfam för barn i familjehem/);
    assert.match(snapshot.body, /[0-9a-f]{64}/);
    await assert.rejects(
      t.db.db
        .updateTable('plan_visit_snapshot')
        .set({ digest: '0'.repeat(64) })
        .execute(),
      /frozen/,
    );
    const late = await client.post(`/coordinator/visits/${visitId}/follow-up`, {
      findingMeasureId: measureId,
      findingAssessment: 'progressing',
      stepDescription: 'Ta fram en rutin för skolstart.',
      stepOwnerId: schoolId,
      stepOwnerRole: 'Rektor',
      stepDueOn: '2026-01-01',
    });
    assert.equal(late.statusCode, 400);
    assert.match(late.body, /href="#nextSteps.0.dueOn"/);
    const followed = await postPairs(client, `/coordinator/visits/${visitId}/follow-up`, [
      ['findingMeasureId', measureId],
      ['findingAssessment', 'progressing'],
      ['findingText', 'Skolan har börjat.'],
      ...[0, 1].flatMap((i): [string, string][] => [
        ['stepDescription', i === 1 ? 'Ta fram en rutin för skolstart.' : ''],
        ['stepMeasureId', ''],
        ['stepOwnerId', i === 1 ? schoolId : ''],
        ['stepOwnerRole', i === 1 ? 'Rektor' : ''],
        ['stepDueOn', i === 1 ? '2026-06-30' : ''],
      ]),
    ]);
    assert.equal(followed.statusCode, 303, followed.body.slice(0, 400));
    const finished = await client.post(`/coordinator/visits/${visitId}/report`, {
      report: 'Besöket visade att arbetet med skolgången har kommit i gång.',
      finish: 'yes',
    });
    assert.equal(finished.statusCode, 303);
    // The owner sees its task on the plan's page and closes it; the manager sees the report.
    const partner = await login(t.app, partnerUser);
    const planPage = await partner.get(`/action-plans/${planId}`);
    assert.match(planPage.body, /Ta fram en rutin för skolstart/);
    assert.match(planPage.body, /arbetet med skolgången/);
    const task = await t.db.db.selectFrom('plan_visit_task').select('id').executeTakeFirstOrThrow();
    const closed = await partner.post(`/action-plans/${planId}/tasks/${task.id}/done`, {});
    assert.equal(closed.statusCode, 303);
    assert.equal((await partner.post(`/action-plans/${planId}/tasks/${task.id}/done`, {})).statusCode, 409);
    // Audited in the municipality's chain, as the coordinator's.
    const events = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'reason'])
      .where('municipality_id', '=', municipalityId)
      .where('action', 'like', 'visit.%')
      .execute();
    assert.deepEqual(events.map((e) => e.action).sort(), [
      'visit.create',
      'visit.finishReport',
      'visit.followUp',
      'visit.hold',
      'visit.taskDone',
    ]);
    assert.ok(
      events.filter((e) => e.action !== 'visit.taskDone').every((e) => e.reason === `coordinator:${id}`),
    );
    for (const report of await verifyAuditTrail(t.db.db)) assert.deepEqual(report.problems, []);
    // Another county's coordinator does not find the visit.
    const other = await signedIn('24');
    assert.equal((await other.client.get(`/coordinator/visits/${visitId}`)).statusCode, 404);
  });

  it('answers a matter raised by a municipality in scope, once; the answer shows on the plan', async () => {
    const raised = await manager.post(`/action-plans/${planId}/matters`, {
      title: 'Omprövning av placeringar var sjätte månad',
      description: 'Kravet tar mycket tid i en liten kommun.',
      themes: 'unaccompaniedMinors',
      raisedOn: today,
    });
    assert.equal(raised.statusCode, 303, raised.body.slice(0, 300));
    const matter = await t.db.db.selectFrom('national_matter').select('id').executeTakeFirstOrThrow();
    const outside = await signedIn('24');
    await outside.client.get('/coordinator');
    assert.equal(
      (await outside.client.post(`/coordinator/matters/${matter.id}/answer`, { answer: 'Svar.' })).statusCode,
      404,
    );
    const { client } = await signedIn('23');
    const home = await client.get('/coordinator');
    assert.match(home.body, /Omprövning av placeringar/);
    assert.equal(
      (await client.post(`/coordinator/matters/${matter.id}/answer`, { answer: ' ' })).statusCode,
      409,
    );
    const pin = await client.post(`/coordinator/matters/${matter.id}/answer`, {
      answer: 'Gäller 201203152382.',
    });
    assert.equal(pin.statusCode, 400);
    assert.match(pin.body, /SIP/);
    const answered = await client.post(`/coordinator/matters/${matter.id}/answer`, {
      answer: 'Frågan är lämnad till departementet.',
    });
    assert.equal(answered.statusCode, 303);
    assert.equal(
      (await client.post(`/coordinator/matters/${matter.id}/answer`, { answer: 'Igen.' })).statusCode,
      409,
    );
    const plan = await manager.get(`/action-plans/${planId}`);
    assert.match(plan.body, /Frågan är lämnad till departementet/);
    assert.match(plan.body, /Samma Samordnare, Länsstyrelsen/);
  });
});
