import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPublishedExample } from '../good-practice/test-factories.ts';
import { todayFor } from '../platform/clock.ts';
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
 * Action plans through the HTTP routes (issue 18): a manager writes a plan with areas, measures
 * and indicators, adopts it; a Samtak indicator shows a live figure (suppressed when small); the
 * guard refuses identity numbers; partners see only the plans their organisation takes part in and
 * move only their own measures; another municipality sees nothing.
 */

let t: TestApp;
let manager: Client;
let managerUser: TestUser;
let partner: TestUser;
let outsider: TestUser;
let otherMunicipalityManager: TestUser;
let schoolId = '';
let socialServicesId = '';
let planId = '';
let exampleId = '';
const today = '2026-03-13';

before(async () => {
  t = await startTestApp({ fixedToday: today });
  const db = t.db.db;
  const municipalityId = await createMunicipality(db);
  const key = t.config.secretKey;
  managerUser = await createUser(db, key, { municipalityId, role: 'manager' });
  const school = await createPartnerOrganisation(db, municipalityId, { kind: 'school', name: 'Skolan' });
  const police = await createPartnerOrganisation(db, municipalityId, { kind: 'police', name: 'Polisen' });
  const socialServices = await createPartnerOrganisation(db, municipalityId, {
    kind: 'socialServices',
    name: 'Socialtjänsten',
  });
  schoolId = school.id;
  socialServicesId = socialServices.id;
  partner = await createUser(db, key, {
    municipalityId,
    role: 'partnerProfessional',
    partnerOrganisationId: school.id,
  });
  outsider = await createUser(db, key, {
    municipalityId,
    role: 'partnerProfessional',
    partnerOrganisationId: police.id,
  });
  otherMunicipalityManager = await createUser(db, key, {
    municipalityId: await createMunicipality(db),
    role: 'manager',
  });
  exampleId = await createPublishedExample(db, { authorUserId: managerUser.id, municipalityId, today });
  manager = await login(t.app, managerUser);
});
after(() => t.close());

const location = (r: { headers: Record<string, unknown> }) => String(r.headers.location ?? '');

/** Posts a form with repeated fields (checkboxes), as a browser does. */
function postPairs(client: Client, url: string, pairs: [string, string][]) {
  const body = new URLSearchParams([['_csrf', client.csrf], ...pairs]).toString();
  return client.request('POST', url, body, { 'content-type': 'application/x-www-form-urlencoded' });
}

describe('writing an action plan', () => {
  it('refuses a plan without areas and an identity number in a rationale', async () => {
    await manager.get('/action-plans/new');
    const empty = await manager.post('/action-plans', { title: 'Plan', deadline: '2027-06-30' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Minst ett område/);
    const pin = await manager.post('/action-plans', {
      title: 'Plan',
      deadline: '2027-06-30',
      'areas.2.area': 'schooling',
      'areas.2.rationale': 'Gäller 201203152382 som inte går i skolan.',
    });
    assert.equal(pin.statusCode, 400);
    assert.match(pin.body, /SIP/);
    assert.match(pin.body, /href="#areas.2.rationale"/);
  });

  it('saves a draft with areas and the organisations taking part', async () => {
    const res = await postPairs(manager, '/action-plans', [
      ['title', 'Plan för handling 2026'],
      ['deadline', '2027-06-30'],
      ['organisationIds', socialServicesId],
      ['organisationIds', schoolId],
      ['areas.2.area', 'schooling'],
      ['areas.2.rationale', 'Placerade barn lämnar skolan utan betyg.'],
      ['areas.5.area', 'qualityOfWork'],
      ['areas.5.rationale', 'Utredningarna ska hålla tiderna.'],
    ]);
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    planId = /\/action-plans\/([0-9a-f-]{36})/.exec(location(res))![1]!;
    const page = await manager.get(location(res));
    assert.match(page.body, /Barns skolgång/);
    assert.match(page.body, /Kvalitet i arbetet/);
  });

  it('adds a measure citing a published example, and the example lists the plan once adopted', async () => {
    await manager.get(`/action-plans/${planId}`);
    const bad = await manager.post(`/action-plans/${planId}/measures`, {
      areaIndex: '0',
      title: 'Skolfam',
      ownerOrganisationId: schoolId,
      ownerRole: 'Rektor',
      dueOn: '2026-01-01',
      startsOn: '2026-02-01',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /före startdatumet/);
    const res = await manager.post(`/action-plans/${planId}/measures`, {
      areaIndex: '0',
      title: 'Skolfam för barn i familjehem',
      ownerOrganisationId: schoolId,
      ownerRole: 'Rektor',
      partnerOrganisationIds: socialServicesId,
      dueOn: '2026-12-31',
      citedExampleIds: exampleId,
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  });

  it('adds a Samtak indicator and a manual one, refusing a target that is no improvement', async () => {
    const worse = await manager.post(`/action-plans/${planId}/indicators`, {
      areaIndex: '1',
      name: 'Förhandsbedömningar',
      definition: 'Andel inom 14 dagar.',
      unit: 'percent',
      direction: 'increase',
      baselineValue: '80',
      baselineOn: '2025-03-01',
      targetValue: '70',
      targetBy: '2027-03-01',
      sourceKind: 'samtak',
      samtakIndicatorId: 'initialAssessmentWithin14Days',
    });
    assert.equal(worse.statusCode, 400);
    assert.match(worse.body, /bättre än utgångsvärdet/);
    const live = await manager.post(`/action-plans/${planId}/indicators`, {
      areaIndex: '1',
      name: 'Påbörjade SIP',
      definition: 'Antal påbörjade SIP på tolv månader.',
      unit: 'count',
      direction: 'increase',
      baselineValue: '0',
      baselineOn: '2025-03-01',
      targetValue: '10',
      targetBy: '2027-03-01',
      sourceKind: 'samtak',
      samtakIndicatorId: 'sipsStarted',
    });
    assert.equal(live.statusCode, 303);
    const manual = await manager.post(`/action-plans/${planId}/indicators`, {
      areaIndex: '0',
      name: 'Skolnärvaro',
      definition: 'Närvaro bland placerade barn.',
      unit: 'percent',
      direction: 'increase',
      baselineValue: '80',
      baselineOn: '2025-08-01',
      targetValue: '90',
      targetBy: '2027-06-01',
      sourceKind: 'manual',
      sourceDescription: 'Skolans närvarostatistik',
    });
    assert.equal(manual.statusCode, 303);
    const indicatorId = (
      await t.db.db
        .selectFrom('plan_indicator')
        .select('id')
        .where('name', '=', 'Skolnärvaro')
        .executeTakeFirstOrThrow()
    ).id;
    const future = await manager.post(`/action-plans/${planId}/indicators/${indicatorId}/values`, {
      value: '85',
      on: '2026-04-01',
      source: 'Skolan',
    });
    assert.equal(future.statusCode, 400);
    const value = await manager.post(`/action-plans/${planId}/indicators/${indicatorId}/values`, {
      value: '85',
      on: '2026-02-01',
      source: 'Skolan',
    });
    assert.equal(value.statusCode, 303);
  });

  it('shows the live figure, suppressed while it rests on fewer than five', async () => {
    const page = await manager.get(`/action-plans/${planId}`);
    assert.match(page.body, /Påbörjade SIP/);
    // Zero is shown (it identifies no one); 1–4 would not be.
    assert.match(page.body, /<strong class="indicator-value">0<\/strong>/);
    const municipalityId = managerUser.municipalityId;
    const child = await createPerson(t.db.db, municipalityId);
    // Started this month, as the fixed "today" sees it.
    const sip = async () => {
      const made = await createSip(t.db.db, {
        municipalityId,
        childId: child.id,
        coordinatorUserId: managerUser.id,
        organisationIds: [schoolId],
        today,
      });
      await t.db.db
        .updateTable('sip')
        .set({ created_at: new Date('2026-03-02T10:00:00Z') } as never)
        .where('id', '=', made.id)
        .execute();
    };
    await sip();
    assert.match((await manager.get(`/action-plans/${planId}`)).body, /Färre än 5 – visas inte/);
    for (let i = 0; i < 5; i++) await sip();
    const after = await manager.get(`/action-plans/${planId}`);
    assert.match(after.body, /<strong class="indicator-value">6<\/strong>/);
    assert.match(after.body, /Samtak, levande siffra/);
    assert.match(after.body, /85 %/);
  });

  it('adopts the plan only with a body and a date not in the future', async () => {
    const future = await manager.post(`/action-plans/${planId}/adopt`, {
      adoptedByBody: 'Socialnämnden',
      adoptedOn: '2026-04-01',
    });
    assert.equal(future.statusCode, 400);
    assert.match(future.body, /framtiden/);
    const ok = await manager.post(`/action-plans/${planId}/adopt`, {
      adoptedByBody: 'Socialnämnden',
      adoptedOn: '2026-03-01',
    });
    assert.equal(ok.statusCode, 303);
    const example = await new Client(t.app).get(`/examples/${exampleId}`);
    assert.match(example.body, /Plan för handling 2026/);
    const locked = await manager.post(`/action-plans/${planId}/measures`, {
      areaIndex: '0',
      title: 'Ny',
      ownerOrganisationId: schoolId,
      ownerRole: 'Rektor',
      dueOn: '2026-12-31',
    });
    assert.equal(locked.statusCode, 409);
  });

  it('raises a matter to the national level, with at least one theme', async () => {
    const none = await manager.post(`/action-plans/${planId}/matters`, {
      title: 'Statsbidrag',
      description: 'Tung redovisning.',
      raisedOn: today,
    });
    assert.equal(none.statusCode, 400);
    const ok = await manager.post(`/action-plans/${planId}/matters`, {
      title: 'Statsbidrag',
      description: 'Tung redovisning.',
      raisedOn: today,
      themes: 'workload',
    });
    assert.equal(ok.statusCode, 303);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'like', 'plan.%')
      .execute();
    assert.ok(events.length >= 5, 'every change is audited');
  });
});

describe('who sees a plan', () => {
  it('lets the school read the plan it takes part in and move its own measure, with evidence when done', async () => {
    const school = await login(t.app, partner);
    assert.match((await school.get('/action-plans')).body, /Plan för handling 2026/);
    const page = await school.get(`/action-plans/${planId}`);
    assert.equal(page.statusCode, 200);
    const measureId = (
      await t.db.db
        .selectFrom('action_plan_measure')
        .select('id')
        .where('plan_id', '=', planId)
        .executeTakeFirstOrThrow()
    ).id;
    assert.equal(
      (await school.post(`/action-plans/${planId}/measures/${measureId}/status`, { to: 'done', on: today }))
        .statusCode,
      400,
    );
    assert.equal(
      (
        await school.post(`/action-plans/${planId}/measures/${measureId}/status`, {
          to: 'started',
          on: today,
        })
      ).statusCode,
      303,
    );
    const done = await school.post(`/action-plans/${planId}/measures/${measureId}/status`, {
      to: 'done',
      on: today,
    });
    assert.equal(done.statusCode, 400);
    assert.match(done.body, /visar att åtgärden är genomförd/);
    assert.equal(
      (
        await school.post(`/action-plans/${planId}/matters`, {
          title: 'X',
          description: 'Y',
          raisedOn: today,
          themes: 'workload',
        })
      ).statusCode,
      403,
    );
  });

  it('hides the plan from an organisation not taking part and from another municipality', async () => {
    const police = await login(t.app, outsider);
    assert.doesNotMatch((await police.get('/action-plans')).body, /Plan för handling 2026/);
    assert.equal((await police.get(`/action-plans/${planId}`)).statusCode, 404);
    const away = await login(t.app, otherMunicipalityManager);
    assert.equal((await away.get(`/action-plans/${planId}`)).statusCode, 404);
  });

  it('keeps the public out', async () => {
    const anonymous = new Client(t.app);
    const res = await anonymous.get(`/action-plans/${planId}`);
    assert.equal(res.statusCode, 302);
    assert.equal(todayFor(t.config), today);
  });
});
