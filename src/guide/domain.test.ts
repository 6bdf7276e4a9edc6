import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canTake,
  changedFields,
  editTarget,
  isWebAddress,
  normalizeGuideText,
  parseFilters,
  type RevisionInput,
  searchTokens,
  telHref,
  validateRevision,
} from './domain.ts';

describe('the guide filters', () => {
  it('reads an empty form as "everything"', () => {
    const parsed = parseFilters({ q: '', age: '', situation: '', organisation: '', language: '', level: '' });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.filters, {
      q: '',
      tokens: [],
      age: null,
      situation: null,
      organisation: null,
      language: null,
      level: null,
    });
  });

  it('reads every known value', () => {
    const parsed = parseFilters({
      q: '  BVC   öppen ',
      age: '6-12',
      situation: 'schoolAbsence',
      organisation: 'school',
      language: 'prs',
      level: 'targeted',
    });
    assert.ok(parsed.ok);
    assert.equal(parsed.filters.q, 'BVC öppen');
    assert.deepEqual(parsed.filters.tokens, ['bvc', 'oppen']);
    assert.deepEqual(parsed.filters.age, { id: '6-12', from: 6, to: 12 });
    assert.equal(parsed.filters.language, 'prs');
  });

  it('refuses values that no form of ours sends', () => {
    for (const raw of [
      { age: '0-99' },
      { age: '5' },
      { situation: 'toString' },
      { organisation: 'police' },
      { language: 'sv-x-lattlast' },
      { level: 'UNIVERSAL' },
      { q: 'x'.repeat(101) },
    ])
      assert.equal(parseFilters(raw).ok, false, JSON.stringify(raw));
  });
});

describe('search text', () => {
  it('ignores case and diacritics in Swedish, Finnish and Ukrainian', () => {
    assert.equal(normalizeGuideText('Öppna FÖRSKOLAN'), 'oppna forskolan');
    assert.equal(normalizeGuideText('Lastenneuvola, äiti'), 'lastenneuvola aiti');
    assert.equal(normalizeGuideText('Молодіжна'), normalizeGuideText('молодiжна'.replace('i', 'і')));
  });

  it('makes Arabic and Persian letter forms one, and drops short vowels and tatweel', () => {
    assert.equal(normalizeGuideText('مُساعَدة'), normalizeGuideText('مساعده'));
    assert.equal(normalizeGuideText('كودك'), normalizeGuideText('کودک'));
    assert.equal(normalizeGuideText('يوم'), normalizeGuideText('یوم'));
    assert.equal(normalizeGuideText('أطفال'), normalizeGuideText('اطفال'));
    assert.equal(normalizeGuideText('مـدرسـة'), normalizeGuideText('مدرسة'));
  });

  it('keeps Ethiopic script whole', () => {
    assert.equal(normalizeGuideText('ማሕበራዊ ኣገልግሎት።'), 'ማሕበራዊ ኣገልግሎት');
  });

  it('splits a query into at most six distinct words of two letters or more', () => {
    assert.deepEqual(searchTokens('a bb bb cc dd ee ff gg hh'), ['bb', 'cc', 'dd', 'ee', 'ff', 'gg']);
    assert.deepEqual(searchTokens('%_\\'), []);
  });
});

const facts = {
  level: 'universal',
  organisationKind: 'childHealth',
  provider: 'BVC Sjövik',
  ageFrom: '0',
  ageTo: '5',
  situations: ['parenting'],
  access: 'noReferral',
  languages: ['sv', 'ar'],
};

describe('what an entry must contain', () => {
  it('needs a title and a summary in every language', () => {
    const result = validateRevision({ title: ' ', summary: '' }, 'ar');
    assert.deepEqual(result, {
      ok: false,
      errors: [
        { field: 'title', code: 'required' },
        { field: 'summary', code: 'required' },
      ],
    });
  });

  it('keeps translations to text: facts belong to the Swedish version', () => {
    const result = validateRevision({ title: 'Child health', summary: 'Checks.', level: 'bogus' }, 'en');
    assert.ok(result.ok);
    assert.equal(result.value.facts, null);
  });

  it('needs every fact on the Swedish version, and keeps paragraphs', () => {
    const result = validateRevision({ title: 'BVC', summary: 'Ett.\r\n\r\n\r\nTvå.  \n', ...facts }, 'sv');
    assert.ok(result.ok);
    assert.equal(result.value.text.summary, 'Ett.\n\nTvå.');
    assert.deepEqual(result.value.facts?.languages, ['sv', 'ar']);
    assert.equal(result.value.facts?.interpreter, false);
    const missing = validateRevision({ title: 'BVC', summary: 'x' }, 'sv');
    assert.ok(!missing.ok);
    assert.deepEqual(
      missing.errors.map((e) => e.field),
      ['level', 'organisationKind', 'access', 'provider', 'ageFrom', 'ageTo', 'languages'],
    );
  });

  it('refuses ages outside 0–25 or upside down, unknown situations and languages', () => {
    for (const [override, field] of [
      [{ ageFrom: '26' }, 'ageFrom'],
      [{ ageFrom: '-1' }, 'ageFrom'],
      [{ ageFrom: '10', ageTo: '9' }, 'ageTo'],
      [{ situations: ['parenting', 'constructor'] }, 'situations'],
      [{ languages: ['sv', 'de'] }, 'languages'],
      [{ languages: [] }, 'languages'],
    ] as [RevisionInput, string][]) {
      const result = validateRevision({ title: 't', summary: 's', ...facts, ...override }, 'sv');
      assert.ok(!result.ok, JSON.stringify(override));
      assert.ok(
        result.errors.some((e) => e.field === field),
        JSON.stringify(result.errors),
      );
    }
  });

  it('accepts only http(s) links, real phone numbers and e-mail addresses', () => {
    for (const website of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://x.example',
      'https://u:p@x.example',
    ])
      assert.equal(isWebAddress(website), false, website);
    assert.equal(isWebAddress('https://sjovik.example/bvc'), true);
    const bad = validateRevision(
      { title: 't', summary: 's', ...facts, phone: 'ring mig', email: 'a@b', website: 'javascript:x' },
      'sv',
    );
    assert.ok(!bad.ok);
    assert.deepEqual(
      bad.errors.map((e) => e.field),
      ['phone', 'email', 'website'],
    );
  });

  it('makes tel: links of digits only', () => {
    assert.equal(telHref('08-465 004 00'), 'tel:0846500400');
    assert.equal(telHref('+46 (0)8 465'), 'tel:+4608465');
  });
});

describe('the editors’ workflow', () => {
  it('goes draft → reviewed → published, and only that way', () => {
    assert.equal(canTake('review', 'draft'), true);
    assert.equal(canTake('publish', 'draft'), false, 'no publication without review');
    assert.equal(canTake('publish', 'reviewed'), true);
    assert.equal(canTake('review', 'published'), false);
    assert.equal(canTake('withdraw', 'published'), true);
    for (const state of ['superseded', 'withdrawn'] as const)
      for (const step of ['review', 'publish', 'withdraw'] as const)
        assert.equal(canTake(step, state), false);
  });

  it('edits an open revision in place, and starts a new draft from a published one', () => {
    assert.equal(editTarget('draft'), 'inPlace');
    assert.equal(editTarget('reviewed'), 'inPlace');
    assert.equal(editTarget('published'), 'newDraft');
    assert.equal(editTarget(null), 'newDraft');
  });

  it('names the fields that changed, for the history', () => {
    const before = validateRevision({ title: 'BVC', summary: 's', ...facts }, 'sv');
    const after = validateRevision({ title: 'BVC Sjövik', summary: 's', ...facts, ageTo: '6' }, 'sv');
    assert.ok(before.ok && after.ok);
    assert.deepEqual(changedFields(before.value, after.value), ['title', 'ageTo']);
    assert.deepEqual(changedFields(before.value, before.value), []);
  });
});
