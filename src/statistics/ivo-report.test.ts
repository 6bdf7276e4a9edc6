import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { councilStatistics, ivoQuarterRows, rowsMissingReason, waitingBand } from './ivo-report.ts';
import { parsePeriodKey } from './periods.ts';
import { compareRows, sha256 } from './submissions.ts';
import { suppress, tableProblem } from './suppression.ts';
import { anIvoDecision } from './test-factories.ts';

const decision = anIvoDecision;

const q2 = parsePeriodKey('2026-Q2')!;

describe("the quarter's report to IVO and the auditors (34 kap. 1–2 §§ SoL)", () => {
  const decisions = [
    decision('waiting', {}), // three months end 15 April: still waiting at 30 June
    decision('inTime', { carriedOutOn: '2026-04-15' }),
    decision('late', { carriedOutOn: '2026-05-20' }),
    decision('declinedEarly', { endedOn: '2026-03-01' }),
    decision('declinedLate', { endedOn: '2026-06-01' }),
    decision('young', { decidedOn: '2026-04-01' }), // three months end 1 July: not yet
    decision('lvu', { reportable: false }),
    decision('interrupted', {
      decidedOn: '2025-10-01',
      carriedOutOn: '2025-10-20',
      interruptedOn: '2026-02-10',
    }),
    decision('lastQuarter', { decidedOn: '2025-09-01', carriedOutOn: '2026-03-20' }),
  ];

  it('lists decisions still waiting, carried out late with the date, ended, and interruptions not resumed', () => {
    const rows = ivoQuarterRows(decisions, q2, new Set(['waiting']));
    assert.deepEqual(
      rows.map((r) => [r.decisionId, r.kind, r.eventOn]),
      [
        ['interrupted', 'notResumed', null],
        ['declinedLate', 'ended', '2026-06-01'],
        ['late', 'carriedOut', '2026-05-20'],
        ['waiting', 'notCarriedOut', null],
      ],
    );
    const waiting = rows.find((r) => r.decisionId === 'waiting')!;
    assert.equal(waiting.daysWaited, 166, '15 January to 30 June');
    assert.equal(waiting.previouslyReported, true);
    assert.equal(rows.find((r) => r.decisionId === 'late')!.previouslyReported, false);
  });

  it('will not send a waiting row without its reasons', () => {
    const rows = ivoQuarterRows([decision('x', { delayReason: '  ' })], q2, new Set());
    assert.equal(rowsMissingReason(rows).length, 1);
  });

  it('gives the council counts by intervention and time waited, suppressible like any table', () => {
    const many = [
      ...Array.from({ length: 6 }, (_, i) => decision(`k${i}`, { decidedOn: '2026-02-01' })),
      decision('old', { decidedOn: '2025-03-01', interventionKind: 'Familjebehandling' }),
    ];
    const stats = councilStatistics(ivoQuarterRows(many, q2, new Set()), q2);
    assert.deepEqual(stats.interventionKinds, ['Familjebehandling', 'Kontaktfamilj']);
    assert.deepEqual(stats.notCarriedOut, [
      [0, 0, 0, 1],
      [6, 0, 0, 0],
    ]);
    const { problem, cell } = tableProblem(stats.notCarriedOut);
    assert.equal(suppress(problem).get(cell(0, 3)), 'primary');
    assert.equal(waitingBand('2026-01-15', '2026-07-15'), '3to6Months');
    assert.equal(waitingBand('2026-01-15', '2026-07-16'), '6to9Months');
  });

  it('compares a submission with the previous one, row by row', () => {
    const before = ivoQuarterRows(decisions, parsePeriodKey('2026-Q1')!, new Set());
    const after = ivoQuarterRows(decisions, q2, new Set());
    const diff = compareRows(
      before,
      after,
      (r) => `${r.decisionId}:${r.kind === 'notResumed' || r.kind === 'resumed' ? 'i' : 'd'}`,
      ['kind', 'eventOn'],
    );
    assert.deepEqual(
      diff.added.map((r) => r.decisionId),
      ['interrupted', 'declinedLate', 'late', 'waiting'],
    );
    assert.deepEqual(
      diff.removed.map((r) => r.decisionId),
      ['lastQuarter'],
    );
    assert.equal(sha256('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
