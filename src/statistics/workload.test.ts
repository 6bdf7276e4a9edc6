import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  capacityOn,
  defaultCapacityNorm,
  defaultWeightSet,
  loadOn,
  maySeeSelfAssessment,
  monthlyLoad,
  unitLoadSummary,
  validateSelfAssessment,
  validateWeightSet,
  type WeightSet,
  type WorkerProfile,
  type WorkloadAssignment,
  weightKeys,
  weightSetOn,
} from './workload.ts';

const v2: WeightSet = {
  version: 2,
  validFrom: '2026-04-01',
  weights: { ...defaultWeightSet.weights, 'investigation:ongoing': 14 },
};
const sets = [defaultWeightSet, v2];
const worker: WorkerProfile = { workerId: 'w1', unitId: 'u1', experienceSince: '2021-03-15', fte: 1 };
const assign = (
  caseId: string,
  caseType: WorkloadAssignment['caseType'],
  phase: WorkloadAssignment['phase'],
  from: string,
  to: string | null = null,
): WorkloadAssignment => ({
  workerId: 'w1',
  caseId,
  caseType,
  phase,
  from,
  to,
});

describe('point weights per case type and phase, in versions', () => {
  it('uses the version in force on the day', () => {
    assert.equal(weightSetOn(sets, '2026-03-31')!.version, 1);
    assert.equal(weightSetOn(sets, '2026-04-01')!.version, 2);
    assert.equal(weightSetOn(sets, '1999-12-31'), null);
  });

  it('has a default weight for every type and phase', () => {
    for (const key of weightKeys) assert.equal(typeof defaultWeightSet.weights[key], 'number', key);
  });

  it('accepts the next version from a coming day and refuses rewriting history or odd weights', () => {
    const ok = validateWeightSet(
      { version: 3, validFrom: '2026-07-01', weights: { 'followUp:ongoing': 2.5 } },
      sets,
      '2026-06-01',
    );
    assert.deepEqual(ok, []);
    const bad = validateWeightSet(
      {
        version: 2,
        validFrom: '2026-03-01',
        weights: { 'followUp:ongoing': 2.3, 'nonsense:x': 1, 'sipCoordination:closing': -1 },
      },
      sets,
      '2026-06-01',
    );
    assert.deepEqual(
      bad.map((p) => p.code),
      ['versionNotNext', 'validFromInPast', 'weightInvalid', 'unknownKey', 'weightInvalid'],
    );
    assert.deepEqual(
      validateWeightSet({ version: 3, validFrom: '2026-04-01', weights: {} }, sets, '2026-03-01').map(
        (p) => p.code,
      ),
      ['validFromNotAfterPrevious'],
    );
  });
});

describe('capacity by experience', () => {
  it('gives 150 points from five full years, fewer before, in proportion to part time', () => {
    assert.equal(capacityOn(defaultCapacityNorm, worker, '2026-03-14'), 135, 'a day short of five years');
    assert.equal(capacityOn(defaultCapacityNorm, worker, '2026-03-15'), 150);
    assert.equal(
      capacityOn(defaultCapacityNorm, { ...worker, experienceSince: '2026-01-10' }, '2026-03-15'),
      100,
    );
    assert.equal(capacityOn(defaultCapacityNorm, { ...worker, fte: 0.5 }, '2026-03-15'), 75);
  });
});

describe("a worker's load", () => {
  const assignments = [
    assign('c1', 'investigation', 'starting', '2026-03-01', '2026-03-15'),
    assign('c1', 'investigation', 'ongoing', '2026-03-16'),
    assign('c2', 'placementLvu', 'ongoing', '2025-01-01'),
    assign('c3', 'followUp', 'ongoing', '2025-06-01', '2026-02-28'),
  ];

  it('adds the points of the cases assigned on the day, in their phase on that day', () => {
    const load = loadOn(assignments, sets, '2026-03-10');
    assert.equal(load.points, 12 + 10);
    assert.deepEqual(
      load.items.map((i) => i.caseId),
      ['c1', 'c2'],
    );
  });

  it('keeps a month measured on its last day, with the weights then in force', () => {
    const march = monthlyLoad(worker, assignments, sets, defaultCapacityNorm, '2026-03', '2026-06-01');
    assert.equal(march.day, '2026-03-31');
    assert.equal(march.points, 10 + 10);
    assert.equal(march.weightVersion, 1);
    assert.equal(march.capacity, 150);
    const april = monthlyLoad(worker, assignments, sets, defaultCapacityNorm, '2026-04', '2026-04-20');
    assert.equal(april.day, '2026-04-20', 'the month under way is measured today');
    assert.equal(april.points, 14 + 10);
    assert.equal(april.ratio, 24 / 150);
  });

  it('lists an assignment without a weight instead of dropping it', () => {
    const thin: WeightSet = { version: 1, validFrom: '2000-01-01', weights: { 'investigation:ongoing': 10 } };
    const load = loadOn(assignments, [thin], '2026-03-20');
    assert.equal(load.points, 10);
    assert.deepEqual(load.unweighted, ['c2']);
  });
});

describe('the monthly self-assessment', () => {
  it('takes a rating 1–5 and a comment for this month or earlier', () => {
    assert.deepEqual(
      validateSelfAssessment(
        { rating: '4', comment: ' Tungt med två LVU. ', month: '2026-03' },
        '2026-03-31',
      ),
      {
        ok: true,
        rating: 4,
        comment: 'Tungt med två LVU.',
        month: '2026-03',
      },
    );
    const bad = validateSelfAssessment(
      { rating: '6', comment: 'x'.repeat(2001), month: '2026-04' },
      '2026-03-31',
    );
    assert.deepEqual(bad, { ok: false, problems: ['ratingInvalid', 'commentTooLong', 'monthInFuture'] });
    assert.deepEqual(validateSelfAssessment({ month: '2026-3' }, '2026-03-31'), {
      ok: false,
      problems: ['ratingRequired', 'monthInvalid'],
    });
  });

  it('is seen by the worker and their own manager only', () => {
    const own = { workerId: 'w1', unitId: 'u1' };
    assert.equal(maySeeSelfAssessment({ userId: 'w1', role: 'socialWorker', unitId: 'u1' }, own), true);
    assert.equal(maySeeSelfAssessment({ userId: 'm1', role: 'manager', unitId: 'u1' }, own), true);
    assert.equal(maySeeSelfAssessment({ userId: 'm2', role: 'manager', unitId: 'u2' }, own), false);
    assert.equal(maySeeSelfAssessment({ userId: 'w2', role: 'socialWorker', unitId: 'u1' }, own), false);
    assert.equal(maySeeSelfAssessment({ userId: 's', role: 'statisticsReader', unitId: null }, own), false);
  });

  it('summarises a unit without names', () => {
    const summary = unitLoadSummary([{ ratio: 0.8 }, { ratio: 1.2 }, { ratio: 1 }, { ratio: null }]);
    assert.deepEqual(summary, { workers: 4, medianRatio: 1, overCapacity: 1, atOrUnderCapacity: 2 });
    assert.equal(
      Object.keys(summary).some((k) => /name|rank/i.test(k)),
      false,
    );
  });
});
