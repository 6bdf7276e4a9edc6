import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../deadlines/calendar.ts';
import { withAccess } from '../platform/access/scope.ts';
import { login } from '../testing/app.ts';
import {
  createMunicipality,
  createPerson,
  createSip,
  createUser,
  type TestUser,
} from '../testing/factories.ts';
import { auditOf, sipRow, start, t, today, world } from '../testing/sip-world.ts';
import { plansDue } from './queries/lists.ts';

describe('worklists', () => {
  it('shows the coordinator the follow-ups and actions due, and the partner its own actions while consent holds', async () => {
    const w = await world();
    const due = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id],
      followUpOn: addDays(today, 5),
      actionDueOn: addDays(today, -2),
    });
    const other = await createPerson(t.db.db, w.municipalityId, {
      givenName: 'Hamid',
      birthDate: '2016-01-01',
    });
    await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: other.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id],
      consent: { withdrawn: true },
      actionDueOn: addDays(today, 1),
    });
    const worker = await w.clients.worker.get('/');
    assert.match(worker.body, /Uppföljningar inom två veckor/);
    assert.match(worker.body, new RegExp(`/sips/${due.id}`));
    assert.match(worker.body, /Försenad/);
    const nurse = await w.clients.nurse.get('/');
    assert.match(nurse.body, /Insatser som ska vara klara inom två veckor/);
    assert.match(nurse.body, /Ebba/);
    assert.doesNotMatch(nurse.body, /Hamid/, 'no consent, no worklist entry');
    assert.match(nurse.body, /Planer som din organisation deltar i/);
    const listed = await auditOf(w.users.nurse.id, 'sip.list');
    assert.ok(listed.every((e) => e.subject_person_id === w.child.id));
    assert.ok(
      listed.every((e) => e.unusual === false),
      'a party reading its own plan is not unusual',
    );
    assert.equal((await w.clients.officer.get('/')).statusCode, 200);
  });
  it('reads follow-ups, requests and drafts in one statement, each in its order, kept to the coordinator', async () => {
    const w = await world();
    const plan = async (
      coordinator: TestUser,
      status: 'draft' | 'active' | 'closed' | 'requested',
      followUpIn: number,
    ) => {
      const child = await createPerson(t.db.db, w.municipalityId, { birthDate: '2015-03-03' });
      const sip = await createSip(t.db.db, {
        municipalityId: w.municipalityId,
        childId: child.id,
        coordinatorUserId: coordinator.id,
        organisationIds: [w.school.id],
        status: status === 'requested' ? 'draft' : status,
        followUpOn: addDays(today, followUpIn),
      });
      if (status === 'requested')
        await t.db.db
          .updateTable('sip')
          .set({ status: 'requested', requested_by_organisation_id: w.school.id })
          .where('id', '=', sip.id)
          .execute();
      return sip.id;
    };
    const { worker, otherWorker } = w.users;
    const later = await plan(worker, 'active', 3);
    const sooner = await plan(worker, 'active', 1);
    await plan(worker, 'active', 40);
    const othersDue = await plan(otherWorker, 'active', 2);
    const draft = await plan(worker, 'draft', 10);
    const othersDraft = await plan(otherWorker, 'draft', 5);
    const request = await plan(otherWorker, 'requested', 0);
    await plan(worker, 'closed', 1);

    const read = (user: TestUser, role: 'socialWorker' | 'manager', coordinator: string | null) =>
      withAccess(
        t.db.db,
        {
          actor: {
            userId: user.id,
            municipalityId: w.municipalityId,
            role,
            unitId: null,
            displayName: 'Test',
            organisation: 'Socialtjänsten',
            partnerKind: null,
            secondFactorDone: true,
          },
          clientAddress: null,
        },
        async (scope) => {
          scope.authorize('sip.list', { type: 'sipRegister', municipalityId: w.municipalityId });
          return plansDue(scope, coordinator, addDays(today, 14));
        },
      );
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    const mine = await read(worker, 'socialWorker', worker.id);
    assert.deepEqual(ids(mine.followUps), [sooner, later], 'own, by the horizon, soonest first');
    assert.deepEqual(ids(mine.requests), [request], 'requests are for anyone to take');
    assert.deepEqual(ids(mine.drafts), [draft]);
    const all = await read(w.users.manager, 'manager', null);
    assert.deepEqual(ids(all.followUps), [sooner, othersDue, later]);
    assert.deepEqual(ids(all.drafts), [othersDraft, draft], 'drafts by follow-up date');
    assert.ok(!('category' in (all.followUps[0] ?? {})), 'only the list columns leave the query');
  });
});

describe('the JSON API', () => {
  it('is described in the OpenAPI document', async () => {
    const w = await world();
    const doc = (await w.clients.worker.get('/openapi.json')).json() as { paths: Record<string, unknown> };
    for (const path of [
      '/api/v1/sips',
      '/api/v1/sips/{id}',
      '/api/v1/sips/{id}/agreement',
      '/api/v1/sips/{id}/actions/{actionId}/status',
    ])
      assert.ok(doc.paths[path], path);
    assert.ok(
      !Object.keys(doc.paths).some((p) => p.startsWith('/sips')),
      'pages stay out of the API document',
    );
  });

  it('refuses a malformed status report and an unknown action', async () => {
    const w = await world();
    const sip = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id],
    });
    const own = sip.actions.find((a) => a.responsible_organisation_id === w.school.id)!;
    const bad = await w.clients.nurse.postJson(`/api/v1/sips/${sip.id}/actions/${own.id}/status`, {
      status: 'finished',
    });
    assert.equal(bad.statusCode, 400);
    const unknown = await w.clients.nurse.postJson(
      `/api/v1/sips/${sip.id}/actions/00000000-0000-4000-8000-000000000000/status`,
      { status: 'done' },
    );
    assert.equal(unknown.statusCode, 404);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/sips/${sip.id}` });
    assert.equal(anonymous.statusCode, 401);
  });
});

describe('the trail and the tenancy', () => {
  it('shows the manager who read the plan, with the partner’s organisation', async () => {
    const w = await world();
    const sip = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.bup.id],
    });
    await w.clients.clinician.get(`/sips/${sip.id}`);
    const review = await w.clients.manager.get(`/log-review?person=${w.child.id}`);
    assert.match(review.body, /Öppnade SIP/);
    assert.match(review.body, /BUP Väst/);
    const [read] = await auditOf(w.users.clinician.id, 'sip.read');
    assert.equal(read?.actor_organisation, 'BUP Väst');
    assert.equal(read?.reason, 'plan,needs,contactDetails');
  });

  it('keeps plans inside their municipality', async () => {
    const w = await world();
    const sip = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id],
    });
    const elsewhere = await createMunicipality(t.db.db);
    const stranger = await createUser(t.db.db, t.config.secretKey, {
      municipalityId: elsewhere,
      role: 'manager',
    });
    const client = await login(t.app, stranger);
    assert.equal((await client.get(`/sips/${sip.id}`)).statusCode, 404);
    assert.equal((await client.post(`/sips/${sip.id}/close`, { reason: 'goalsMet' })).statusCode, 404);
    assert.equal((await sipRow(sip.id)).status, 'active');
  });

  it('escapes what is typed into the plan and refuses what is too long or malformed', async () => {
    const w = await world();
    const id = await start(w);
    await w.clients.worker.post(`/sips/${id}/needs`, {
      needArea: 'goodHealth',
      needDescription: '<script>alert(1)</script>',
    });
    const page = await w.clients.worker.get(`/sips/${id}`);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.match(page.body, /&lt;script>alert/);
    assert.equal(
      (
        await w.clients.worker.post(`/sips/${id}/needs`, {
          needArea: 'goodHealth',
          needDescription: 'x'.repeat(2500),
        })
      ).statusCode,
      400,
    );
    assert.equal(
      (await w.clients.worker.post(`/sips/${id}/needs`, { needArea: 'wealth', needDescription: 'x' }))
        .statusCode,
      400,
    );
    assert.equal((await w.clients.worker.get('/sips/not-a-uuid')).statusCode, 400);
    assert.equal(
      (
        await w.clients.worker.post(`/sips/${id}/needs`, {
          _csrf: 'forged',
          needArea: 'goodHealth',
          needDescription: 'x',
        })
      ).statusCode,
      403,
    );
    assert.equal(
      (
        await w.clients.worker.post(`/sips/${id}/actions`, {
          actionDescription: 'x',
          responsible: w.police.id,
          dueOn: today,
        })
      ).statusCode,
      400,
    );
  });
});
