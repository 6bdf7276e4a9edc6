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

  it('finds the user to review by username or part of the name, and lists candidates when several match', async () => {
    const { manager, ownWorker, otherWorker, child } = await setup();
    await (await login(t.app, otherWorker)).get(`/people/${child.id}`);
    const elsewhere = await createUser(t.db.db, t.config.secretKey, {
      municipalityId: await createMunicipality(t.db.db),
      role: 'socialWorker',
    });
    const review = await login(t.app, manager);

    const byUsername = await review.get(`/log-review?user=${otherWorker.username.toUpperCase()}`);
    assert.equal(byUsername.statusCode, 200);
    assert.match(byUsername.body, new RegExp(`name="user" type="text" value="${otherWorker.username}"`));
    assert.match(byUsername.body, /Loggbarn/);
    const byPart = await review.get(`/log-review?user=${encodeURIComponent(ownWorker.username.slice(-8))}`);
    assert.equal(byPart.statusCode, 200);
    assert.match(byPart.body, /Inga händelser/, 'the own worker has opened nothing');

    const several = await review.get(`/log-review?user=${encodeURIComponent('testanvändare')}`);
    assert.equal(several.statusCode, 400);
    assert.match(several.body, /Flera användare matchar/);
    for (const u of [manager, ownWorker, otherWorker])
      assert.match(several.body, new RegExp(`href="/log-review\\?person=&amp;user=${u.id}&amp;`));
    assert.doesNotMatch(several.body, new RegExp(elsewhere.username), 'never a user of another municipality');

    const nobody = await review.get('/log-review?user=ingen-sådan');
    assert.equal(nobody.statusCode, 400);
    assert.match(nobody.body, /Ingen användare med det namnet/);
    const otherId = await review.get(`/log-review?user=${elsewhere.id}`);
    assert.equal(otherId.statusCode, 400);
    assert.match(otherId.body, /Ingen användare med det namnet/);
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
