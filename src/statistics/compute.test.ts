import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indicatorCatalogue, indicatorIds, legalReferencesOn } from './catalogue.ts';
import { computeIndicators, type IndicatorData } from './compute.ts';
import { parsePeriodKey } from './periods.ts';

const scope = { period: parsePeriodKey('2026')!, today: '2026-06-01', unitId: null };

const everything: IndicatorData = {
  cases: { cases: [], extensions: [] },
  reports: [],
  placements: { cares: [], periods: [], plans: [], reconsiderations: [], privateTalks: [] },
  decisions: [],
  sips: [],
  responsibility: { responsibilities: [], guardianships: [] },
};

describe('the indicator catalogue', () => {
  it('computes every indicator, and names cells the figure has', () => {
    const { figures, unavailable } = computeIndicators(everything, scope);
    assert.deepEqual(unavailable, []);
    assert.deepEqual(
      figures.map((f) => f.id),
      [...indicatorIds],
    );
    for (const f of figures) {
      const d = indicatorCatalogue[f.id];
      for (const cell of [...(d.numerator ?? []), ...(d.denominator ? [d.denominator] : [])]) {
        assert.ok(cell in f.cells, `${f.id}: ${cell}`);
      }
      for (const cell of f.valueFrom) assert.ok(cell in f.cells, `${f.id} value from ${cell}`);
      for (const line of f.lines) {
        for (const cell of [...line.members, line.total]) assert.ok(cell in f.cells, `${f.id} line ${cell}`);
      }
    }
  });

  it('lists indicators whose sources do not exist yet as unavailable, not as zero', () => {
    const { figures, unavailable } = computeIndicators({ cases: everything.cases, reports: [] }, scope);
    assert.ok(figures.some((f) => f.id === 'initialAssessmentWithin14Days'));
    assert.ok(unavailable.includes('placedChildrenWithCurrentPlans'));
    assert.ok(unavailable.includes('decisionsNotCarriedOutWithin3Months'));
    assert.ok(!unavailable.includes('newReportWithin12MonthsAfterClosure'));
  });

  it('cites the law in force on the day: the 2001 act before July 2025, the 2025 act after', () => {
    assert.deepEqual(legalReferencesOn('initialAssessmentWithin14Days', '2026-12-31'), [
      'SoL (2025:400) 20 kap. 2 §; SOSFS 2014:5',
    ]);
    assert.deepEqual(legalReferencesOn('investigationWithin4Months', '2025-06-30'), [
      'SoL (2001:453) 11 kap. 2 § tredje stycket',
    ]);
    assert.deepEqual(legalReferencesOn('decisionsNotCarriedOutWithin3Months', '2025-09-30'), [
      'SoL (2025:400) 34 kap. 1–3 §§',
    ]);
    assert.equal(legalReferencesOn('reconsiderationsOnTime', '2026-01-01').length, 2);
    assert.deepEqual(legalReferencesOn('sipsStarted', '2026-01-01'), [
      '10 kap. 8–9 §§ socialtjänstlagen (2025:400)',
    ]);
    assert.deepEqual(legalReferencesOn('familiesWithOneWorker', '2026-01-01'), []);
  });
});
