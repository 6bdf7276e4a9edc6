import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatePersonalNumber } from '../people/personal-number.ts';
import { anniversary, birthDateOf, birthday, endOfNextYear } from './ages.ts';

describe('anniversaries never come a day early', () => {
  it('falls on the same date five years later', () => {
    assert.equal(anniversary('2020-09-14', 5), '2025-09-14');
    assert.equal(anniversary('2020-12-31', 5), '2025-12-31');
  });
  it('moves 29 February to 1 March in a year without it, and keeps it in a leap year', () => {
    assert.equal(anniversary('2024-02-29', 5), '2029-03-01');
    assert.equal(anniversary('2024-02-29', 4), '2028-02-29');
    assert.equal(birthday('2008-02-29', 30), '2038-03-01');
    assert.equal(birthday('2008-02-29', 18), '2026-03-01');
  });
  it('leaves 28 February alone', () => {
    assert.equal(anniversary('2023-02-28', 5), '2028-02-28');
  });
});

describe('the date of birth the rules use', () => {
  const today = '2026-06-01';
  it('comes from the identity number', () => {
    const pn = generatePersonalNumber('2010-03-15', 123);
    assert.deepEqual(birthDateOf({ personalNumber: pn, birthDate: '2011-01-01' }, today), {
      birthDate: '2010-03-15',
      source: 'personalNumber',
    });
  });
  it("is a coordination number's day less 60", () => {
    const pn = generatePersonalNumber('2010-03-05', 456, { coordination: true });
    assert.equal(pn.slice(6, 8), '65');
    assert.equal(birthDateOf({ personalNumber: pn, birthDate: null }, today).birthDate, '2010-03-05');
  });
  it("falls back to the register's date when the number is missing or invalid", () => {
    assert.deepEqual(birthDateOf({ personalNumber: null, birthDate: '2012-07-25' }, today), {
      birthDate: '2012-07-25',
      source: 'register',
    });
    assert.equal(
      birthDateOf({ personalNumber: '201003151230', birthDate: '2012-07-25' }, today).source,
      'register',
    );
  });
  it('is unknown without either, or with a date after today', () => {
    assert.deepEqual(birthDateOf({ personalNumber: null, birthDate: null }, today), {
      birthDate: null,
      source: 'unknown',
    });
    assert.equal(birthDateOf({ personalNumber: null, birthDate: '2027-01-01' }, today).source, 'unknown');
    assert.equal(birthDateOf({ personalNumber: null, birthDate: '2012-02-30' }, today).source, 'unknown');
  });
});

describe('when culling must be done by', () => {
  it('is the end of the calendar year after the duty arose', () => {
    assert.equal(endOfNextYear('2025-09-14'), '2026-12-31');
    assert.equal(endOfNextYear('2025-01-01'), '2026-12-31');
    assert.equal(endOfNextYear('2025-12-31'), '2026-12-31');
  });
});
