import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyAuditTrail } from '../platform/audit/verify.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { seal } from '../platform/auth/secret-box.ts';
import { newTotpSecret, totpCode } from '../platform/auth/totp.ts';
import { Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import {
  createMunicipality,
  createPartnerOrganisation,
  createUser,
  type TestUser,
} from '../testing/factories.ts';

/**
 * County and national forums (issue 18, decision 0129): only a coordinator creates one, from the
 * organisations of the municipalities in its scope and the forum's county; a municipal manager
 * cannot (the coordinator's pages do not exist for them, and the municipal form refuses the
 * reach). Staff of member organisations in two municipalities see it and take part as in a
 * municipal forum: the coordinator plans a meeting, the secretary from Krokom writes the minutes
 * with an action for Östersund's school, the vice chair approves, and the next agenda carries the
 * open action. A member from Krokom opens no forum of Östersund's own; audit events land in both
 * municipalities' chains, which stay intact.
 */

let t: TestApp;
let ostersundId = '';
let krokomId = '';
let umeaId = '';
let ostManager: TestUser;
let kroManager: TestUser;
let kroSecretary: TestUser;
let ostViceChair: TestUser;
let kroPolice: TestUser;
let umeaManager: TestUser;
const org: Record<string, string> = {};
let countyForumId = '';
let ostForumId = '';
let meetingId = '';
const today = '2026-03-13';
const password = 'coordinator password that is long';
let accounts = 0;

async function coordinator(scope: string) {
  const secret = newTotpSecret();
  const username = `county-coordinator${accounts++}`;
  await t.db.db
    .insertInto('operator_account')
    .values({
      username,
      display_name: 'Lena Länssamordnare',
      password_hash: await hashPassword(password),
      must_change_password: false,
      totp_secret_enc: seal(t.config.secretKey, secret),
      coordinator_scope: scope,
      coordinator_office: 'Länsstyrelsen Jämtland',
    })
    .execute();
  const client = new Client(t.app);
  await client.get('/operator/login');
  await client.post('/operator/login', { username, password });
  await client.get('/operator/login/totp');
  const done = await client.post('/operator/login/totp', { code: totpCode(secret) });
  assert.equal(done.statusCode, 302);
  await client.get('/coordinator/forums/new');
  return client;
}

const location = (r: { headers: Record<string, unknown> }) => String(r.headers.location ?? '');
function postPairs(client: Client, url: string, pairs: [string, string][]) {
  const body = new URLSearchParams([['_csrf', client.csrf], ...pairs]).toString();
  return client.request('POST', url, body, { 'content-type': 'application/x-www-form-urlencoded' });
}

const countyForum = (): [string, string][] => [
  ['reach', 'county'],
  ['countyCode', '23'],
  ['name', 'JämtBus länsnätverk'],
  ['level', 'management'],
  ['cadence', 'quarterly'],
  ['organisationIds', org.ostSocial!],
  ['organisationIds', org.ostSchool!],
  ['organisationIds', org.kroSocial!],
  ['reps.0.organisationId', org.kroSocial!],
  ['reps.0.userId', kroSecretary.id],
  ['reps.0.name', 'Karin Krokom'],
  ['reps.0.role', 'secretary'],
  ['reps.1.organisationId', org.ostSocial!],
  ['reps.1.userId', ostViceChair.id],
  ['reps.1.name', 'Olle Östersund'],
  ['reps.1.role', 'viceChair'],
];

before(async () => {
  t = await startTestApp({ fixedToday: today });
  const db = t.db.db;
  const key = t.config.secretKey;
  const withCode = async (code: string) => {
    const id = await createMunicipality(db);
    await db.updateTable('municipality').set({ code }).where('id', '=', id).execute();
    return id;
  };
  ostersundId = await withCode('2380');
  krokomId = await withCode('2309');
  umeaId = await withCode('2480');
  org.ostSocial = (
    await createPartnerOrganisation(db, ostersundId, {
      kind: 'socialServices',
      name: 'Socialtjänsten Östersund',
    })
  ).id;
  org.ostSchool = (
    await createPartnerOrganisation(db, ostersundId, { kind: 'school', name: 'Skolan Östersund' })
  ).id;
  org.kroSocial = (
    await createPartnerOrganisation(db, krokomId, { kind: 'socialServices', name: 'Socialtjänsten Krokom' })
  ).id;
  org.kroPolice = (
    await createPartnerOrganisation(db, krokomId, { kind: 'police', name: 'Polisen Krokom' })
  ).id;
  org.umeaSocial = (
    await createPartnerOrganisation(db, umeaId, { kind: 'socialServices', name: 'Socialtjänsten Umeå' })
  ).id;
  ostManager = await createUser(db, key, { municipalityId: ostersundId, role: 'manager' });
  ostViceChair = await createUser(db, key, { municipalityId: ostersundId, role: 'socialWorker' });
  kroManager = await createUser(db, key, { municipalityId: krokomId, role: 'manager' });
  kroSecretary = await createUser(db, key, { municipalityId: krokomId, role: 'socialWorker' });
  kroPolice = await createUser(db, key, {
    municipalityId: krokomId,
    role: 'partnerProfessional',
    partnerOrganisationId: org.kroPolice,
  });
  umeaManager = await createUser(db, key, { municipalityId: umeaId, role: 'manager' });
  // Östersund's own manager network, which Krokom must never see.
  const ost = await login(t.app, ostManager);
  await ost.get('/forums/new');
  const own = await postPairs(ost, '/forums', [
    ['name', 'Chefsnätverket Östersund'],
    ['level', 'management'],
    ['cadence', 'monthly'],
    ['organisationIds', org.ostSocial],
    ['organisationIds', org.ostSchool],
  ]);
  assert.equal(own.statusCode, 303, own.body.slice(0, 300));
  ostForumId = /\/forums\/([0-9a-f-]{36})/.exec(location(own))![1]!;
});
after(() => t.close());

describe('a county forum across municipalities', () => {
  it('is refused to a municipal manager, on both the coordinator pages and the municipal form', async () => {
    const c = await login(t.app, ostManager);
    assert.equal((await c.get('/coordinator/forums')).statusCode, 404);
    assert.equal((await c.get('/coordinator/forums/new')).statusCode, 404);
    await c.get('/forums/new');
    assert.equal((await postPairs(c, '/coordinator/forums', countyForum())).statusCode, 404);
    const tampered = await postPairs(c, '/forums', countyForum());
    assert.equal(tampered.statusCode, 400);
    assert.match(tampered.body, /Bara samordnaren skapar läns- och nationella forum/);
    const forums = await t.db.db
      .selectFrom('forum')
      .select('reach')
      .where('reach', '<>', 'municipal')
      .execute();
    assert.deepEqual(forums, []);
  });

  it('is created by the county coordinator, from its county only, and not at the national level', async () => {
    const c = await coordinator('23');
    const umea = await postPairs(c, '/coordinator/forums', [
      ...countyForum(),
      ['organisationIds', org.umeaSocial!],
    ]);
    assert.equal(umea.statusCode, 400);
    assert.match(umea.body, /error-summary/);
    const national = await postPairs(c, '/coordinator/forums', [
      ...countyForum().filter(([k]) => k !== 'reach'),
      ['reach', 'national'],
    ]);
    assert.equal(national.statusCode, 400);
    assert.match(national.body, /Du samordnar inte det länet/);
    const chair = await postPairs(c, '/coordinator/forums', [
      ...countyForum(),
      ['reps.2.organisationId', org.ostSchool!],
      ['reps.2.name', 'Rektor Rask'],
      ['reps.2.role', 'chair'],
    ]);
    assert.equal(chair.statusCode, 400);
    assert.match(chair.body, /Samordnaren är ordförande/);
    // An account from Krokom cannot represent Östersund's school.
    const wrongAccount = await postPairs(c, '/coordinator/forums', [
      ...countyForum(),
      ['reps.2.organisationId', org.ostSchool!],
      ['reps.2.userId', kroManager.id],
      ['reps.2.name', 'Kim Krokom'],
      ['reps.2.role', 'member'],
    ]);
    assert.equal(wrongAccount.statusCode, 400);
    assert.match(wrongAccount.body, /Kontot hör till en annan kommun/);
    const made = await postPairs(c, '/coordinator/forums', countyForum());
    assert.equal(made.statusCode, 303, made.body.slice(0, 500));
    countyForumId = /\/coordinator\/forums\/([0-9a-f-]{36})/.exec(location(made))![1]!;
    const page = await c.get(`/coordinator/forums/${countyForumId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Ordförande: Lena Länssamordnare, Länsstyrelsen Jämtland/);
    assert.match(page.body, /Socialtjänsten Krokom/);
    // Another county's coordinator is told it does not exist.
    const other = await coordinator('24');
    assert.equal((await other.get(`/coordinator/forums/${countyForumId}`)).statusCode, 404);
    assert.doesNotMatch((await other.get('/coordinator/forums')).body, /JämtBus/);
    const row = await t.db.db
      .selectFrom('forum')
      .select(['reach', 'county_code', 'municipality_id', 'created_by'])
      .where('id', '=', countyForumId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { reach: 'county', county_code: '23', municipality_id: null, created_by: null });
  });

  it('is seen by staff of member organisations in both municipalities, not by others', async () => {
    for (const user of [ostManager, kroManager, kroSecretary]) {
      const c = await login(t.app, user);
      assert.match((await c.get('/forums')).body, /JämtBus länsnätverk/);
      const page = await c.get(`/forums/${countyForumId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Länsforum/);
      assert.match(page.body, /Ordförande: Lena Länssamordnare/);
    }
    // Krokom's police is not a member; Umeå is in another county.
    for (const user of [kroPolice, umeaManager]) {
      const c = await login(t.app, user);
      assert.equal((await c.get(`/forums/${countyForumId}`)).statusCode, 404);
      assert.doesNotMatch((await c.get('/forums')).body, /JämtBus/);
    }
  });

  it('carries an open action from one meeting to the next, as a municipal forum does', async () => {
    const c = await coordinator('23');
    const bad = await c.post(`/coordinator/forums/${countyForumId}/meetings`, {
      plannedOn: '13 mars',
      place: '',
      newItems: '',
    });
    assert.equal(bad.statusCode, 400);
    const planned = await c.post(`/coordinator/forums/${countyForumId}/meetings`, {
      plannedOn: today,
      place: 'Länsstyrelsen',
      newItems: 'Gemensam rutin för orosanmälningar',
    });
    assert.equal(planned.statusCode, 303, planned.body.slice(0, 300));
    meetingId = (
      await t.db.db
        .selectFrom('forum_meeting')
        .select('id')
        .where('forum_id', '=', countyForumId)
        .executeTakeFirstOrThrow()
    ).id;
    // The secretary from Krokom writes the minutes with an action for Östersund's school.
    const secretary = await login(t.app, kroSecretary);
    const page = await secretary.get(`/forums/${countyForumId}/meetings/${meetingId}`);
    assert.match(page.body, /Gemensam rutin för orosanmälningar/);
    const reps = [
      ...page.body.matchAll(/name="attendance\.([0-9]+)\.representativeId" value="([0-9a-f-]{36})"/g),
    ].flatMap((m) => [
      [`attendance.${m[1]}.representativeId`, m[2]!],
      [`attendance.${m[1]}.presence`, 'present'],
    ]) as [string, string][];
    const recorded = await postPairs(secretary, `/forums/${countyForumId}/meetings/${meetingId}/record`, [
      ['heldOn', today],
      ['minutes', 'Kommunerna går igenom rutinen för orosanmälningar från skolan.'],
      ['actions.0.description', 'Ta fram en gemensam blankett för skolans kontakt med socialtjänsten'],
      ['actions.0.organisationId', org.ostSchool!],
      ['actions.0.person', 'Rektor'],
      ['actions.0.dueOn', '2026-05-31'],
      ...reps,
    ]);
    assert.equal(recorded.statusCode, 303, recorded.body.slice(0, 400));
    const viceChair = await login(t.app, ostViceChair);
    await viceChair.get(`/forums/${countyForumId}/meetings/${meetingId}`);
    assert.equal(
      (await viceChair.post(`/forums/${countyForumId}/meetings/${meetingId}/approve`)).statusCode,
      303,
    );
    const next = await c.post(`/coordinator/forums/${countyForumId}/meetings`, {
      plannedOn: '2026-06-12',
      place: '',
      newItems: '',
    });
    assert.equal(next.statusCode, 303);
    const carried =
      /Kvarstående åtgärd: Ta fram en gemensam blankett för skolans kontakt med socialtjänsten \(Skolan Östersund, klar senast 2026-05-31\)/;
    assert.match((await c.get(`/coordinator/forums/${countyForumId}`)).body, carried);
    const nextId = (
      await t.db.db
        .selectFrom('forum_meeting')
        .select('id')
        .where('forum_id', '=', countyForumId)
        .where('planned_on', '=', '2026-06-12')
        .executeTakeFirstOrThrow()
    ).id;
    const kro = await login(t.app, kroManager);
    assert.match((await kro.get(`/forums/${countyForumId}/meetings/${nextId}`)).body, carried);
  });

  it("opens none of Östersund's own forums to a member from Krokom", async () => {
    const kro = await login(t.app, kroManager);
    assert.equal((await kro.get(`/forums/${ostForumId}`)).statusCode, 404);
    assert.equal((await kro.get(`/forums/${ostForumId}/agreements`)).statusCode, 404);
    assert.equal((await kro.get(`/forums/${ostForumId}/deviations`)).statusCode, 404);
    assert.doesNotMatch((await kro.get('/forums')).body, /Chefsnätverket Östersund/);
    // The county forum's page names Östersund's organisations in it, and nothing of its own forum.
    const page = await kro.get(`/forums/${countyForumId}`);
    assert.doesNotMatch(page.body, /Chefsnätverket Östersund/);
  });

  it("lets a municipal forum sit under the county forum, and audits in every member's chain", async () => {
    const ost = await login(t.app, ostManager);
    await ost.get('/forums/new');
    const local = await postPairs(ost, '/forums', [
      ['name', 'Lokala gruppen Östersund'],
      ['level', 'operational'],
      ['cadence', 'monthly'],
      ['parentForumId', countyForumId],
      ['organisationIds', org.ostSocial!],
      ['organisationIds', org.ostSchool!],
    ]);
    assert.equal(local.statusCode, 303, local.body.slice(0, 400));
    // Umeå's manager cannot hang a forum under Jämtland's network.
    const umea = await login(t.app, umeaManager);
    await umea.get('/forums/new');
    const umeaOrg = await t.db.db
      .insertInto('partner_organisation')
      .values({ municipality_id: umeaId, name: 'Skolan Umeå', kind: 'school' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const refused = await postPairs(umea, '/forums', [
      ['name', 'Umeågruppen'],
      ['level', 'operational'],
      ['cadence', 'monthly'],
      ['parentForumId', countyForumId],
      ['organisationIds', org.umeaSocial!],
      ['organisationIds', umeaOrg.id],
    ]);
    assert.equal(refused.statusCode, 400);
    const kro = await login(t.app, kroManager);
    // Krokom sees the county forum, but not the name of Östersund's local group under it.
    assert.doesNotMatch((await kro.get(`/forums/${countyForumId}`)).body, /Lokala gruppen Östersund/);
    assert.match((await ost.get(`/forums/${countyForumId}`)).body, /Lokala gruppen Östersund/);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select(['municipality_id', 'action', 'reason'])
      .where('reason', 'like', 'coordinator:%')
      .where('action', 'in', ['forum.create', 'forum.planMeeting'])
      .execute();
    for (const m of [ostersundId, krokomId]) {
      assert.equal(events.filter((e) => e.municipality_id === m && e.action === 'forum.create').length, 1);
      assert.equal(
        events.filter((e) => e.municipality_id === m && e.action === 'forum.planMeeting').length,
        2,
      );
    }
    assert.equal(events.filter((e) => e.municipality_id === umeaId).length, 0);
    const report = await verifyAuditTrail(t.db.db);
    assert.ok(
      report.every((r) => r.problems.length === 0),
      JSON.stringify(report),
    );
  });
});
