import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../app.ts';
import { demoPassword, demoTotpSecret, seedDemoData } from '../demo/seed.ts';
import type { Db } from '../platform/db/database.ts';
import type { App } from '../platform/http/types.ts';
import { computeIndicators } from '../statistics/compute.ts';
import { parsePeriodKey } from '../statistics/periods.ts';
import { showFigures } from '../statistics/present.ts';
import { indicatorData } from '../statistics/queries.ts';
import { type Client, login, testConfig } from '../testing/app.ts';
import { openTestDatabase } from '../testing/database.ts';

/**
 * A joint project's page, its values over time and its changes (decision 0138), in the demo's
 * manager network: the chair records a value kept by hand for a month that has begun (a bad
 * period, a future one, a value that is no number or an identity number in the source refused,
 * nothing written), corrects it (the earlier one kept), and snapshots a Samtak indicator for a
 * month that has ended (one that has not is refused) with the statistics feature's figure and its
 * suppression; a goal without indicator takes no value. The chair changes the project; a goal
 * with values cannot be removed; a member who is no officer reads but writes nothing; someone
 * outside the forum finds nothing; a finished project is not changed (409).
 */
const today = '2026-03-13';
let db: Db;
let app: App;
let forumId = '';
const org: Record<string, string> = {};

before(async () => {
  db = await openTestDatabase();
  const config = testConfig({ fixedToday: today, rateLimitPerMinute: 1_000_000_000 });
  await seedDemoData(db.db, { secretKey: config.secretKey, log: () => {}, today });
  app = await buildApp({ config, db });
  forumId = (await db.db.selectFrom('forum').select('id').executeTakeFirstOrThrow()).id;
  const members = await db.db
    .selectFrom('forum_member as m')
    .innerJoin('partner_organisation as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.kind'])
    .where('m.forum_id', '=', forumId)
    .execute();
  for (const m of members) org[m.kind] = m.id;
});
after(async () => {
  await app?.close();
  await db?.close();
});

async function signIn(username: string): Promise<Client> {
  const user = await db.db
    .selectFrom('user_account')
    .select(['id', 'municipality_id', 'role', 'totp_secret_enc'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return login(app, {
    id: user.id,
    municipalityId: user.municipality_id,
    username,
    password: demoPassword,
    totpSecret: user.totp_secret_enc ? demoTotpSecret : null,
    role: user.role,
  });
}

function send(
  client: Client,
  url: string,
  form: Record<string, string | undefined | (string | undefined)[]>,
) {
  const pairs = Object.entries(form).flatMap(([k, v]) =>
    [v].flat().map((x) => [k, x ?? ''] as [string, string]),
  );
  const body = new URLSearchParams([['_csrf', client.csrf], ...pairs]).toString();
  return client.request('POST', url, body, { 'content-type': 'application/x-www-form-urlencoded' });
}

const location = (r: { headers: Record<string, unknown> }) => String(r.headers.location ?? '');

const project = () => ({
  title: 'Skolnärvaro i Sjövik',
  description: 'Skolan, BUP och socialtjänsten arbetar tillsammans mot frånvaro.',
  organisationIds: [org.school, org.childPsychiatry, org.socialServices],
  leadOrganisationId: org.school,
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  'goals.0.area': 'successInSchool',
  'goals.0.goal': 'Fler elever med hög frånvaro får en SIP.',
  'goals.0.target': '12',
  'indicators.0.kind': 'samtak',
  'indicators.0.samtakIndicatorId': 'sipsStarted',
  'goals.1.area': 'goodHealth',
  'goals.1.goal': 'Kortare väntan på en första kontakt med BUP.',
  'goals.1.target': '30',
  'indicators.1.kind': 'manual',
  'indicators.1.manual': 'Väntetid i dagar enligt BUP:s egen statistik',
  'goals.2.area': 'safetyAtHome',
  'goals.2.goal': 'Alla parter känner till överenskommelsen.',
  'indicators.2.kind': 'none',
});

let projectId = '';
const goal: string[] = [];

async function valuesStored() {
  return db.db
    .selectFrom('forum_project_value')
    .select(['goal_id', 'period_key', 'kind', 'value', 'suppressed', 'source'])
    .orderBy('recorded_at')
    .execute();
}

describe('a joint project over time', () => {
  it('starts with a target per goal, and has a page of its own', async () => {
    const manager = await signIn('manager');
    const badTarget = await send(manager, `/forums/${forumId}/projects`, {
      ...project(),
      'goals.0.target': 'tolv',
    });
    assert.equal(badTarget.statusCode, 400);
    assert.equal(await db.db.selectFrom('forum_project').select('id').executeTakeFirst(), undefined);
    const made = await send(manager, `/forums/${forumId}/projects`, project());
    assert.equal(made.statusCode, 303, made.body.slice(0, 300));
    projectId = (await db.db.selectFrom('forum_project').select('id').executeTakeFirstOrThrow()).id;
    const goals = await db.db
      .selectFrom('forum_project_goal')
      .select(['id', 'target_value'])
      .where('project_id', '=', projectId)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      goals.map((g) => g.target_value),
      [12, 30, null],
    );
    goal.push(...goals.map((g) => g.id));
    const list = await manager.get(`/forums/${forumId}/agreements`);
    assert.match(list.body, new RegExp(`href="/forums/${forumId}/projects/${projectId}"`));
    const page = await manager.get(`/forums/${forumId}/projects/${projectId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Inga värden är förda ännu/);
    assert.match(page.body, /Målvärde: 12/);
    assert.match(page.body, /Målet följs inte med någon indikator/);
  });

  it('keeps values by hand by month or quarter, refusing bad ones and keeping corrections', async () => {
    const manager = await signIn('manager');
    const url = `/forums/${forumId}/projects/${projectId}/goals/${goal[1]}/values`;
    const cases: [Record<string, string>, RegExp][] = [
      [{ period: '2026-13', value: '40' }, /ÅÅÅÅ-MM/],
      [{ period: '2026', value: '40' }, /ÅÅÅÅ-MM/],
      [{ period: '1999-Q4', value: '40' }, /från år 2000/],
      [{ period: '', value: '40' }, /Period/],
      [{ period: '2026-04', value: '40' }, /har inte börjat/],
      [{ period: '2026-Q2', value: '40' }, /har inte börjat/],
      [{ period: '2026-02', value: 'fyrtio' }, /Värde/],
      [{ period: '2026-02', value: '' }, /Värde/],
      [{ period: '2026-02', value: '40', source: 'Lista 201203152382' }, /personnummer/i],
    ];
    for (const [form, message] of cases) {
      const refused = await send(manager, url, form);
      assert.equal(refused.statusCode, 400, JSON.stringify(form));
      assert.match(refused.body, message, JSON.stringify(form));
    }
    assert.deepEqual(await valuesStored(), []);
    const first = await send(manager, url, { period: '2026-02', value: '42,5', source: 'BUP:s statistik' });
    assert.equal(location(first), `/forums/${forumId}/projects/${projectId}?done=value#goals-heading`);
    assert.equal(
      (await send(manager, url, { period: '2026-Q1', value: '38', source: 'BUP' })).statusCode,
      303,
    );
    // This month has begun: a figure so far may be kept by hand.
    assert.equal((await send(manager, url, { period: '2026-03', value: '35' })).statusCode, 303);
    // A correction for February: the earlier value is kept, the page shows the latest.
    assert.equal((await send(manager, url, { period: '2026-02', value: '40' })).statusCode, 303);
    const stored = await valuesStored();
    assert.deepEqual(
      stored.map((v) => [v.period_key, v.kind, v.value]),
      [
        ['2026-02', 'manual', 42.5],
        ['2026-Q1', 'manual', 38],
        ['2026-03', 'manual', 35],
        ['2026-02', 'manual', 40],
      ],
    );
    const page = await manager.get(`/forums/${forumId}/projects/${projectId}`);
    assert.match(page.body, /<svg/);
    assert.match(page.body, /Värden över tid/);
    assert.match(page.body, /rättar 1 tidigare värde/);
    assert.match(page.body, /42,5 \(BUP:s statistik\) – /);
    // Periods in time order: February, the first quarter (from January 1st) sorts before it.
    const order = ['2026-Q1', '2026-02', '2026-03'].map((k) =>
      page.body.indexOf(`<th scope="row">${k}</th>`),
    );
    assert.ok(order.every((i) => i > 0) && order[0]! < order[1]! && order[1]! < order[2]!, String(order));
  });

  it('snapshots a Samtak indicator for a period that has ended, with small numbers suppressed', async () => {
    const manager = await signIn('manager');
    const url = `/forums/${forumId}/projects/${projectId}/goals/${goal[0]}/values`;
    for (const period of ['2026-03', '2026-Q1', 'mars']) {
      const refused = await send(manager, url, { period });
      assert.equal(refused.statusCode, 400, period);
    }
    assert.match((await send(manager, url, { period: '2026-Q1' })).body, /har tagit slut/);
    const none = await send(manager, `/forums/${forumId}/projects/${projectId}/goals/${goal[2]}/values`, {
      period: '2026-02',
      value: '1',
    });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /följs inte med någon indikator/);
    for (const period of ['2026-02', '2025-Q4']) {
      assert.equal((await send(manager, url, { period })).statusCode, 303, period);
      const row = (await valuesStored()).find((v) => v.goal_id === goal[0] && v.period_key === period)!;
      // The statistics feature's own figure, suppressed as it suppresses it for anyone.
      const p = parsePeriodKey(period)!;
      const municipality = await db.db
        .selectFrom('forum_project')
        .select('municipality_id')
        .executeTakeFirstOrThrow();
      const data = await indicatorData(db.db, municipality.municipality_id, p, today);
      const { figures } = computeIndicators(data, { period: p, today, unitId: null }, ['sipsStarted']);
      const shown = showFigures(figures, { suppress: true })[0]!;
      assert.equal(row.kind, 'snapshot');
      assert.equal(row.suppressed, shown.suppressed);
      assert.equal(row.value, shown.suppressed ? null : shown.value);
    }
  });

  it('is read by a member, written only by an officer, and hidden from anyone outside', async () => {
    const bup = await signIn('bup');
    const page = await bup.get(`/forums/${forumId}/projects/${projectId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /BUP:s statistik/);
    assert.doesNotMatch(page.body, /För in ett värde/);
    assert.doesNotMatch(page.body, /Ändra projektet/);
    const before = (await valuesStored()).length;
    const values = `/forums/${forumId}/projects/${projectId}/goals/${goal[1]}/values`;
    assert.equal((await send(bup, values, { period: '2026-02', value: '1' })).statusCode, 403);
    assert.equal(
      (await send(bup, `/forums/${forumId}/projects/${projectId}/edit`, project())).statusCode,
      403,
    );
    const outside = await signIn('bvc');
    assert.equal((await outside.get(`/forums/${forumId}/projects/${projectId}`)).statusCode, 404);
    assert.equal((await send(outside, values, { period: '2026-02', value: '1' })).statusCode, 404);
    // A goal of no such project is not found.
    const manager = await signIn('manager');
    const wrongGoal = `/forums/${forumId}/projects/${projectId}/goals/${forumId}/values`;
    assert.equal((await send(manager, wrongGoal, { period: '2026-02', value: '1' })).statusCode, 404);
    assert.equal((await valuesStored()).length, before);
  });

  it('is changed by an officer while planned or ongoing, never once finished', async () => {
    const manager = await signIn('manager');
    const url = `/forums/${forumId}/projects/${projectId}/edit`;
    const wrongLead = await send(manager, url, { ...project(), leadOrganisationId: org.police });
    assert.equal(wrongLead.statusCode, 400);
    assert.match(wrongLead.body, /ska delta i projektet/);
    const dropValued = await send(manager, url, { ...project(), 'goals.1.area': '', 'goals.1.goal': '' });
    assert.equal(dropValued.statusCode, 400);
    assert.match(dropValued.body, /har förda värden/);
    const noGoals = await send(manager, url, {
      ...project(),
      'goals.0.area': '',
      'goals.0.goal': '',
      'goals.1.area': '',
      'goals.1.goal': '',
      'goals.2.area': '',
      'goals.2.goal': '',
    });
    assert.equal(noGoals.statusCode, 400);
    const endsEarly = await send(manager, url, { ...project(), endsOn: '2025-12-31' });
    assert.equal(endsEarly.statusCode, 400);
    const unchanged = await db.db.selectFrom('forum_project').selectAll().executeTakeFirstOrThrow();
    assert.equal(unchanged.title, 'Skolnärvaro i Sjövik');
    const changed = await send(manager, url, {
      ...project(),
      title: 'Skolnärvaro i hela Sjövik',
      organisationIds: [org.school, org.childPsychiatry, org.socialServices, org.police],
      leadOrganisationId: org.childPsychiatry,
      endsOn: '2027-06-30',
      'goals.1.target': '21,5',
      'goals.2.area': '',
      'goals.2.goal': '',
    });
    assert.equal(location(changed), `/forums/${forumId}/projects/${projectId}?done=edited`);
    const row = await db.db.selectFrom('forum_project').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.title, 'Skolnärvaro i hela Sjövik');
    assert.equal(row.lead_organisation_id, org.childPsychiatry);
    assert.equal(String(row.ends_on), '2027-06-30');
    assert.equal(row.organisation_ids.length, 4);
    assert.equal(row.status, 'ongoing', 'a change leaves the status as it was');
    const goals = await db.db
      .selectFrom('forum_project_goal')
      .select(['id', 'position', 'target_value'])
      .where('project_id', '=', projectId)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      goals.map((g) => [g.id, g.position, g.target_value]),
      [
        [goal[0], 0, 12],
        [goal[1], 1, 21.5],
      ],
    );
    const page = await manager.get(`/forums/${forumId}/projects/${projectId}?done=edited`);
    assert.match(page.body, /Ändringarna är sparade/);
    assert.match(page.body, /Ändrade projektet/);
    // Finished: the project is kept as it ended.
    const status = `/forums/${forumId}/projects/${projectId}/status`;
    assert.equal((await send(manager, status, { status: 'finished' })).statusCode, 303);
    const late = await send(manager, url, { ...project(), title: 'För sent' });
    assert.equal(late.statusCode, 409);
    assert.equal(
      (await db.db.selectFrom('forum_project').select('title').executeTakeFirstOrThrow()).title,
      row.title,
    );
    assert.doesNotMatch(
      (await manager.get(`/forums/${forumId}/projects/${projectId}`)).body,
      /Ändra projektet/,
    );
    const events = await db.db
      .selectFrom('audit_event')
      .select(['action', 'reason'])
      .where('record_id', '=', projectId)
      .where('outcome', '=', 'allowed')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.map((e) => `${e.action}${e.reason ? `:${e.reason}` : ''}`),
      [
        'forum.startProject',
        ...Array(4).fill('forum.recordProjectValue:manual'),
        ...Array(2).fill('forum.recordProjectValue:snapshot'),
        'forum.editProject',
        'forum.moveProject',
      ],
    );
  });
});
