import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { login } from '../testing/app.ts';
import { expectStatus, fileReport, setting, t, today } from '../testing/case-setting.ts';
import { openInvestigation } from './test-steps.ts';

const readyForDecision = (s: Awaited<ReturnType<typeof setting>>) => openInvestigation(s);

describe("the manager's day", () => {
  it('puts unassigned investigations and decisions waiting on the start page, shows caseloads when assigning, and notifies the worker', async () => {
    const s = await setting();
    const { caseId, child } = await readyForDecision(s);
    const manager = await login(t.app, s.people.manager);
    const home = await manager.get('/');
    expectStatus(home, 200);
    assert.match(home.body, /Utredningar utan ansvarig/);
    assert.match(home.body, new RegExp(`data-case="${caseId}"`));
    // The assign form: each worker's caseload and whether they know the family.
    const page = await manager.get(`/cases/${caseId}`);
    assert.match(page.body, /– 0 pågående ärenden/);
    expectStatus(
      await manager.post(`/cases/${caseId}/assign`, { responsibleUserId: s.people.worker.id }),
      303,
    );
    assert.match((await manager.get(`/cases/${caseId}`)).body, /– 1 pågående ärende, känner familjen/);
    // The worker sees it on the start page, unread, and marks it read.
    const worker = await login(t.app, s.people.worker);
    const workerHome = await worker.get('/');
    assert.match(workerHome.body, /Notiser <span class="tag tag--warning">1 oläst/);
    assert.match(workerHome.body, /Du är ansvarig för utredningen om Vera Flödesson/);
    const note = await t.db.db
      .selectFrom('workday_notification')
      .selectAll()
      .where('user_id', '=', s.people.worker.id)
      .executeTakeFirstOrThrow();
    assert.equal(note.case_id, caseId);
    assert.equal(note.child_id, child.id);
    // Nobody else may mark it; a malformed id is a 400; nothing changes either way.
    const other = await login(t.app, s.people.worker2);
    expectStatus(await other.post(`/notifications/${note.id}/read`, { back: 'home' }), 404);
    expectStatus(await other.post('/notifications/not-an-id/read', {}), 400);
    expectStatus(await worker.post(`/notifications/${note.id}/read`, { back: 'sideways' }), 400);
    assert.equal(
      (
        await t.db.db
          .selectFrom('workday_notification')
          .select('read_at')
          .where('id', '=', note.id)
          .executeTakeFirstOrThrow()
      ).read_at,
      null,
    );
    const marked = await worker.post(`/notifications/${note.id}/read`, { back: 'home' });
    expectStatus(marked, 303);
    assert.equal(marked.headers.location, '/');
    assert.doesNotMatch((await worker.get('/')).body, /Du är ansvarig för utredningen/);
    const all = await worker.get('/notifications');
    expectStatus(all, 200);
    assert.match(all.body, /Läst/);
    // Assigning the same worker again tells them nothing new.
    expectStatus(
      await manager.post(`/cases/${caseId}/assign`, { responsibleUserId: s.people.worker.id }),
      303,
    );
    const count = await t.db.db
      .selectFrom('workday_notification')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', s.people.worker.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1);

    // Concluded and communicated: first in the manager's waiting list.
    await worker.post(`/cases/${caseId}/childs-voice`, {
      heldOn: today,
      circumstances: 'Enskilt samtal i skolan.',
      account: 'Jag vill bo hos mamma.',
    });
    expectStatus(
      await worker.post(`/cases/${caseId}/conclusion`, { conclusionText: 'Vera behöver stöd.' }),
      303,
    );
    expectStatus(
      await worker.post(`/cases/${caseId}/party-communication`, {
        communicatedOn: today,
        partyNote: 'Skickad.',
      }),
      303,
    );
    const waiting = (await manager.get('/')).body;
    const section = waiting.slice(
      waiting.indexOf('Väntar på ditt beslut'),
      waiting.indexOf('Utredningar utan ansvarig'),
    );
    assert.match(section, new RegExp(`data-case="${caseId}"`));
    assert.match(section, /Beslut av chef/);
    // A partner and a worker without a unit overview see none of it.
    const partner = await login(t.app, s.people.partner);
    expectStatus(await partner.get('/notifications'), 403);
    assert.doesNotMatch((await partner.get('/')).body, /Flödesson/);
  });
});

describe("the intake worker's day", () => {
  it("keeps today's protection assessments on top of the start page with the time of receipt, whatever older duties wait", async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    // Ten older reports whose initial assessments are overdue (their protection assessments done).
    for (let i = 0; i < 10; i++) {
      const old = await fileReport(s.code, { childGivenName: `Äldre${String.fromCharCode(97 + i)}` });
      await t.db.db
        .updateTable('report')
        .set({
          received_on: '2026-02-02',
          received_at: new Date('2026-02-02T08:00:00Z'),
          protection_assessed_on: '2026-02-02',
          protection_outcome: 'noImmediateProtection',
        })
        .where('id', '=', old.id)
        .execute();
    }
    const fresh = await fileReport(s.code, { childGivenName: 'Nyss' });
    const home = await intake.get('/');
    expectStatus(home, 200);
    const table = home.body.slice(home.body.indexOf('<table class="table worklist"'));
    const body = table.slice(table.indexOf('<tbody>'));
    const firstRow = body.slice(0, body.indexOf('</tr>'));
    assert.match(firstRow, /Nyss/);
    assert.match(firstRow, /Skyddsbedömning/);
    assert.match(firstRow, /Anmälan inkom \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    assert.ok(fresh.received_at instanceof Date);
  });
});
