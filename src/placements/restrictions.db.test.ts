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
const duties = async (w: World, id: string, rule: string) =>
  (
    JSON.parse((await w.clients.worker.get(`/api/v1/placements/${id}`)).body).duties as {
      rule: string;
      dueOn: string;
    }[]
  )
    .filter((d) => d.rule === rule)
    .map((d) => d.dueOn);
const auditCount = async (w: World, action: string) =>
  (
    await t.db.db
      .selectFrom('audit_event')
      .select('seq')
      .where('municipality_id', '=', w.municipalityId)
      .where('action', '=', action)
      .execute()
  ).length;

describe('LVU 14 § decisions and moving bans on the placement page', () => {
  it('records secret whereabouts by the committee, refuses an official, and reviews it every three months', async () => {
    const w = await world();
    const id = await placed(w, { basis: 'lvu2' });
    const on = addDays(today, -10);
    const form = {
      restrictionKind: 'whereaboutsSecret',
      restrictionOn: on,
      restrictionByKind: 'official',
      restrictionByName: 'Handläggare Test',
    };
    const refused = await w.clients.worker.post(`/placements/${id}/restrictions`, form);
    assert.equal(refused.statusCode, 400);
    assert.match(text(refused.body), /får inte fattas av en tjänsteman/);
    assert.equal((await t.db.db.selectFrom('placement_restriction').select('id').execute()).length, 0);
    const ok = await w.clients.worker.post(`/placements/${id}/restrictions`, {
      ...form,
      restrictionByKind: 'subcommittee',
      restrictionByName: 'Individutskottet',
    });
    assert.equal(ok.statusCode, 303, text(ok.body).slice(0, 500));
    assert.equal(await auditCount(w, 'placementRestriction.create'), 1);
    assert.deepEqual(await duties(w, id, 'lvuRestrictionReview'), [addMonths(on, 3)]);
    const page = await w.clients.worker.get(`/placements/${id}?notice=restrictionSaved`);
    assert.match(text(page.body), /Beslutet är registrerat/);
    assert.match(page.body, /data-restriction="whereaboutsSecret"/);
    const [restriction] = await t.db.db.selectFrom('placement_restriction').select('id').execute();
    const review = {
      subject: restriction!.id,
      reviewedOn: today,
      reviewByKind: 'committee',
      reviewByName: 'Socialnämnden',
      reviewOutcome: 'continues',
    };
    const byOfficial = await w.clients.worker.post(`/placements/${id}/reviews`, {
      ...review,
      reviewByKind: 'official',
    });
    assert.equal(byOfficial.statusCode, 400);
    const early = await w.clients.worker.post(`/placements/${id}/reviews`, {
      ...review,
      reviewedOn: addDays(on, -1),
    });
    assert.match(text(early.body), /Övervägandet kan inte vara före beslutet/);
    assert.equal((await w.clients.worker.post(`/placements/${id}/reviews`, review)).statusCode, 303);
    assert.deepEqual(await duties(w, id, 'lvuRestrictionReview'), [addMonths(today, 3)]);
    const ends = await w.clients.worker.post(`/placements/${id}/reviews`, {
      ...review,
      reviewOutcome: 'ends',
    });
    assert.equal(ends.statusCode, 303);
    assert.deepEqual(await duties(w, id, 'lvuRestrictionReview'), []);
    const again = await w.clients.worker.post(`/placements/${id}/reviews`, review);
    assert.match(text(again.body), /Beslutet har redan upphört/);
  });

  it('refuses a 14 § decision under voluntary care, and the forms to those not designated', async () => {
    const w = await world();
    const id = await placed(w);
    const form = {
      restrictionKind: 'contact',
      restrictionOn: addDays(today, -3),
      restrictionByKind: 'committee',
      restrictionByName: 'Socialnämnden',
    };
    const sol = await w.clients.worker.post(`/placements/${id}/restrictions`, form);
    assert.equal(sol.statusCode, 400);
    assert.match(text(sol.body), /bara när barnet vårdas enligt LVU/);
    const other = await w.clients.worker2.post(`/placements/${id}/restrictions`, form);
    assert.equal(other.statusCode, 403);
    const partner = await w.clients.partner.post(`/placements/${id}/moving-bans`, {});
    assert.ok([403, 404].includes(partner.statusCode), String(partner.statusCode));
  });

  it('records the committee’s application for a moving ban, then the court’s ban, reviewed three months on', async () => {
    const w = await world();
    const id = await placed(w);
    const applied = addDays(today, -10);
    const form = { appliedOn: applied, banByKind: 'official', banByName: 'Handläggare Test' };
    const refused = await w.clients.worker.post(`/placements/${id}/moving-bans`, form);
    assert.equal(refused.statusCode, 400);
    assert.match(text(refused.body), /får inte fattas av en tjänsteman/);
    const ok = await w.clients.worker.post(`/placements/${id}/moving-bans`, {
      ...form,
      banByKind: 'committee',
      banByName: 'Socialnämnden',
    });
    assert.equal(ok.statusCode, 303, text(ok.body).slice(0, 500));
    assert.deepEqual(await duties(w, id, 'movingBanReview'), []);
    const [ban] = await t.db.db.selectFrom('placement_moving_ban').select('id').execute();
    const outOfOrder = await w.clients.worker.post(`/placements/${id}/moving-bans`, {
      banId: ban!.id,
      banCourtOn: addDays(applied, -1),
    });
    assert.match(text(outOfOrder.body), /Rättens beslut kan inte vara före nämndens ansökan/);
    const pendingReview = await w.clients.worker.post(`/placements/${id}/reviews`, {
      subject: ban!.id,
      reviewedOn: today,
      reviewByKind: 'committee',
      reviewByName: 'Socialnämnden',
      reviewOutcome: 'continues',
    });
    assert.match(text(pendingReview.body), /förvaltningsrätten har inte beslutat/);
    const court = addDays(today, -5);
    const decided = await w.clients.worker.post(`/placements/${id}/moving-bans`, {
      banId: ban!.id,
      banCourtOn: court,
    });
    assert.equal(decided.statusCode, 303, text(decided.body).slice(0, 500));
    assert.deepEqual(await duties(w, id, 'movingBanReview'), [addMonths(court, 3)]);
    assert.equal(await auditCount(w, 'placementMovingBan.create'), 2);
  });
});
