import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newReference } from '../reports/domain.ts';
import { login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createPerson, createUnit, createUser } from '../testing/factories.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const textOf = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const rowsOf = (body: string) => body.split('<tr').slice(2);

async function setting() {
  const db = t.db.db;
  const municipalityId = await createMunicipality(db);
  const unitId = await createUnit(db, municipalityId, 'intake');
  const key = t.config.secretKey;
  const manager = await createUser(db, key, { municipalityId, role: 'manager' });
  const intake = await createUser(db, key, { municipalityId, role: 'intakeWorker', unitId });
  const worker = await createUser(db, key, { municipalityId, role: 'socialWorker' });
  return { municipalityId, unitId, manager, intake, worker };
}

async function fileReport(municipalityId: string, unitId: string) {
  return t.db.db
    .insertInto('report')
    .values({
      municipality_id: municipalityId,
      reference: newReference(),
      unit_id: unitId,
      received_on: '2026-03-13',
      channel: 'publicForm',
      reporter_kind: 'anonymous',
      child_given_name: 'Vera',
      concern: 'Vera säger att hon inte vågar gå hem efter skolan i dag.',
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
}

describe('the log review in words', () => {
  it('names logins, refusals, their reasons and record types, and labels a refusal as an attempt', async () => {
    const s = await setting();
    const worker = await login(t.app, s.worker);
    assert.equal((await worker.get('/log-review')).statusCode, 403);
    const review = await login(t.app, s.manager);
    for (const lang of ['sv', 'en'] as const) {
      const res = await review.get(`/log-review?user=${s.worker.id}&lang=${lang}`);
      assert.equal(res.statusCode, 200);
      const text = textOf(res.body);
      for (const code of ['auth.login', 'auditLog.review', 'roleNotPermitted', 'auth.secondFactor'])
        assert.doesNotMatch(
          text,
          new RegExp(`\\b${code.replace('.', '\\.')}\\b`),
          `${lang}: ${code} in words`,
        );
      const refused = rowsOf(res.body).find(
        (row) => /Nekad|Refused/.test(row) && /loggen|the log/.test(row),
      )!;
      assert.ok(refused, `${lang}: the refusal is listed`);
      assert.match(
        textOf(refused),
        lang === 'sv'
          ? /Försök som nekades: Granskade loggen – .* Rollen ger inte behörighet/
          : /Refused attempt: Reviewed the log – .* The role does not permit it/,
      );
      assert.match(text, lang === 'sv' ? /Inloggning/ : /Login/);
    }
  });

  it('finds the person to review by name as well as by number, and lists several to choose from', async () => {
    const s = await setting();
    const one = await createPerson(t.db.db, s.municipalityId, {
      givenName: 'Ingeborg',
      familyName: 'Loggsdotter',
    });
    const twin = await createPerson(t.db.db, s.municipalityId, {
      givenName: 'Ingemar',
      familyName: 'Loggsdotter',
    });
    await (await login(t.app, s.worker)).get(`/people/${one.id}`);
    const review = await login(t.app, s.manager);
    const byName = await review.get(`/log-review?person=${encodeURIComponent('ingeborg loggsdotter')}`);
    assert.equal(byName.statusCode, 200);
    assert.match(textOf(byName.body), /Ingeborg Loggsdotter: 1 händelser/);
    const byNumber = await review.get(`/log-review?person=${one.personalNumber}`);
    assert.match(
      textOf(byNumber.body),
      /Ingeborg Loggsdotter: 2 händelser/,
      'the read and the review before',
    );
    const several = await review.get(`/log-review?person=${encodeURIComponent('Loggsdotter')}`);
    assert.equal(several.statusCode, 400);
    assert.match(several.body, /Flera personer matchar/);
    for (const p of [one, twin])
      assert.match(several.body, new RegExp(`href="/log-review\\?person=${p.id}&amp;`));
    const shown = await t.db.db
      .selectFrom('audit_event')
      .select('subject_person_id')
      .where('actor_user_id', '=', s.manager.id)
      .where('action', '=', 'person.search')
      .execute();
    assert.deepEqual(
      shown.map((e) => e.subject_person_id).sort(),
      [one.id, twin.id].sort(),
      'candidates audited',
    );
    const nobody = await review.get(`/log-review?person=${encodeURIComponent('Ingensådan Personsson')}`);
    assert.equal(nobody.statusCode, 400);
    assert.match(nobody.body, /Ingen person med det personnumret eller namnet/);
  });

  it("shows in a child's log what was done with a report before it was linked to the child", async () => {
    const s = await setting();
    const child = await createPerson(t.db.db, s.municipalityId, {
      givenName: 'Vera',
      familyName: 'Kopplasson',
    });
    const report = await fileReport(s.municipalityId, s.unitId);
    const intake = await login(t.app, s.intake);
    assert.equal((await intake.get(`/intake/reports/${report.id}`)).statusCode, 200);
    const linked = await intake.post(`/intake/reports/${report.id}/link`, { childId: child.id });
    assert.ok(linked.statusCode < 400, `linked: ${linked.statusCode}`);
    const review = await login(t.app, s.manager);
    const res = await review.get(`/log-review?person=${child.id}`);
    const rows = rowsOf(res.body).map(textOf);
    const before = rows.filter((row) => /Innan anmälan kopplades till personen/.test(row));
    assert.ok(
      before.some((row) => /Öppnade anmälan/.test(row) && /Vera Kopplasson/.test(row)),
      rows.join('\n'),
    );
    assert.ok(rows.some((row) => /Kopplade anmälan till barnet/.test(row)));
  });

  it("does not flag an intake worker's routine intake work as unusual, but a social worker's access outside own cases", async () => {
    const s = await setting();
    const child = await createPerson(t.db.db, s.municipalityId, {
      givenName: 'Vera',
      familyName: 'Rutinsson',
    });
    const report = await fileReport(s.municipalityId, s.unitId);
    const intake = await login(t.app, s.intake);
    await intake.get(`/intake/reports/${report.id}`);
    await intake.post(`/intake/reports/${report.id}/link`, { childId: child.id });
    await intake.get('/intake');
    await intake.get(`/intake/reports/${report.id}`);
    await intake.get(`/people/${child.id}`);
    await (await login(t.app, s.worker)).get(`/people/${child.id}`);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'action', 'unusual'])
      .where('subject_person_id', '=', child.id)
      .execute();
    const byIntake = events.filter((e) => e.actor_user_id === s.intake.id);
    assert.ok(byIntake.length >= 3, JSON.stringify(events));
    assert.deepEqual(
      byIntake.filter((e) => e.unusual),
      [],
      'the intake worker works the report in intake',
    );
    assert.ok(events.some((e) => e.actor_user_id === s.worker.id && e.unusual));
  });
});
