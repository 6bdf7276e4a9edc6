import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  contains,
  daysIn,
  overlap,
  parsePeriodKey,
  parseRange,
  periodContaining,
  periodsCovering,
  previousPeriod,
  spanUntil,
  twelveMonthsEndingOn,
} from './periods.ts';

describe('periods', () => {
  it('knows the month, quarter and year a day falls in, leap days included', () => {
    assert.deepEqual(periodContaining('month', '2028-02-29'), {
      kind: 'month',
      key: '2028-02',
      from: '2028-02-01',
      to: '2028-02-29',
    });
    assert.equal(periodContaining('quarter', '2026-05-31').key, '2026-Q2');
    assert.equal(periodContaining('quarter', '2026-12-31').to, '2026-12-31');
    assert.equal(periodContaining('year', '2026-07-01').from, '2026-01-01');
  });

  it('reads period keys and refuses anything else', () => {
    assert.equal(parsePeriodKey('2026-Q4')?.from, '2026-10-01');
    assert.equal(parsePeriodKey('2026-11')?.to, '2026-11-30');
    assert.equal(parsePeriodKey('2026')?.to, '2026-12-31');
    for (const bad of ['2026-13', '2026-Q5', '26', '2026-1', ''])
      assert.equal(parsePeriodKey(bad), null, bad);
  });

  it('lists the months of a year for a chart, and steps back one period', () => {
    const months = periodsCovering('month', parsePeriodKey('2026')!);
    assert.equal(months.length, 12);
    assert.equal(months[1]!.to, '2026-02-28');
    assert.equal(previousPeriod(parsePeriodKey('2026-Q1')!).key, '2025-Q4');
    assert.equal(previousPeriod(parsePeriodKey('2026-03')!).key, '2026-02');
  });

  it('checks a free range from the API', () => {
    assert.deepEqual(parseRange('2026-01-01', '2026-01-31'), {
      ok: true,
      period: { kind: 'range', key: '2026-01-01..2026-01-31', from: '2026-01-01', to: '2026-01-31' },
    });
    assert.deepEqual(parseRange('2026-02-30', '2026-03-01'), { ok: false, error: 'dateInvalid' });
    assert.deepEqual(parseRange('2026-03-01', '2026-02-01'), { ok: false, error: 'endBeforeStart' });
    assert.deepEqual(parseRange('2000-01-01', '2026-01-01'), { ok: false, error: 'tooLong' });
    const range = parseRange('2026-01-10', '2026-01-19');
    assert.ok(range.ok);
    assert.equal(previousPeriod(range.period).key, '2025-12-31..2026-01-09');
  });

  it('counts days, overlaps and the twelve months ending on a day', () => {
    assert.equal(daysIn(parsePeriodKey('2028')!), 366);
    assert.deepEqual(twelveMonthsEndingOn('2026-03-31'), { from: '2025-04-01', to: '2026-03-31' });
    assert.deepEqual(twelveMonthsEndingOn('2028-02-29'), { from: '2027-03-01', to: '2028-02-29' });
    assert.equal(
      overlap({ from: '2026-01-01', to: '2026-01-10' }, { from: '2026-01-11', to: '2026-01-20' }),
      null,
    );
    assert.deepEqual(spanUntil('2026-01-05', null, '2026-01-07'), { from: '2026-01-05', to: '2026-01-07' });
    assert.equal(spanUntil('2026-01-08', null, '2026-01-07'), null);
    assert.equal(contains({ from: '2026-01-01', to: '2026-01-31' }, null), false);
  });
});
