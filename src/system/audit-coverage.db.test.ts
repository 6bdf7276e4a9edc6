import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generatePersonalNumber } from '../people/personal-number.ts';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { assign, createMunicipality, createPerson, createUser, type TestUser } from '../testing/factories.ts';

/**
 * Every route that returns or changes personal data writes an audit event: this file walks the
 * app's route catalogue, so a new route fails here until it is listed below, either with a request
 * that must be audited or among the routes that show no one's data.
 */

interface Fixtures {
  childId: string;
  childName: string;
  protectedChildId: string;
  guardianNumber: string;
}

type Probe = {
  as: 'socialWorker' | 'manager';
  request: (client: Client, f: Fixtures) => Promise<{ statusCode: number }>;
};

let bornOn = 0;
const freshNumber = () => generatePersonalNumber(`2012-0${1 + (bornOn % 9)}-1${bornOn++ % 9}`, 300 + bornOn);

const personalDataRoutes: Record<string, Probe> = {
  'GET /': { as: 'socialWorker', request: (c) => c.get('/') },
  'GET /people': { as: 'socialWorker', request: (c, f) => c.get(`/people?q=${f.childName}`) },
  'POST /people': {
    as: 'socialWorker',
    request: (c) => c.post('/people', { givenName: 'Nova', familyName: 'Ny', personalNumber: freshNumber() }),
  },
  'GET /people/:id': { as: 'socialWorker', request: (c, f) => c.get(`/people/${f.childId}`) },
  'POST /people/:id/protected-details': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/people/${f.protectedChildId}/protected-details`, { reason: 'Hembesök planeras i morgon' }),
  },
  'POST /people/:id/guardians': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/people/${f.childId}/guardians`, { guardianNumber: f.guardianNumber }),
  },
  'GET /api/v1/people': { as: 'socialWorker', request: (c, f) => c.get(`/api/v1/people?q=${f.childName}`) },
  'GET /api/v1/people/:id': { as: 'socialWorker', request: (c, f) => c.get(`/api/v1/people/${f.childId}`) },
  'POST /api/v1/people': {
    as: 'socialWorker',
    request: (c) =>
      c.postJson('/api/v1/people', { givenName: 'Vide', familyName: 'Ny', personalNumber: freshNumber() }),
  },
  'GET /log-review': { as: 'manager', request: (c, f) => c.get(`/log-review?person=${f.childId}`) },
};

/**
 * Routes that show or change no child's or family's data. The administration of staff accounts is
 * audited as well (src/admin), but it is not the people register.
 */
const routesWithoutPersonalData = new Set([
  'GET /healthz',
  'GET /openapi.json',
  'GET /assets/app.css',
  'GET /login',
  'POST /login',
  'GET /login/totp',
  'POST /login/totp',
  'GET /login/enrol',
  'POST /login/enrol',
  'GET /login/password',
  'POST /login/password',
  'GET /login/oidc',
  'GET /login/oidc/callback',
  'POST /logout',
  'GET /api/v1/me',
  'GET /people/new',
  'GET /admin/units',
  'POST /admin/units',
  'POST /admin/units/:id',
  'GET /admin/users',
  'POST /admin/users',
  'GET /admin/users/new',
  'GET /admin/users/:id',
  'POST /admin/users/:id',
  'POST /admin/users/:id/deactivate',
  'POST /admin/users/:id/activate',
  'POST /admin/users/:id/unlock',
  'POST /admin/users/:id/reset-second-factor',
  'POST /admin/users/:id/reset-password',
  // Partner organisations and their staff accounts (src/partners), audited as staff data.
  'GET /admin/organisations',
  'POST /admin/organisations',
  'GET /admin/organisations/:id',
  'POST /admin/organisations/:id',
  'POST /admin/organisations/:id/users',
  'POST /admin/organisations/:id/users/:userId',
]);

let t: TestApp;
let fixtures: Fixtures;
const clients = new Map<Probe['as'], { client: Client; user: TestUser }>();

before(async () => {
  t = await startTestApp();
  const municipalityId = await createMunicipality(t.db.db);
  const child = await createPerson(t.db.db, municipalityId, { givenName: 'Ebba' });
  const protectedChild = await createPerson(t.db.db, municipalityId, {
    protectedIdentity: 'protectedRegistration',
  });
  const guardian = await createPerson(t.db.db, municipalityId, { birthDate: '1984-06-01' });
  fixtures = {
    childId: child.id,
    childName: child.familyName,
    protectedChildId: protectedChild.id,
    guardianNumber: guardian.personalNumber!,
  };
  for (const role of ['socialWorker', 'manager'] as const) {
    const user = await createUser(t.db.db, t.config.secretKey, { municipalityId, role });
    clients.set(role, { user, client: await login(t.app, user) });
  }
  await assign(t.db.db, municipalityId, child.id, clients.get('socialWorker')!.user.id);
});
after(() => t?.close());

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

async function eventsBy(userId: string) {
  const row = await t.db.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('actor_user_id', '=', userId)
    .where('outcome', '=', 'allowed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('audit coverage of the route catalogue', () => {
  it('knows every route: each is either probed below or listed as showing no personal data', () => {
    const unknown = t.app.routeCatalogue
      .map(routeKey)
      .filter((key) => !(key in personalDataRoutes) && !routesWithoutPersonalData.has(key));
    assert.deepEqual(unknown, [], 'new routes must be classified in this test');
  });

  it('marks exactly the probed routes as personal data', () => {
    const marked = t.app.routeCatalogue
      .filter((r) => r.personalData)
      .map(routeKey)
      .sort();
    assert.deepEqual(marked, Object.keys(personalDataRoutes).sort());
  });

  for (const [key, probe] of Object.entries(personalDataRoutes)) {
    it(`writes an audit event for ${key}`, async () => {
      const { client, user } = clients.get(probe.as)!;
      const before = await eventsBy(user.id);
      const response = await probe.request(client, fixtures);
      assert.ok(response.statusCode < 400, `${key} answered ${response.statusCode}`);
      assert.ok((await eventsBy(user.id)) > before, `${key} wrote no audit event`);
    });
  }
});
