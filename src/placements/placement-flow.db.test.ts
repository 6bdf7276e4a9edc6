import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, addMonths } from '../deadlines/calendar.ts';
import { placementForm, t, today, type World, world } from './world.ts';

const idFrom = (res: { headers: Record<string, unknown> }) =>
  String(res.headers.location).split('/').pop()!.split('?')[0]!;
const text = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function placed(w: World, overrides: Record<string, string> = {}) {
  const res = await w.clients.worker.post(`/cases/${w.caseId}/placements`, placementForm(w, overrides));
  assert.equal(res.statusCode, 303, text(res.body).slice(0, 600));
  return idFrom(res);
}
const api = async (w: World, id: string) =>
  JSON.parse((await w.clients.worker.get(`/api/v1/placements/${id}`)).body);
const dutyOf = (body: { duties: { rule: string; dueOn: string }[] }, rule: string) =>
  body.duties.find((d) => d.rule === rule);

describe('a placement from visits to follow-up', () => {
  it('records visits and a private talk; an attempt never counts, and a talk alone needs its answer', async () => {
    const w = await world();
    const id = await placed(w);
    const on = addDays(today, -2);
    const visit = await w.clients.worker.post(`/placements/${id}/contacts`, {
      on,
      kind: 'visit',
      place: 'placementHome',
      outcome: 'made',
      childAlone: 'yes',
      attendedTo: 'schooling',
      note: 'Tuva visade sitt rum.',
    });
    assert.equal(visit.statusCode, 303, text(visit.body).slice(0, 600));
    const attempt = await w.clients.worker.post(`/placements/${id}/contacts`, {
      on: addDays(today, -1),
      kind: 'visit',
      place: 'placementHome',
      outcome: 'attempted',
    });
    assert.equal(attempt.statusCode, 303);
    const unstated = await w.clients.worker.post(`/placements/${id}/contacts`, {
      on,
      kind: 'talkWithChild',
      place: 'school',
      outcome: 'made',
    });
    assert.equal(unstated.statusCode, 400);
    assert.match(unstated.body, /Ange om barnet fick prata enskilt/);
    const notAlone = await w.clients.worker.post(`/placements/${id}/contacts`, {
      on,
      kind: 'talkWithChild',
      place: 'school',
      outcome: 'made',
      childAlone: 'no',
    });
    assert.match(notAlone.body, /Ange varför barnet inte fick prata enskilt/);
    const elsewhere = await w.clients.worker.post(`/placements/${id}/contacts`, {
      on,
      kind: 'visit',
      place: 'school',
      outcome: 'made',
      childAlone: 'yes',
    });
    assert.match(elsewhere.body, /Ett besök görs i hemmet/);
    const beforeStart = await w.clients.worker.post(`/placements/${id}/contacts`, {
      on: addDays(w.decidedOn, -1),
      kind: 'visit',
      place: 'placementHome',
      outcome: 'made',
      childAlone: 'yes',
    });
    assert.match(beforeStart.body, /Datumet ligger före placeringen/);
    const page = await w.clients.worker.get(`/placements/${id}`);
    const measured = page.body.match(/data-measure="visits">([^<]*)/)?.[1] ?? '';
    assert.match(measured, /1 det senaste året/, 'the attempt is not counted');
    assert.match(page.body, /1 försök sedan senaste besöket \(räknas inte\)/);
    const contacts = await t.db.db
      .selectFrom('placement_contact')
      .selectAll()
      .where('placement_id', '=', id)
      .execute();
    assert.equal(contacts.length, 2, 'the refused ones were not written');
  });

  it('prefills the reconsideration document; the committee decides it, an official is refused', async () => {
    const w = await world();
    const id = await placed(w);
    await w.clients.worker.post(`/placements/${id}/contacts`, {
      on: addDays(today, -3),
      kind: 'visit',
      place: 'placementHome',
      outcome: 'made',
      childAlone: 'yes',
      attendedTo: 'health',
    });
    await w.clients.worker.post(`/placements/${id}/steps`, {
      stepKind: 'carePlanEstablished',
      stepOn: addDays(today, -10),
      stepNote: 'Vårdplan med mål för skolgången.',
    });
    const doc = await w.clients.worker.get(`/placements/${id}/reconsideration?meeting=${today}`);
    assert.equal(doc.statusCode, 200, text(doc.body).slice(0, 400));
    assert.match(doc.body, /Besök i hemmet \(1\)/);
    assert.match(doc.body, /Enskilda samtal med barnet \(1\)/);
    assert.match(doc.body, /Vårdplan med mål för skolgången/);
    assert.match(doc.body, /data-gap="noTalkWithGuardians"/);
    assert.match(doc.body, /data-question="careStillNeeded"/);
    const print = await w.clients.worker.get(`/placements/${id}/reconsideration?meeting=${today}&print=1`);
    assert.equal(print.statusCode, 200);
    assert.doesNotMatch(print.body, /<form method="post"/, 'the printable document has no forms');
    const decision = {
      considerationKind: 'reconsideration',
      decidedOn: today,
      decidedByKind: 'official',
      decidedByName: 'Sam Berg',
      conclusion: 'Vården behövs fortfarande.',
    };
    const official = await w.clients.worker.post(`/placements/${id}/considerations`, decision);
    assert.equal(official.statusCode, 400);
    assert.match(official.body, /inte fattas av en tjänsteman/);
    assert.equal((await api(w, id)).lastReconsideredOn, null);
    const committee = await w.clients.worker.post(`/placements/${id}/considerations`, {
      ...decision,
      decidedByKind: 'committee',
      decidedByName: 'Socialnämnden',
    });
    assert.equal(committee.statusCode, 303, text(committee.body).slice(0, 500));
    const after = await api(w, id);
    assert.equal(after.lastReconsideredOn, today);
    assert.equal(dutyOf(after, 'placementReconsideration')?.dueOn, addMonths(today, 6));
    const stored = await t.db.db
      .selectFrom('placement_consideration')
      .select(['document', 'decided_by_kind'])
      .where('placement_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.decided_by_kind, 'committee');
    assert.ok(stored.document, 'the document as decided is kept');
    // A custody transfer needs the five factors; the reconsideration of a child not yet two years in the home is refused.
    const custody = await w.clients.worker.post(`/placements/${id}/considerations`, {
      considerationKind: 'custodyTransfer',
      decidedOn: today,
      decidedByKind: 'committee',
      decidedByName: 'Socialnämnden',
    });
    assert.equal(custody.statusCode, 400);
    assert.match(custody.body, /Skriv nämndens bedömning av varje omständighet/);
    // The partner reads none of it.
    assert.equal((await w.clients.partner.get(`/placements/${id}/reconsideration`)).statusCode, 403);
  });

  it('restarts the two years on a move to another home; refuses a move dated before the last one', async () => {
    const w = await world();
    const id = await placed(w);
    const before = dutyOf(await api(w, id), 'custodyTransfer')!;
    assert.equal(before.dueOn, addMonths(addDays(w.decidedOn, 3), 24));
    const move = {
      moveHomeId: w.homes.second,
      moveForm: 'familyHome',
      moveDecidedOn: addDays(today, -5),
      moveDecidedByKind: 'committee',
      moveDecidedByName: 'Socialnämnden',
      moveStartedOn: addDays(today, -4),
    };
    const early = await w.clients.worker.post(`/placements/${id}/move`, {
      ...move,
      moveDecidedOn: w.decidedOn,
      moveStartedOn: w.decidedOn,
    });
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /Flytten måste vara efter förra flytten/);
    const unfinished = await w.clients.worker.post(`/placements/${id}/move`, {
      ...move,
      moveHomeId: w.homes.unfinished,
    });
    assert.match(unfinished.body, /Hemmet är inte färdigutrett/);
    const ok = await w.clients.worker.post(`/placements/${id}/move`, move);
    assert.equal(ok.statusCode, 303, text(ok.body).slice(0, 500));
    const after = dutyOf(await api(w, id), 'custodyTransfer')!;
    assert.equal(after.dueOn, addMonths(addDays(today, -4), 24));
  });

  it('ends the placement and closes its follow-up; dates out of order are refused', async () => {
    const w = await world();
    const id = await placed(w);
    const early = await w.clients.worker.post(`/placements/${id}/end`, {
      endedOn: w.decidedOn,
      endOutcome: 'returnedHome',
    });
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /Placeringen kan inte upphöra före sista flytten/);
    const ended = await w.clients.worker.post(`/placements/${id}/end`, {
      endedOn: addDays(today, -1),
      endOutcome: 'returnedHome',
    });
    assert.equal(ended.statusCode, 303);
    const body = await api(w, id);
    assert.equal(body.endedOn, addDays(today, -1));
    assert.equal(
      (await w.clients.worker.post(`/placements/${id}/follow-up`, { followUpStep: 'end', followUpOn: today }))
        .statusCode,
      400,
      'a follow-up cannot end before it started',
    );
    assert.equal(
      (
        await w.clients.worker.post(`/placements/${id}/follow-up`, {
          followUpStep: 'start',
          followUpOn: today,
        })
      ).statusCode,
      303,
    );
    assert.equal(dutyOf(await api(w, id), 'placementFollowUp')?.dueOn, addMonths(addDays(today, -1), 6));
    assert.equal(
      (await w.clients.worker.post(`/placements/${id}/follow-up`, { followUpStep: 'end', followUpOn: today }))
        .statusCode,
      303,
    );
    assert.deepEqual((await api(w, id)).duties, []);
    assert.equal(
      (await w.clients.worker.get('/api/v1/placements')).body.includes(id),
      false,
      'ended ones leave the list',
    );
  });
});
