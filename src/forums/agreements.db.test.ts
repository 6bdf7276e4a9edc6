import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../app.ts';
import { demoPassword, demoTotpSecret, seedDemoData } from '../demo/seed.ts';
import type { Db } from '../platform/db/database.ts';
import type { App } from '../platform/http/types.ts';
import { type Client, login, testConfig } from '../testing/app.ts';
import { openTestDatabase } from '../testing/database.ts';

/**
 * Agreements and joint projects in the demo's manager network (decision 0136): the chair adopts
 * an agreement between social services and BUP, a version with one party or a review before its
 * start is refused, an identity number is stopped; a new version needs its changes and later
 * start, and ends the one before; the reminder shows when the review date nears; a member who is
 * not an officer reads but cannot write; someone outside the forum does not find the page. A
 * project's lead takes part, it has a goal, and a Samtak indicator must be a known one.
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
  forumId = (
    await db.db.selectFrom('forum').select('id').where('reach', '=', 'municipal').executeTakeFirstOrThrow()
  ).id;
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

/** Posts a form whose fields may repeat (the ticked parties). */
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

describe('forum agreements', () => {
  it('are adopted and revised by an officer as versions, with a reminder before the review date', async () => {
    const manager = await signIn('manager');
    const url = `/forums/${forumId}/agreements`;
    // The demo's statutory agreement, in its second version, due for review in 60 days.
    const first = await manager.get(url);
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /Version 2 <span class="tag tag--warning">Dags att se över/);
    assert.match(first.body, /Tidigare versioner/);
    // The chair is reminded on the start page; a member who is no officer is not.
    const home = await manager.get('/');
    assert.match(home.body, /Överenskommelser att se över/);
    assert.match(home.body, /vårdas utanför det egna hemmet<\/a> \(Chefsnätverket Birger\)/);
    assert.doesNotMatch((await (await signIn('bup')).get('/')).body, /Överenskommelser att se över/);
    const agreement = {
      title: 'Överenskommelse om barn och unga som vårdas utanför hemmet',
      topic: 'childrenPlacedOutOfHome',
      adoptedOn: '2025-12-01',
      adoptedBy: 'Socialnämnden och regionstyrelsen',
      validFrom: '2026-01-01',
      reviewBy: '2026-05-31',
      summary: 'Hälsoundersökning inom fyra veckor och en gemensam kontaktväg.',
    };
    const onePartyLate = await send(manager, url, {
      ...agreement,
      partyOrganisationIds: org.socialServices,
      reviewBy: '2025-12-31',
    });
    assert.equal(onePartyLate.statusCode, 400);
    assert.match(onePartyLate.body, /minst två parter/);
    assert.match(onePartyLate.body, /Översynen ska ligga efter/);
    const pin = await send(manager, url, {
      ...agreement,
      summary: 'Gäller först 201203152382.',
      partyOrganisationIds: [org.socialServices, org.childPsychiatry],
    });
    assert.equal(pin.statusCode, 400);
    // Only the demo's agreement: nothing of the refused ones was written.
    assert.equal((await db.db.selectFrom('forum_agreement').select('id').execute()).length, 1);
    const made = await send(manager, url, {
      ...agreement,
      partyOrganisationIds: [org.socialServices, org.childPsychiatry],
    });
    assert.equal(location(made), `${url}?done=adopted`);
    const row = await db.db
      .selectFrom('forum_agreement_version')
      .select('agreement_id as id')
      .where('title', '=', agreement.title)
      .executeTakeFirstOrThrow();
    // The review date is within 90 days: the reminder, here and on the forum's page.
    const page = await manager.get(url);
    assert.match(page.body, /Dags att se över/);
    assert.match((await manager.get(`/forums/${forumId}`)).body, /2 överenskommelser ska ses över/);

    const versions = `${url}/${row.id}/versions`;
    const revision = {
      ...agreement,
      partyOrganisationIds: [org.socialServices, org.childPsychiatry, org.school],
      adoptedOn: '2026-03-10',
      validFrom: '2026-03-15',
      reviewBy: '2027-12-31',
    };
    const noChanges = await send(manager, versions, revision);
    assert.equal(noChanges.statusCode, 400);
    assert.match(noChanges.body, /Skriv vad som ändrades/);
    const early = await send(manager, versions, {
      ...revision,
      validFrom: '2025-12-31',
      changes: 'Skolan med.',
    });
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /efter den förra/);
    // A member who is not an officer reads, but does not write.
    const bup = await signIn('bup');
    assert.equal((await bup.get(url)).statusCode, 200);
    assert.equal((await send(bup, versions, { ...revision, changes: 'Skolan med.' })).statusCode, 403);
    assert.equal(
      (await send(bup, url, { ...agreement, partyOrganisationIds: [org.childPsychiatry, org.police] }))
        .statusCode,
      403,
    );
    const revised = await send(manager, versions, { ...revision, changes: 'Skolan är nu part.' });
    assert.equal(location(revised), `${url}?done=revised`);
    const stored = await db.db
      .selectFrom('forum_agreement_version')
      .select(['version', 'valid_until', 'party_organisation_ids'])
      .where('agreement_id', '=', row.id)
      .orderBy('version')
      .execute();
    assert.deepEqual(
      stored.map((v) => [v.version, v.valid_until, v.party_organisation_ids.length]),
      [
        [1, '2026-03-14', 2],
        [2, null, 3],
      ],
    );
    // Version 1 is still in force today (version 2 starts on the 15th), still due for review.
    const after = await manager.get(url);
    assert.match(after.body, /Tidigare versioner/);
    assert.match(after.body, /Skolan är nu part/);
    const events = await db.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', row.id)
      .where('outcome', '=', 'allowed')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['forum.adoptAgreement', 'forum.reviseAgreement'],
    );
    // Someone outside the forum is told it does not exist, for reading and writing alike.
    const outside = await signIn('bvc');
    assert.equal((await outside.get(url)).statusCode, 404);
    assert.equal((await send(outside, versions, { ...revision, changes: 'x' })).statusCode, 404);
  });

  it('hold joint projects with goals in the shared areas, followed by an indicator', async () => {
    const manager = await signIn('manager');
    const url = `/forums/${forumId}/projects`;
    const project = {
      title: 'Skolnärvaro i Sjövik',
      description: 'Skolan, BUP och socialtjänsten arbetar tillsammans mot frånvaro.',
      organisationIds: [org.school, org.childPsychiatry, org.socialServices],
      leadOrganisationId: org.school,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      'goals.0.area': 'successInSchool',
      'goals.0.goal': 'Fler elever med hög frånvaro får en SIP.',
      'indicators.0.kind': 'samtak',
      'indicators.0.samtakIndicatorId': 'sipsStarted',
      'goals.1.area': 'goodHealth',
      'goals.1.goal': 'Kortare väntan på en första kontakt med BUP.',
      'indicators.1.kind': 'manual',
      'indicators.1.manual': 'Väntetid i dagar enligt BUP:s egen statistik',
    };
    const wrong = await send(manager, url, {
      ...project,
      leadOrganisationId: org.police,
      'indicators.0.samtakIndicatorId': 'madeUp',
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /ska delta i projektet/);
    assert.match(wrong.body, /Välj en av Samtaks indikatorer/);
    const noGoal = await send(manager, url, {
      ...project,
      'goals.0.area': '',
      'goals.0.goal': '',
      'goals.1.area': '',
      'goals.1.goal': '',
    });
    assert.equal(noGoal.statusCode, 400);
    assert.match(noGoal.body, /minst ett mål/);
    const bup = await signIn('bup');
    assert.equal((await send(bup, url, project)).statusCode, 403);
    assert.equal(await db.db.selectFrom('forum_project').select('id').executeTakeFirst(), undefined);
    const made = await send(manager, url, project);
    assert.equal(made.statusCode, 303, made.body.slice(0, 300));
    const goals = await db.db
      .selectFrom('forum_project_goal')
      .select(['area', 'indicator_kind', 'samtak_indicator_id'])
      .orderBy('position')
      .execute();
    assert.deepEqual(
      goals.map((g) => [g.area, g.indicator_kind, g.samtak_indicator_id]),
      [
        ['successInSchool', 'samtak', 'sipsStarted'],
        ['goodHealth', 'manual', null],
      ],
    );
    const page = await bup.get(`/forums/${forumId}/agreements`);
    assert.match(page.body, /Skolnärvaro i Sjövik/);
    assert.match(page.body, /Pågår/);
    assert.match(page.body, /Påbörjade SIP/);
    // The project moves forward only, by an officer.
    const projectId = (await db.db.selectFrom('forum_project').select('id').executeTakeFirstOrThrow()).id;
    const status = `${url}/${projectId}/status`;
    assert.equal((await send(bup, status, { status: 'finished' })).statusCode, 403);
    assert.equal((await send(manager, status, { status: 'planned' })).statusCode, 409);
    assert.equal((await send(manager, status, { status: 'unknown' })).statusCode, 409);
    assert.equal(
      location(await send(manager, status, { status: 'finished' })),
      `/forums/${forumId}/agreements?done=moved#projects`,
    );
    assert.equal((await send(manager, status, { status: 'stopped' })).statusCode, 409);
    const moved = await db.db.selectFrom('forum_project').select('status').executeTakeFirstOrThrow();
    assert.equal(moved.status, 'finished');
    const events = await db.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', projectId)
      .where('outcome', '=', 'allowed')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['forum.startProject', 'forum.moveProject'],
    );
    const outside = await signIn('bvc');
    assert.equal((await send(outside, url, project)).statusCode, 404);
    assert.equal((await send(outside, status, { status: 'stopped' })).statusCode, 404);
  });
});
