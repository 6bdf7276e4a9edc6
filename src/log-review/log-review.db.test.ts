import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { login, startTestApp, type TestApp } from '../testing/app.ts';
import { assign, createMunicipality, createPerson, createUser } from '../testing/factories.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

async function setup() {
  const municipalityId = await createMunicipality(t.db.db);
  const key = t.config.secretKey;
  const manager = await createUser(t.db.db, key, { municipalityId, role: 'manager' });
  const ownWorker = await createUser(t.db.db, key, { municipalityId, role: 'socialWorker' });
  const otherWorker = await createUser(t.db.db, key, { municipalityId, role: 'socialWorker' });
  const child = await createPerson(t.db.db, municipalityId, { givenName: 'Loggbarn' });
  await assign(t.db.db, municipalityId, child.id, ownWorker.id);
  return { municipalityId, manager, ownWorker, otherWorker, child };
}

describe('log review', () => {
  it('shows a manager who has seen a child, with access outside own cases marked unusual', async () => {
    const { manager, ownWorker, otherWorker, child } = await setup();
    await (await login(t.app, ownWorker)).get(`/people/${child.id}`);
    await (await login(t.app, otherWorker)).get(`/people/${child.id}`);
    const review = await login(t.app, manager);
    const res = await review.get(`/log-review?person=${child.personalNumber}`);
    assert.equal(res.statusCode, 200);
    const rows = res.body.split('<tr').slice(2);
    const own = rows.find((r) => r.includes(ownWorker.username))!;
    const other = rows.find((r) => r.includes(otherWorker.username))!;
    assert.ok(own && other, 'both readers are listed');
    assert.doesNotMatch(own, /row--unusual/);
    assert.match(other, /row--unusual/);
    assert.match(other, /Avvikande/);
  });

  it('shows what one user has seen, and only unusual access when asked', async () => {
    const { manager, otherWorker, child } = await setup();
    await (await login(t.app, otherWorker)).get(`/people/${child.id}`);
    const review = await login(t.app, manager);
    const res = await review.get(`/log-review?user=${otherWorker.id}&unusual=on`);
    assert.match(res.body, /Loggbarn/);
    assert.doesNotMatch(res.body, /Inga händelser/);
  });

  it('filters by period', async () => {
    const { manager, ownWorker, child } = await setup();
    await (await login(t.app, ownWorker)).get(`/people/${child.id}`);
    const review = await login(t.app, manager);
    const res = await review.get(`/log-review?person=${child.id}&from=2020-01-01&to=2020-12-31`);
    assert.match(res.body, /Inga händelser/);
  });

  it('refuses a broken period and an unknown person with clear messages', async () => {
    const { manager } = await setup();
    const review = await login(t.app, manager);
    const period = await review.get('/log-review?from=2026-13-01');
    assert.equal(period.statusCode, 400);
    assert.match(period.body, /ÅÅÅÅ-MM-DD/);
    const unknown = await review.get('/log-review?person=191212121212');
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Ingen person med det personnumret/);
  });

  it('audits the review itself', async () => {
    const { manager, child } = await setup();
    const review = await login(t.app, manager);
    await review.get(`/log-review?person=${child.id}`);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'subject_person_id'])
      .where('actor_user_id', '=', manager.id)
      .where('action', '=', 'auditLog.review')
      .execute();
    assert.deepEqual(events, [{ action: 'auditLog.review', subject_person_id: child.id }]);
  });

  it('is closed to social workers', async () => {
    const { ownWorker } = await setup();
    const client = await login(t.app, ownWorker);
    assert.equal((await client.get('/log-review')).statusCode, 403);
  });
});
