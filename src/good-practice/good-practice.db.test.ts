import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createUser, type TestUser } from '../testing/factories.ts';
import { allowedCommentTags } from './comment-html.ts';
import { hostileComments } from './hostile-comments.ts';
import { publicCommentColumns } from './queries.ts';
import { examplesPerPage } from './search.ts';
import { createPublishedExample } from './test-factories.ts';

/**
 * Good examples through the HTTP routes (issue 18): written, refused where the guard says so,
 * reviewed by an editor of another organisation only, published, found by a Swedish inflected
 * search, commented on by the public and shown after approval; hostile comments come out with
 * only the allowed tags and attributes, and no public page ever shows a commenter's e-mail.
 */

let t: TestApp;
let author: TestUser;
let sameOrgEditor: TestUser;
let otherOrgEditor: TestUser;
let administrator: TestUser;
let writer: Client;
let exampleId = '';

const example = (overrides: Record<string, string | string[]> = {}) => ({
  kind: 'example',
  title: 'Bokpaket till familjehemmen',
  area: 'schooling',
  themes: ['familyHomes'],
  targetGroups: ['childrenPlacedOutOfHome'],
  problem: 'Placerade barn har få egna böcker hemma.',
  whatWasDone: 'Biblioteket skickar ett bokpaket varannan månad till barnen i familjehemmen.',
  results: 'Familjehemmen berättar att barnen läser mer.',
  contactRole: 'Enhetschef, Barn och unga',
  contactEmail: 'barnochunga@test.example',
  evidence: 'localResult',
  tags: 'läsning, bokpaket',
  ...overrides,
});

async function flagEditor(user: TestUser) {
  await t.db.db
    .updateTable('user_account')
    .set({ good_practice_editor: true })
    .where('id', '=', user.id)
    .execute();
}

before(async () => {
  t = await startTestApp();
  const municipalityId = await createMunicipality(t.db.db);
  const key = t.config.secretKey;
  author = await createUser(t.db.db, key, { municipalityId, role: 'manager' });
  sameOrgEditor = await createUser(t.db.db, key, { municipalityId, role: 'socialWorker' });
  otherOrgEditor = await createUser(t.db.db, key, {
    municipalityId,
    role: 'partnerProfessional',
    partnerKind: 'healthCare',
  });
  administrator = await createUser(t.db.db, key, { municipalityId, role: 'administrator' });
  await flagEditor(sameOrgEditor);
  await flagEditor(otherOrgEditor);
  writer = await login(t.app, author);
});
after(() => t.close());

const location = (r: { headers: Record<string, unknown> }) => String(r.headers.location ?? '');

describe('writing an example', () => {
  it('refuses an identity number, saying that individual cases belong in a SIP, and stores nothing', async () => {
    await writer.get('/examples/editor/new');
    const res = await writer.post(
      '/examples/editor',
      example({ problem: 'Gäller barnet 201203152382 i familjehem.' }) as never,
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /personnummer/);
    assert.match(res.body, /SIP/);
    const n = await t.db.db
      .selectFrom('good_practice')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 0);
  });

  it("warns on what looks like a child's name and saves once the writer confirms", async () => {
    const text = example({ whatWasDone: 'Flickan Alva, 9 år, fick ett bokpaket varannan månad.' }) as never;
    const warned = await writer.post('/examples/editor', text);
    assert.equal(warned.statusCode, 400);
    assert.match(warned.body, /kan peka ut ett barn/);
    assert.match(warned.body, /name="confirmNames"/);
    const saved = await writer.post('/examples/editor', { ...(text as object), confirmNames: 'on' } as never);
    assert.equal(saved.statusCode, 303);
    const page = await writer.get(location(saved));
    assert.match(page.body, /bekräftade att inget barn nämns/);
  });

  it('refuses the word "recommended" and an evidence label without its backing', async () => {
    const res = await writer.post(
      '/examples/editor',
      example({
        title: 'Rekommenderad metod',
        evidence: 'evaluatedWithReport',
        evidenceReference: '',
      }) as never,
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /ingen rekommendation/);
    assert.match(res.body, /Ange rapporten eller översikten/);
  });

  it('saves a draft that the public cannot see', async () => {
    const res = await writer.post('/examples/editor', example() as never);
    assert.equal(res.statusCode, 303);
    exampleId = /\/examples\/editor\/([0-9a-f-]{36})/.exec(location(res))![1]!;
    const anonymous = new Client(t.app);
    assert.equal((await anonymous.get(`/examples/${exampleId}`)).statusCode, 404);
    assert.doesNotMatch((await anonymous.get('/examples')).body, /Bokpaket till familjehemmen/);
  });

  it('does not let an administrator write examples', async () => {
    const admin = await login(t.app, administrator);
    assert.equal((await admin.get('/examples/editor')).statusCode, 403);
  });
});

describe('review by an editor of another organisation', () => {
  it('is refused before the example is submitted', async () => {
    const reviewer = await login(t.app, otherOrgEditor);
    await reviewer.get(`/examples/editor/${exampleId}`);
    const res = await reviewer.post(`/examples/editor/${exampleId}/steps`, { step: 'publish' });
    assert.equal(res.statusCode, 409);
  });

  it("is refused to the author and to an editor of the author's own organisation", async () => {
    await writer.get(`/examples/editor/${exampleId}`);
    assert.equal(
      (await writer.post(`/examples/editor/${exampleId}/steps`, { step: 'submit' })).statusCode,
      303,
    );
    assert.equal(
      (await writer.post(`/examples/editor/${exampleId}/steps`, { step: 'publish' })).statusCode,
      403,
    );
    const colleague = await login(t.app, sameOrgEditor);
    await colleague.get(`/examples/editor/${exampleId}`);
    const res = await colleague.post(`/examples/editor/${exampleId}/steps`, { step: 'publish' });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /annan organisation/);
  });

  it('publishes when an editor of another organisation approves, and the trail and history say who', async () => {
    const reviewer = await login(t.app, otherOrgEditor);
    const list = await reviewer.get('/examples/editor');
    assert.match(list.body, /Bokpaket till familjehemmen/);
    const res = await reviewer.post(`/examples/editor/${exampleId}/steps`, { step: 'publish' });
    assert.equal(res.statusCode, 303);
    const page = await reviewer.get(location(res));
    assert.match(page.body, /publicerade/);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'record_id'])
      .where('record_id', '=', exampleId)
      .execute();
    assert.ok(events.some((e) => e.action === 'example.step'));
    assert.ok(events.some((e) => e.action === 'example.create'));
  });
});

describe('the public pages', () => {
  it('find "familjehemmen" from "familjehem", with facets, and refuse a forged facet', async () => {
    const anonymous = new Client(t.app);
    const found = await anonymous.get('/examples?q=familjehem');
    assert.equal(found.statusCode, 200);
    assert.match(found.body, /Bokpaket till familjehemmen/);
    assert.match(found.body, /1 exempel/);
    const none = await anonymous.get('/examples?q=mentorer');
    assert.match(none.body, /Inga exempel hittades/);
    const faceted = await anonymous.get('/examples?area=schooling&lang=en');
    assert.match(faceted.body, /Bokpaket till familjehemmen/);
    assert.match(faceted.body, /Children&#39;s schooling|Children's schooling/);
    assert.equal((await anonymous.get('/examples?area=nonsense')).statusCode, 400);
    assert.equal((await anonymous.get('/examples/not-an-id')).statusCode, 404);
  });

  it('list twenty hits a page, keeping the search in the links, and refuse a page that is not a number', async () => {
    for (let i = 1; i <= examplesPerPage + 2; i++)
      await createPublishedExample(t.db.db, {
        authorUserId: author.id,
        municipalityId: author.municipalityId,
        title: `Läxhjälp på biblioteket ${String(i).padStart(2, '0')}`,
        today: '2026-11-02',
      });
    const anonymous = new Client(t.app);
    const first = await anonymous.get('/examples?q=l%C3%A4xhj%C3%A4lp');
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /22 exempel/);
    assert.equal(first.body.match(/Läxhjälp på biblioteket \d\d/g)?.length, examplesPerPage);
    assert.match(first.body, /Sida 1 av 2/);
    assert.match(first.body, /href="\/examples\?q=l%C3%A4xhj%C3%A4lp&amp;page=2#results">Nästa sida/);
    assert.doesNotMatch(first.body, /Föregående sida/);
    const second = await anonymous.get('/examples?q=l%C3%A4xhj%C3%A4lp&page=2');
    assert.equal(second.body.match(/Läxhjälp på biblioteket \d\d/g)?.length, 2);
    assert.match(second.body, /Föregående sida/);
    assert.doesNotMatch(second.body, /Nästa sida/);
    const past = await anonymous.get('/examples?q=l%C3%A4xhj%C3%A4lp&page=9');
    assert.match(past.body, /Sida 2 av 2/);
    const refused = await anonymous.get('/examples?q=l%C3%A4xhj%C3%A4lp&page=tv%C3%A5');
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Länken innehåller ett filter som inte finns/);
  });

  it('take a comment without an account, hold it until an editor approves, and never show the e-mail', async () => {
    const anonymous = new Client(t.app);
    await anonymous.get(`/examples/${exampleId}`);
    const posted = await anonymous.post(`/examples/${exampleId}/comments`, {
      name: 'Lena Holm',
      email: 'lena.holm@example.se',
      body: 'Vi gör <strong>likadant</strong> i vår kommun.',
    });
    assert.equal(posted.statusCode, 303);
    const thanks = await anonymous.get(location(posted));
    assert.match(thanks.body, /visas när en redaktör har godkänt/);
    assert.doesNotMatch(thanks.body, /likadant/);

    const reviewer = await login(t.app, otherOrgEditor);
    const overview = await reviewer.get('/examples/editor');
    assert.match(overview.body, /lena\.holm@example\.se/);
    const commentId = /\/examples\/editor\/comments\/([0-9a-f-]{36})/.exec(overview.body)![1]!;
    const read = await t.db.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'comment.readEmail')
      .execute();
    assert.ok(read.length > 0, 'the moderator reading e-mail addresses is audited');
    assert.equal(
      (await reviewer.post(`/examples/editor/comments/${commentId}`, { step: 'approve' })).statusCode,
      303,
    );

    const shown = await new Client(t.app).get(`/examples/${exampleId}`);
    assert.match(shown.body, /<strong>likadant<\/strong>/);
    assert.match(shown.body, /Lena Holm/);
    assert.doesNotMatch(shown.body, /lena\.holm@example\.se/);
  });

  it('refuses an empty comment, a bad address, an identity number and a filled honeypot, storing none', async () => {
    const before = await t.db.db.selectFrom('good_practice_comment').select('id').execute();
    const cases: Record<string, string>[] = [
      { name: 'A', email: 'a@example.se', body: '<script>alert(1)</script>' },
      { name: 'A', email: 'inte-en-adress', body: 'Hej' },
      { name: 'A', email: 'a@example.se', body: 'Det gäller 201203152382.' },
      { name: 'A', email: 'a@example.se', body: 'Hej', website: 'https://spam.example' },
      { name: '', email: '', body: '' },
    ];
    for (const form of cases) {
      const client = new Client(t.app);
      await client.get(`/examples/${exampleId}`);
      const res = await client.post(`/examples/${exampleId}/comments`, form);
      assert.equal(res.statusCode, 400, JSON.stringify(form));
    }
    const after = await t.db.db.selectFrom('good_practice_comment').select('id').execute();
    assert.equal(after.length, before.length);
  });

  it('refuses a comment on an example that is not published', async () => {
    const client = new Client(t.app);
    await client.get(`/examples/${exampleId}`);
    const res = await client.post('/examples/00000000-0000-4000-8000-000000000000/comments', {
      name: 'A',
      email: 'a@example.se',
      body: 'Hej',
    });
    assert.equal(res.statusCode, 404);
  });

  it('limits the comments one address may post', async () => {
    const client = new Client(t.app);
    await client.get(`/examples/${exampleId}`);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await client.post(`/examples/${exampleId}/comments`, {
            name: 'B',
            email: 'b@example.se',
            body: `Nummer ${i}`,
          })
        ).statusCode,
      );
    assert.deepEqual(statuses, [303, 303, 303, 303, 303, 429]);
  });

  it('never selects the e-mail address for a public page', () => {
    assert.equal((publicCommentColumns as readonly string[]).includes('email'), false);
  });
});

describe('hostile comments through the route', () => {
  it('keep only the allowed tags and attributes, with http(s) links that are nofollow ugc', async () => {
    for (const [i, body] of hostileComments.entries()) {
      const client = new Client(t.app);
      await client.get(`/examples/${exampleId}`);
      const res = await client.post(`/examples/${exampleId}/comments`, {
        name: `Angripare ${i}`,
        email: 'x@example.se',
        body,
      });
      assert.ok([303, 400].includes(res.statusCode), `${res.statusCode} for ${body}`);
    }
    await t.db.db
      .updateTable('good_practice_comment')
      .set({ state: 'approved' })
      .where('state', '=', 'pending')
      .execute();
    const page = (await new Client(t.app).get(`/examples/${exampleId}`)).body;
    const section = page.slice(page.indexOf('id="comments"'), page.indexOf('id="comment-form"'));
    const allowed = allowedCommentTags as Record<string, readonly string[]>;
    const structural = new Set(['h2', 'ol', 'li', 'p', 'strong', 'div', 'section']);
    for (const [, tag, attributes] of section.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
      const name = tag!.toLowerCase();
      assert.ok(name in allowed || structural.has(name), `tag <${name}> in ${section.slice(0, 200)}`);
      for (const [, attr, value] of attributes!.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) {
        const a = attr!.toLowerCase();
        if (name in allowed && !structural.has(name)) {
          assert.ok([...(allowed[name] ?? []), 'rel'].includes(a), `attribute ${a} on <${name}>`);
          if (a === 'href' || a === 'cite') assert.match(value!, /^https?:\/\//, `${a}="${value}"`);
          if (a === 'rel') assert.equal(value, 'nofollow ugc');
        } else assert.ok(['class', 'id', 'aria-labelledby'].includes(a), `attribute ${a} on <${name}>`);
      }
    }
    // Attack text may survive as text or inside a quoted, escaped title; never as markup.
    assert.doesNotMatch(section, /<(script|img|svg|math|iframe|style|object|embed|meta|base|form|input)\b/i);
    assert.doesNotMatch(section, /(href|cite)="(?!https?:)/i);
  });
});
