import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placementForm, t, type World, world } from './world.ts';

/**
 * Temporary moving bans on the placement page (27–30 §§ LVU; docs/decisions/0113): recorded,
 * refused, their steps, their duties in the API and on the worklist, their lapse. Today is
 * Friday 13 March 2026; the world's placement began on 24 February.
 */

const idFrom = (res: { headers: Record<string, unknown> }) =>
  String(res.headers.location).split('/').pop()!.split('?')[0]!;
const text = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function placed(w: World, overrides: Record<string, string> = {}) {
  const res = await w.clients.worker.post(`/cases/${w.caseId}/placements`, placementForm(w, overrides));
  assert.equal(res.statusCode, 303, text(res.body).slice(0, 600));
  return idFrom(res);
}
const placementJson = async (w: World, id: string) =>
  JSON.parse((await w.clients.worker.get(`/api/v1/placements/${id}`)).body) as {
    duties: { rule: string; dueOn: string; reference: string }[];
  };
const duties = async (w: World, id: string, rule: string) =>
  (await placementJson(w, id)).duties.filter((d) => d.rule === rule).map((d) => d.dueOn);
const count = async (w: World, action: string) =>
  (
    await t.db.db
      .selectFrom('audit_event')
      .select('seq')
      .where('municipality_id', '=', w.municipalityId)
      .where('action', '=', action)
      .execute()
  ).length;
const bans = (id: string) =>
  t.db.db.selectFrom('placement_temporary_ban').selectAll().where('placement_id', '=', id).execute();

const decision = (on: string, kind = 'committee', name = 'Socialnämnden') => ({
  temporaryOn: on,
  temporaryByKind: kind,
  temporaryByName: name,
  temporaryProtocol: '§ 12',
});
const step = (banStepId: string, banStep: string, banStepOn: string, more: Record<string, string> = {}) => ({
  banStepId,
  banStep,
  banStepOn,
  ...more,
});

describe('temporary moving bans on the placement page', () => {
  it('records the committee’s ban, each step, and the court’s ban that ends it, with the duties in the API', async () => {
    const w = await world();
    const id = await placed(w);
    const made = await w.clients.worker.post(`/placements/${id}/temporary-bans`, decision('2026-03-10'));
    assert.equal(made.statusCode, 303, text(made.body).slice(0, 500));
    assert.equal(await count(w, 'placementTemporaryBan.create'), 1);
    const [ban] = await bans(id);
    assert.ok(ban);
    // A week from Tuesday 10 March; the reference is the rule's.
    const json = await placementJson(w, id);
    assert.deepEqual(
      json.duties.filter((d) => d.rule === 'temporaryMovingBanCourt'),
      [
        {
          rule: 'temporaryMovingBanCourt',
          dueOn: '2026-03-17',
          reference: 'LVU (1990:52) 28 §; 7 § första och tredje styckena',
        },
      ],
    );
    const page = await w.clients.worker.get(`/placements/${id}?notice=temporaryBanSaved`);
    assert.match(text(page.body), /Det tillfälliga flyttningsförbudet är registrerat/);
    assert.match(page.body, /data-temporary-ban="inForce"/);
    assert.match(page.body, /data-rule="temporaryMovingBanCourt"/);

    const submitted = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(ban.id, 'submitted', '2026-03-11'),
    );
    assert.equal(submitted.statusCode, 303, text(submitted.body).slice(0, 500));
    assert.deepEqual(await duties(w, id, 'temporaryMovingBanCourt'), []);
    // Confirmed Thursday 12 March: the application within two weeks, by Thursday 26 March (29 §).
    const confirmed = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(ban.id, 'confirmed', '2026-03-12'),
    );
    assert.equal(confirmed.statusCode, 303);
    assert.deepEqual(await duties(w, id, 'movingBanApplicationAfterTemporary'), ['2026-03-26']);
    const byOfficial = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(ban.id, 'applied', '2026-03-12', { banStepByKind: 'official', banStepByName: 'Handläggare Test' }),
    );
    assert.equal(byOfficial.statusCode, 400);
    assert.match(text(byOfficial.body), /får inte fattas av en tjänsteman/);
    const applied = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(ban.id, 'applied', '2026-03-12', { banStepByKind: 'committee', banStepByName: 'Socialnämnden' }),
    );
    assert.equal(applied.statusCode, 303, text(applied.body).slice(0, 500));
    assert.deepEqual(await duties(w, id, 'movingBanApplicationAfterTemporary'), []);
    // The application is the 24 § application, linked, on which the court's ban is recorded.
    const [application] = await t.db.db
      .selectFrom('placement_moving_ban')
      .selectAll()
      .where('placement_id', '=', id)
      .execute();
    assert.equal(application?.applied_on, '2026-03-12');
    assert.equal((await bans(id))[0]?.moving_ban_id, application!.id);
    assert.equal(await count(w, 'placementMovingBan.create'), 1);
    const courtBan = await w.clients.worker.post(`/placements/${id}/moving-bans`, {
      banId: application!.id,
      banCourtOn: '2026-03-13',
    });
    assert.equal(courtBan.statusCode, 303);
    const after = await w.clients.worker.get(`/placements/${id}`);
    assert.match(after.body, /data-temporary-ban="ended" data-ended-reason="banDecided"/);
    assert.deepEqual(await duties(w, id, 'movingBanReview'), ['2026-06-13']);
    const late = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(ban.id, 'lifted', '2026-03-13', { banStepByKind: 'committee', banStepByName: 'Socialnämnden' }),
    );
    assert.equal(late.statusCode, 400);
    assert.match(text(late.body), /Förbudet hade redan upphört den dagen/);
    assert.equal(await count(w, 'placementTemporaryBan.update'), 3);
  });

  it('refuses an official, a child not in a family home, and the court before the committee’s application', async () => {
    const w = await world();
    const id = await placed(w);
    const official = await w.clients.worker.post(
      `/placements/${id}/temporary-bans`,
      decision('2026-03-02', 'official', 'Handläggare Test'),
    );
    assert.equal(official.statusCode, 400);
    assert.match(text(official.body), /får inte fattas av en tjänsteman/);
    const english = await w.clients.worker.post(
      `/placements/${id}/temporary-bans?lang=en`,
      decision('2026-03-02', 'official', 'Handläggare Test'),
    );
    assert.equal(english.statusCode, 400);
    assert.match(text(english.body), /An official may not take this decision/);
    await w.clients.worker.get(`/placements/${id}?lang=sv`);
    const future = await w.clients.worker.post(`/placements/${id}/temporary-bans`, decision('2026-03-14'));
    assert.match(text(future.body), /Datumet får inte ligga i framtiden/);
    const before = await w.clients.worker.post(`/placements/${id}/temporary-bans`, decision('2026-02-20'));
    assert.match(text(before.body), /Datumet ligger före placeringen/);
    const badDate = await w.clients.worker.post(`/placements/${id}/temporary-bans`, decision('2026-02-30'));
    assert.equal(badDate.statusCode, 400);
    const noCourtApplication = await w.clients.worker.post(
      `/placements/${id}/temporary-bans`,
      decision('2026-03-05', 'court', 'Förvaltningsrätten i Sjövik'),
    );
    assert.equal(noCourtApplication.statusCode, 400);
    assert.match(text(noCourtApplication.body), /först när nämnden har ansökt om flyttningsförbud/);
    // An application made after the court's temporary ban does not count either.
    await w.clients.worker.post(`/placements/${id}/moving-bans`, {
      appliedOn: '2026-03-06',
      banByKind: 'committee',
      banByName: 'Socialnämnden',
    });
    const courtTooEarly = await w.clients.worker.post(
      `/placements/${id}/temporary-bans`,
      decision('2026-03-05', 'court', 'Förvaltningsrätten i Sjövik'),
    );
    assert.match(text(courtTooEarly.body), /först när nämnden har ansökt om flyttningsförbud/);
    assert.deepEqual(await bans(id), []);
    // Once applied for, the court's own temporary ban is linked to the application and owes no duty.
    const byCourt = await w.clients.worker.post(
      `/placements/${id}/temporary-bans`,
      decision('2026-03-09', 'court', 'Förvaltningsrätten i Sjövik'),
    );
    assert.equal(byCourt.statusCode, 303, text(byCourt.body).slice(0, 500));
    const [ban] = await bans(id);
    assert.ok(ban?.moving_ban_id);
    assert.deepEqual(await duties(w, id, 'temporaryMovingBanCourt'), []);
    const notForCourt = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(ban.id, 'submitted', '2026-03-10'),
    );
    assert.match(text(notForCourt.body), /Rättens eget tillfälliga förbud underställs inte/);

    const emergency = await placed(w, { form: 'emergencyHome' });
    const notFamily = await w.clients.worker.post(
      `/placements/${emergency}/temporary-bans`,
      decision('2026-03-02'),
    );
    assert.equal(notFamily.statusCode, 400);
    assert.match(text(notFamily.body), /Flyttningsförbud gäller ett barn i familjehem/);
    assert.deepEqual(await bans(emergency), []);

    const other = await w.clients.worker2.post(`/placements/${id}/temporary-bans`, decision('2026-03-02'));
    assert.equal(other.statusCode, 403);
    const partner = await w.clients.partner.post(`/placements/${id}/temporary-bans/steps`, {});
    assert.ok([403, 404].includes(partner.statusCode), String(partner.statusCode));
    const unknown = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step('00000000-0000-4000-8000-000000000000', 'submitted', '2026-03-10'),
    );
    assert.equal(unknown.statusCode, 400);
    assert.match(text(unknown.body), /Beslutet finns inte på placeringen/);
  });

  it('dates out of order are refused, and nothing is written', async () => {
    const w = await world();
    const id = await placed(w);
    await w.clients.worker.post(`/placements/${id}/temporary-bans`, decision('2026-03-03'));
    const [ban] = await bans(id);
    const beforeDecision = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(ban!.id, 'submitted', '2026-03-02'),
    );
    assert.equal(beforeDecision.statusCode, 400);
    assert.match(text(beforeDecision.body), /i fel ordning/);
    const confirmedFirst = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(ban!.id, 'confirmed', '2026-03-05'),
    );
    assert.equal(confirmedFirst.statusCode, 400);
    assert.match(text(confirmedFirst.body), /i fel ordning/);
    await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(ban!.id, 'submitted', '2026-03-05'),
    );
    const courtBeforeSubmission = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(ban!.id, 'notConfirmed', '2026-03-04'),
    );
    assert.equal(courtBeforeSubmission.statusCode, 400);
    const [row] = await bans(id);
    assert.equal(row?.submitted_on, '2026-03-05');
    assert.equal(row?.court_reviewed_on, null);
    const notConfirmed = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(ban!.id, 'notConfirmed', '2026-03-09'),
    );
    assert.equal(notConfirmed.statusCode, 303);
    const page = await w.clients.worker.get(`/placements/${id}`);
    assert.match(page.body, /data-ended-reason="notConfirmed"/);
    // An ended ban that owes no report has no step form.
    assert.doesNotMatch(page.body, /temporary-ban-step-heading/);
  });

  it('lapses when not put before the court within a week, the week ending on a weekend moved to Monday', async () => {
    const w = await world();
    const id = await placed(w);
    // Saturday 28 February + a week = Saturday 7 March: the last day is Monday 9 March, it ends on the 10th.
    for (let i = 0; i < 2; i++)
      await w.clients.worker.post(`/placements/${id}/temporary-bans`, decision('2026-02-28'));
    const [onTime, tooLate] = await bans(id);
    const monday = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(onTime!.id, 'submitted', '2026-03-09'),
    );
    assert.equal(monday.statusCode, 303, text(monday.body).slice(0, 500));
    const tuesday = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(tooLate!.id, 'submitted', '2026-03-10'),
    );
    assert.equal(tuesday.statusCode, 400);
    assert.match(text(tuesday.body), /Förbudet hade redan upphört den dagen/);
    // The lapsed ban owes nothing: no overdue duty in the API; the page says why it ended.
    assert.deepEqual(await duties(w, id, 'temporaryMovingBanCourt'), []);
    const page = text((await w.clients.worker.get(`/placements/${id}`)).body);
    assert.match(page, /Upphörde 2026-03-10: beslutet underställdes inte förvaltningsrätten inom en vecka/);
    const english = text((await w.clients.worker.get(`/placements/${id}?lang=en`)).body);
    assert.match(english, /Ended 2026-03-10: the decision was not put before the administrative court/);
  });

  it('shows a chair’s decision as to be reported to the committee until it is, and the duty on the worklist', async () => {
    const w = await world();
    const id = await placed(w);
    // The placement's earlier duties done, so the ban's is the next one on the worklists.
    for (const stepKind of [
      'carePlanEstablished',
      'implementationPlanEstablished',
      'regionNotified',
      'fosterAgreementSigned',
    ]) {
      const done = await w.clients.worker.post(`/placements/${id}/steps`, { stepKind, stepOn: '2026-03-01' });
      assert.equal(done.statusCode, 303, text(done.body).slice(0, 400));
    }
    const made = await w.clients.worker.post(
      `/placements/${id}/temporary-bans`,
      decision('2026-03-11', 'chair', 'Ordförande Test'),
    );
    assert.equal(made.statusCode, 303, text(made.body).slice(0, 500));
    const page = await w.clients.worker.get(`/placements/${id}`);
    assert.match(page.body, /data-report="due"/);
    assert.match(text(page.body), /ska anmälas vid nämndens nästa sammanträde/);
    const worklist = await w.clients.worker.get('/worklist');
    assert.match(text(worklist.body), /Tillfälligt flyttningsförbud till förvaltningsrätten/);
    const unit = await w.clients.manager.get('/worklist/unit');
    assert.match(text(unit.body), /Tillfälligt flyttningsförbud till förvaltningsrätten/);
    const [ban] = await bans(id);
    const reported = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(ban!.id, 'reported', '2026-03-12'),
    );
    assert.equal(reported.statusCode, 303);
    assert.doesNotMatch((await w.clients.worker.get(`/placements/${id}`)).body, /data-report="due"/);
    const again = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(ban!.id, 'reported', '2026-03-13'),
    );
    assert.match(text(again.body), /Det steget är redan registrerat/);
    await w.clients.worker.post(`/placements/${id}/temporary-bans`, decision('2026-03-12'));
    const committeeBan = (await bans(id)).find((b) => b.decided_by_kind === 'committee')!;
    const notChair = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(committeeBan.id, 'reported', '2026-03-13'),
    );
    assert.match(text(notChair.body), /Bara ordförandens eller en förordnad ledamots beslut anmäls/);
    // The committee lifts it at once: it ends that day and owes nothing more.
    const lifted = await w.clients.worker.post(
      `/placements/${id}/temporary-bans/steps`,
      step(committeeBan.id, 'lifted', '2026-03-13', {
        banStepByKind: 'subcommittee',
        banStepByName: 'Individutskottet',
        banStepReason: 'Vårdnadshavaren har återtagit begäran',
      }),
    );
    assert.equal(lifted.statusCode, 303, text(lifted.body).slice(0, 500));
    const after = await w.clients.worker.get(`/placements/${id}`);
    assert.match(after.body, /data-ended-reason="lifted"/);
    assert.match(text(after.body), /Vårdnadshavaren har återtagit begäran/);
    assert.deepEqual(await duties(w, id, 'temporaryMovingBanCourt'), ['2026-03-18']);
  });

  it('answers malformed input with a 400 and writes nothing', async () => {
    const w = await world();
    const id = await placed(w);
    for (const body of [
      {} as Record<string, string>,
      { temporaryOn: 'igår', temporaryByKind: 'nobody', temporaryByName: '' },
      { temporaryOn: '2026-13-01', temporaryByKind: 'committee', temporaryByName: 'Socialnämnden' },
    ]) {
      const res = await w.clients.worker.post(`/placements/${id}/temporary-bans`, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
    }
    await w.clients.worker.post(`/placements/${id}/temporary-bans`, decision('2026-03-12'));
    const [ban] = await bans(id);
    for (const body of [
      {} as Record<string, string>,
      step(ban!.id, 'whenever', '2026-03-12'),
      step(ban!.id, 'submitted', 'not a date'),
      step('not-a-uuid', 'submitted', '2026-03-12'),
      step(ban!.id, 'applied', '2026-03-12', { banStepApplicationId: 'nope' }),
      step(ban!.id, 'lifted', '2026-03-12'),
    ]) {
      const res = await w.clients.worker.post(`/placements/${id}/temporary-bans/steps`, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
    }
    const [row] = await bans(id);
    assert.equal(row?.submitted_on, null);
    assert.equal(row?.lifted_on, null);
    assert.equal(await count(w, 'placementTemporaryBan.update'), 0);
  });
});
