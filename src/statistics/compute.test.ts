import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indicatorCatalogue, indicatorIds, legalReferencesOn } from './catalogue.ts';
import { computeForUnits, computeIndicators, type IndicatorData } from './compute.ts';
import type { CaseRow, ReportRow } from './inputs.ts';
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

describe('figures for every unit at once', () => {
  it('gives each unit exactly the figures a query for that unit alone gives', () => {
    const cases: CaseRow[] = Array.from({ length: 40 }, (_, i) => ({
      id: `case-${i}`,
      childId: `child-${i % 25}`,
      unitId: `inv-${i % 3}`,
      intakeUnitId: i % 4 === 0 ? null : `intake-${i % 2}`,
      openedOn: `2026-0${1 + (i % 4)}-${String(1 + (i % 27)).padStart(2, '0')}`,
      initialDecision: i % 2 ? 'openInvestigation' : 'noInvestigation',
      initialDecidedOn: `2026-0${1 + (i % 4)}-${String(2 + (i % 27)).padStart(2, '0')}`,
      investigationOpenedOn: i % 2 ? `2026-0${1 + (i % 4)}-${String(2 + (i % 27)).padStart(2, '0')}` : null,
      decisionOutcome: i % 2 ? 'interventions' : null,
      decidedOn: i % 2 ? '2026-05-20' : null,
      closedOn: i % 5 === 0 ? '2026-05-25' : null,
    }));
    const reports: ReportRow[] = cases.map((c, i) => ({
      id: `report-${i}`,
      caseId: c.id,
      childId: c.childId,
      unitId: c.intakeUnitId,
      receivedOn: c.openedOn,
      reporterKind: 'professional',
      organisationKind: i % 3 ? 'school' : 'police',
      joinedOngoing: false,
      childBirthDate: '2015-01-01',
      childSex: i % 2 ? 'female' : 'male',
    }));
    const data: IndicatorData = { cases: { cases, extensions: [] }, reports };
    const units = ['inv-0', 'inv-1', 'inv-2', 'intake-0', 'intake-1'];
    const all = computeForUnits(data, scope, units);
    for (const unitId of units) {
      assert.deepEqual(all.units.get(unitId), computeIndicators(data, { ...scope, unitId }).figures, unitId);
    }
    assert.deepEqual(all.municipality, computeIndicators(data, scope).figures);
  });
});
