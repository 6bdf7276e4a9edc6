import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextGuard } from '../collaboration/form.ts';
import { generatePersonalNumber } from '../people/personal-number.ts';
import {
  type ExampleEditor,
  type ExampleInput,
  exampleStateAfter,
  exampleStepRefusal,
  isStale,
  parseTags,
  staleFrom,
  validateExample,
} from './examples.ts';

const guard: TextGuard = { today: '2026-12-01', confirmed: false };
const valid: ExampleInput = {
  kind: 'example',
  title: 'Boken som kompis – bokpaket till familjehemsplacerade barn',
  area: 'schooling',
  themes: ['familyHomes', 'schoolAttendance'],
  targetGroups: ['childrenPlacedOutOfHome', 'fosterFamilies'],
  problem: 'Familjehemsplacerade barn läser sämre än jämnåriga.',
  whatWasDone:
    'Biblioteket skickar bokpaket varannan månad till drygt tio barn mellan 8 och 12 år och gör hembesök hos familjehemmen.',
  results: 'Familjehemmen beskriver att barnen läser mer.',
  periodFrom: '2016-09-01',
  periodTo: '2017-08-31',
  contactName: 'Sara Lind',
  contactRole: 'Bibliotekarie, Östersunds bibliotek',
  contactEmail: 'bibliotek@example.org',
  links: [{ title: 'Letterbox Club', url: 'https://example.org/letterbox' }],
  tags: 'Skolfam, läsning,  Läsning, #familjehem',
  evidence: 'localResult',
};
const errors = (r: ReturnType<typeof validateExample>) =>
  r.ok ? [] : r.errors.map((e) => [e.field, e.code]);

describe('writing a good example', () => {
  it('is accepted with what another municipality needs to learn from it', () => {
    const result = validateExample(valid, { guard });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value.tags, ['skolfam', 'läsning', 'familjehem']);
    assert.deepEqual(result.value.themes, ['familyHomes', 'schoolAttendance']);
    // The contact is an official: "Sara Lind" does not warn.
    assert.deepEqual(result.warnings, []);
  });

  it('never calls itself recommended', () => {
    assert.deepEqual(
      errors(validateExample({ ...valid, title: 'Rekommenderad metod för läsning' }, { guard })),
      [['title', 'recommendationClaim']],
    );
    assert.deepEqual(errors(validateExample({ ...valid, tags: 'recommended, läsning' }, { guard })), [
      ['tags', 'recommendationClaim'],
    ]);
  });

  it('backs its evidence label: a local result its results, a report or review its reference', () => {
    assert.deepEqual(errors(validateExample({ ...valid, results: '' }, { guard })), [
      ['results', 'resultsRequired'],
    ]);
    assert.ok(
      validateExample(
        {
          ...valid,
          results: '',
          resultValues: [
            { label: 'Barn som fick paket', value: '11', on: '2017-08-31', source: 'Biblioteket' },
          ],
        },
        { guard },
      ).ok,
    );
    assert.deepEqual(errors(validateExample({ ...valid, evidence: 'evaluatedWithReport' }, { guard })), [
      ['evidenceReference', 'evidenceReferenceRequired'],
    ]);
    assert.ok(
      validateExample(
        { ...valid, evidence: 'methodWithSystematicReview', evidenceUrl: 'https://example.org/oversikt' },
        { guard },
      ).ok,
    );
    assert.deepEqual(errors(validateExample({ ...valid, evidence: 'recommended' }, { guard })), [
      ['evidence', 'invalid'],
    ]);
  });

  it('needs a contact role and a way to reach it, and only http(s) links', () => {
    assert.deepEqual(errors(validateExample({ ...valid, contactEmail: '', contactPhone: '' }, { guard })), [
      ['contactRole', 'contactRequired'],
    ]);
    assert.deepEqual(
      errors(validateExample({ ...valid, links: [{ title: 'x', url: 'javascript:alert(1)' }] }, { guard })),
      [['links.0.url', 'notAWebAddress']],
    );
    assert.deepEqual(errors(validateExample({ ...valid, contactEmail: 'not an address' }, { guard })), [
      ['contactEmail', 'invalid'],
    ]);
  });

  it('a visit report has its date; a period ends after it starts', () => {
    assert.deepEqual(errors(validateExample({ ...valid, kind: 'visitReport', periodFrom: '' }, { guard })), [
      ['periodFrom', 'required'],
    ]);
    assert.deepEqual(errors(validateExample({ ...valid, periodTo: '2016-01-01' }, { guard })), [
      ['periodTo', 'dateBeforeStart'],
    ]);
  });

  it('is public: an identity number anywhere is refused, a name must be confirmed', () => {
    const number = generatePersonalNumber('2011-11-11', 111);
    assert.deepEqual(errors(validateExample({ ...valid, results: `T.ex. ${number}` }, { guard })), [
      ['results', 'personalIdentityNumber'],
    ]);
    assert.deepEqual(errors(validateExample({ ...valid, tags: `läsning, ${number}` }, { guard })), [
      ['tags', 'personalIdentityNumber'],
    ]);
    assert.deepEqual(errors(validateExample({ ...valid, problem: 'Pojken Elias läste inte.' }, { guard })), [
      ['problem', 'childNameUnconfirmed'],
    ]);
  });

  it('has at most ten links and ten tags', () => {
    const links = Array.from({ length: 11 }, (_, i) => ({ title: `L${i}`, url: `https://example.org/${i}` }));
    assert.deepEqual(errors(validateExample({ ...valid, links }, { guard })), [['links', 'tooMany']]);
    const tags = Array.from({ length: 11 }, (_, i) => `tagg${i}`).join(', ');
    assert.deepEqual(errors(validateExample({ ...valid, tags }, { guard })), [['tags', 'tooMany']]);
  });

  it('reads tags as people write them', () => {
    assert.deepEqual(parseTags(' #Skolfam ;barn i familjehem\nläsning  läsning '), [
      'skolfam',
      'barn i familjehem',
      'läsning',
    ]);
    assert.deepEqual(parseTags(undefined), []);
  });
});

describe('from draft to published: a review from another organisation', () => {
  const author: ExampleEditor = { userId: 'u1', organisationKey: 'municipality:ostersund', isEditor: true };
  const colleague: ExampleEditor = {
    userId: 'u2',
    organisationKey: 'municipality:ostersund',
    isEditor: true,
  };
  const other: ExampleEditor = { userId: 'u3', organisationKey: 'municipality:vaxjo', isEditor: true };
  const reader: ExampleEditor = { userId: 'u4', organisationKey: 'municipality:vaxjo', isEditor: false };

  it('the author submits a draft; an editor of another organisation publishes it', () => {
    const draft = { state: 'draft' as const, author };
    assert.equal(exampleStepRefusal('submit', draft, author, ''), null);
    const inReview = { state: exampleStateAfter('submit', 'draft'), author };
    assert.equal(inReview.state, 'inReview');
    assert.equal(exampleStepRefusal('publish', inReview, author, ''), 'ownExample');
    assert.equal(exampleStepRefusal('publish', inReview, colleague, ''), 'sameOrganisation');
    assert.equal(exampleStepRefusal('publish', inReview, reader, ''), 'notAnEditor');
    assert.equal(exampleStepRefusal('publish', inReview, other, ''), null);
    assert.equal(exampleStateAfter('publish', 'inReview'), 'published');
  });

  it('a reviewer who sends it back says why; a draft cannot be published straight away', () => {
    const inReview = { state: 'inReview' as const, author };
    assert.equal(exampleStepRefusal('returnToDraft', inReview, other, ' '), 'noteRequired');
    assert.equal(exampleStepRefusal('returnToDraft', inReview, other, 'Resultaten saknar källa'), null);
    assert.equal(exampleStepRefusal('publish', { state: 'draft', author }, other, ''), 'wrongState');
  });

  it('a published example is kept current by the same kind of review, or withdrawn with a reason', () => {
    const published = { state: 'published' as const, author };
    assert.equal(exampleStepRefusal('confirmCurrent', published, colleague, ''), 'sameOrganisation');
    assert.equal(exampleStepRefusal('confirmCurrent', published, other, ''), null);
    assert.equal(exampleStateAfter('confirmCurrent', 'published'), 'published');
    assert.equal(exampleStepRefusal('withdraw', published, author, ''), 'noteRequired');
    assert.equal(exampleStepRefusal('withdraw', published, author, 'Projektet är avslutat'), null);
  });

  it('turns stale 24 months after its last review, on the day', () => {
    assert.equal(staleFrom('2024-02-29'), '2026-02-28');
    const example = { state: 'published' as const, lastReviewedOn: '2024-12-01' };
    assert.equal(isStale(example, '2026-11-30'), false);
    assert.equal(isStale(example, '2026-12-01'), true);
    assert.equal(isStale({ ...example, state: 'withdrawn' }, '2027-01-01'), false);
    assert.equal(isStale({ ...example, lastReviewedOn: null }, '2027-01-01'), false);
  });
});
