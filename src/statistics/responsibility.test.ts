import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { continuityFigures, familiesOf } from './continuity.ts';
import type { Scope } from './figures.ts';
import { parsePeriodKey } from './periods.ts';
import { type ResponsibleCase, responsibilityPeriods } from './responsibility-queries.ts';

const base: ResponsibleCase = {
  id: 'c1',
  childId: 'k1',
  unitId: 'u1',
  responsibleUserId: 'w2',
  startedOn: '2025-06-01',
  closedOn: null,
};

describe('responsibility periods from a case’s assignment history', () => {
  it('gives each worker the days until the next worker’s first day, or the case’s closing', () => {
    const rows = responsibilityPeriods(
      [{ ...base, closedOn: '2026-02-28' }],
      [
        { caseId: 'c1', userId: 'w2', fromOn: '2025-09-01' },
        { caseId: 'c1', userId: 'w1', fromOn: '2025-06-01' },
      ],
    );
    assert.deepEqual(rows, [
      { childId: 'k1', workerId: 'w1', unitId: 'u1', from: '2025-06-01', to: '2025-08-31' },
      { childId: 'k1', workerId: 'w2', unitId: 'u1', from: '2025-09-01', to: '2026-02-28' },
    ]);
  });

  it('counts the present worker from the investigation when no history was kept', () => {
    assert.deepEqual(responsibilityPeriods([base], []), [
      { childId: 'k1', workerId: 'w2', unitId: 'u1', from: '2025-06-01', to: null },
    ]);
    assert.deepEqual(responsibilityPeriods([{ ...base, responsibleUserId: null }], []), []);
  });

  it('does not count a worker replaced on the day they were assigned', () => {
    const rows = responsibilityPeriods(
      [base],
      [
        { caseId: 'c1', userId: 'w1', fromOn: '2025-06-01' },
        { caseId: 'c1', userId: 'w2', fromOn: '2025-06-01' },
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.workerId),
      ['w2'],
    );
  });

  it('feeds continuity: a family that kept one worker, and one that changed', () => {
    const rows = responsibilityPeriods(
      [
        { ...base, id: 'a', childId: 'sib1', responsibleUserId: 'w1' },
        { ...base, id: 'b', childId: 'sib2', responsibleUserId: 'w1' },
        { ...base, id: 'c', childId: 'k3' },
      ],
      [
        { caseId: 'c', userId: 'w1', fromOn: '2025-06-01' },
        { caseId: 'c', userId: 'w3', fromOn: '2025-12-01' },
      ],
    );
    const families = familiesOf([
      { childId: 'sib1', guardianId: 'p', kind: 'guardian' },
      { childId: 'sib2', guardianId: 'p', kind: 'guardian' },
    ]);
    const scope: Scope = { period: parsePeriodKey('2026-Q1')!, today: '2026-03-13', unitId: null };
    const [perChild, perFamily, oneWorker] = continuityFigures(rows, families, scope);
    assert.equal(perChild!.denominator, 3);
    assert.equal(perFamily!.denominator, 2);
    assert.equal(oneWorker!.value, 0.5);
  });
});
