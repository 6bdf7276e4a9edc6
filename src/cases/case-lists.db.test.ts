import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { login } from '../testing/app.ts';
import { expectStatus, fileReport, openedCase, setting, t, today } from '../testing/case-setting.ts';
import { createPerson, createUser } from '../testing/factories.ts';

describe('worklists', () => {
  it('shows a social worker their own deadlines with days left, and a manager how many were met last month', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { caseId } = await openedCase(s, intake);
    await intake.post(`/cases/${caseId}/initial-assessment`, {
      decision: 'openInvestigation',
      childHeard: 'yes',
      unitId: s.investigationUnit,
    });
    const manager = await login(t.app, s.people.manager);
    await manager.post(`/cases/${caseId}/assign`, { responsibleUserId: s.people.worker.id });
    const worker = await login(t.app, s.people.worker);
    const list = await worker.get('/worklist');
    expectStatus(list, 200);
    assert.match(list.body, /Vera Flödesson/);
    assert.match(list.body, /data-rule="investigation" data-due="2026-07-13"/);
    assert.match(list.body, /122 dagar kvar/);
    const other = await login(t.app, s.people.worker2);
    assert.doesNotMatch((await other.get('/worklist')).body, /Vera Flödesson/);
    // A case from February whose initial assessment was decided late (missed) and one on time (met).
    const child = await createPerson(t.db.db, s.municipalityId, { birthDate: '2014-01-01' });
    const child2 = await createPerson(t.db.db, s.municipalityId, { birthDate: '2014-01-02' });
    await t.db.db
      .insertInto('child_case')
      .values([
        {
          municipality_id: s.municipalityId,
          child_id: child.id,
          unit_id: s.investigationUnit,
          phase: 'investigation',
          opened_on: '2026-02-02',
          initial_decision: 'openInvestigation',
          initial_decided_on: '2026-02-20',
          investigation_opened_on: '2026-02-20',
        },
        {
          municipality_id: s.municipalityId,
          child_id: child2.id,
          unit_id: s.investigationUnit,
          phase: 'investigation',
          opened_on: '2026-02-02',
          initial_decision: 'openInvestigation',
          initial_decided_on: '2026-02-10',
          investigation_opened_on: '2026-02-10',
        },
      ])
      .execute();
    const unit = await manager.get('/worklist/unit');
    expectStatus(unit, 200);
    assert.match(unit.body, /Förra månaden hölls 1 av 2 tidsfrister/);
    assert.match(unit.body, /Ingen ansvarig/);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select('subject_person_id')
      .where('municipality_id', '=', s.municipalityId)
      .where('action', '=', 'worklist.read')
      .execute();
    assert.ok(
      events.some((e) => e.subject_person_id === child.id),
      'each child on a worklist is audited',
    );
  });
});

describe('intake details', () => {
  it('never opens two cases for one child when two reports are linked at once', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const intake2 = await login(
      t.app,
      await createUser(t.db.db, t.config.secretKey, {
        municipalityId: s.municipalityId,
        role: 'intakeWorker',
        unitId: s.intakeUnit,
      }),
    );
    const child = await createPerson(t.db.db, s.municipalityId, { birthDate: '2017-07-07' });
    const [a, b] = [await fileReport(s.code), await fileReport(s.code)];
    const results = await Promise.all([
      intake.post(`/intake/reports/${a.id}/link`, { childId: child.id }),
      intake2.post(`/intake/reports/${b.id}/link`, { childId: child.id }),
    ]);
    for (const res of results) assert.ok([303, 409].includes(res.statusCode), String(res.statusCode));
    const open = await t.db.db
      .selectFrom('child_case')
      .select('id')
      .where('child_id', '=', child.id)
      .execute();
    assert.equal(open.length, 1);
  });

  it('records feedback as withheld only with a reason', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { caseId, report } = await openedCase(s, intake);
    await intake.post(`/cases/${caseId}/initial-assessment`, {
      decision: 'noInvestigation',
      reason: 'Oron är redan omhändertagen av BUP.',
      childHeard: 'yes',
    });
    expectStatus(await intake.post(`/intake/reports/${report.id}/feedback`, { mode: 'withheld' }), 400);
    expectStatus(
      await intake.post(`/intake/reports/${report.id}/feedback`, {
        mode: 'withheld',
        withheldReason: 'Anmälaren är närstående till den misstänkta förövaren.',
      }),
      303,
    );
    const row = await t.db.db
      .selectFrom('report')
      .selectAll()
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.feedback_sent_on, today);
    assert.equal(row.feedback_text, null);
    expectStatus(
      await intake.post(`/intake/reports/${report.id}/feedback`, { mode: 'sent', text: 'x' }),
      409,
    );
  });

  it('does not mark the responsible worker’s reading of their own case as unusual', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { caseId, child } = await openedCase(s, intake);
    await intake.post(`/cases/${caseId}/initial-assessment`, {
      decision: 'openInvestigation',
      childHeard: 'yes',
      unitId: s.investigationUnit,
    });
    const manager = await login(t.app, s.people.manager);
    await manager.post(`/cases/${caseId}/assign`, { responsibleUserId: s.people.worker.id });
    await manager.get(`/cases/${caseId}`);
    const worker = await login(t.app, s.people.worker);
    await worker.get(`/cases/${caseId}`);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'unusual'])
      .where('subject_person_id', '=', child.id)
      .where('action', '=', 'case.read')
      .execute();
    assert.deepEqual(
      events.filter((e) => e.actor_user_id === s.people.worker.id).map((e) => e.unusual),
      [false],
    );
    assert.ok(
      events.some((e) => e.actor_user_id === s.people.manager.id && !e.unusual),
      "the unit's manager",
    );
  });
});

describe('case settings', () => {
  it('lets the administrator add interventions and issue an API token that files reports until deactivated', async () => {
    const s = await setting();
    const admin = await login(
      t.app,
      await createUser(t.db.db, t.config.secretKey, {
        municipalityId: s.municipalityId,
        role: 'administrator',
      }),
    );
    expectStatus(await admin.get('/admin/case-settings'), 200);
    expectStatus(
      await admin.post('/admin/case-settings/interventions', { name: 'Kontaktperson', ksiCode: 'bad code!' }),
      400,
    );
    expectStatus(
      await admin.post('/admin/case-settings/interventions', { name: 'Kontaktperson', ksiCode: 'vba.ab' }),
      303,
    );
    expectStatus(await admin.post('/admin/case-settings/interventions', { name: 'Kontaktperson' }), 409);
    const created = await admin.post('/admin/case-settings/api-clients', {
      clientName: 'Elevhälsans journal',
      organisationKind: 'school',
    });
    expectStatus(created, 200);
    const token = /<code class="secret">([^<]+)<\/code>/.exec(created.body)?.[1];
    assert.ok(token);
    const { Client } = await import('../testing/app.ts');
    const machine = new Client(t.app);
    const body = {
      reporterName: 'Systemet',
      reporterOrganisation: 'Elevhälsan',
      reporterEmail: 'elevhalsan@example.org',
      childGivenName: 'Ida',
      childFamilyName: 'Maskinsson',
      concern: 'Automatiskt överförd anmälan från elevhälsans journalsystem om oro för Ida.',
    };
    expectStatus(await machine.postJson('/api/v1/reports', body, { authorization: `Bearer ${token}` }), 201);
    const client = await t.db.db
      .selectFrom('api_client')
      .select('id')
      .where('municipality_id', '=', s.municipalityId)
      .executeTakeFirstOrThrow();
    expectStatus(await admin.post(`/admin/case-settings/api-clients/${client.id}/deactivate`), 303);
    expectStatus(await machine.postJson('/api/v1/reports', body, { authorization: `Bearer ${token}` }), 401);
    // Nobody but the administrator manages these lists.
    const manager = await login(t.app, s.people.manager);
    expectStatus(await manager.get('/admin/case-settings'), 403);
  });
});
