import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createUser } from '../testing/factories.ts';

/** The administrator sets and clears the good-examples editor flag (decision 0109); nobody else. */
let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

describe('the editor flag page', () => {
  it('lets the administrator set and clear the flag, audited; refuses others and other municipalities', async () => {
    const db = t.db.db;
    const key = t.config.secretKey;
    const municipalityId = await createMunicipality(db);
    const admin = await login(t.app, await createUser(db, key, { municipalityId, role: 'administrator' }));
    const worker = await createUser(db, key, { municipalityId, role: 'socialWorker' });
    const otherAdmin = await createUser(db, key, { municipalityId, role: 'administrator' });
    const elsewhere = await createUser(db, key, {
      municipalityId: await createMunicipality(db),
      role: 'manager',
    });
    const list = await admin.get('/examples/editors');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`Testanvändare ${worker.username}<`));
    assert.doesNotMatch(list.body, new RegExp(`Testanvändare ${otherAdmin.username}<`));
    const set = await admin.post(`/examples/editors/${worker.id}`, { editor: 'yes' });
    assert.equal(set.statusCode, 303);
    const flag = async (id: string) =>
      (
        await db
          .selectFrom('user_account')
          .select('good_practice_editor')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).good_practice_editor;
    assert.equal(await flag(worker.id), true);
    assert.equal((await admin.post(`/examples/editors/${worker.id}`, { editor: 'no' })).statusCode, 303);
    assert.equal(await flag(worker.id), false);
    // An administrator cannot be an editor; another municipality's user is not found; bad input is 400.
    assert.equal((await admin.post(`/examples/editors/${otherAdmin.id}`, { editor: 'yes' })).statusCode, 404);
    assert.equal((await admin.post(`/examples/editors/${elsewhere.id}`, { editor: 'yes' })).statusCode, 404);
    assert.equal(await flag(elsewhere.id), false);
    assert.equal((await admin.post(`/examples/editors/${worker.id}`, { editor: 'maybe' })).statusCode, 400);
    // A manager does not manage accounts.
    const manager = await login(t.app, await createUser(db, key, { municipalityId, role: 'manager' }));
    assert.equal((await manager.get('/examples/editors')).statusCode, 403);
    assert.equal((await manager.post(`/examples/editors/${worker.id}`, { editor: 'yes' })).statusCode, 403);
    const events = await db
      .selectFrom('audit_event')
      .select(['action', 'reason', 'outcome'])
      .where('record_id', '=', worker.id)
      .where('action', '=', 'user.goodPracticeEditor')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.filter((e) => e.outcome === 'allowed').map((e) => e.reason),
      ['set', 'cleared'],
    );
  });
});
