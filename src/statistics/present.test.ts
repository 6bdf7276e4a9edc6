import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initialAssessmentWithin14Days } from './case-indicators.ts';
import type { Figure } from './figures.ts';
import type { CaseRow } from './inputs.ts';
import { parsePeriodKey } from './periods.ts';
import { apiRow, showFigures, suppressTogether } from './present.ts';

let next = 0;
/** `within` cases decided on day 14 and `late` ones on day 17, opened 9 January 2026 in a unit. */
function cases(unit: string, within: number, late: number): CaseRow[] {
  const make = (initialDecidedOn: string): CaseRow => ({
    id: `${unit}-${++next}`,
    childId: `child-${next}`,
    unitId: unit,
    intakeUnitId: unit,
    openedOn: '2026-01-09',
    initialDecision: 'noInvestigation',
    initialDecidedOn,
    investigationOpenedOn: null,
    decisionOutcome: null,
    decidedOn: null,
    closedOn: null,
  });
  return [
    ...Array.from({ length: within }, () => make('2026-01-23')),
    ...Array.from({ length: late }, () => make('2026-01-26')),
  ];
}

const scope = (unitId: string | null) => ({
  period: parsePeriodKey('2026-01')!,
  today: '2026-03-01',
  unitId,
});
const figureFor = (rows: CaseRow[], unitId: string | null): Figure =>
  initialAssessmentWithin14Days(rows, [], scope(unitId));

describe('figures as a viewer sees them', () => {
  it('gives a manager who may see the children the figure whole', () => {
    const [f] = showFigures([figureFor(cases('a', 48, 2), null)], { suppress: false });
    assert.equal(f!.value, 48 / 50);
    assert.equal(f!.cells.late, 2);
    assert.equal(f!.suppressed, false);
  });

  it('hides a share whose complement is small: 48 of 50 tells that 2 were late', () => {
    const [f] = showFigures([figureFor(cases('a', 48, 2), null)], { suppress: true });
    assert.equal(f!.cells.late, null);
    assert.equal(f!.hidden.late, 'primary');
    assert.equal(f!.value, null);
    assert.equal(f!.suppressed, true);
    assert.deepEqual(apiRow(f!, 'Förhandsbedömningar inom 14 dagar'), {
      id: 'initialAssessmentWithin14Days',
      label: 'Förhandsbedömningar inom 14 dagar',
      value: null,
      numerator: null,
      denominator: null,
      suppressed: true,
    });
  });

  it('shows a share when every count behind it is 0 or at least 5', () => {
    const [f] = showFigures([figureFor(cases('a', 40, 10), null)], { suppress: true });
    assert.equal(f!.value, 0.8);
    assert.equal(f!.numerator, 40);
    assert.equal(f!.denominator, 50);
    assert.equal(f!.suppressed, false);
  });

  it('suppresses units and the municipality together, so a unit’s small count cannot be taken from the total', () => {
    const rows = [...cases('a', 3, 0), ...cases('b', 40, 10), ...cases('c', 20, 7)];
    const shown = suppressTogether(
      [
        { key: 'municipality', figures: [figureFor(rows, null)] },
        { key: 'a', figures: [figureFor(rows, 'a')] },
        { key: 'b', figures: [figureFor(rows, 'b')] },
        { key: 'c', figures: [figureFor(rows, 'c')] },
      ],
      { suppress: true, totalGroup: 'municipality' },
    );
    const a = shown.get('a')![0]!;
    assert.equal(a.cells.within, null);
    assert.equal(a.value, null);
    const withinShown = ['municipality', 'b', 'c'].filter((k) => shown.get(k)![0]!.cells.within !== null);
    assert.ok(withinShown.length < 3, `63 = 3 + 40 + 20: not all of the others may show it (${withinShown})`);
  });
});
