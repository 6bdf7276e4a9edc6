import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../platform/access/policy.ts';
import type { RequestContext } from '../platform/access/scope.ts';
import { Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createUser, type TestUser } from '../testing/factories.ts';
import type { RevisionInput } from './domain.ts';
import type { GuideLanguage } from './schema.ts';
import { createEntry, saveRevision, saveSettings, takeStep } from './service.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const contextOf = (user: TestUser): RequestContext => ({
  actor: {
    userId: user.id,
    municipalityId: user.municipalityId,
    role: user.role,
    unitId: null,
    displayName: `Testanvändare ${user.username}`,
    organisation: null,
    partnerKind: null,
    secondFactorDone: true,
  } satisfies Actor,
  clientAddress: '127.0.0.1',
});

/** A municipality with two guide editors (four eyes need two). */
async function guideMunicipality() {
  const municipalityId = await createMunicipality(t.db.db);
  const { code } = await t.db.db
    .selectFrom('municipality')
    .select('code')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  const editor = await createUser(t.db.db, t.config.secretKey, { municipalityId, role: 'guideEditor' });
  const reviewer = await createUser(t.db.db, t.config.secretKey, { municipalityId, role: 'guideEditor' });
  return { municipalityId, code, editor, reviewer };
}

const swedish = (overrides: RevisionInput = {}): RevisionInput => ({
  title: 'Barnavårdscentralen',
  summary: 'Hälsobesök och vaccinationer för små barn.',
  forWhom: 'Alla barn 0–5 år och deras föräldrar.',
  howToGet: 'Ring och boka tid.',
  hours: 'Vardagar 8–16',
  level: 'universal',
  organisationKind: 'childHealth',
  provider: 'BVC Sjövik',
  ageFrom: '0',
  ageTo: '5',
  situations: ['parenting', 'healthAndBody'],
  access: 'noReferral',
  languages: ['sv', 'ar'],
  interpreter: 'on',
  phone: '070-174 06 05',
  email: 'bvc@sjovik.example',
  website: 'https://sjovik.example/bvc',
  address: 'Storgatan 1, Sjövik',
  ...overrides,
});

type Guide = Awaited<ReturnType<typeof guideMunicipality>>;

/** Writes, reviews and publishes one language version through the service, as editors would. */
async function publish(g: Guide, entryId: string | null, lang: GuideLanguage, input: RevisionInput) {
  const saved =
    entryId === null
      ? await createEntry(t.db.db, contextOf(g.editor), input)
      : await saveRevision(t.db.db, contextOf(g.editor), entryId, lang, input);
  assert.ok(saved.ok, JSON.stringify(saved));
  assert.deepEqual(await takeStep(t.db.db, contextOf(g.reviewer), saved.revisionId, 'review'), {
    ok: true,
    entryId: saved.entryId,
    lang,
  });
  const published = await takeStep(t.db.db, contextOf(g.editor), saved.revisionId, 'publish');
  assert.ok(published.ok);
  return saved.entryId;
}

const publicPage = (path: string, headers: Record<string, string> = {}) =>
  new Client(t.app).get(path, headers);

describe('the public guide shows only what is published', () => {
  it('hides a draft, and shows the entry once another editor has reviewed it and it is published', async () => {
    const g = await guideMunicipality();
    const editor = await login(t.app, g.editor);
    await editor.get('/guide-editor/entries/new');
    const created = await postForm(
      editor,
      '/guide-editor/entries',
      swedish({ title: 'Öppna förskolan Sjöstjärnan' }),
    );
    assert.equal(created.statusCode, 303);
    const entryId = /entries\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;

    const before = await publicPage(`/guide/sv?m=${g.code}`);
    assert.equal(before.statusCode, 200);
    assert.doesNotMatch(before.body, /Sjöstjärnan/);
    assert.match(before.body, /Det finns inget stöd publicerat här ännu/);
    assert.equal((await publicPage(`/guide/sv/entry/${entryId}?m=${g.code}`)).statusCode, 404);

    const revision = await t.db.db
      .selectFrom('guide_revision')
      .select('id')
      .where('entry_id', '=', entryId)
      .executeTakeFirstOrThrow();
    // The author cannot publish a draft nobody has reviewed.
    const early = await editor.post(`/guide-editor/revisions/${revision.id}/publish`);
    assert.equal(early.statusCode, 409);

    const reviewer = await login(t.app, g.reviewer);
    await reviewer.get(`/guide-editor/entries/${entryId}`);
    assert.equal((await reviewer.post(`/guide-editor/revisions/${revision.id}/review`)).statusCode, 303);
    assert.doesNotMatch(
      (await publicPage(`/guide/sv?m=${g.code}`)).body,
      /Sjöstjärnan/,
      'reviewed is not live',
    );
    await editor.get(`/guide-editor/entries/${entryId}`);
    assert.equal((await editor.post(`/guide-editor/revisions/${revision.id}/publish`)).statusCode, 303);

    const after = await publicPage(`/guide/sv?m=${g.code}`);
    assert.match(after.body, /Öppna förskolan Sjöstjärnan/);
    const entry = await publicPage(`/guide/sv/entry/${entryId}?m=${g.code}`);
    assert.equal(entry.statusCode, 200);
    assert.match(entry.body, /href="tel:0701740605"/);
  });

  it('keeps the published text live while a new draft is written, and swaps it only at publication, all audited', async () => {
    const g = await guideMunicipality();
    const entryId = await publish(g, null, 'sv', swedish({ title: 'Familjecentralen' }));
    const editor = await login(t.app, g.editor);
    await editor.get(`/guide-editor/entries/${entryId}/sv/edit`);
    const edit = await postForm(
      editor,
      `/guide-editor/entries/${entryId}/sv/edit`,
      swedish({ title: 'Familjecentralen Sjövik', phone: '070-174 06 99' }),
    );
    assert.equal(edit.statusCode, 303);
    assert.match(edit.headers.location as string, /notice=saved/);

    const live = await publicPage(`/guide/sv/entry/${entryId}?m=${g.code}`);
    assert.match(live.body, /<h1[^>]*>Familjecentralen<\/h1>/);
    assert.match(live.body, /070-174 06 05/);
    assert.doesNotMatch(live.body, /06 99/);

    const draft = await t.db.db
      .selectFrom('guide_revision')
      .select(['id', 'revision_no', 'state'])
      .where('entry_id', '=', entryId)
      .where('state', '=', 'draft')
      .executeTakeFirstOrThrow();
    assert.equal(draft.revision_no, 2);
    const reviewer = await login(t.app, g.reviewer);
    await reviewer.get(`/guide-editor/entries/${entryId}`);
    await reviewer.post(`/guide-editor/revisions/${draft.id}/review`);
    await editor.get(`/guide-editor/entries/${entryId}`);
    await editor.post(`/guide-editor/revisions/${draft.id}/publish`);

    const updated = await publicPage(`/guide/sv/entry/${entryId}?m=${g.code}`);
    assert.match(updated.body, /<h1[^>]*>Familjecentralen Sjövik<\/h1>/);
    assert.match(updated.body, /070-174 06 99/);
    const states = await t.db.db
      .selectFrom('guide_revision')
      .select(['revision_no', 'state'])
      .where('entry_id', '=', entryId)
      .orderBy('revision_no')
      .execute();
    assert.deepEqual(states, [
      { revision_no: 1, state: 'superseded' },
      { revision_no: 2, state: 'published' },
    ]);

    const events = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'record_id', 'outcome'])
      .where('record_id', '=', draft.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.map((e) => [e.action, e.actor_user_id, e.outcome]),
      [
        ['guide.edit', g.editor.id, 'allowed'],
        ['guide.review', g.reviewer.id, 'allowed'],
        ['guide.publish', g.editor.id, 'allowed'],
      ],
    );

    const page = await editor.get(`/guide-editor/entries/${entryId}`);
    assert.match(page.body, /Ändringshistorik/);
    assert.match(page.body, /Ändrade \(version 2\): Rubrik, Telefon/);
    assert.match(page.body, new RegExp(`Testanvändare ${g.reviewer.username}`));
  });

  it('refuses a review by the text’s last editor, and audits the refusal', async () => {
    const g = await guideMunicipality();
    const saved = await createEntry(t.db.db, contextOf(g.editor), swedish());
    assert.ok(saved.ok);
    const editor = await login(t.app, g.editor);
    await editor.get(`/guide-editor/entries/${saved.entryId}`);
    const res = await editor.post(`/guide-editor/revisions/${saved.revisionId}/review`);
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /En annan redaktör behöver granska den/);
    const state = await t.db.db
      .selectFrom('guide_revision')
      .select('state')
      .where('id', '=', saved.revisionId)
      .executeTakeFirstOrThrow();
    assert.equal(state.state, 'draft');
    const denied = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'outcome', 'reason'])
      .where('record_id', '=', saved.revisionId)
      .where('outcome', '=', 'denied')
      .execute();
    assert.deepEqual(denied, [{ action: 'guide.review', outcome: 'denied', reason: 'ownChange' }]);
  });

  it('sends a reviewed text back to draft when it is edited again, so the review covers what is published', async () => {
    const g = await guideMunicipality();
    const saved = await createEntry(t.db.db, contextOf(g.editor), swedish());
    assert.ok(saved.ok);
    assert.ok((await takeStep(t.db.db, contextOf(g.reviewer), saved.revisionId, 'review')).ok);
    const again = await saveRevision(
      t.db.db,
      contextOf(g.editor),
      saved.entryId,
      'sv',
      swedish({ hours: 'Måndagar' }),
    );
    assert.ok(again.ok);
    assert.equal(again.revisionId, saved.revisionId);
    assert.deepEqual(await takeStep(t.db.db, contextOf(g.editor), saved.revisionId, 'publish'), {
      ok: false,
      reason: 'wrongState',
    });
  });

  it('publishes a translation only after the Swedish text, which carries the facts', async () => {
    const g = await guideMunicipality();
    const saved = await createEntry(t.db.db, contextOf(g.editor), swedish());
    assert.ok(saved.ok);
    const en = await saveRevision(t.db.db, contextOf(g.editor), saved.entryId, 'en', {
      title: 'Child health centre',
      summary: 'Health checks and vaccinations for small children.',
    });
    assert.ok(en.ok);
    assert.ok((await takeStep(t.db.db, contextOf(g.reviewer), en.revisionId, 'review')).ok);
    assert.deepEqual(await takeStep(t.db.db, contextOf(g.editor), en.revisionId, 'publish'), {
      ok: false,
      reason: 'swedishFirst',
    });
  });
});

describe('languages and fallback', () => {
  it('shows the translation where there is one, and the Swedish text with a visible note where there is not', async () => {
    const g = await guideMunicipality();
    const bvc = await publish(g, null, 'sv', swedish());
    await publish(g, bvc, 'en', {
      title: 'Child health centre',
      summary: 'Health checks for small children.',
    });
    await publish(g, bvc, 'ar', { title: 'مركز رعاية صحة الطفل', summary: 'فحوصات صحية للأطفال الصغار.' });
    const other = await publish(
      g,
      null,
      'sv',
      swedish({ title: 'Ungdomsmottagningen', ageFrom: '13', ageTo: '25' }),
    );

    const en = await publicPage(`/guide/en?m=${g.code}`);
    assert.match(en.body, /<html lang="en" dir="ltr">/);
    assert.match(en.body, /Child health centre/);
    assert.match(en.body, /<h3 id="entry-[^"]+" lang="sv" dir="ltr"><a [^>]+>Ungdomsmottagningen<\/a>/);
    assert.match(en.body, /1 text is not yet available in your language and is shown in Swedish/);

    const ar = await publicPage(`/guide/ar?m=${g.code}`);
    assert.match(ar.body, /<html lang="ar" dir="rtl">/);
    assert.match(ar.body, /مركز رعاية صحة الطفل/);

    const so = await publicPage(`/guide/so/entry/${other}?m=${g.code}`);
    assert.equal(so.statusCode, 200);
    assert.match(so.body, /<html lang="so" dir="ltr">/);
    assert.match(so.body, /<h1 lang="sv" dir="ltr">Ungdomsmottagningen<\/h1>/);
    assert.match(so.body, /class="notice fallback-note"/);

    const sv = await publicPage(`/guide/sv?m=${g.code}`);
    assert.doesNotMatch(sv.body, /fallback-note/, 'Swedish is never a fallback of itself');
  });

  it('never shows an empty page: a municipality without entries still gets the chrome, numbers and report link', async () => {
    const g = await guideMunicipality();
    for (const lang of ['sv', 'sv-x-lattlast', 'en', 'ar', 'so', 'fa', 'ti', 'uk', 'fi']) {
      const res = await publicPage(`/guide/${lang}?m=${g.code}`);
      assert.equal(res.statusCode, 200, lang);
      assert.match(res.body, /href="tel:112"/, lang);
      assert.match(res.body, new RegExp(`href="/report\\?m=${g.code}`), lang);
    }
  });

  it('marks every language link with its own lang, and the current one with aria-current', async () => {
    const g = await guideMunicipality();
    const res = await publicPage(`/guide/fa?m=${g.code}`);
    assert.match(res.body, /<html lang="fa" dir="rtl">/);
    assert.match(res.body, /<a href="\/guide\/ti\?m=\d+" lang="ti" dir="ltr" hreflang="ti">ትግርኛ<\/a>/);
    assert.match(res.body, /lang="fa" dir="rtl" hreflang="fa" aria-current="page">فارسی \/ دری<\/a>/);
  });

  it('picks the language from the browser at /guide, and honours q-values', async () => {
    const g = await guideMunicipality();
    const ar = await publicPage(`/guide?m=${g.code}`, { 'accept-language': 'ar-SE,ar;q=0.9,sv;q=0.5' });
    assert.equal(ar.statusCode, 302);
    assert.equal(ar.headers.location, `/guide/ar?m=${g.code}`);
    const dari = await publicPage(`/guide?m=${g.code}`, { 'accept-language': 'de;q=1, prs;q=0.8' });
    assert.equal(dari.headers.location, `/guide/fa?m=${g.code}`);
    const none = await publicPage(`/guide?m=${g.code}`, { 'accept-language': 'de, fr' });
    assert.equal(none.headers.location, `/guide/sv?m=${g.code}`);
    const statement = await publicPage(`/accessibility?m=${g.code}`, { 'accept-language': 'uk' });
    assert.equal(statement.headers.location, `/guide/uk/accessibility?m=${g.code}`);
  });
});

describe('browse, filter and search', () => {
  it('filters by age, situation, organisation, language and level, and searches in the language and in Swedish', async () => {
    const g = await guideMunicipality();
    const bvc = await publish(g, null, 'sv', swedish());
    await publish(g, bvc, 'en', { title: 'Child health centre', summary: 'Health checks and vaccinations.' });
    await publish(
      g,
      null,
      'sv',
      swedish({
        title: 'Stödsamtal för barn som anhöriga',
        summary: 'Samtal i grupp för barn vars förälder är sjuk.',
        level: 'targeted',
        organisationKind: 'socialServices',
        ageFrom: '7',
        ageTo: '17',
        situations: ['childAsNextOfKin'],
        provider: 'Socialtjänsten Sjövik',
        languages: ['sv', 'so'],
        access: 'contact',
      }),
    );
    const titles = async (query: string, lang = 'sv') => {
      const res = await publicPage(`/guide/${lang}?m=${g.code}&${query}`);
      assert.equal(res.statusCode, 200, query);
      return [...res.body.matchAll(/<h3 id="entry-[^>]+><a [^>]+>([^<]+)<\/a>/g)].map((m) => m[1]);
    };
    assert.deepEqual(await titles('age=0-5'), ['Barnavårdscentralen']);
    assert.deepEqual(await titles('age=13-17'), ['Stödsamtal för barn som anhöriga']);
    assert.deepEqual(await titles('situation=childAsNextOfKin'), ['Stödsamtal för barn som anhöriga']);
    assert.deepEqual(await titles('organisation=childHealth'), ['Barnavårdscentralen']);
    assert.deepEqual(await titles('language=so'), ['Stödsamtal för barn som anhöriga']);
    assert.deepEqual(await titles('level=universal'), ['Barnavårdscentralen']);
    assert.deepEqual(await titles('q=ANHÖRIGA'), ['Stödsamtal för barn som anhöriga']);
    assert.deepEqual(await titles('q=anhoriga+grupp'), ['Stödsamtal för barn som anhöriga']);
    assert.deepEqual(await titles('q=vaccinations', 'en'), ['Child health centre']);
    assert.deepEqual(
      await titles('q=bvc', 'en'),
      ['Child health centre'],
      'Swedish names are found in English',
    );
    assert.deepEqual(await titles('q=100%25'), []);
    assert.deepEqual(await titles('age=0-5&level=targeted'), []);
    const none = await publicPage(`/guide/sv?m=${g.code}&age=0-5&level=targeted`);
    assert.match(none.body, /Inget stöd passar ditt urval/);
  });

  it('answers a broken filter link with a clear 400 page that still lists all support', async () => {
    const g = await guideMunicipality();
    await publish(g, null, 'sv', swedish());
    for (const query of [
      'age=99',
      'situation=%3Cscript%3E',
      'level=all',
      `q=${'x'.repeat(101)}`,
      'language=xx',
    ]) {
      const res = await publicPage(`/guide/sv?m=${g.code}&${query}`);
      assert.equal(res.statusCode, 400, query);
      assert.match(res.body, /Vi kunde inte läsa urvalet i länken/);
      assert.match(res.body, /Barnavårdscentralen/);
      assert.doesNotMatch(res.body, /<script>/);
    }
  });

  it('answers unknown languages, municipalities and entries with a not-found page, never a 500', async () => {
    const g = await guideMunicipality();
    assert.equal((await publicPage(`/guide/de?m=${g.code}`)).statusCode, 404);
    assert.equal((await publicPage(`/guide/sv?m=0000`)).statusCode, 404);
    assert.equal((await publicPage(`/guide/sv?m=%27%3B--`)).statusCode, 404);
    assert.equal((await publicPage(`/guide/sv/entry/not-a-uuid?m=${g.code}`)).statusCode, 404);
    const other = await guideMunicipality();
    const foreign = await publish(other, null, 'sv', swedish());
    const res = await publicPage(`/guide/sv/entry/${foreign}?m=${g.code}`);
    assert.equal(res.statusCode, 404, 'an entry of another municipality is not found');
    assert.match(res.body, /Stödet finns inte/);
  });

  it('lists every published entry in the printable leaflet, grouped by organisation', async () => {
    const g = await guideMunicipality();
    await publish(g, null, 'sv', swedish());
    await publish(g, null, 'sv', swedish({ title: 'Skolkuratorn', organisationKind: 'school' }));
    const res = await publicPage(`/guide/sv/leaflet?m=${g.code}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Barnavårdscentral \(BVC\)<\/h2>.*Barnavårdscentralen/s);
    assert.match(res.body, /Förskola, skola och elevhälsa<\/h2>.*Skolkuratorn/s);
  });
});

describe('editors: input, access and tenancy', () => {
  it('escapes hostile text and refuses links that are not http(s)', async () => {
    const g = await guideMunicipality();
    const editor = await login(t.app, g.editor);
    await editor.get('/guide-editor/entries/new');
    const bad = await postForm(
      editor,
      '/guide-editor/entries',
      swedish({ website: 'javascript:alert(1)', phone: 'call me', ageFrom: '12', ageTo: '3' }),
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /börjar med https:\/\//);
    assert.match(bad.body, /Ange ett telefonnummer/);
    assert.match(bad.body, /Till-åldern får inte vara lägre/);
    const long = await postForm(editor, '/guide-editor/entries', swedish({ title: 'x'.repeat(201) }));
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /Högst 200 tecken/);
    const count = await t.db.db
      .selectFrom('guide_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', g.municipalityId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0, 'nothing half-written');

    const entryId = await publish(g, null, 'sv', swedish({ title: '<script>alert(1)</script>' }));
    const page = await publicPage(`/guide/sv/entry/${entryId}?m=${g.code}`);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.match(page.body, /<h1>&lt;script>alert\(1\)&lt;\/script><\/h1>/);
  });

  it('refuses the editor pages to other staff (audited) and sends anonymous visitors to login', async () => {
    const g = await guideMunicipality();
    const anonymous = await publicPage('/guide-editor');
    assert.equal(anonymous.statusCode, 302);
    assert.match(anonymous.headers.location as string, /^\/login/);
    const worker = await createUser(t.db.db, t.config.secretKey, {
      municipalityId: g.municipalityId,
      role: 'socialWorker',
    });
    const client = await login(t.app, worker);
    assert.equal((await client.get('/guide-editor')).statusCode, 403);
    const saved = await createEntry(t.db.db, contextOf(g.editor), swedish());
    assert.ok(saved.ok);
    assert.equal((await client.post(`/guide-editor/revisions/${saved.revisionId}/review`)).statusCode, 403);
    const denied = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'reason'])
      .where('actor_user_id', '=', worker.id)
      .where('outcome', '=', 'denied')
      .orderBy('seq')
      .execute();
    assert.deepEqual(denied, [
      { action: 'guide.edit', reason: 'roleNotPermitted' },
      { action: 'guide.review', reason: 'roleNotPermitted' },
    ]);
  });

  it('shows a guide editor the way in from the start page and menu, and nothing of the people register', async () => {
    const g = await guideMunicipality();
    const editor = await login(t.app, g.editor);
    const home = await editor.get('/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<a class="card" href="\/guide-editor">Redigera stödguiden<\/a>/);
    assert.match(home.body, /<a href="\/guide-editor">Stödguiden<\/a>/);
    assert.doesNotMatch(home.body, /href="\/people"/);
    assert.equal((await editor.get('/people')).statusCode, 403);
  });

  it('keeps each municipality’s guide to its own editors', async () => {
    const a = await guideMunicipality();
    const b = await guideMunicipality();
    const saved = await createEntry(t.db.db, contextOf(a.editor), swedish());
    assert.ok(saved.ok);
    const intruder = await login(t.app, b.reviewer);
    assert.equal((await intruder.get(`/guide-editor/entries/${saved.entryId}`)).statusCode, 404);
    await intruder.get('/guide-editor');
    assert.equal((await intruder.post(`/guide-editor/revisions/${saved.revisionId}/review`)).statusCode, 404);
    const edit = await postForm(intruder, `/guide-editor/entries/${saved.entryId}/sv/edit`, swedish());
    assert.equal(edit.statusCode, 404);
    assert.doesNotMatch((await intruder.get('/guide-editor')).body, /Barnavårdscentralen/);
  });

  it('refuses a form without its CSRF token', async () => {
    const g = await guideMunicipality();
    const editor = await login(t.app, g.editor);
    const res = await postForm(editor, '/guide-editor/entries', { ...swedish(), _csrf: 'forged' });
    assert.equal(res.statusCode, 403);
  });

  it('saves the contact numbers, shows them on every guide page, and keeps them in the history', async () => {
    const g = await guideMunicipality();
    const bad = await saveSettings(t.db.db, contextOf(g.editor), { intakePhone: 'x', contactEmail: 'nope' });
    assert.deepEqual(bad, {
      ok: false,
      errors: ['intakePhone', 'afterHoursPhone', 'contactPhone', 'contactEmail'],
    });
    const editor = await login(t.app, g.editor);
    await editor.get('/guide-editor/settings');
    const res = await editor.post('/guide-editor/settings', {
      intakePhone: '08-465 004 10',
      afterHoursPhone: '08-465 004 11',
      contactEmail: 'stodguiden@sjovik.example',
      contactPhone: '08-465 004 12',
    });
    assert.equal(res.statusCode, 303);
    const page = await publicPage(`/guide/ar/worried?m=${g.code}`);
    assert.match(page.body, /href="tel:0846500410" dir="ltr">08-465 004 10<\/a>/);
    const statement = await publicPage(`/guide/en/accessibility?m=${g.code}`);
    assert.match(statement.body, /stodguiden@sjovik\.example/);
    assert.match(statement.body, /https:\/\/www\.digg\.se\/tdosanmalan/);
    const history = await editor.get('/guide-editor/settings');
    assert.match(history.body, /Ändrade kontaktuppgifter/);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_type', '=', 'guideSettings')
      .where('actor_user_id', '=', g.editor.id)
      .execute();
    assert.equal(events.length, 1);
  });

  it('lets an administrator create a guide editor, who gets a second factor like other staff', async () => {
    const municipalityId = await createMunicipality(t.db.db);
    const admin = await createUser(t.db.db, t.config.secretKey, { municipalityId, role: 'administrator' });
    const client = await login(t.app, admin);
    const form = await client.get('/admin/users/new');
    assert.match(form.body, /<option value="guideEditor"[^>]*>Redaktör för stödguiden<\/option>/);
    const res = await client.post('/admin/users', {
      username: 'redaktor.test',
      displayName: 'Rut Redaktör',
      role: 'guideEditor',
      temporaryPassword: 'a-long-temporary-password',
    });
    assert.equal(res.statusCode, 303);
    const newcomer = new Client(t.app);
    await newcomer.get('/login');
    const first = await newcomer.post('/login', {
      username: 'redaktor.test',
      password: 'a-long-temporary-password',
    });
    assert.equal(
      first.headers.location,
      '/login/password',
      'changes the temporary password, then enrols TOTP',
    );
  });
});

/** Posts a form as the browser does: checkboxes as repeated keys, the page's CSRF token included. */
function postForm(client: Client, url: string, input: RevisionInput & { _csrf?: string }) {
  const body = new URLSearchParams({ _csrf: client.csrf });
  for (const [key, value] of Object.entries(input)) {
    if (Array.isArray(value)) for (const v of value) body.append(key, v);
    else if (value !== undefined) body.set(key, value);
  }
  return client.request('POST', url, body.toString(), {
    'content-type': 'application/x-www-form-urlencoded',
  });
}
