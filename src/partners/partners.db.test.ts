import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createPartnerOrganisation, createUser } from '../testing/factories.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

async function municipalityWithAdmin() {
  const municipalityId = await createMunicipality(t.db.db);
  const admin = await createUser(t.db.db, t.config.secretKey, { municipalityId, role: 'administrator' });
  return { municipalityId, admin: await login(t.app, admin) };
}

const organisationIdIn = (body: string, name: string) =>
  new RegExp(`href="/admin/organisations/([0-9a-f-]{36})">${name}<`).exec(body)?.[1];

async function userRow(username: string) {
  return t.db.db
    .selectFrom('user_account')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
}

describe('partner organisations, set up by the municipality', () => {
  it('adds an organisation, lists it with its kind, and refuses a duplicate name', async () => {
    const { admin } = await municipalityWithAdmin();
    const added = await admin.post('/admin/organisations', { name: 'BUP Norr', kind: 'childPsychiatry' });
    assert.equal(added.statusCode, 303);
    const list = await admin.get('/admin/organisations');
    assert.match(list.body, /BUP Norr/);
    assert.match(list.body, /Barn- och ungdomspsykiatri \(BUP\)/);
    const duplicate = await admin.post('/admin/organisations', { name: 'BUP Norr', kind: 'school' });
    assert.equal(duplicate.statusCode, 409);
    assert.match(duplicate.body, /finns redan en organisation/);
  });

  it('refuses an empty name, an unknown kind and a second social services', async () => {
    const { admin, municipalityId } = await municipalityWithAdmin();
    for (const body of [
      { name: ' ', kind: 'school' },
      { name: 'Kärnkraft', kind: 'nuclear' },
      { name: 'Socialtjänst 2', kind: 'socialServices' },
    ]) {
      assert.equal((await admin.post('/admin/organisations', body)).statusCode, 400, JSON.stringify(body));
    }
    const rows = await t.db.db
      .selectFrom('partner_organisation')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .execute();
    assert.equal(rows.length, 0);
  });

  it("adds users to an organisation; their partner kind and organisation name follow the organisation's record", async () => {
    const { admin } = await municipalityWithAdmin();
    await admin.post('/admin/organisations', { name: 'BVC Centrum', kind: 'childHealthCentre' });
    const id = organisationIdIn((await admin.get('/admin/organisations')).body, 'BVC Centrum')!;
    const username = `bvc${Date.now()}`;
    const created = await admin.post(`/admin/organisations/${id}/users`, {
      username,
      displayName: 'Berit Barnsköterska',
      temporaryPassword: 'temporary-password-1',
    });
    assert.equal(created.statusCode, 303);
    const user = await userRow(username);
    assert.equal(user.role, 'partnerProfessional');
    assert.equal(user.partner_kind, 'healthCare');
    assert.equal(user.partner_organisation_id, id);
    assert.equal(user.organisation_name, 'BVC Centrum');
    assert.equal(user.must_change_password, true);

    const renamed = await admin.post(`/admin/organisations/${id}`, {
      name: 'BVC Centrum, Region',
      kind: 'childHealthCentre',
      active: 'on',
    });
    assert.equal(renamed.statusCode, 303);
    const after = await userRow(user.username);
    assert.equal(after.organisation_name, 'BVC Centrum, Region');
  });

  it('names the organisation in the trail when a partner acts', async () => {
    const { municipalityId } = await municipalityWithAdmin();
    const organisation = await createPartnerOrganisation(t.db.db, municipalityId, {
      kind: 'police',
      name: 'Polisen Syd',
    });
    const officer = await createUser(t.db.db, t.config.secretKey, {
      municipalityId,
      role: 'partnerProfessional',
      partnerOrganisationId: organisation.id,
    });
    const client = await login(t.app, officer);
    assert.equal((await client.get('/people?q=Andersson')).statusCode, 403);
    const denied = await t.db.db
      .selectFrom('audit_event')
      .select(['actor_organisation', 'outcome'])
      .where('actor_user_id', '=', officer.id)
      .where('action', '=', 'person.search')
      .executeTakeFirstOrThrow();
    assert.deepEqual(denied, { actor_organisation: 'Polisen Syd', outcome: 'denied' });
  });

  it('keeps the municipal user form honest: a partner needs an organisation, others may not have one', async () => {
    const { admin, municipalityId } = await municipalityWithAdmin();
    const organisation = await createPartnerOrganisation(t.db.db, municipalityId, {
      kind: 'childPsychiatry',
    });
    const missing = await admin.post('/admin/users', {
      username: 'utan.org',
      displayName: 'Utan Organisation',
      role: 'partnerProfessional',
      temporaryPassword: 'temporary-password-1',
    });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Välj organisation för samverkanspart/);
    const foreign = await createPartnerOrganisation(t.db.db, await createMunicipality(t.db.db));
    const wrongMunicipality = await admin.post('/admin/users', {
      username: 'fel.kommun',
      displayName: 'Fel Kommun',
      role: 'partnerProfessional',
      partnerOrganisationId: foreign.id,
      temporaryPassword: 'temporary-password-1',
    });
    assert.equal(wrongMunicipality.statusCode, 400);
    const ok = await admin.post('/admin/users', {
      username: `med.org.${Date.now()}`,
      displayName: 'Med Organisation',
      role: 'partnerProfessional',
      partnerOrganisationId: organisation.id,
      temporaryPassword: 'temporary-password-1',
    });
    assert.equal(ok.statusCode, 303);
    const user = await t.db.db
      .selectFrom('user_account')
      .selectAll()
      .where('display_name', '=', 'Med Organisation')
      .executeTakeFirstOrThrow();
    assert.equal(user.partner_kind, 'healthCare');
    assert.equal(user.organisation_name, organisation.name);
  });
});

describe("an organisation's own administrator", () => {
  async function organisationWithAdministrator() {
    const municipalityId = await createMunicipality(t.db.db);
    const organisation = await createPartnerOrganisation(t.db.db, municipalityId, { kind: 'school' });
    const other = await createPartnerOrganisation(t.db.db, municipalityId, { kind: 'childPsychiatry' });
    const administrator = await createUser(t.db.db, t.config.secretKey, {
      municipalityId,
      role: 'partnerProfessional',
      partnerOrganisationId: organisation.id,
      administersOrganisation: true,
    });
    const colleague = await createUser(t.db.db, t.config.secretKey, {
      municipalityId,
      role: 'partnerProfessional',
      partnerOrganisationId: organisation.id,
    });
    return {
      municipalityId,
      organisation,
      other,
      administrator,
      colleague,
      client: await login(t.app, administrator),
    };
  }

  it('sees and adds users of their own organisation, and finds it in the menu', async () => {
    const { organisation, client, colleague } = await organisationWithAdministrator();
    const page = await client.get(`/admin/organisations/${organisation.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(colleague.username));
    assert.match(page.body, /Min organisation/);
    const added = await client.post(`/admin/organisations/${organisation.id}/users`, {
      username: `kurator${Date.now()}`,
      displayName: 'Kim Kurator',
      temporaryPassword: 'temporary-password-1',
      administersOrganisation: 'on',
    });
    assert.equal(added.statusCode, 303);
    const row = await t.db.db
      .selectFrom('user_account')
      .select(['partner_organisation_id', 'administers_organisation'])
      .where('display_name', '=', 'Kim Kurator')
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { partner_organisation_id: organisation.id, administers_organisation: true });
  });

  it("cannot reach another organisation, the list of organisations or the organisation's own record", async () => {
    const { organisation, other, client, administrator } = await organisationWithAdministrator();
    assert.equal((await client.get(`/admin/organisations/${other.id}`)).statusCode, 404);
    assert.equal(
      (
        await client.post(`/admin/organisations/${other.id}/users`, {
          username: 'intrang',
          displayName: 'In Trång',
          temporaryPassword: 'temporary-password-1',
        })
      ).statusCode,
      404,
    );
    assert.equal((await client.get('/admin/organisations')).statusCode, 403);
    assert.equal(
      (await client.post(`/admin/organisations/${organisation.id}`, { name: 'Ny', kind: 'school' }))
        .statusCode,
      403,
    );
    assert.equal((await client.get('/admin/users')).statusCode, 403);
    const denials = await t.db.db
      .selectFrom('audit_event')
      .select('action')
      .where('actor_user_id', '=', administrator.id)
      .where('outcome', '=', 'denied')
      .execute();
    assert.ok(denials.length >= 4, 'each refusal is in the trail');
  });

  it("cannot act on a user of another organisation, even by guessing the user's id", async () => {
    const { municipalityId, organisation, client } = await organisationWithAdministrator();
    const stranger = await createUser(t.db.db, t.config.secretKey, { municipalityId, role: 'socialWorker' });
    const res = await client.post(`/admin/organisations/${organisation.id}/users/${stranger.id}`, {
      action: 'deactivate',
    });
    assert.equal(res.statusCode, 404);
    assert.equal((await userRow(stranger.username)).active, true);
  });

  it('deactivates a colleague, which ends their sessions, but not themselves', async () => {
    const { organisation, client, colleague, administrator } = await organisationWithAdministrator();
    const colleagueClient = await login(t.app, colleague);
    assert.equal((await colleagueClient.get('/')).statusCode, 200);
    const res = await client.post(`/admin/organisations/${organisation.id}/users/${colleague.id}`, {
      action: 'deactivate',
    });
    assert.equal(res.statusCode, 303);
    assert.equal((await colleagueClient.get('/')).statusCode, 302);
    const self = await client.post(`/admin/organisations/${organisation.id}/users/${administrator.id}`, {
      action: 'revokeAdmin',
    });
    assert.equal(self.statusCode, 400);
    assert.equal((await userRow(administrator.username)).administers_organisation, true);
  });

  it('refuses a short temporary password and an unknown action', async () => {
    const { organisation, client, colleague } = await organisationWithAdministrator();
    const short = await client.post(`/admin/organisations/${organisation.id}/users/${colleague.id}`, {
      action: 'resetPassword',
      temporaryPassword: 'kort',
    });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /minst 12 tecken/);
    const unknown = await client.post(`/admin/organisations/${organisation.id}/users/${colleague.id}`, {
      action: 'makeSocialWorker',
    });
    assert.equal(unknown.statusCode, 400);
  });

  it('is refused to a partner who does not administer the organisation', async () => {
    const { organisation, colleague } = await organisationWithAdministrator();
    const client = await login(t.app, colleague);
    assert.equal((await client.get(`/admin/organisations/${organisation.id}`)).statusCode, 403);
    assert.doesNotMatch((await client.get('/')).body, /Min organisation/);
  });

  it('is refused to anonymous visitors, who are sent to the login page', async () => {
    const { organisation } = await organisationWithAdministrator();
    const anonymous = new Client(t.app);
    const res = await anonymous.get(`/admin/organisations/${organisation.id}`);
    assert.equal(res.statusCode, 302);
    assert.match(res.headers.location ?? '', /^\/login/);
  });
});
