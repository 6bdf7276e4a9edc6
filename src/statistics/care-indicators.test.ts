import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decisionsNotCarriedOutWithin3Months,
  placedChildrenWithCurrentPlans,
  privateTalksPerPlacedChildYear,
  reconsiderationsOnTime,
  threeMonthMark,
  yearsIn,
} from './care-indicators.ts';
import type { Scope } from './figures.ts';
import type { CarePlanRow, CareRow, PlacementPeriodRow } from './inputs.ts';
import { parsePeriodKey } from './periods.ts';
import { aDecision } from './test-factories.ts';

let next = 0;
function aCare(overrides: Partial<CareRow> = {}): CareRow {
  return {
    id: `care-${++next}`,
    childId: `child-${next}`,
    unitId: 'placement',
    basis: 'sol',
    decidedOn: '2025-05-30',
    startedOn: '2025-06-01',
    endedOn: null,
    ...overrides,
  };
}
const placedIn = (
  care: CareRow,
  startedOn = care.startedOn!,
  endedOn: string | null = null,
): PlacementPeriodRow => ({
  id: `p-${++next}`,
  careId: care.id,
  form: 'familyHome',
  startedOn,
  endedOn,
});
const plan = (
  care: CareRow,
  kind: CarePlanRow['kind'],
  establishedOn: string,
  followUpOn: string | null = null,
) => ({
  careId: care.id,
  kind,
  establishedOn,
  followUpOn,
});
const scopeOf = (key: string, today: string): Scope => ({
  period: parsePeriodKey(key)!,
  today,
  unitId: null,
});

describe('placed children with a current care plan and implementation plan (9 kap. 12–13 §§ SoL)', () => {
  it('measures on the period’s last day and asks for a revised care plan after two years', () => {
    const a = aCare();
    const longNotRevised = aCare({ startedOn: '2023-01-15' });
    const longRevised = aCare({ startedOn: '2023-01-15' });
    const immediateCustody = aCare({ basis: 'lvu6', startedOn: '2026-03-20' });
    const ended = aCare({ endedOn: '2026-03-15' });
    const recent = aCare({ startedOn: '2026-03-01' });
    const atHome = aCare({ basis: 'lvu3', startedOn: '2025-01-01' });
    const cares = [a, longNotRevised, longRevised, immediateCustody, ended, recent, atHome];
    const periods = [a, longNotRevised, longRevised, immediateCustody, ended, recent].map((c) => placedIn(c));
    const plans = [
      plan(a, 'carePlan', '2025-05-20'),
      plan(a, 'implementationPlan', '2025-06-10', '2026-06-01'),
      plan(longNotRevised, 'carePlan', '2023-01-10'),
      plan(longNotRevised, 'implementationPlan', '2023-02-01', '2026-02-01'),
      plan(longRevised, 'carePlan', '2023-01-10'),
      plan(longRevised, 'carePlan', '2024-12-01'),
      plan(longRevised, 'implementationPlan', '2024-12-10'),
      plan(recent, 'carePlan', '2026-02-25'),
    ];
    const f = placedChildrenWithCurrentPlans(cares, periods, plans, scopeOf('2026-Q1', '2026-04-10'));
    assert.equal(f.cells.placed, 4);
    assert.deepEqual(f.rows.both, [a.id, longRevised.id]);
    assert.deepEqual(f.rows.neither, [longNotRevised.id], 'not revised in two years; follow-up overdue');
    assert.deepEqual(f.rows.carePlanOnly, [recent.id]);
    assert.equal(f.value, 0.5);
  });

  it('measures on today while the period runs', () => {
    const c = aCare({ startedOn: '2026-05-01' });
    const f = placedChildrenWithCurrentPlans([c], [placedIn(c)], [], scopeOf('2026-Q2', '2026-04-20'));
    assert.equal(f.cells.placed, 0, 'not yet placed today');
  });
});

describe('reconsiderations on time (22 kap. 13 § SoL, 13 § LVU)', () => {
  it('checks each six-month due date against a reconsideration held in its window', () => {
    const sol = aCare({ startedOn: '2025-03-10' }); // due 2025-09-10, 2026-03-10, 2026-09-10
    const lvu3 = aCare({ basis: 'lvu3', startedOn: '2025-08-31' }); // review due 2026-02-28 (a Saturday: not moved)
    const endedEarly = aCare({ startedOn: '2025-03-10', endedOn: '2026-02-01' });
    const custody = aCare({ basis: 'lvu6', startedOn: '2025-03-10' });
    const held = [
      { careId: sol.id, heldOn: '2025-09-01' },
      { careId: sol.id, heldOn: '2026-03-12' },
      { careId: lvu3.id, heldOn: '2026-02-27' },
      { careId: endedEarly.id, heldOn: '2025-09-10' },
    ];
    const cares = [sol, lvu3, endedEarly, custody];
    const q1 = reconsiderationsOnTime(cares, held, scopeOf('2026-Q1', '2026-04-01'));
    assert.deepEqual(q1.rows.notOnTime, [`${sol.id}#2`], 'held two days late');
    assert.deepEqual(q1.rows.onTime, [`${lvu3.id}#1`]);
    assert.equal(q1.cells.due, 2, 'ended care and immediate custody have none due');
    const year = reconsiderationsOnTime(cares, held, scopeOf('2026', '2026-10-01'));
    assert.ok(year.rows.onTime!.includes(`${sol.id}#3`), 'the late one falls in the next window');
    assert.equal(reconsiderationsOnTime(cares, held, scopeOf('2025', '2026-01-05')).cells.onTime, 2);
  });
});

describe('private talks per placed child and year (22 kap. 11 § 2 SoL)', () => {
  it('divides the talks by the years children spent placed, a move being one stretch', () => {
    const allYear = aCare({ startedOn: '2025-01-01' });
    const halfYear = aCare({ startedOn: '2025-07-01', endedOn: '2025-12-31' });
    const periods = [
      placedIn(allYear, '2025-01-01', '2025-03-31'),
      placedIn(allYear, '2025-04-01', null),
      placedIn(halfYear, '2025-07-01', '2025-12-31'),
    ];
    const talks = ['2024-12-20', '2025-02-01', '2025-05-01', '2025-08-01', '2025-11-01'].map((heldOn) => ({
      careId: allYear.id,
      heldOn,
    }));
    const f = privateTalksPerPlacedChildYear(
      [allYear, halfYear],
      periods,
      talks,
      scopeOf('2025', '2026-01-10'),
    );
    assert.equal(f.cells.talks, 4);
    assert.equal(f.cells.placedChildren, 2);
    assert.deepEqual(f.rows.childrenWithoutTalk, [halfYear.id]);
    assert.equal(f.value, 4 / (1 + 184 / 365));
  });

  it('counts a whole leap year as one year', () => {
    assert.equal(yearsIn('2028-01-01', '2028-12-31'), 1);
    assert.equal(yearsIn('2027-07-02', '2028-07-01'), 183 / 365 + 183 / 366);
  });
});

describe('decisions not carried out within three months (34 kap. 1 § SoL)', () => {
  const decision = aDecision;

  it('ends the three months on the same day number, the last day of a shorter month', () => {
    assert.equal(threeMonthMark('2026-01-15'), '2026-04-15');
    assert.equal(threeMonthMark('2025-11-30'), '2026-02-28');
  });

  it('counts a decision carried out on the last day as in time, and one day later as not', () => {
    const decisions = [
      decision({ carriedOutOn: '2026-04-15' }),
      decision({ carriedOutOn: '2026-04-16' }),
      decision({ endedOn: '2026-03-01' }), // declined before three months: not reportable
      decision({ endedOn: '2026-05-01' }), // ended after it became reportable: counted
      decision({ reportable: false }), // LVU: not under 34 kap.
      decision({ interruptedOn: '2026-01-10', carriedOutOn: '2025-12-01', decidedOn: '2025-11-01' }),
    ];
    const f = decisionsNotCarriedOutWithin3Months(
      [
        ...decisions,
        decision({ decidedOn: '2025-12-01', interruptedOn: '2026-01-10', resumedOn: '2026-04-20' }),
      ],
      scopeOf('2026-04', '2026-05-10'),
    );
    assert.equal(f.cells.carriedOutInTime, 1);
    assert.equal(f.cells.notCarriedOut, 2);
    assert.equal(f.value, 2 / 3);
    assert.equal(f.cells.notResumed, 2, 'interrupted 10 January and not resumed by 10 April');
  });
});
