import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generatePersonalNumber } from '../people/personal-number.ts';
import { todayInSweden } from '../platform/dates.ts';
import { addDays } from '../sip/domain.ts';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import {
  assign,
  createMunicipality,
  createPartnerOrganisation,
  createPerson,
  createSip,
  createUser,
  type TestUser,
} from '../testing/factories.ts';

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
  schoolId: string;
  draft: Awaited<ReturnType<typeof createSip>>;
  readyDraft: Awaited<ReturnType<typeof createSip>>;
  /** A draft about a child without registered guardians: the consent names who consented. */
  consentDraft: Awaited<ReturnType<typeof createSip>>;
  readyDraftForApi: Awaited<ReturnType<typeof createSip>>;
  active: Awaited<ReturnType<typeof createSip>>;
  activeToRevise: Awaited<ReturnType<typeof createSip>>;
  activeToClose: Awaited<ReturnType<typeof createSip>>;
  activeToWithdraw: Awaited<ReturnType<typeof createSip>>;
  requestToAccept: string;
  requestToDecline: string;
  bupId: string;
}

type Probe = {
  as: 'socialWorker' | 'manager' | 'partner';
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
  // Coordinated individual plans (src/sip): every view and write is about the child.
  'GET /sips': { as: 'socialWorker', request: (c) => c.get('/sips') },
  'POST /sips': { as: 'socialWorker', request: (c, f) => c.post('/sips', { childId: f.childId }) },
  'POST /sips/requests': {
    as: 'partner',
    request: (c) =>
      c.post('/sips/requests', {
        childName: 'Nova',
        personalNumber: freshNumber(),
        reason: 'Behöver samordning',
        guardiansAgree: 'on',
      }),
  },
  'GET /sips/:id': { as: 'partner', request: (c, f) => c.get(`/sips/${f.active.id}`) },
  'GET /sips/:id/print': { as: 'socialWorker', request: (c, f) => c.get(`/sips/${f.active.id}/print`) },
  'POST /sips/:id/accept': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/sips/${f.requestToAccept}/accept`, { personalNumber: f.guardianNumber }),
  },
  'POST /sips/:id/decline': {
    as: 'manager',
    request: (c, f) => c.post(`/sips/${f.requestToDecline}/decline`, { declineNote: 'Behovet täcks redan' }),
  },
  'GET /sips/:id/plan': { as: 'socialWorker', request: (c, f) => c.get(`/sips/${f.draft.id}/plan`) },
  'POST /sips/:id/plan': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/sips/${f.draft.id}/plan`, { meetingPlace: 'Skolan' }),
  },
  'POST /sips/:id/participants': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/sips/${f.draft.id}/participants`, { organisationId: f.bupId }),
  },
  'POST /sips/:id/participants/:organisationId/remove': {
    as: 'manager',
    request: async (c, f) => {
      // The school is responsible for an action in the draft; remove that first.
      const schoolAction = f.draft.actions.find((a) => a.responsible_organisation_id === f.schoolId)!;
      await c.post(`/sips/${f.draft.id}/actions/${schoolAction.id}/remove`);
      return c.post(`/sips/${f.draft.id}/participants/${f.schoolId}/remove`);
    },
  },
  'POST /sips/:id/needs': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/sips/${f.draft.id}/needs`, { needArea: 'goodHealth', needDescription: 'Sömn' }),
  },
  'POST /sips/:id/goals': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/sips/${f.draft.id}/goals`, { goalArea: 'safetyAtHome', goal: 'Lugna kvällar' }),
  },
  'POST /sips/:id/actions': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/sips/${f.draft.id}/actions`, {
        actionDescription: 'Hembesök',
        responsible: f.draft.socialServicesId,
        dueOn: '2099-01-01',
      }),
  },
  'POST /sips/:id/needs/:itemId/remove': {
    as: 'socialWorker',
    request: async (c, f) => {
      const need = await t.db.db
        .selectFrom('sip_need')
        .select('id')
        .where('sip_id', '=', f.draft.id)
        .executeTakeFirstOrThrow();
      return c.post(`/sips/${f.draft.id}/needs/${need.id}/remove`);
    },
  },
  'POST /sips/:id/goals/:itemId/remove': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/sips/${f.draft.id}/goals/${f.draft.goalId}/remove`),
  },
  'POST /sips/:id/actions/:itemId/remove': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/sips/${f.draft.id}/actions/${f.draft.actions[0]!.id}/remove`),
  },
  'POST /sips/:id/actions/:actionId/status': {
    as: 'partner',
    request: (c, f) => {
      const own = f.active.actions.find((a) => a.responsible_organisation_id === f.schoolId)!;
      return c.post(`/sips/${f.active.id}/actions/${own.id}/status`, { status: 'ongoing' });
    },
  },
  'GET /sips/:id/consent': {
    as: 'socialWorker',
    request: (c, f) => c.get(`/sips/${f.consentDraft.id}/consent`),
  },
  'POST /sips/:id/consent': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/sips/${f.consentDraft.id}/consent`, {
        givenOn: todayInSweden(),
        validUntil: addDays(todayInSweden(), 100),
        guardiansNote: 'God man Anna Berg',
        childsView: 'agrees',
      }),
  },
  'POST /sips/:id/consent/withdraw': {
    as: 'partner',
    request: (c, f) =>
      c.post(`/sips/${f.activeToWithdraw.id}/consent/withdraw`, { withdrawalNote: 'Mamma sa nej i telefon' }),
  },
  'POST /sips/:id/agreement': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/sips/${f.readyDraft.id}/agreement`),
  },
  'POST /sips/:id/revise': {
    as: 'socialWorker',
    request: (c, f) => c.post(`/sips/${f.activeToRevise.id}/revise`),
  },
  'GET /sips/:id/follow-up': {
    as: 'socialWorker',
    request: (c, f) => c.get(`/sips/${f.active.id}/follow-up`),
  },
  'POST /sips/:id/follow-up': {
    as: 'socialWorker',
    request: (c, f) =>
      c.post(`/sips/${f.active.id}/follow-up`, {
        heldOn: todayInSweden(),
        nextFollowUpOn: addDays(todayInSweden(), 60),
        ...Object.fromEntries(f.active.actions.map((a) => [`status-${a.id}`, 'ongoing'])),
      }),
  },
  'POST /sips/:id/close': {
    as: 'manager',
    request: (c, f) => c.post(`/sips/${f.activeToClose.id}/close`, { reason: 'goalsMet' }),
  },
  'GET /api/v1/sips': { as: 'partner', request: (c) => c.get('/api/v1/sips') },
  'GET /api/v1/sips/:id': { as: 'partner', request: (c, f) => c.get(`/api/v1/sips/${f.active.id}`) },
  'POST /api/v1/sips/:id/agreement': {
    as: 'partner',
    request: (c, f) => c.postJson(`/api/v1/sips/${f.readyDraftForApi.id}/agreement`, {}),
  },
  'POST /api/v1/sips/:id/actions/:actionId/status': {
    as: 'partner',
    request: (c, f) => {
      const own = f.active.actions.find((a) => a.responsible_organisation_id === f.schoolId)!;
      return c.postJson(`/api/v1/sips/${f.active.id}/actions/${own.id}/status`, { status: 'done' });
    },
  },
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
  // An empty request form: the partner types, nothing is shown.
  'GET /sips/request',
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
  for (const role of ['socialWorker', 'manager'] as const) {
    const user = await createUser(t.db.db, t.config.secretKey, { municipalityId, role });
    clients.set(role, { user, client: await login(t.app, user) });
  }
  const school = await createPartnerOrganisation(t.db.db, municipalityId, { kind: 'school' });
  const bup = await createPartnerOrganisation(t.db.db, municipalityId, { kind: 'childPsychiatry' });
  const partner = await createUser(t.db.db, t.config.secretKey, {
    municipalityId,
    role: 'partnerProfessional',
    partnerOrganisationId: school.id,
  });
  clients.set('partner', { user: partner, client: await login(t.app, partner) });
  const coordinatorUserId = clients.get('socialWorker')!.user.id;
  const sip = (status: 'draft' | 'active') =>
    createSip(t.db.db, {
      municipalityId,
      childId: child.id,
      coordinatorUserId,
      organisationIds: [school.id],
      status,
    });
  const request = async () => {
    const row = await t.db.db
      .insertInto('sip')
      .values({
        municipality_id: municipalityId,
        status: 'requested',
        requested_by_organisation_id: school.id,
        requested_by_user_id: partner.id,
        requested_child_name: 'Ebba',
        requested_personal_number: guardian.personalNumber,
        request_reason: 'Behöver samordning',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  fixtures = {
    childId: child.id,
    childName: child.familyName,
    protectedChildId: protectedChild.id,
    guardianNumber: guardian.personalNumber!,
    schoolId: school.id,
    bupId: bup.id,
    draft: await sip('draft'),
    readyDraft: await sip('draft'),
    consentDraft: await createSip(t.db.db, {
      municipalityId,
      childId: (await createPerson(t.db.db, municipalityId, { givenName: 'Ensam' })).id,
      coordinatorUserId,
      organisationIds: [school.id],
      status: 'draft',
    }),
    readyDraftForApi: await sip('draft'),
    active: await sip('active'),
    activeToRevise: await sip('active'),
    activeToClose: await sip('active'),
    activeToWithdraw: await sip('active'),
    requestToAccept: await request(),
    requestToDecline: await request(),
  };
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
