import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../deadlines/calendar.ts';
import { placementForm, t, today, world } from './world.ts';

const location = (res: { headers: Record<string, unknown> }) => String(res.headers.location ?? '');
const idFrom = (res: { headers: Record<string, unknown> }) => location(res).split('/').pop()!.split('?')[0]!;

async function auditOf(userId: string, action: string) {
  return t.db.db
    .selectFrom('audit_event')
    .selectAll()
    .where('actor_user_id', '=', userId)
    .where('action', '=', action)
    .execute();
}

describe('placements from the decision', () => {
  it('opens a placement from a decided intervention of placement type in a registered home, with its duties in the API', async () => {
    const w = await world();
    const form = await w.clients.worker.get(`/cases/${w.caseId}/placements/new`);
    assert.equal(form.statusCode, 200, form.body.slice(0, 300));
    assert.match(form.body, /Placering i familjehem/);
    assert.doesNotMatch(form.body, /Familjebehandling<\/option>/, 'only interventions of placement type');
    const res = await w.clients.worker.post(`/cases/${w.caseId}/placements`, placementForm(w));
    assert.equal(res.statusCode, 303, res.body.replace(/<[^>]+>/g, ' ').slice(0, 800));
    const id = idFrom(res);
    const page = await w.clients.worker.get(`/placements/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Familjen Ek/);
    assert.match(page.body, /data-rule="placementReconsideration"/);
    assert.match(page.body, /Kommunens riktlinje: 4 besök och 4 enskilda samtal per år \(inte lagkrav\)/);
    assert.ok((await auditOf(w.users.worker.id, 'placement.read')).length >= 1);
    assert.ok((await auditOf(w.users.worker.id, 'placement.create')).length === 1);

    const api = await w.clients.worker.get(`/api/v1/placements/${id}`);
    assert.equal(api.statusCode, 200, api.body);
    const body = JSON.parse(api.body);
    const executedOn = addDays(w.decidedOn, 3);
    assert.equal(body.childId, w.child.id);
    assert.equal(body.form, 'familyHome');
    assert.equal(body.legalBasis, 'sol');
    assert.equal(body.decidedOn, w.decidedOn);
    assert.equal(body.startedOn, executedOn);
    assert.equal(body.endedOn, null);
    assert.equal(body.lastReconsideredOn, null);
    const reconsideration = body.duties.find((d: { rule: string }) => d.rule === 'placementReconsideration');
    assert.ok(reconsideration, JSON.stringify(body.duties));
    assert.match(reconsideration.reference, /22 kap\. 13 §/);
    assert.ok(body.duties.some((d: { rule: string }) => d.rule === 'custodyTransfer'));
    const list = JSON.parse((await w.clients.worker.get('/api/v1/placements')).body);
    assert.deepEqual(
      list.placements.map((p: { id: string }) => p.id),
      [id],
    );
    // Others of the unit: the manager reads it; another worker, another unit's manager and a partner do not.
    assert.equal((await w.clients.manager.get(`/api/v1/placements/${id}`)).statusCode, 200);
    assert.equal((await w.clients.worker2.get(`/api/v1/placements/${id}`)).statusCode, 403);
    assert.equal((await w.clients.otherManager.get(`/api/v1/placements/${id}`)).statusCode, 403);
    const partner = await w.clients.partner.get(`/api/v1/placements/${id}`);
    assert.ok([403, 404].includes(partner.statusCode), String(partner.statusCode));
    assert.ok([403, 404].includes((await w.clients.partner.get('/api/v1/placements')).statusCode));
    assert.equal((await w.clients.partner.get(`/placements/${id}`)).statusCode, 403);
    const { Client } = await import('../testing/app.ts');
    assert.equal((await new Client(t.app).get(`/api/v1/placements/${id}`)).statusCode, 401);
  });

  it('refuses a home without a completed investigation, or without the register extracts, with a clear message', async () => {
    const w = await world();
    const unfinished = await w.clients.worker.post(
      `/cases/${w.caseId}/placements`,
      placementForm(w, { homeId: w.homes.unfinished }),
    );
    assert.equal(unfinished.statusCode, 400);
    assert.match(unfinished.body, /Hemmet är inte färdigutrett/);
    const noExtracts = await w.clients.worker.post(
      `/cases/${w.caseId}/placements`,
      placementForm(w, { homeId: w.homes.noExtracts }),
    );
    assert.equal(noExtracts.statusCode, 400);
    assert.match(noExtracts.body, /belastnings- och misstankeregistret saknas/);
    const count = await t.db.db
      .selectFrom('placement')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', w.municipalityId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0, 'nothing half-written');
  });

  it('refuses dates out of order, in the future, an official deciding care in a family home, and a support intervention', async () => {
    const w = await world();
    const post = (o: Record<string, string>) =>
      w.clients.worker.post(`/cases/${w.caseId}/placements`, placementForm(w, o));
    const before = await post({ executedOn: addDays(w.decidedOn, -1) });
    assert.equal(before.statusCode, 400);
    assert.match(
      before.body,
      /Verkställigheten kan inte vara före beslutet|Barnet kan inte ha flyttat in före beslutet/,
    );
    const future = await post({ executedOn: addDays(today, 1) });
    assert.match(future.body, /Datumet får inte ligga i framtiden/);
    const official = await post({ decidedByKind: 'official', decidedByName: 'Sam Berg' });
    assert.equal(official.statusCode, 400);
    assert.match(official.body, /inte fattas av en tjänsteman/);
    const support = await post({ interventionTypeId: w.supportTypeId });
    assert.match(support.body, /Insatsen är inte en placering/);
    const bad = await post({ decidedOn: '2026-02-30' });
    assert.match(bad.body, /Datumet finns inte i kalendern/);
  });

  it('keeps the register of homes to the home-finding unit, and shows the address only with a reason', async () => {
    const w = await world();
    const refused = await w.clients.worker.post('/homes', {
      kind: 'privateHome',
      name: 'Familjen Berg',
      forms: 'familyHome',
      municipalityCode: w.code,
    });
    assert.equal(refused.statusCode, 403);
    const created = await w.clients.finder.post('/homes', {
      kind: 'privateHome',
      name: 'Familjen Berg',
      forms: 'familyHome',
      municipalityCode: w.code,
      carerNames: 'Eva Berg\nOla Berg',
    });
    assert.equal(created.statusCode, 303, created.body.replace(/<[^>]+>/g, ' ').slice(0, 500));
    const homeId = idFrom(created);
    const page = await w.clients.finder.get(`/homes/${homeId}`);
    assert.match(page.body, /Hemmet är inte utrett/);
    assert.match(page.body, /Belastningsregistret saknas för Eva Berg/);
    const carer = await t.db.db
      .selectFrom('placement_home_carer')
      .select('id')
      .where('home_id', '=', homeId)
      .where('name', '=', 'Eva Berg')
      .executeTakeFirstOrThrow();
    const future = await w.clients.finder.post(`/homes/${homeId}/records`, {
      what: 'extract',
      carerId: carer.id,
      register: 'criminalRecord',
      on: addDays(today, 2),
    });
    assert.equal(future.statusCode, 400);
    assert.match(future.body, /Datumet får inte ligga i framtiden/);
    const ok = await w.clients.finder.post(`/homes/${homeId}/records`, {
      what: 'extract',
      carerId: carer.id,
      register: 'criminalRecord',
      on: today,
    });
    assert.equal(ok.statusCode, 303);
    const list = await w.clients.worker.get('/homes');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Familjen Berg/);
    const home = await w.clients.worker.get(`/homes/${w.homes.approved}`);
    assert.doesNotMatch(
      home.body,
      /Skogsvägen 3/,
      'the address is hidden from those outside the home-finding unit',
    );

    const placed = await w.clients.worker.post(`/cases/${w.caseId}/placements`, placementForm(w));
    const id = idFrom(placed);
    const short = await w.clients.worker.post(`/placements/${id}/address`, { reason: 'kort' });
    assert.equal(short.statusCode, 400);
    const shown = await w.clients.worker.post(`/placements/${id}/address`, {
      reason: 'Hembesök planeras i morgon',
    });
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /Skogsvägen 3/);
    const events = await auditOf(w.users.worker.id, 'placement.readHomeAddress');
    assert.equal(events.length, 1);
    assert.equal(events[0]!.reason, 'Hembesök planeras i morgon');
    assert.equal((await w.clients.partner.get('/homes')).statusCode, 403);
  });

  it('shows the placement history on the child’s page and the case, and the placed children on the worklists', async () => {
    const w = await world();
    const casePage = await w.clients.worker.get(`/cases/${w.caseId}`);
    assert.match(
      casePage.body,
      new RegExp(`/cases/${w.caseId}/placements/new`),
      'the case offers the placement',
    );
    const res = await w.clients.worker.post(`/cases/${w.caseId}/placements`, placementForm(w));
    const id = idFrom(res);
    const person = await w.clients.worker.get(`/people/${w.child.id}`);
    assert.equal(person.statusCode, 200);
    assert.match(person.body, new RegExp(`href="/placements/${id}"`));
    assert.match(
      (await w.clients.worker.get(`/cases/${w.caseId}`)).body,
      new RegExp(`href="/placements/${id}"`),
    );
    const own = await w.clients.worker.get('/worklist');
    assert.match(own.body, new RegExp(`href="/placements/${id}"`));
    const unit = await w.clients.manager.get('/worklist/unit');
    assert.match(unit.body, new RegExp(`href="/placements/${id}"`));
    const list = await w.clients.worker.get('/placements');
    assert.match(list.body, new RegExp(`data-placement="${id}"`));
    assert.doesNotMatch(
      (await w.clients.worker2.get('/placements')).body,
      new RegExp(id),
      'not another worker’s',
    );
    assert.doesNotMatch(
      (await w.clients.intake.get(`/people/${w.child.id}`)).body,
      new RegExp(`/placements/${id}`),
    );
  });

  it('gives the unit’s managers the list to IVO, printable and as CSV; protected children by initials only', async () => {
    const w = await world();
    await w.clients.worker.post(`/cases/${w.caseId}/placements`, placementForm(w));
    assert.equal((await w.clients.worker.get('/placements/ivo-list?year=2026')).statusCode, 403);
    const page = await w.clients.manager.get('/placements/ivo-list?year=2026');
    assert.equal(page.statusCode, 200, page.body.slice(0, 300));
    assert.match(page.body, new RegExp(w.child.familyName));
    assert.match(page.body, /Familjen Ek/);
    const csv = await w.clients.manager.get('/placements/ivo-list.csv?year=2026');
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(csv.body, /^\uFEFFBarn;Personnummer\/födelseår/);
    assert.match(csv.body, new RegExp(w.child.personalNumber!));
    await t.db.db
      .updateTable('person')
      .set({ protected_identity: 'protectedRegistration' })
      .where('id', '=', w.child.id)
      .execute();
    const hidden = await w.clients.manager.get('/placements/ivo-list.csv?year=2026');
    assert.doesNotMatch(hidden.body, new RegExp(w.child.familyName));
    assert.doesNotMatch(hidden.body, /Familjen Ek|Skogsvägen/);
    assert.match(hidden.body, /T\.T\.;2014;Sekretess/);
    assert.ok((await auditOf(w.users.manager.id, 'ivoList.export')).length >= 2);
  });

  it('keeps an unaccompanied minor’s record: a new residence permit opens the application for a special custodian', async () => {
    const w = await world();
    const res = await w.clients.worker.post(`/cases/${w.caseId}/placements`, placementForm(w));
    assert.equal(res.statusCode, 303);
    const first = await w.clients.worker.get(`/unaccompanied/${w.child.id}`);
    assert.equal(first.statusCode, 200);
    const record = {
      arrivedOn: addDays(today, -60),
      assignedOn: addDays(today, -55),
      guardianName: 'Anna Berg',
      guardianAppointedBy: 'Överförmyndaren i Sjövik',
      guardianAppointedOn: addDays(today, -50),
      guardianContact: '070-1234567',
      residencePermitOn: addDays(today, -1),
    };
    const early = await w.clients.worker.post(`/unaccompanied/${w.child.id}`, {
      ...record,
      custodianAppliedOn: addDays(today, -2),
    });
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /görs efter uppehållstillståndet/);
    const saved = await w.clients.worker.post(`/unaccompanied/${w.child.id}`, record);
    assert.equal(saved.statusCode, 303, saved.body.replace(/<[^>]+>/g, ' ').slice(0, 400));
    const page = await w.clients.worker.get(`/unaccompanied/${w.child.id}`);
    assert.match(page.body, /data-task="specialCustodianApplication"/);
    assert.match(page.body, /data-task="healthExamination"/);
    assert.doesNotMatch(page.body, /data-task="appointedGuardianMissing"/);
    assert.equal((await w.clients.worker2.get(`/unaccompanied/${w.child.id}`)).statusCode, 403);
    assert.equal((await w.clients.partner.get(`/unaccompanied/${w.child.id}`)).statusCode, 403);
    assert.ok((await auditOf(w.users.worker.id, 'unaccompanied.update')).length === 1);
  });

  it('describes both API routes in /openapi.json with the contract’s fields and their refusals', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const one = doc.paths['/api/v1/placements/{id}']?.get;
    const list = doc.paths['/api/v1/placements']?.get;
    assert.ok(one && list, Object.keys(doc.paths).join(', '));
    for (const route of [one, list])
      for (const status of ['200', '401', '403', '404']) assert.ok(route.responses[status], status);
    const schema = one.responses['200'].content['application/json'].schema;
    for (const field of [
      'childId',
      'form',
      'legalBasis',
      'decidedOn',
      'startedOn',
      'endedOn',
      'lastReconsideredOn',
      'duties',
    ])
      assert.ok(schema.properties[field], field);
    assert.deepEqual(Object.keys(schema.properties.duties.items.properties).sort(), [
      'dueOn',
      'reference',
      'rule',
    ]);
  });
});
