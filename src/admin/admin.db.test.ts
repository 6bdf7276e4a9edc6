import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createUnit, createUser } from '../testing/factories.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

async function admin() {
  const municipalityId = await createMunicipality(t.db.db);
  const user = await createUser(t.db.db, t.config.secretKey, { municipalityId, role: 'administrator' });
  return { municipalityId, user, client: await login(t.app, user) };
}

describe('administration of units', () => {
  it('adds and renames a unit', async () => {
    const { client } = await admin();
    const added = await client.post('/admin/units', { name: 'Familjehemsenheten', kind: 'placement' });
    assert.equal(added.statusCode, 303);
    const page = await client.get('/admin/units?notice=added');
    assert.match(page.body, /Familjehemsenheten/);
    const id = /action="\/admin\/units\/([0-9a-f-]{36})"/.exec(page.body)![1];
    const renamed = await client.post(`/admin/units/${id}`, { name: 'Placeringsenheten', action: 'rename' });
    assert.equal(renamed.statusCode, 303);
    assert.match((await client.get('/admin/units')).body, /Placeringsenheten/);
  });

  it('refuses an empty name and a duplicate name', async () => {
    const { client } = await admin();
    assert.equal((await client.post('/admin/units', { name: '  ', kind: 'intake' })).statusCode, 400);
    await client.post('/admin/units', { name: 'Mottagningen', kind: 'intake' });
    const duplicate = await client.post('/admin/units', { name: 'Mottagningen', kind: 'intake' });
    assert.equal(duplicate.statusCode, 409);
    assert.match(duplicate.body, /finns redan en enhet/);
  });

  it('refuses an unknown unit kind', async () => {
    const { client } = await admin();
    assert.equal((await client.post('/admin/units', { name: 'Konstig', kind: 'nuclear' })).statusCode, 400);
  });
});

describe('administration of users', () => {
  it('creates a user who must change the password and enrol a second factor', async () => {
    const { client, municipalityId } = await admin();
    const unitId = await createUnit(t.db.db, municipalityId);
    const res = await client.post('/admin/users', {
      username: 'ny.handlaggare',
      displayName: 'Ny Handläggare',
      role: 'socialWorker',
      unitId,
      temporaryPassword: 'temporary-password-1',
    });
    assert.equal(res.statusCode, 303);
    const newcomer = new Client(t.app);
    await newcomer.get('/login');
    const first = await newcomer.post('/login', {
      username: 'ny.handlaggare',
      password: 'temporary-password-1',
    });
    assert.equal(first.headers.location, '/login/password');
  });

  it('refuses bad usernames, short passwords and partner kinds on the wrong role, writing nothing', async () => {
    const { client, municipalityId } = await admin();
    const res = await client.post('/admin/users', {
      username: 'Å!',
      displayName: '',
      role: 'socialWorker',
      partnerOrganisationId: '00000000-0000-4000-8000-000000000000',
      temporaryPassword: 'short',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Användarnamnet får bara/);
    assert.match(res.body, /minst 12 tecken/);
    assert.match(res.body, /bara för samverkansparter/);
    const count = await t.db.db
      .selectFrom('user_account')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .execute();
    assert.equal(count.length, 1);
  });

  it('refuses a unit of another municipality', async () => {
    const { client } = await admin();
    const foreignUnit = await createUnit(t.db.db, await createMunicipality(t.db.db));
    const res = await client.post('/admin/users', {
      username: 'utbolag',
      displayName: 'Ut Bolag',
      role: 'socialWorker',
      unitId: foreignUnit,
      temporaryPassword: 'temporary-password-1',
    });
    assert.equal(res.statusCode, 400);
  });

  it('deactivates a user, which ends their sessions at once', async () => {
    const { client, municipalityId } = await admin();
    const worker = await createUser(t.db.db, t.config.secretKey, { municipalityId, role: 'socialWorker' });
    const workerClient = await login(t.app, worker);
    assert.equal((await workerClient.get('/')).statusCode, 200);
    await client.get(`/admin/users/${worker.id}`);
    assert.equal((await client.post(`/admin/users/${worker.id}/deactivate`)).statusCode, 303);
    assert.equal((await workerClient.get('/')).statusCode, 302);
  });

  it('cannot see or change users of another municipality', async () => {
    const { client } = await admin();
    const stranger = await createUser(t.db.db, t.config.secretKey, {
      municipalityId: await createMunicipality(t.db.db),
      role: 'manager',
    });
    assert.equal((await client.get(`/admin/users/${stranger.id}`)).statusCode, 404);
    assert.equal((await client.post(`/admin/users/${stranger.id}/deactivate`)).statusCode, 404);
  });

  it('is closed to every other role', async () => {
    const municipalityId = await createMunicipality(t.db.db);
    const manager = await createUser(t.db.db, t.config.secretKey, { municipalityId, role: 'manager' });
    const client = await login(t.app, manager);
    assert.equal((await client.get('/admin/users')).statusCode, 403);
    assert.equal((await client.post('/admin/units', { name: 'X', kind: 'other' })).statusCode, 403);
  });
});
