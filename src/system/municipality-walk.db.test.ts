import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatPersonalNumber } from '../people/personal-number.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { seal } from '../platform/auth/secret-box.ts';
import { newTotpSecret, totpCode } from '../platform/auth/totp.ts';
import { roles } from '../platform/db/schema.ts';
import { oldFile } from '../retention/testing.ts';
import { Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import {
  createMunicipality,
  createPartnerOrganisation,
  createPerson,
  createSip,
  createUnit,
  createUser,
  type TestUser,
} from '../testing/factories.ts';

/**
 * Two municipalities in one installation (decisions 0085, 0086): B is made by the installation
 * operator through its pages, with a child, a report, a case, a plan, a unit, users and a partner
 * organisation. Every role of A walks every route of the app with B's ids and B's code filled in,
 * and sends every form: nothing of B comes back, no route aimed at B's data answers below 400,
 * and nothing of B changes.
 */
let t: TestApp;
let a: { id: string; users: TestUser[] };
let b: {
  id: string;
  code: string;
  ids: Record<
    'person' | 'case' | 'sip' | 'need' | 'action' | 'report' | 'user' | 'unit' | 'organisation',
    string
  >;
  reference: string;
  secrets: string[];
};

async function operatorClient(): Promise<Client> {
  const secret = newTotpSecret();
  await t.db.db
    .insertInto('operator_account')
    .values({
      username: 'walk-operator',
      display_name: 'Drift',
      password_hash: await hashPassword('walk operator password'),
      must_change_password: false,
      totp_secret_enc: seal(t.config.secretKey, secret),
    })
    .execute();
  const client = new Client(t.app);
  await client.get('/operator/login');
  await client.post('/operator/login', { username: 'walk-operator', password: 'walk operator password' });
  await client.get('/operator/login/totp');
  const done = await client.post('/operator/login/totp', { code: totpCode(secret) });
  assert.equal(done.headers.location, '/operator');
  return client;
}

before(async () => {
  t = await startTestApp();
  const aId = await createMunicipality(t.db.db);
  const aSchool = await createPartnerOrganisation(t.db.db, aId, { kind: 'school', name: 'A-skolan' });
  const aUnit = await createUnit(t.db.db, aId, 'intake');
  a = { id: aId, users: [] };
  for (const role of roles)
    a.users.push(
      await createUser(t.db.db, t.config.secretKey, {
        municipalityId: aId,
        role,
        unitId: role === 'partnerProfessional' ? null : aUnit,
        ...(role === 'partnerProfessional'
          ? { partnerOrganisationId: aSchool.id, administersOrganisation: true }
          : {}),
      }),
    );

  // B, made by the operator as a hosting provider would.
  const operator = await operatorClient();
  await operator.get('/operator/municipalities/new');
  const made = await operator.post('/operator/municipalities/new', {
    municipality: 'Bortre kommun',
    code: '2777',
    admin: 'bortre-admin',
    adminName: 'Bortre Administratör',
  });
  assert.equal(made.statusCode, 200, made.body.slice(0, 300));
  const { id: bId } = await t.db.db
    .selectFrom('municipality')
    .select('id')
    .where('code', '=', '2777')
    .executeTakeFirstOrThrow();
  const bUnit = await createUnit(t.db.db, bId, 'intake');
  const bIntake = await createUser(t.db.db, t.config.secretKey, {
    municipalityId: bId,
    role: 'intakeWorker',
    unitId: bUnit,
  });
  const bWorker = await createUser(t.db.db, t.config.secretKey, {
    municipalityId: bId,
    role: 'socialWorker',
  });
  const bOrganisation = await createPartnerOrganisation(t.db.db, bId, {
    kind: 'childPsychiatry',
    name: 'Bortre BUP',
  });
  const child = await createPerson(t.db.db, bId, {
    givenName: 'Bortrebarn',
    familyName: 'Hemligsson',
    birthDate: '2014-04-04',
  });
  const guardian = await createPerson(t.db.db, bId, {
    givenName: 'Bortreförälder',
    familyName: 'Hemligsson',
    birthDate: '1984-04-04',
  });
  await t.db.db
    .insertInto('guardianship')
    .values({ municipality_id: bId, child_id: child.id, guardian_id: guardian.id, kind: 'guardian' })
    .execute();
  const reporter = new Client(t.app);
  await reporter.get('/report/professional?m=2777');
  const filed = await reporter.post('/report/professional?m=2777', {
    reporterName: 'Bo Bortreson',
    reporterOrganisation: 'Bortreskolan',
    reporterOrganisationKind: 'school',
    reporterPhone: '070-7654321',
    childGivenName: 'Bortrebarn',
    childFamilyName: 'Hemligsson',
    concern: 'BORTRE-OROSTEXT: barnet berättar om bråk hemma.',
  });
  assert.equal(filed.statusCode, 303, filed.body.slice(0, 300));
  const reference = (filed.headers.location as string).split('/').pop() ?? '';
  const report = await t.db.db
    .selectFrom('report')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  const intake = await login(t.app, bIntake);
  await intake.get(`/intake/reports/${report.id}`);
  const linked = await intake.post(`/intake/reports/${report.id}/link`, { childId: child.id });
  assert.equal(linked.statusCode, 303, linked.body.slice(0, 300));
  const { case_id } = await t.db.db
    .selectFrom('report')
    .select('case_id')
    .where('id', '=', report.id)
    .executeTakeFirstOrThrow();
  const sip = await createSip(t.db.db, {
    municipalityId: bId,
    childId: child.id,
    coordinatorUserId: bWorker.id,
    organisationIds: [bOrganisation.id],
    needText: 'BORTRE-BEHOV i planen',
  });
  // A file of B's due for culling: A's archivist must not see it on the retention page.
  await oldFile(t.db.db, bId, bUnit, bWorker, 'Bortregallringsbarn');
  const need = await t.db.db
    .selectFrom('sip_need')
    .select('id')
    .where('sip_id', '=', sip.id)
    .executeTakeFirstOrThrow();
  b = {
    id: bId,
    code: '2777',
    reference,
    ids: {
      person: child.id,
      case: case_id ?? child.id,
      sip: sip.id,
      need: need.id,
      action: sip.actions[0]?.id ?? need.id,
      report: report.id,
      user: bWorker.id,
      unit: bUnit,
      organisation: bOrganisation.id,
    },
    secrets: [
      'Bortregallringsbarn',
      'Bortrebarn',
      'Bortreförälder',
      'Hemligsson',
      'BORTRE-OROSTEXT',
      'BORTRE-BEHOV',
      'Bortre BUP',
      'Bo Bortreson',
      'bortre-admin',
      bWorker.username,
      child.personalNumber ?? 'no number',
      formatPersonalNumber(child.personalNumber),
    ],
  };
});
after(() => t?.close());

/** B's id for a route parameter, chosen by what the route is about. */
function urlFor(route: string): string {
  const about = (prefixes: Record<string, string>) =>
    Object.entries(prefixes).find(([prefix]) => route.startsWith(prefix))?.[1] ?? b.ids.person;
  const id = about({
    '/cases': b.ids.case,
    '/api/v1/cases': b.ids.case,
    '/sips': b.ids.sip,
    '/api/v1/sips': b.ids.sip,
    '/intake': b.ids.report,
    '/admin/users': b.ids.user,
    '/admin/units': b.ids.unit,
    '/admin/organisations': b.ids.organisation,
    '/admin/case-settings': b.ids.unit,
  });
  return route
    .replace(':id', id ?? '')
    .replace(':itemId', route.includes('/actions/') ? (b.ids.action ?? '') : (b.ids.need ?? ''))
    .replace(':actionId', b.ids.action ?? '')
    .replace(':organisationId', b.ids.organisation ?? '')
    .replace(':userId', b.ids.user ?? '')
    .replace(':reference', b.reference)
    .replace(':code', b.code)
    .replace(':lang', 'sv')
    .replace(/:[a-zA-Z]+/g, b.ids.person ?? '');
}

const form = () => ({
  childId: b.ids.person ?? '',
  personId: b.ids.person ?? '',
  caseId: b.ids.case ?? '',
  userId: b.ids.user ?? '',
  unitId: b.ids.unit ?? '',
  organisationId: b.ids.organisation ?? '',
  responsible: b.ids.organisation ?? '',
  q: 'Bortrebarn',
  givenName: 'Ny',
  familyName: 'Person',
  note: 'Anteckning',
  reason: 'goalsMet',
  name: 'Övertagen',
  role: 'manager',
  action: 'deactivate',
  confirm: b.code,
  m: b.code,
});

async function snapshotOfB() {
  const db = t.db.db;
  const of = (
    table:
      | 'person'
      | 'child_case'
      | 'report'
      | 'sip'
      | 'user_account'
      | 'unit'
      | 'partner_organisation'
      | 'case_note',
  ) => db.selectFrom(table).selectAll().where('municipality_id', '=', b.id).execute();
  const [persons, cases, reports, sips, users, units, organisations, notes] = await Promise.all([
    of('person'),
    of('child_case'),
    of('report'),
    of('sip'),
    of('user_account'),
    of('unit'),
    of('partner_organisation'),
    of('case_note'),
  ]);
  const municipality = await db.selectFrom('municipality').selectAll().where('id', '=', b.id).execute();
  return { municipality, persons, cases, reports, sips, users, units, organisations, notes };
}

const skipped = (url: string) =>
  url.startsWith('/login') || url === '/logout' || url.startsWith('/operator/login');

describe("a second municipality's data, walked by every role of the first", () => {
  for (const role of roles)
    it(`${role}: nothing of B comes back, nothing aimed at B opens, nothing of B changes`, async () => {
      const user = a.users.find((u) => u.role === role) as TestUser;
      const client = await login(t.app, user);
      const before = await snapshotOfB();
      const leaks: string[] = [];
      const opened: string[] = [];
      for (const route of t.app.routeCatalogue) {
        if (skipped(route.url)) continue;
        const url = urlFor(route.url);
        const response =
          route.method === 'GET'
            ? await client.get(url)
            : url.startsWith('/api/')
              ? await client.postJson(url, { status: 'done', note: 'x', childId: b.ids.person })
              : await client.post(url, form());
        for (const secret of b.secrets)
          if (response.body.includes(secret))
            leaks.push(`${route.method} ${url} returned "${secret}" (${response.statusCode})`);
        if (route.personalData && route.url.includes(':') && response.statusCode < 400)
          opened.push(`${route.method} ${url} answered ${response.statusCode}`);
      }
      assert.deepEqual(leaks, []);
      assert.deepEqual(opened, []);
      const afterWalk = await snapshotOfB();
      for (const table of Object.keys(before) as (keyof typeof before)[])
        assert.deepEqual(afterWalk[table], before[table], `${role} changed B's ${table}`);
    });

  it("B's own users see B's data: the walk's ids are real", async () => {
    const bWorker = await createUser(t.db.db, t.config.secretKey, {
      municipalityId: b.id,
      role: 'socialWorker',
    });
    const client = await login(t.app, bWorker);
    const page = await client.get(`/people/${b.ids.person}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Bortrebarn/);
    assert.ok(a.id !== b.id);
  });
});
