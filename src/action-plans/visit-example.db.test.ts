import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../app.ts';
import { demoPassword, demoTotpSecret, seedDemoData } from '../demo/seed.ts';
import type { Db } from '../platform/db/database.ts';
import type { App } from '../platform/http/types.ts';
import { type Client, login, testConfig } from '../testing/app.ts';
import { openTestDatabase } from '../testing/database.ts';
import type { Coordinator } from './coordinator-gate.ts';
import { createVisit, holdVisit, recordFollowUp, saveReport } from './visit-service.ts';

/**
 * A follow-up visit's report as a good example (decision 0139), on the demo's plan: the
 * coordinator holds a visit, records a finding and a next step and finishes the report; until the
 * report is final no example is started (409). The municipality's plan owner (a manager) gets the
 * draft prefilled from the frozen plan, the findings and the next steps; a partner or a social
 * worker may not; an identity number is refused with nothing written; the saved draft is of the
 * kind visitReport, names the visit, is audited, is started once only, and goes the ordinary way:
 * the author submits it, an editor of another organisation publishes it, the public reads it.
 */
const today = '2026-03-13';
let db: Db;
let app: App;
let planId = '';
let visitId = '';

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

function send(client: Client, url: string, form: Record<string, string | string[]>) {
  const pairs = Object.entries(form).flatMap(([k, v]) => [v].flat().map((x) => [k, x] as [string, string]));
  const body = new URLSearchParams([['_csrf', client.csrf], ...pairs]).toString();
  return client.request('POST', url, body, { 'content-type': 'application/x-www-form-urlencoded' });
}

/** The value of a text field or text area in the form as rendered. */
function field(html: string, name: string): string {
  const area = new RegExp(`<textarea[^>]*name="${name.replace('.', '\\.')}"[^>]*>([^<]*)</textarea>`).exec(
    html,
  );
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html);
  const raw = area?.[1] ?? input?.[1] ?? '';
  return raw
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

before(async () => {
  db = await openTestDatabase();
  const config = testConfig({ fixedToday: today, rateLimitPerMinute: 1_000_000_000 });
  await seedDemoData(db.db, { secretKey: config.secretKey, log: () => {}, today });
  app = await buildApp({ config, db });
  const plan = await db.db.selectFrom('action_plan').select('id').executeTakeFirstOrThrow();
  planId = plan.id;
  const account = await db.db
    .insertInto('operator_account')
    .values({
      username: 'visit-example-coordinator',
      display_name: 'Karin Samordnare',
      password_hash: 'not a login: the test calls the services',
      must_change_password: false,
      coordinator_scope: 'national',
      coordinator_office: 'Nationell samordnare',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const coordinator: Coordinator = {
    id: account.id,
    name: 'Karin Samordnare',
    office: 'Nationell samordnare',
    scope: { kind: 'national' },
  };
  const made = await createVisit(
    db.db,
    coordinator,
    planId,
    { visitedOn: today, place: 'Sjövik' },
    true,
    today,
    null,
  );
  assert.ok(made.ok);
  visitId = made.id;
  await holdVisit(db.db, coordinator, visitId, today, null);
  const measure = await db.db
    .selectFrom('action_plan_measure')
    .select(['id', 'title'])
    .where('plan_id', '=', planId)
    .orderBy('area_position')
    .orderBy('title')
    .executeTakeFirstOrThrow();
  const school = await db.db
    .selectFrom('action_plan_organisation as p')
    .innerJoin('partner_organisation as o', 'o.id', 'p.organisation_id')
    .select('o.id')
    .where('p.plan_id', '=', planId)
    .where('o.kind', '=', 'school')
    .executeTakeFirstOrThrow();
  const followUp = await recordFollowUp(
    db.db,
    coordinator,
    visitId,
    {
      findings: [
        { measureId: measure.id, assessment: 'progressing', finding: 'Rutinen används i två av tre skolor.' },
      ],
      nextSteps: [
        {
          description: 'Rutinen införs i den tredje skolan.',
          ownerOrganisationId: school.id,
          ownerRole: 'Rektor',
          dueOn: '2026-06-30',
        },
      ],
    },
    true,
    today,
    null,
  );
  assert.ok(followUp.ok, JSON.stringify(followUp));
});
after(async () => {
  await app?.close();
  await db?.close();
});

const examples = () => db.db.selectFrom('good_practice').select(['id', 'kind', 'source_visit_id']).execute();

describe("a follow-up visit's report as a good example", () => {
  it('waits for the final report, and is for the plan owner only', async () => {
    const manager = await signIn('manager');
    const url = `/action-plans/${planId}/visits/${visitId}/example`;
    const before = (await examples()).length;
    const early = await manager.get(url);
    assert.equal(early.statusCode, 409);
    assert.match(early.body, /färdig besöksrapport/);
    const coordinator = await db.db
      .selectFrom('operator_account')
      .select(['id', 'display_name'])
      .where('username', '=', 'visit-example-coordinator')
      .executeTakeFirstOrThrow();
    const done = await saveReport(
      db.db,
      {
        id: coordinator.id,
        name: coordinator.display_name,
        office: 'Nationell samordnare',
        scope: { kind: 'national' },
      },
      visitId,
      'Kommunen har kommit långt med skolnärvaron. Samverkan med skolan fungerar.',
      true,
      true,
      today,
      null,
    );
    assert.ok(done.ok, JSON.stringify(done));
    // A partner taking part, a social worker who reads the plan: neither writes it.
    assert.equal((await (await signIn('bup')).get(url)).statusCode, 403);
    assert.equal((await (await signIn('socialworker')).get(url)).statusCode, 403);
    assert.equal((await send(await signIn('bup'), url, { title: 'x' })).statusCode, 403);
    // Another visit id, or the visit under another plan: not found.
    assert.equal((await manager.get(`/action-plans/${planId}/visits/${planId}/example`)).statusCode, 404);
    assert.equal((await examples()).length, before);
  });

  it('is prefilled from the frozen plan, the findings and the next steps, and saved once', async () => {
    const manager = await signIn('manager');
    const plan = await manager.get(`/action-plans/${planId}`);
    assert.match(plan.body, /Gör ett gott exempel av besöksrapporten/);
    const url = `/action-plans/${planId}/visits/${visitId}/example`;
    const form = await manager.get(url);
    assert.equal(form.statusCode, 200);
    const title = field(form.body, 'title');
    assert.match(title, /^Uppföljningsbesök i .+ 2026-03-13$/);
    const problem = field(form.body, 'problem');
    assert.match(
      problem,
      /Handlingsplanen Plan för handling 2026–2027, version 1, antagen .+ av Socialnämnden/,
    );
    assert.match(problem, /Vid besöket 2026-03-13: \d+ åtgärder/);
    const whatWasDone = field(form.body, 'whatWasDone');
    assert.match(whatWasDone, /Kommunen har kommit långt/);
    assert.match(whatWasDone, /\(På väg\): Rutinen används i två av tre skolor\./);
    const results = field(form.body, 'results');
    assert.match(results, /Rutinen införs i den tredje skolan\. – .+ \(Rektor\), senast 2026-06-30/);
    assert.match(form.body, /name="kind" value="visitReport"/);
    const values = {
      kind: 'visitReport',
      title,
      area: field(form.body, 'area') || 'schooling',
      problem,
      whatWasDone,
      results,
      periodFrom: field(form.body, 'periodFrom'),
      periodTo: field(form.body, 'periodTo'),
      contactName: field(form.body, 'contactName'),
      contactRole: field(form.body, 'contactRole'),
      contactEmail: field(form.body, 'contactEmail') || 'socialtjansten@sjovik.example',
      tags: field(form.body, 'tags'),
      evidence: 'localResult',
    };
    const area = /<select[^>]*name="area"[\s\S]*?<option value="([a-zA-Z]+)" selected/.exec(form.body)?.[1];
    if (area) values.area = area;
    const before = (await examples()).length;
    const pin = await send(manager, url, { ...values, problem: `${problem}\nSe 201203152382.` });
    assert.equal(pin.statusCode, 400);
    assert.match(pin.body, /personnummer/i);
    assert.equal((await examples()).length, before);
    const saved = await send(manager, url, values);
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 400));
    const exampleId = /\/examples\/editor\/([0-9a-f-]+)\?/.exec(String(saved.headers.location))?.[1] ?? '';
    const row = (await examples()).find((e) => e.id === exampleId)!;
    assert.equal(row.kind, 'visitReport');
    assert.equal(row.source_visit_id, visitId);
    const revision = await db.db
      .selectFrom('good_practice_revision')
      .select(['state', 'results'])
      .where('example_id', '=', exampleId)
      .executeTakeFirstOrThrow();
    assert.equal(revision.state, 'draft');
    assert.match(revision.results, /den tredje skolan/);
    const audit = await db.db
      .selectFrom('audit_event')
      .select(['action', 'reason'])
      .where('record_id', '=', exampleId)
      .where('outcome', '=', 'allowed')
      .execute();
    assert.deepEqual(
      audit.map((a) => `${a.action}:${a.reason}`),
      ['example.create:fromVisit'],
    );
    // Once: the form and the save are refused, and the plan links to the draft instead.
    assert.equal((await manager.get(url)).statusCode, 409);
    assert.equal((await send(manager, url, values)).statusCode, 409);
    assert.equal((await examples()).length, before + 1);
    assert.match(
      (await manager.get(`/action-plans/${planId}`)).body,
      new RegExp(`/examples/editor/${exampleId}`),
    );

    // The ordinary way: the author submits, not publishes; an editor of another organisation does.
    const steps = `/examples/editor/${exampleId}/steps`;
    assert.equal((await send(manager, steps, { step: 'submit', note: '' })).statusCode, 303);
    assert.equal((await send(manager, steps, { step: 'publish', note: '' })).statusCode, 403);
    const bup = await signIn('bup');
    assert.equal((await send(bup, steps, { step: 'publish', note: '' })).statusCode, 303);
    const published = await app.inject({ method: 'GET', url: `/examples/${exampleId}` });
    assert.equal(published.statusCode, 200);
    assert.match(published.body, /den tredje skolan/);
  });
});
