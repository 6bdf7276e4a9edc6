import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateExecution } from './ivo-execution.ts';
import { liveAssignments, phaseOn } from './workload-live.ts';

describe('workload from the cases a worker has', () => {
  it('is starting for a month from the first day, then ongoing; closing once concluded', () => {
    assert.equal(phaseOn('2026-02-14', '2026-03-13', false), 'starting');
    assert.equal(phaseOn('2026-02-13', '2026-03-13', false), 'ongoing');
    assert.equal(phaseOn('2026-03-13', '2026-03-13', true), 'closing');
    // 31 January plus a month is the end of February: ongoing from 1 March.
    assert.equal(phaseOn('2026-01-31', '2026-02-28', false), 'ongoing');
  });

  it('maps cases, placements and plans to case types, and skips what nobody holds', () => {
    const rows = liveAssignments(
      {
        cases: [
          {
            id: 'a',
            responsibleUserId: 'w',
            phase: 'investigation',
            openedOn: '2026-01-01',
            investigationOpenedOn: '2026-01-10',
            concludedOn: null,
            closedOn: null,
            followUpPending: false,
          },
          {
            id: 'b',
            responsibleUserId: 'w',
            phase: 'closed',
            openedOn: '2025-01-01',
            investigationOpenedOn: '2025-01-10',
            concludedOn: '2025-04-01',
            closedOn: '2025-05-01',
            followUpPending: true,
          },
          {
            id: 'c',
            responsibleUserId: null,
            phase: 'investigation',
            openedOn: '2026-03-01',
            investigationOpenedOn: '2026-03-01',
            concludedOn: null,
            closedOn: null,
            followUpPending: false,
          },
        ],
        placements: [
          { id: 'p1', designatedWorkerId: 'w', basis: 'lvu3', startedOn: '2026-03-10', unaccompanied: false },
          { id: 'p2', designatedWorkerId: 'w', basis: 'sol', startedOn: '2025-03-10', unaccompanied: true },
          { id: 'p3', designatedWorkerId: 'w', basis: null, startedOn: '2025-03-10', unaccompanied: false },
        ],
        sips: [{ id: 's', coordinatorUserId: 'w', startedOn: '2026-03-01' }],
      },
      '2026-03-13',
    );
    assert.deepEqual(
      rows.map((r) => `${r.caseId} ${r.caseType}:${r.phase}`),
      [
        'a investigation:ongoing',
        'b followUp:ongoing',
        'p1 placementLvu:starting',
        'p2 unaccompaniedMinor:ongoing',
        'p3 placementSol:ongoing',
        's sipCoordination:starting',
      ],
    );
  });
});

describe('the execution of a decision, as recorded for IVO', () => {
  const today = '2026-04-10';
  it('accepts dates from the decision day to today, in order', () => {
    const ok = validateExecution(
      {
        carriedOutOn: '2026-01-15',
        interruptedOn: '2026-02-01',
        resumedOn: '2026-04-10',
        delayReason: ' Plats saknades. ',
      },
      '2026-01-15',
      today,
    );
    assert.deepEqual(ok, {
      ok: true,
      value: {
        carriedOutOn: '2026-01-15',
        interruptedOn: '2026-02-01',
        resumedOn: '2026-04-10',
        endedOn: null,
        delayReason: 'Plats saknades.',
      },
    });
  });

  it('names each problem by its field', () => {
    const bad = validateExecution(
      {
        carriedOutOn: '2026-02-30',
        interruptedOn: '2026-02-01',
        resumedOn: '2026-04-11',
        endedOn: '2026-01-14',
        delayReason: 'x'.repeat(2001),
      },
      '2026-01-15',
      today,
    );
    assert.deepEqual(bad, {
      ok: false,
      errors: {
        carriedOutOn: 'dateInvalid',
        interruptedOn: 'interruptedWithoutCarriedOut',
        resumedOn: 'dateInFuture',
        endedOn: 'beforeDecision',
        delayReason: 'reasonTooLong',
      },
    });
    const order = validateExecution(
      { carriedOutOn: '2026-03-01', interruptedOn: '2026-02-01', resumedOn: '2026-01-20' },
      '2026-01-15',
      today,
    );
    assert.equal(order.ok, false);
    if (!order.ok) assert.equal(order.errors.interruptedOn, 'interruptedBeforeCarriedOut');
  });
});
