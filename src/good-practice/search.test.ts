import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  examplesPerPage,
  filterParams,
  pageOfHits,
  parseExampleSearch,
  searchTerms,
  toggleFacet,
} from './search.ts';

describe('the examples search form', () => {
  it('reads a query and facets; empty means all', () => {
    const parsed = parseExampleSearch({
      q: '  Familjehem   läsning ',
      area: 'schooling',
      county: '23',
      size: '',
    });
    assert.ok(parsed.ok);
    assert.equal(parsed.filters.q, 'Familjehem läsning');
    assert.deepEqual(parsed.filters.terms, ['familjehem', 'läsning']);
    assert.equal(parsed.filters.area, 'schooling');
    assert.equal(parsed.filters.county, '23');
    assert.equal(parsed.filters.size, null);
    assert.equal(parsed.filters.evidence, null);
  });

  it('refuses a value a facet does not have, and an over-long query', () => {
    assert.equal(parseExampleSearch({ county: '11' }).ok, false);
    assert.equal(parseExampleSearch({ evidence: 'recommended' }).ok, false);
    assert.equal(parseExampleSearch({ q: 'x'.repeat(101) }).ok, false);
    assert.equal(parseExampleSearch({ q: 'x'.repeat(100) }).ok, true);
  });

  it('splits words on anything but letters and digits, keeps å ä ö, at most eight, each once', () => {
    assert.deepEqual(searchTerms('Barn- och ungdomsvård, BUP/BVC: Östersund'), [
      'barn',
      'och',
      'ungdomsvård',
      'bup',
      'bvc',
      'östersund',
    ]);
    assert.deepEqual(searchTerms('a b c'), []);
    assert.equal(searchTerms('ett två tre fyra fem sex sju åtta nio tio').length, 8);
    assert.deepEqual(searchTerms('skola SKOLA Skola'), ['skola']);
  });

  it('keeps the filters in links, and a facet link chooses or clears its value', () => {
    const parsed = parseExampleSearch({ q: 'läsning', area: 'schooling', evidence: 'localResult' });
    assert.ok(parsed.ok);
    assert.deepEqual(filterParams(parsed.filters), [
      ['q', 'läsning'],
      ['area', 'schooling'],
      ['evidence', 'localResult'],
    ]);
    assert.deepEqual(toggleFacet(parsed.filters, 'area', 'schooling'), [
      ['q', 'läsning'],
      ['evidence', 'localResult'],
    ]);
    assert.deepEqual(toggleFacet(parsed.filters, 'area', 'health'), [
      ['q', 'läsning'],
      ['area', 'health'],
      ['evidence', 'localResult'],
    ]);
  });
});

describe('the pages of hits', () => {
  it('reads the page number, refusing what is not one', () => {
    const page = (raw?: string) => {
      const parsed = parseExampleSearch({ page: raw });
      return parsed.ok ? parsed.page : 'refused';
    };
    assert.equal(page(undefined), 1);
    assert.equal(page(''), 1);
    assert.equal(page('3'), 3);
    for (const bad of ['0', '-1', '1.5', '2e1', ' 2', 'två', '123456'])
      assert.equal(page(bad), 'refused', bad);
  });

  it('lists twenty at a time and keeps a page past the end on the last', () => {
    const hits = Array.from({ length: 2 * examplesPerPage + 3 }, (_, i) => i);
    assert.deepEqual(pageOfHits(hits, 1), { shown: hits.slice(0, 20), page: 1, pages: 3 });
    assert.deepEqual(pageOfHits(hits, 3), { shown: hits.slice(40), page: 3, pages: 3 });
    assert.deepEqual(pageOfHits(hits, 99).page, 3);
    assert.deepEqual(pageOfHits([], 1), { shown: [], page: 1, pages: 1 });
    assert.equal(pageOfHits(hits.slice(0, 20), 2).pages, 1);
  });
});
