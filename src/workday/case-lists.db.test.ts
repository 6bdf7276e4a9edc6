import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { login } from '../testing/app.ts';
import { expectStatus, setting, t } from '../testing/case-setting.ts';
import { openInvestigation } from './test-steps.ts';

const auditOf = (municipalityId: string, action: string) =>
  t.db.db
    .selectFrom('audit_event')
    .select(['subject_person_id', 'record_id', 'outcome'])
    .where('municipality_id', '=', municipalityId)
    .where('action', '=', action)
    .execute();

const investigation = (s: Awaited<ReturnType<typeof setting>>) => openInvestigation(s);

describe('my cases and case search', () => {
  it("lists a worker's own cases with the next step and its deadline, finds them by name, number and reference, and audits only those shown", async () => {
    const s = await setting();
    const { caseId, child, report } = await investigation(s);
    const manager = await login(t.app, s.people.manager);
    expectStatus(
      await manager.post(`/cases/${caseId}/assign`, { responsibleUserId: s.people.worker.id }),
      303,
    );
    const worker = await login(t.app, s.people.worker);
    const mine = await worker.get('/my-cases');
    expectStatus(mine, 200);
    assert.match(mine.body, /Flödesson, Vera/);
    assert.match(mine.body, /Utreda/);
    // The nearest open deadline: the report's protection assessment, due today.
    assert.match(mine.body, /Skyddsbedömning: 2026-03-13/);
    assert.match(mine.body, /i dag/);
    assert.match(mine.body, new RegExp(report.reference));
    const seen = await auditOf(s.municipalityId, 'caseList.read');
    assert.deepEqual(
      seen.map((e) => [e.subject_person_id, e.record_id]),
      [[child.id, caseId]],
    );
    // Closed only: none of them.
    assert.match((await worker.get('/my-cases?status=closed')).body, /Inga ärenden matchar/);
    assert.match((await worker.get('/my-cases?phase=investigation&sort=child')).body, /Flödesson, Vera/);
    // Another worker holds none of it.
    const other = await login(t.app, s.people.worker2);
    assert.doesNotMatch((await other.get('/my-cases')).body, /Flödesson/);
    assert.doesNotMatch((await other.get('/cases/search?q=Flödesson')).body, /Flödesson, Vera/);
    // Search by name, identity number and the report's reference.
    const { personal_number } = await t.db.db
      .selectFrom('person')
      .select('personal_number')
      .where('id', '=', child.id)
      .executeTakeFirstOrThrow();
    for (const q of ['vera flodesson', personal_number!, report.reference.toLowerCase().replace('-', '')]) {
      const found = await worker.get(`/cases/search?q=${encodeURIComponent(q)}`);
      expectStatus(found, 200);
      assert.match(found.body, new RegExp(`/cases/${caseId}`), q);
    }
    assert.equal((await auditOf(s.municipalityId, 'caseList.search')).length, 3);
    // Intake sees every case in a search, for the child's history.
    const intake = await login(t.app, s.people.intake);
    assert.match((await intake.get('/cases/search?q=Flödesson')).body, /Flödesson, Vera/);
    // The empty search page reads nothing.
    const before = (await auditOf(s.municipalityId, 'caseList.search')).length;
    assert.match((await worker.get('/cases/search')).body, /Skriv ett namn/);
    assert.equal((await auditOf(s.municipalityId, 'caseList.search')).length, before);
  });

  it('refuses filters that make no sense with a message in the language, reading nothing', async () => {
    const s = await setting();
    await investigation(s);
    const intake = await login(t.app, s.people.intake);
    const before = (await auditOf(s.municipalityId, 'caseList.read')).length;
    for (const [query, message] of [
      ['status=gone', /Välj pågående, avslutade eller alla ärenden/],
      ['phase=constructor', /Välj ett av skedena/],
      ['sort=__proto__', /Välj en sortering/],
      ['worker=not-a-user', /Välj en ansvarig/],
      ['page=0', /Sidnumret finns inte/],
      ['page=1e3', /Sidnumret finns inte/],
    ] as const) {
      const res = await intake.get(`/my-cases?${query}`);
      expectStatus(res, 400);
      assert.match(res.body, message, query);
    }
    const short = await intake.get('/cases/search?q=a');
    expectStatus(short, 400);
    assert.match(short.body, /Skriv minst två bokstäver/);
    const control = await intake.get('/cases/search?q=%00x');
    expectStatus(control, 400);
    const english = await intake.get('/my-cases?status=gone&lang=en');
    expectStatus(english, 400);
    assert.match(english.body, /Choose ongoing, closed or all cases/);
    assert.equal((await auditOf(s.municipalityId, 'caseList.read')).length, before);
    assert.equal((await auditOf(s.municipalityId, 'caseList.search')).length, 0);
  });

  it("shows a manager the unit's cases, unassigned first with the responsible column, and per worker", async () => {
    const s = await setting();
    const first = await investigation(s);
    const manager = await login(t.app, s.people.manager);
    const unit = await manager.get('/my-cases/unit');
    expectStatus(unit, 200);
    assert.match(unit.body, /Ansvarig<\/th>/);
    assert.match(unit.body, /Utse ansvarig/);
    expectStatus(
      await manager.post(`/cases/${first.caseId}/assign`, { responsibleUserId: s.people.worker.id }),
      303,
    );
    const perWorker = await manager.get(`/my-cases/unit?worker=${s.people.worker.id}`);
    assert.match(perWorker.body, /Flödesson, Vera/);
    assert.match(perWorker.body, /\(1 pågående\)/);
    assert.doesNotMatch((await manager.get('/my-cases/unit?worker=unassigned')).body, /Flödesson, Vera/);
    // Another unit's manager gets none of it; a social worker has no unit overview.
    const otherManager = await login(t.app, s.people.otherManager);
    assert.doesNotMatch((await otherManager.get('/my-cases/unit')).body, /Flödesson/);
    assert.doesNotMatch((await otherManager.get('/cases/search?q=Flödesson')).body, /Flödesson, Vera/);
    const worker = await login(t.app, s.people.worker);
    expectStatus(await worker.get('/my-cases/unit'), 403);
  });

  it('gives a partner nothing', async () => {
    const s = await setting();
    await investigation(s);
    const partner = await login(t.app, s.people.partner);
    for (const path of ['/my-cases', '/my-cases/unit', '/cases/search?q=Flödesson']) {
      const res = await partner.get(path);
      assert.ok([403, 404].includes(res.statusCode), `${path} ${res.statusCode}`);
      assert.doesNotMatch(res.body, /Flödesson/);
    }
  });
});
