import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanLine, cleanText, createReader, type TextGuard } from './form.ts';
import {
  currentValue,
  type IndicatorInput,
  type IndicatorValue,
  progress,
  validateIndicator,
  validateManualValue,
} from './indicators.ts';
import { coordinatorCovers, countyOfMunicipality, municipalitySizeBand } from './municipalities.ts';

const guard: TextGuard = { today: '2026-11-25', confirmed: false };

describe('municipalities seen from outside', () => {
  it('finds the county in the municipality code', () => {
    assert.equal(countyOfMunicipality('2380'), '23'); // Östersund, Jämtland
    assert.equal(countyOfMunicipality('0980'), '09'); // Gotland
    assert.equal(countyOfMunicipality('1293'), '12'); // Hässleholm, Skåne
    assert.equal(countyOfMunicipality('1100'), null); // no county 11 since 1997
    assert.equal(countyOfMunicipality('238'), null);
    assert.equal(countyOfMunicipality('23800'), null);
  });

  it('puts a municipality in a size band by population, at the band edges too', () => {
    assert.equal(municipalitySizeBand(5_900), 'under10k'); // Storuman
    assert.equal(municipalitySizeBand(9_999), 'under10k');
    assert.equal(municipalitySizeBand(10_000), '10kTo25k');
    assert.equal(municipalitySizeBand(64_000), '50kTo100k'); // Östersund
    assert.equal(municipalitySizeBand(100_000), '100kAndMore');
    assert.equal(municipalitySizeBand(-1), null);
    assert.equal(municipalitySizeBand(1.5), null);
  });

  it('a county coordinator covers the county only; a national one every real municipality', () => {
    assert.equal(coordinatorCovers({ kind: 'county', countyCode: '23' }, '2380'), true);
    assert.equal(coordinatorCovers({ kind: 'county', countyCode: '23' }, '2421'), false); // Storuman
    assert.equal(coordinatorCovers({ kind: 'national' }, '2421'), true);
    // The whole installation, also a municipality in no county; never something that is not a code.
    assert.equal(coordinatorCovers({ kind: 'national' }, '9999'), true);
    assert.equal(coordinatorCovers({ kind: 'county', countyCode: '23' }, '9999'), false);
    assert.equal(coordinatorCovers({ kind: 'national' }, 'x380'), false);
  });
});

describe('reading a form', () => {
  it('cleans text: paragraphs kept, hidden characters and bidirectional overrides gone', () => {
    assert.equal(cleanText('  Rad ett  \r\n\r\n\r\n\r\nRad\u0000 två\u202E  '), 'Rad ett\n\nRad två');
    assert.equal(cleanLine(' Ett\n två\u2066 tre '), 'Ett två tre');
    assert.equal(cleanText('مرحبا\u200F!'), 'مرحبا\u200F!');
  });

  it('checks length before the guard, and the guard only on free text', () => {
    const form = createReader(guard);
    form.text('long', 'x'.repeat(11), { max: 10 });
    form.text('official', 'Sara Lind', { max: 100, official: true });
    form.text('free', 'Vi träffade Sara i skolan.', { max: 100 });
    const result = form.done(() => null);
    assert.ok(!result.ok);
    // With other errors the form comes back anyway; the warnings come with it.
    assert.deepEqual(result.errors, [{ field: 'long', code: 'tooLong', max: 10 }]);
    assert.deepEqual(
      result.warnings.map((w) => w.field),
      ['free'],
    );
  });

  it('warnings alone hold the form until confirmed, then pass with the warnings kept', () => {
    const read = (confirmed: boolean) => {
      const form = createReader({ ...guard, confirmed });
      form.text('free', 'Vi träffade Sara i skolan.', { max: 100 });
      return form.done(() => 'saved');
    };
    const first = read(false);
    assert.deepEqual(first.ok ? [] : first.errors, [{ field: 'free', code: 'childNameUnconfirmed' }]);
    const second = read(true);
    assert.ok(second.ok);
    assert.equal(second.value, 'saved');
    assert.equal(second.warnings.length, 1);
  });

  it('reads numbers as Swedes write them, and refuses the rest', () => {
    const form = createReader(null);
    assert.equal(form.number('a', '12,5'), 12.5);
    assert.equal(form.number('b', '1 200'), 1200);
    assert.equal(form.number('c', '1e3'), null);
    assert.equal(form.number('d', ''), null);
    assert.equal(form.number('e', '', { required: true }), null);
    const result = form.done(() => null);
    assert.deepEqual(result.ok ? [] : result.errors.map((e) => [e.field, e.code]), [
      ['c', 'invalid'],
      ['e', 'required'],
    ]);
  });
});

describe('indicators', () => {
  const valid: IndicatorInput = {
    name: 'Förhandsbedömningar inom 14 dagar',
    definition: 'Andel förhandsbedömningar beslutade inom 14 dagar från anmälan.',
    unit: 'percent',
    direction: 'increase',
    baselineValue: '62',
    baselineOn: '2025-12-31',
    targetValue: '90',
    targetBy: '2027-12-31',
    sourceKind: 'samtak',
    samtakIndicatorId: 'initialAssessmentWithin14Days',
  };
  const context = {
    guard,
    samtakIndicatorIds: ['initialAssessmentWithin14Days', 'investigationWithin4Months'],
  };
  const errors = (r: { ok: boolean; errors?: { field: string; code: string }[] }) =>
    r.ok ? [] : (r.errors ?? []).map((e) => [e.field, e.code]);

  it('a Samtak indicator must be one the measurement feature knows', () => {
    assert.ok(validateIndicator(valid, context).ok);
    assert.deepEqual(errors(validateIndicator({ ...valid, samtakIndicatorId: 'happiness' }, context)), [
      ['samtakIndicatorId', 'unknownIndicator'],
    ]);
  });

  it('a manual indicator says where its figures come from', () => {
    const manual = { ...valid, sourceKind: 'manual', samtakIndicatorId: undefined };
    assert.deepEqual(errors(validateIndicator(manual, context)), [['sourceDescription', 'required']]);
    assert.ok(validateIndicator({ ...manual, sourceDescription: 'Kolada, N33101' }, context).ok);
  });

  it('the target improves on the baseline, later than it, within 0–100 for a percentage', () => {
    assert.deepEqual(
      errors(validateIndicator({ ...valid, targetValue: '50', targetBy: '2025-12-31' }, context)),
      [
        ['targetBy', 'targetBeforeBaseline'],
        ['targetValue', 'targetNotAnImprovement'],
      ],
    );
    assert.ok(validateIndicator({ ...valid, direction: 'decrease', targetValue: '50' }, context).ok);
    assert.deepEqual(errors(validateIndicator({ ...valid, targetValue: '120' }, context)), [
      ['targetValue', 'notAPercentage'],
    ]);
  });

  const indicator = (source: IndicatorValue['source']): IndicatorValue => ({
    name: 'Skolnärvaro',
    definition: 'Andel placerade barn med minst 90 % närvaro.',
    unit: 'percent',
    direction: 'increase',
    baseline: { value: 60, on: '2025-12-31' },
    target: { value: 80, by: '2027-06-30' },
    source,
  });

  it('a manual value only for a manual indicator, dated from the baseline to today', () => {
    const manual = indicator({ kind: 'manual', description: 'Skolans närvarosystem' });
    const ok = validateManualValue(
      { value: '70', on: '2026-06-30', source: 'Vårterminen' },
      { guard, today: '2026-11-25', indicator: manual },
    );
    assert.ok(ok.ok);
    const bad = validateManualValue(
      { value: '170', on: '2025-06-30', source: '' },
      { guard, today: '2026-11-25', indicator: manual },
    );
    assert.deepEqual(errors(bad), [
      ['value', 'notAPercentage'],
      ['on', 'beforeBaseline'],
      ['source', 'required'],
    ]);
    const live = validateManualValue(
      { value: '70', on: '2026-06-30', source: 'x' },
      {
        guard,
        today: '2026-11-25',
        indicator: indicator({ kind: 'samtak', indicatorId: 'initialAssessmentWithin14Days' }),
      },
    );
    assert.deepEqual(errors(live), [['value', 'samtakIndicator']]);
  });

  it('shows the live figure for a Samtak indicator and the latest entered for a manual one', () => {
    const manual = [
      { value: 65, on: '2026-01-31', source: 'a' },
      { value: 72, on: '2026-06-30', source: 'b' },
    ];
    const live = { value: 88, on: '2026-10-31', source: 'Samtak' };
    assert.equal(currentValue(indicator({ kind: 'manual', description: 'x' }), { manual, live })?.value, 72);
    assert.equal(currentValue(indicator({ kind: 'samtak', indicatorId: 'x' }), { manual, live })?.value, 88);
    assert.equal(currentValue(indicator({ kind: 'samtak', indicatorId: 'x' }), { manual, live: null }), null);
  });

  it('measures progress from baseline towards target, either direction', () => {
    const up = indicator({ kind: 'manual', description: 'x' });
    const at = (value: number) => ({ value, on: '2026-06-30', source: 'x' });
    assert.deepEqual(progress(up, at(70)), { state: 'improving', share: 0.5 });
    assert.deepEqual(progress(up, at(85)), { state: 'reached', share: 1 });
    assert.deepEqual(progress(up, at(60)), { state: 'unchanged', share: 0 });
    assert.deepEqual(progress(up, at(50)), { state: 'worse', share: -0.5 });
    assert.deepEqual(progress(up, null), { state: 'noValue', share: null });
    const down = {
      ...up,
      direction: 'decrease' as const,
      baseline: { value: 40, on: '2025-12-31' },
      target: { value: 20, by: '2027-06-30' },
    };
    assert.deepEqual(progress(down, at(30)), { state: 'improving', share: 0.5 });
  });
});
