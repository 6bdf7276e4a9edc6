import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../deadlines/calendar.ts';
import { generatePersonalNumber } from '../people/personal-number.ts';
import { createSip } from '../testing/factories.ts';
import { auditOf, sipRow, start, t, today, world, writePlan } from '../testing/sip-world.ts';

describe('from draft to agreement, follow-up and closing', () => {
  it('lists what is missing, takes every party’s agreement, and puts the plan in force on the last one', async () => {
    const w = await world();
    const id = await start(w);
    const early = await w.clients.worker.get(`/sips/${id}`);
    assert.match(early.body, /minst en organisation utöver socialtjänsten/);
    assert.equal((await w.clients.worker.post(`/sips/${id}/agreement`)).statusCode, 409);
    await writePlan(w, id);
    const ready = await w.clients.worker.get(`/sips/${id}`);
    assert.doesNotMatch(ready.body, /Innan parterna kan godkänna/);

    assert.match(
      (await w.clients.worker.post(`/sips/${id}/agreement`)).headers.location ?? '',
      /notice=agreed/,
    );
    assert.match(
      (await w.clients.nurse.post(`/sips/${id}/agreement`)).headers.location ?? '',
      /notice=agreed/,
    );
    // A change to the plan makes the agreements so far stale.
    await w.clients.worker.post(`/sips/${id}/goals`, {
      goalArea: 'safetyAtHome',
      goal: 'Lugna kvällar hemma',
    });
    const stale = await w.clients.clinician.post(`/sips/${id}/agreement`);
    assert.match(stale.headers.location ?? '', /notice=agreed/);
    assert.equal((await sipRow(id)).status, 'draft', 'the others agreed to an earlier version');
    await w.clients.worker.post(`/sips/${id}/agreement`);
    const api = await w.clients.nurse.postJson(`/api/v1/sips/${id}/agreement`, {});
    assert.equal(api.statusCode, 200);
    assert.deepEqual(api.json(), { status: 'active' });
    const row = await sipRow(id);
    assert.equal(row.status, 'active');
    assert.equal(row.agreed_on, today);
    // An active plan is not edited in place.
    assert.equal(
      (await w.clients.worker.post(`/sips/${id}/needs`, { needArea: 'goodHealth', needDescription: 'x' }))
        .statusCode,
      409,
    );
  });

  it('records a follow-up with each action’s status, and lets a party report its own action only', async () => {
    const w = await world();
    const sip = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id, w.bup.id],
    });
    const [socialAction, schoolAction, bupAction] = sip.actions;
    const own = await w.clients.nurse.post(`/sips/${sip.id}/actions/${schoolAction!.id}/status`, {
      status: 'ongoing',
      note: 'Första samtalet hölls',
    });
    assert.equal(own.statusCode, 303);
    const others = await w.clients.nurse.post(`/sips/${sip.id}/actions/${bupAction!.id}/status`, {
      status: 'done',
    });
    assert.equal(others.statusCode, 409);
    const viaApi = await w.clients.clinician.postJson(
      `/api/v1/sips/${sip.id}/actions/${bupAction!.id}/status`,
      {
        status: 'done',
      },
    );
    assert.equal(viaApi.statusCode, 200);

    const form = await w.clients.worker.get(`/sips/${sip.id}/follow-up`);
    assert.equal(form.statusCode, 200);
    const missing = await w.clients.worker.post(`/sips/${sip.id}/follow-up`, {
      heldOn: today,
      nextFollowUpOn: addDays(today, 90),
      [`status-${socialAction!.id}`]: 'done',
    });
    assert.equal(missing.statusCode, 400);
    const saved = await w.clients.worker.post(`/sips/${sip.id}/follow-up`, {
      heldOn: today,
      note: 'Ebba går i skolan fyra dagar av fem.',
      nextFollowUpOn: addDays(today, 90),
      [`status-${socialAction!.id}`]: 'done',
      [`status-${schoolAction!.id}`]: 'ongoing',
      [`note-${schoolAction!.id}`]: 'Fortsätter året ut',
      [`status-${bupAction!.id}`]: 'done',
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 1500));
    assert.equal((await sipRow(sip.id)).follow_up_on, addDays(today, 90));
    const page = await w.clients.nurse.get(`/sips/${sip.id}`);
    assert.match(page.body, /fyra dagar av fem/);
    assert.match(page.body, /Fortsätter året ut/);
    // Partners do not record follow-ups.
    assert.equal((await w.clients.nurse.get(`/sips/${sip.id}/follow-up`)).statusCode, 404);
  });

  it('closes with a reason, after which partners no longer see the plan', async () => {
    const w = await world();
    const sip = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id],
    });
    assert.equal((await w.clients.worker.post(`/sips/${sip.id}/close`, { reason: 'other' })).statusCode, 400);
    assert.equal(
      (await w.clients.worker.post(`/sips/${sip.id}/close`, { reason: 'declined' })).statusCode,
      400,
    );
    // Not without the confirmation: a closed plan is not reopened.
    const unconfirmed = await w.clients.worker.post(`/sips/${sip.id}/close`, { reason: 'goalsMet' });
    assert.equal(unconfirmed.statusCode, 400);
    assert.match(unconfirmed.body, /Kryssa i rutan för att bekräfta att planen ska avslutas/);
    assert.equal((await sipRow(sip.id)).status, 'active');
    const closed = await w.clients.worker.post(`/sips/${sip.id}/close`, {
      reason: 'goalsMet',
      closeNote: 'Bra!',
      confirmClose: 'on',
    });
    assert.equal(closed.statusCode, 303);
    const row = await sipRow(sip.id);
    assert.deepEqual([row.status, row.close_reason, row.closed_on], ['closed', 'goalsMet', today]);
    const nurse = await w.clients.nurse.get(`/sips/${sip.id}`);
    assert.equal(nurse.statusCode, 403);
    assert.match(nurse.body, /Planen är avslutad/);
    assert.equal((await w.clients.worker.get(`/sips/${sip.id}`)).statusCode, 200);
  });

  it('lets only the coordinator or a manager change the plan; other social workers read it', async () => {
    const w = await world();
    const id = await start(w);
    assert.equal((await w.clients.otherWorker.get(`/sips/${id}`)).statusCode, 200);
    const refused = await w.clients.otherWorker.post(`/sips/${id}/needs`, {
      needArea: 'goodHealth',
      needDescription: 'X',
    });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /Bara planens samordnare/);
    const manager = await w.clients.manager.post(`/sips/${id}/needs`, {
      needArea: 'goodHealth',
      needDescription: 'Y',
    });
    assert.equal(manager.statusCode, 303);
    const reads = await auditOf(w.users.otherWorker.id, 'sip.read');
    assert.equal(reads[0]?.unusual, true, "another worker's child is unusual for them");
  });

  it('prints a plan for the family with a summary for the child first', async () => {
    const w = await world();
    const id = await start(w);
    await writePlan(w, id);
    const print = await w.clients.worker.get(`/sips/${id}/print`);
    assert.equal(print.statusCode, 200);
    assert.match(print.body, /Hej Ebba!/);
    assert.match(print.body, /Vi hjälps åt så att du orkar gå till skolan/);
    assert.match(print.body, /Jag vill orka gå till skolan/);
    assert.ok(print.body.indexOf('Hej Ebba') < print.body.indexOf('Bedömning av sömn'));
    assert.equal((await auditOf(w.users.worker.id, 'sip.print')).length, 1);
  });
});

describe('a partner asks for a plan', () => {
  it('sends a request that social services takes up by the child’s number; the partner becomes a party', async () => {
    const w = await world();
    const form = await w.clients.nurse.get('/sips/request');
    assert.equal(form.statusCode, 200);
    const sent = await w.clients.nurse.post('/sips/requests', {
      childName: 'Ebba',
      personalNumber: w.child.personalNumber!,
      reason: 'Hög frånvaro och oro, behöver BUP och socialtjänst',
      guardiansAgree: 'on',
    });
    assert.equal(sent.statusCode, 303);
    const request = await t.db.db
      .selectFrom('sip')
      .selectAll()
      .where('municipality_id', '=', w.municipalityId)
      .executeTakeFirstOrThrow();
    assert.equal(request.status, 'requested');
    assert.equal(request.child_id, null, 'not matched to the register on the partner’s word');

    const home = await w.clients.worker.get('/');
    assert.match(home.body, /Begäranden som väntar på socialtjänsten/);
    const own = await w.clients.nurse.get(`/sips/${request.id}`);
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /Hög frånvaro/);
    assert.equal((await w.clients.clinician.get(`/sips/${request.id}`)).statusCode, 404);

    const accepted = await w.clients.worker.post(`/sips/${request.id}/accept`, {});
    assert.equal(accepted.statusCode, 303);
    const row = await sipRow(request.id);
    assert.deepEqual(
      [row.status, row.child_id, row.coordinator_user_id],
      ['draft', w.child.id, w.users.worker.id],
    );
    const parties = await t.db.db
      .selectFrom('sip_participant')
      .select('organisation_id')
      .where('sip_id', '=', request.id)
      .execute();
    assert.ok(parties.some((p) => p.organisation_id === w.school.id));
    // The partner sees the plan only with consent, like every party.
    assert.equal((await w.clients.nurse.get(`/sips/${request.id}`)).statusCode, 403);
  });

  it('answers the same whether or not the child is known to social services', async () => {
    const w = await world();
    const unknownNumber = generatePersonalNumber('2010-01-01', 987);
    const a = await w.clients.nurse.post('/sips/requests', {
      childName: 'Okänd',
      personalNumber: unknownNumber,
      reason: 'Behov',
      guardiansAgree: 'on',
    });
    const b = await w.clients.nurse.post('/sips/requests', {
      childName: 'Ebba',
      personalNumber: w.child.personalNumber!,
      reason: 'Behov',
      guardiansAgree: 'on',
    });
    assert.deepEqual([a.statusCode, a.headers.location], [b.statusCode, b.headers.location]);
    const unknown = await t.db.db
      .selectFrom('sip')
      .select('id')
      .where('requested_personal_number', '=', unknownNumber)
      .executeTakeFirstOrThrow();
    const notInRegister = await w.clients.worker.post(`/sips/${unknown.id}/accept`, {});
    assert.equal(notInRegister.statusCode, 400);
    assert.match(notInRegister.body, /finns inte i personregistret/);
  });

  it('refuses a request without the guardians’ agreement or with a bad number', async () => {
    const w = await world();
    const res = await w.clients.nurse.post('/sips/requests', {
      childName: 'Ebba',
      personalNumber: '20140506-0000',
      reason: 'Behov',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Vårdnadshavarna behöver veta om/);
    assert.equal((await w.clients.worker.post('/sips/requests', { childName: 'x' })).statusCode, 403);
  });
});
