import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holidayOn } from '../deadlines/calendar.ts';
import {
  daysOpeningToDecision,
  deadlineOutcome,
  initialAssessmentWithin14Days,
  investigationWithin4Months,
  newReportWithin12MonthsAfterClosure,
  reportsInvestigated,
} from './case-indicators.ts';
import type { ExtensionRow } from './inputs.ts';
import { aCase, anyReport as aReport, scopeOf } from './test-factories.ts';

describe('initial assessments decided within 14 days (20 kap. 2 § SoL)', () => {
  it('counts a case decided on day 14 as within, and one decided on day 17 as late', () => {
    // Opened Friday 9 January 2026: day 14 is Friday 23 January, a working day.
    const onDay14 = aCase({ initialDecidedOn: '2026-01-23', initialDecision: 'noInvestigation' });
    const late = aCase({ initialDecidedOn: '2026-01-26', initialDecision: 'noInvestigation' });
    const f = initialAssessmentWithin14Days([onDay14, late], [], scopeOf('2026-01', '2026-03-01'));
    assert.equal(f.cells.within, 1);
    assert.equal(f.cells.late, 1);
    assert.equal(f.value, 0.5);
    assert.deepEqual(f.rows.within, [onDay14.id]);
  });

  it('counts a case decided on day 15 as within when day 14 was a holiday (lag 1930:173)', () => {
    // Opened 23 December 2025: day 14 is Epiphany, Tuesday 6 January 2026; due the 7th.
    assert.equal(holidayOn('2026-01-06'), 'epiphany');
    const onDay15 = aCase({ openedOn: '2025-12-23', initialDecidedOn: '2026-01-07' });
    const onDay16 = aCase({ openedOn: '2025-12-23', initialDecidedOn: '2026-01-08' });
    const f = initialAssessmentWithin14Days([onDay15, onDay16], [], scopeOf('2026-01', '2026-03-01'));
    assert.deepEqual(f.rows.within, [onDay15.id]);
    assert.deepEqual(f.rows.late, [onDay16.id]);
  });

  it('keeps an extended assessment apart: it was not decided within 14 days', () => {
    const extended = aCase({ initialDecidedOn: '2026-02-05' });
    const extensions: ExtensionRow[] = [
      { caseId: extended.id, ruleId: 'initialAssessment', extendedTo: '2026-01-30' },
      { caseId: extended.id, ruleId: 'initialAssessment', extendedTo: '2026-02-10' },
    ];
    const f = initialAssessmentWithin14Days([extended], extensions, scopeOf('2026-01', '2026-03-01'));
    assert.equal(f.cells.extendedInTime, 1, 'the latest extension counts');
    assert.equal(f.cells.within, 0);
    assert.equal(f.value, 0);
  });

  it('puts a case in the period its limit fell due, and leaves out limits not yet passed', () => {
    const dueInFebruary = aCase({ openedOn: '2026-01-20' }); // due 3 February
    const openOverdue = aCase({ openedOn: '2026-01-09' }); // due 23 January, never decided
    const dueToday = aCase({ openedOn: '2026-01-16' }); // due 30 January = today
    const f = initialAssessmentWithin14Days(
      [dueInFebruary, openOverdue, dueToday],
      [],
      scopeOf('2026-01', '2026-01-30'),
    );
    assert.equal(f.cells.due, 1);
    assert.deepEqual(f.rows.overdue, [openOverdue.id]);
  });

  it('reports an assessment under the intake unit that made it, not the investigating unit', () => {
    const c = aCase({ intakeUnitId: 'intake', unitId: 'investigation-a', initialDecidedOn: '2026-01-20' });
    assert.equal(
      initialAssessmentWithin14Days([c], [], scopeOf('2026-01', '2026-03-01', 'intake')).cells.due,
      1,
    );
    assert.equal(
      initialAssessmentWithin14Days([c], [], scopeOf('2026-01', '2026-03-01', 'investigation-a')).cells.due,
      0,
    );
  });

  it('has no value, rather than 0 %, when nothing fell due', () => {
    const f = initialAssessmentWithin14Days([], [], scopeOf('2026-01', '2026-03-01'));
    assert.equal(f.value, null);
    assert.equal(f.denominator, 0);
  });
});

describe('investigations completed within four months (20 kap. 3 § SoL)', () => {
  const opened = (investigationOpenedOn: string, decidedOn: string | null) =>
    aCase({ initialDecision: 'openInvestigation', investigationOpenedOn, decidedOn });

  it('moves a limit on a Sunday to Monday', () => {
    // Opened 31 January 2026: four months end Sunday 31 May; due Monday 1 June.
    const f = investigationWithin4Months(
      [opened('2026-01-31', '2026-06-01')],
      [],
      scopeOf('2026-06', '2026-07-01'),
    );
    assert.equal(f.cells.within, 1);
  });

  it('shows extended investigations apart, in time or late, and still not within four months', () => {
    const inTime = opened('2026-01-15', '2026-06-20'); // due 15 May
    const lateAfterExtension = opened('2026-01-15', '2026-07-10');
    const pending = opened('2026-01-15', null);
    const within = opened('2026-01-15', '2026-05-15');
    const extensions: ExtensionRow[] = [inTime, lateAfterExtension, pending].map((c) => ({
      caseId: c.id,
      ruleId: 'investigation',
      extendedTo: '2026-06-30',
    }));
    const f = investigationWithin4Months(
      [inTime, lateAfterExtension, pending, within],
      extensions,
      scopeOf('2026-05', '2026-06-25'),
    );
    assert.deepEqual(f.rows.extendedInTime, [inTime.id]);
    // On 25 June the one decided in July had not been decided and its extension still ran.
    assert.deepEqual(f.rows.extendedPending, [lateAfterExtension.id, pending.id]);
    assert.equal(f.cells.extendedLate, 0);
    assert.equal(f.value, 1 / 4);
    const later = investigationWithin4Months(
      [inTime, lateAfterExtension, pending, within],
      extensions,
      scopeOf('2026-05', '2026-08-01'),
    );
    assert.equal(later.cells.extendedLate, 2, 'decided after the extension, or still open past it');
  });

  it('ignores an extension of the other limit', () => {
    const c = opened('2026-01-15', '2026-05-20');
    const f = investigationWithin4Months(
      [c],
      [{ caseId: c.id, ruleId: 'initialAssessment', extendedTo: '2026-06-30' }],
      scopeOf('2026-05', '2026-07-01'),
    );
    assert.equal(f.cells.late, 1);
  });

  it('classifies outcomes by the rule in one place', () => {
    assert.equal(deadlineOutcome('2026-05-15', '2026-05-15', null, '2026-06-01'), 'within');
    assert.equal(deadlineOutcome('2026-05-15', null, null, '2026-06-01'), 'overdue');
    assert.equal(deadlineOutcome('2026-05-15', '2026-05-10', '2026-06-30', '2026-06-01'), 'within');
  });
});

describe('days from opening an investigation to its decision', () => {
  it('gives the mean and the median of the investigations decided in the period', () => {
    const cases = [
      aCase({ investigationOpenedOn: '2026-01-01', decidedOn: '2026-03-02' }), // 60
      aCase({ investigationOpenedOn: '2026-01-01', decidedOn: '2026-03-12' }), // 70
      aCase({ investigationOpenedOn: '2025-12-01', decidedOn: '2026-03-31' }), // 120
      aCase({ investigationOpenedOn: '2026-01-01', decidedOn: '2026-04-01' }), // April: outside
    ];
    const f = daysOpeningToDecision(cases, scopeOf('2026-Q1', '2026-05-01'));
    assert.equal(f.denominator, 3);
    assert.equal(f.value, 250 / 3);
    assert.equal(f.median, 70);
  });
});

describe('share of reports investigated', () => {
  it('counts reports that opened or joined an investigation, and keeps pending ones apart', () => {
    const investigated = aCase({ initialDecision: 'openInvestigation' });
    const closed = aCase({ initialDecision: 'noInvestigation' });
    const assessing = aCase();
    const reports = [
      aReport({ caseId: investigated.id }),
      aReport({ caseId: closed.id }),
      aReport({ caseId: closed.id }),
      aReport({ caseId: assessing.id }),
      aReport({ caseId: investigated.id, joinedOngoing: true }),
      aReport({ caseId: null }),
    ];
    const f = reportsInvestigated(
      reports,
      [investigated, closed, assessing],
      scopeOf('2026-01', '2026-02-01'),
    );
    assert.equal(f.cells.investigated, 2);
    assert.equal(f.cells.notInvestigated, 2);
    assert.equal(f.cells.pending, 2);
    assert.equal(f.cells.received, 6);
    assert.equal(f.value, 0.5);
  });
});

describe('new reports within twelve months after a closed case', () => {
  it('counts a report the day after closing and on the last day of the twelve months, not one day later', () => {
    const child = 'child-again';
    const cases = [
      aCase({ childId: child, closedOn: '2025-03-10', initialDecision: 'noInvestigation' }),
      aCase({ childId: 'child-b', closedOn: '2025-03-10', decisionOutcome: 'interventions' }),
      aCase({ childId: 'child-c', closedOn: '2025-03-20', decisionOutcome: 'noIntervention' }),
    ];
    const reports = [
      aReport({ childId: child, receivedOn: '2025-03-10' }), // the closing day itself: before
      aReport({ childId: child, receivedOn: '2026-03-10' }), // last day of the twelve months
      aReport({ childId: 'child-b', receivedOn: '2026-03-11' }), // one day too late
    ];
    const f = newReportWithin12MonthsAfterClosure(cases, reports, scopeOf('2025-03', '2026-04-01'));
    assert.equal(f.cells['reportedAgain|noInvestigation'], 1);
    assert.equal(f.cells['notReportedAgain|afterInterventions'], 1);
    assert.equal(f.cells['notReportedAgain|noIntervention'], 1);
    assert.equal(f.value, 1 / 3);
  });

  it('does not judge a case whose twelve months have not passed', () => {
    const c = aCase({ closedOn: '2025-06-15' });
    const f = newReportWithin12MonthsAfterClosure([c], [], scopeOf('2025-06', '2026-06-15'));
    assert.equal(f.cells.notYetObserved, 1);
    assert.equal(f.denominator, 0);
    assert.equal(f.value, null);
  });
});
