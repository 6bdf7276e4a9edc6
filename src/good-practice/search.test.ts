import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterParams, parseExampleSearch, searchTerms, toggleFacet } from './search.ts';

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
