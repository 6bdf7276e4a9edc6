import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Client, login } from '../testing/app.ts';
import { expectStatus, fileReport, openedCase, setting, t, today } from '../testing/case-setting.ts';
import { createPerson } from '../testing/factories.ts';

describe('who may see a case', () => {
  it('keeps partners, other social workers and other units’ managers out, and audits each refusal', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { caseId, report } = await openedCase(s, intake);
    await intake.post(`/cases/${caseId}/initial-assessment`, {
      decision: 'openInvestigation',
      childHeard: 'yes',
      unitId: s.investigationUnit,
    });
    const manager = await login(t.app, s.people.manager);
    await manager.post(`/cases/${caseId}/assign`, { responsibleUserId: s.people.worker.id });
    const refusals: [Client, string, string][] = [
      [await login(t.app, s.people.partner), `/cases/${caseId}`, 'roleNotPermitted'],
      [await login(t.app, s.people.worker2), `/cases/${caseId}`, 'notAssigned'],
      [await login(t.app, s.people.otherManager), `/cases/${caseId}`, 'otherUnit'],
      [await login(t.app, s.people.intakeManager), `/cases/${caseId}`, 'otherUnit'],
    ];
    for (const [client, url, reason] of refusals) {
      const res = await client.get(url);
      expectStatus(res, 403);
      const denial = await t.db.db
        .selectFrom('audit_event')
        .select(['reason', 'subject_person_id'])
        .where('municipality_id', '=', s.municipalityId)
        .where('outcome', '=', 'denied')
        .where('record_id', '=', caseId)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(denial.reason, reason);
    }
    const partner = await login(t.app, s.people.partner);
    expectStatus(await partner.get('/intake'), 403);
    expectStatus(await partner.get(`/intake/reports/${report.id}`), 403);
    expectStatus(await partner.get('/worklist'), 403);
    // The responsible worker and the intake worker (for history) may read it.
    expectStatus(await (await login(t.app, s.people.worker)).get(`/cases/${caseId}`), 200);
    expectStatus(await intake.get(`/cases/${caseId}`), 200);
  });

  it('answers 404 for an unknown case and 400 for a malformed id', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    expectStatus(await intake.get('/cases/00000000-0000-4000-8000-000000000000'), 404);
    expectStatus(await intake.get('/cases/nope'), 400);
  });
});

describe('case notes and the child’s account', () => {
  it('are signed and final: the database refuses changes, a correction points at the old note', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { caseId } = await openedCase(s, intake);
    expectStatus(
      await intake.post(`/cases/${caseId}/notes`, { eventDate: today, body: 'Ringde skolan.' }),
      303,
    );
    const [note] = await t.db.db.selectFrom('case_note').selectAll().where('case_id', '=', caseId).execute();
    assert.ok(note);
    await assert.rejects(
      t.db.db.updateTable('case_note').set({ body: 'ändrad' }).where('id', '=', note.id).execute(),
      /signed and final/,
    );
    await assert.rejects(
      t.db.db.deleteFrom('case_note').where('id', '=', note.id).execute(),
      /signed and final/,
    );
    expectStatus(
      await intake.post(`/cases/${caseId}/notes`, {
        eventDate: today,
        body: 'Rättelse: ringde förskolan.',
        correctsNoteId: note.id,
      }),
      303,
    );
    const page = await intake.get(`/cases/${caseId}`);
    assert.match(page.body, /Rättad genom en senare anteckning/);
    assert.match(page.body, /Rättar en tidigare anteckning/);
    expectStatus(await intake.post(`/cases/${caseId}/notes`, { eventDate: '2026-13-01', body: 'x' }), 400);
  });

  it('keeps the child’s own account unchangeable in the database', async () => {
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
    await worker.post(`/cases/${caseId}/childs-voice`, {
      heldOn: today,
      circumstances: 'Hemma',
      account: 'Det är bra nu.',
    });
    await assert.rejects(
      t.db.db.updateTable('childs_voice').set({ account: 'annat' }).where('case_id', '=', caseId).execute(),
      /signed and final/,
    );
  });
});

describe('protected identity', () => {
  it('hides where the child is, as given in the report, once the report is linked to a protected child', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const child = await createPerson(t.db.db, s.municipalityId, {
      birthDate: '2015-01-01',
      protectedIdentity: 'protectedRegistration',
    });
    const report = await fileReport(s.code, { childWhereabouts: 'Hemliga gatan 7, Skyddsby' });
    assert.match((await intake.get(`/intake/reports/${report.id}`)).body, /Hemliga gatan 7/);
    expectStatus(await intake.post(`/intake/reports/${report.id}/link`, { childId: child.id }), 303);
    const page = await intake.get(`/intake/reports/${report.id}`);
    assert.doesNotMatch(page.body, /Hemliga gatan 7/);
    assert.match(page.body, /skyddade personuppgifter/);
  });
});
