import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, addMonths, weekday } from './calendar.ts';
import {
  computeDeadline,
  formatReference,
  lengthOn,
  nextOccurrence,
  referenceOn,
  ruleOf,
  urgencyOf,
  whyMoved,
} from './deadlines.ts';
import { deadlineRuleIds, deadlineRules } from './rules.ts';

const due = (...args: Parameters<typeof computeDeadline>) => computeDeadline(...args).dueDate;

describe('every rule is complete data', () => {
  it('has a requirement in both languages, a start event, a length and references without gaps', () => {
    for (const id of deadlineRuleIds) {
      const rule = deadlineRules[id];
      assert.equal(rule.id, id);
      assert.ok(rule.requirement.sv && rule.requirement.en, id);
      assert.ok(rule.references.length > 0, id);
      const last = rule.references.at(-1)!;
      assert.equal(last.to, null, `${id}: a reference must be in force today`);
      for (let i = 1; i < rule.references.length; i++) {
        const prev = rule.references[i - 1]!;
        const next = rule.references[i]!;
        assert.ok(prev.to && prev.to < next.from, `${id}: references in order`);
      }
    }
  });
});

describe('protection assessment: the same day', () => {
  it('is due the day the report arrives, also on a Friday', () => {
    assert.equal(weekday('2026-03-13'), 5);
    assert.equal(due('protectionAssessment', '2026-03-13'), '2026-03-13');
  });
  it('is not moved off a weekend or a holiday: protection cannot wait', () => {
    assert.equal(due('protectionAssessment', '2026-03-14'), '2026-03-14');
    assert.equal(due('protectionAssessment', '2025-12-24'), '2025-12-24');
    assert.equal(computeDeadline('protectionAssessment', '2026-06-19').moved, false);
  });
});

describe('initial assessment: 14 days, moved to the next weekday', () => {
  it('from a Friday lands on a Friday', () => {
    assert.equal(due('initialAssessment', '2026-01-09'), '2026-01-23');
  });
  it('from a Saturday lands on a Saturday and moves to Monday', () => {
    const d = computeDeadline('initialAssessment', '2026-01-10');
    assert.equal(d.statutoryDate, '2026-01-24');
    assert.equal(d.dueDate, '2026-01-26');
    assert.equal(d.moved, true);
    assert.equal(whyMoved(d), 'weekend');
  });
  it('over Easter: Good Friday moves past Easter Monday', () => {
    const d = computeDeadline('initialAssessment', '2026-03-20');
    assert.equal(d.statutoryDate, '2026-04-03');
    assert.equal(d.dueDate, '2026-04-07');
    assert.equal(whyMoved(d), 'goodFriday');
  });
  it('over Midsummer: Midsummer Eve moves to Monday', () => {
    assert.equal(due('initialAssessment', '2026-06-05'), '2026-06-22');
  });
  it('over Christmas and New Year', () => {
    assert.equal(due('initialAssessment', '2025-12-10'), '2025-12-29');
    assert.equal(due('initialAssessment', '2025-12-17'), '2026-01-02');
  });
  it('over a month end and a leap day', () => {
    assert.equal(due('initialAssessment', '2024-02-15'), '2024-02-29');
    assert.equal(due('initialAssessment', '2026-01-31'), '2026-02-16', 'Saturday 14 February moves');
  });
  it("over All Saints' Day", () => {
    assert.equal(due('initialAssessment', '2025-10-18'), '2025-11-03');
  });
  it('takes an extension decided for extraordinary reasons', () => {
    const d = computeDeadline('initialAssessment', '2026-01-09', { extendedTo: '2026-02-06' });
    assert.equal(d.dueDate, '2026-02-06');
    assert.equal(d.extended, true);
    assert.equal(d.statutoryDate, '2026-01-23');
    assert.equal(ruleOf('initialAssessment').extension, 'extraordinaryReasons');
  });
});

describe('investigation: four months', () => {
  it('ends on the last day of a shorter month and then moves off the weekend', () => {
    const d = computeDeadline('investigation', '2025-10-31');
    assert.equal(d.statutoryDate, '2026-02-28');
    assert.equal(d.dueDate, '2026-03-02');
  });
  it('lands on a leap day', () => {
    assert.equal(due('investigation', '2023-10-31'), '2024-02-29');
  });
  it('starting on a leap day', () => {
    assert.equal(computeDeadline('investigation', '2024-02-29').statutoryDate, '2024-06-29');
    assert.equal(due('investigation', '2024-02-29'), '2024-07-01');
  });
  it('from a Friday at a month end', () => {
    assert.equal(weekday('2026-05-29'), 5);
    assert.equal(due('investigation', '2026-05-29'), '2026-09-29');
  });
  it('over Christmas', () => {
    assert.equal(due('investigation', '2025-08-24'), '2025-12-29');
  });
  it('may be extended for special reasons', () => {
    assert.equal(ruleOf('investigation').extension, 'specialReasons');
    assert.equal(due('investigation', '2026-01-09', { extendedTo: '2026-06-30' }), '2026-06-30');
  });
});

describe('feedback to a professional reporter: without delay, then within a week', () => {
  it('was due the day of the decision under the 2001 act and the 2025 act as enacted', () => {
    assert.equal(due('reporterFeedback', '2025-03-14'), '2025-03-14');
    assert.equal(due('reporterFeedback', '2025-12-19'), '2025-12-19');
    assert.equal(due('reporterFeedback', '2026-01-14'), '2026-01-14');
  });
  it('is due one week after the decision from 15 January 2026 (SFS 2025:1501)', () => {
    assert.equal(due('reporterFeedback', '2026-01-15'), '2026-01-22');
    assert.equal(due('reporterFeedback', '2026-03-13'), '2026-03-20', 'a Friday start ends on a Friday');
    assert.equal(
      formatReference(computeDeadline('reporterFeedback', '2026-03-13').reference),
      'SoL (2025:400) 19 kap. 6 § (SFS 2025:1501)',
    );
  });
  it('moves a week that ends on Christmas Eve to the next weekday after Christmas', () => {
    const d = computeDeadline('reporterFeedback', '2026-12-17');
    assert.equal(d.statutoryDate, '2026-12-24');
    assert.equal(d.dueDate, '2026-12-28');
    assert.equal(d.moved, true);
  });
});

describe('follow-up after closure: two months under the 2001 act, six under the 2025 act', () => {
  it('ends two months after a closure before 1 July 2025, at month ends and leap days, not moved', () => {
    assert.equal(due('followUp', '2024-12-29'), '2025-02-28');
    assert.equal(due('followUp', '2023-12-29'), '2024-02-29');
    assert.equal(due('followUp', '2025-06-30'), '2025-08-30', 'a Saturday, not moved');
  });
  it('ends six months after a closure from 1 July 2025 (23 kap. 5 §)', () => {
    assert.equal(due('followUp', '2025-07-01'), '2026-01-01');
    assert.equal(due('followUp', '2025-12-31'), '2026-06-30');
    assert.equal(due('followUp', '2025-08-31'), '2026-02-28');
  });
});

describe('placements (recurring duties count from the start)', () => {
  it('reconsideration every six months without drifting at month ends', () => {
    assert.equal(due('placementReconsideration', '2024-08-31'), '2025-02-28');
    assert.equal(due('placementReconsideration', '2024-08-31', { occurrence: 1 }), '2025-08-31');
    assert.equal(due('placementReconsideration', '2024-08-31', { occurrence: 2 }), '2026-02-28');
  });
  it('review of compulsory care every six months', () => {
    assert.equal(due('lvuReview', '2025-12-24'), '2026-06-24');
    assert.equal(nextOccurrence('lvuReview', '2025-01-15', '2026-02-01').dueDate, '2026-07-15');
  });
  it('transfer of custody after two years, then every twelve months, through leap years', () => {
    assert.equal(due('custodyTransfer', '2024-02-29'), '2026-02-28');
    assert.equal(due('custodyTransfer', '2024-02-29', { occurrence: 1 }), '2027-02-28');
    assert.equal(due('custodyTransfer', '2024-02-29', { occurrence: 2 }), '2028-02-29');
  });
  it('care plan and health examination before the placement itself', () => {
    assert.equal(due('carePlan', '2026-06-19'), '2026-06-19');
    assert.equal(due('healthExamination', '2026-03-13'), '2026-03-13');
  });
  it('refuses an occurrence of a duty that does not recur', () => {
    assert.throws(() => computeDeadline('carePlan', '2026-01-01', { occurrence: 1 }), RangeError);
  });
});

describe('LVU: immediate custody and the application for care', () => {
  it('goes to the court within a week, moved over Christmas', () => {
    assert.equal(due('immediateCustodyCourt', '2025-12-17'), '2025-12-29');
    assert.equal(due('immediateCustodyCourt', '2026-03-13'), '2026-03-20', 'Friday to Friday');
  });
  it('counts the application from the day the custody was carried out, not from the court (LVU 8 §)', () => {
    const rule = ruleOf('careApplication');
    assert.equal(rule.startEvent, 'immediateCustodyExecuted');
    assert.match(rule.requirement.sv, /verkställdes/);
    // Custody carried out on 2 March, confirmed by the court on 12 March: due 30 March, not 9 April.
    assert.equal(due('careApplication', '2026-03-02'), '2026-03-30');
  });
  it('the application within four weeks, moved off the National Day', () => {
    assert.equal(computeDeadline('careApplication', '2026-05-09').statutoryDate, '2026-06-06');
    assert.equal(due('careApplication', '2026-05-09'), '2026-06-08');
  });
  it('keeps the LVU reference across the change of the Social Services Act', () => {
    assert.equal(
      formatReference(computeDeadline('careApplication', '2026-05-09').reference),
      'LVU (1990:52) 8 §',
    );
  });
});

describe('the law in force', () => {
  it('cites the 2001 act for a limit that ends before 1 July 2025', () => {
    const d = computeDeadline('initialAssessment', '2025-06-10');
    assert.equal(d.dueDate, '2025-06-24');
    assert.equal(formatReference(d.reference), 'SoL (2001:453) 11 kap. 1 a § andra stycket; SOSFS 2014:5');
  });
  it('cites the act in force when the clock started, also when the limit ends after the change', () => {
    // Decision 0059: one date, the start, decides both the reference and the length.
    const d = computeDeadline('initialAssessment', '2025-06-20');
    assert.equal(d.dueDate, '2025-07-04');
    assert.equal(d.reference.act, 'SoL (2001:453)');
    assert.equal(formatReference(d.reference), 'SoL (2001:453) 11 kap. 1 a § andra stycket; SOSFS 2014:5');
    const after = computeDeadline('initialAssessment', '2025-07-01');
    assert.equal(formatReference(after.reference), 'SoL (2025:400) 20 kap. 2 §; SOSFS 2014:5');
    assert.equal(after.reference.correspondsTo, '11 kap. 1 a § andra stycket SoL (2001:453)');
  });
  it('gives a follow-up after a closure in May or June 2025 the old act’s length and reference together', () => {
    for (const closedOn of ['2025-05-15', '2025-06-30']) {
      const d = computeDeadline('followUp', closedOn);
      assert.equal(d.reference.act, 'SoL (2001:453)', closedOn);
      assert.equal(d.statutoryDate, addMonths(closedOn, 2), closedOn);
    }
    const d = computeDeadline('followUp', '2025-07-01');
    assert.equal(d.reference.act, 'SoL (2025:400)');
    assert.equal(d.statutoryDate, '2026-01-01');
  });
  it('cites for each occurrence of a recurring duty the law in force when that occurrence arose', () => {
    const start = '2024-08-31';
    assert.equal(computeDeadline('placementReconsideration', start).reference.act, 'SoL (2001:453)');
    // Occurrence 1 arises on 2025-02-28 (old act), occurrence 2 on 2025-08-31 (new act).
    assert.equal(
      computeDeadline('placementReconsideration', start, { occurrence: 1 }).reference.act,
      'SoL (2001:453)',
    );
    const second = computeDeadline('placementReconsideration', start, { occurrence: 2 });
    assert.equal(second.reference.act, 'SoL (2025:400)');
    assert.equal(second.dueDate, '2026-02-28');
  });
  it('takes the reference and the length from the same version of the law, for every rule and day', () => {
    for (const rule of Object.values(deadlineRules)) {
      for (let day = 0; day < 800; day += 3) {
        const start = addDays('2025-01-01', day);
        const d = computeDeadline(rule.id, start);
        const version = referenceOn(rule, start);
        assert.equal(d.reference, version, `${rule.id} from ${start}`);
        assert.deepEqual(lengthOn(rule, start), version.length ?? rule.length, `${rule.id} from ${start}`);
      }
    }
  });
  it('switches exactly between 30 June and 1 July 2025', () => {
    const rule = ruleOf('protectionAssessment');
    assert.equal(referenceOn(rule, '2025-06-30').act, 'SoL (2001:453)');
    assert.equal(referenceOn(rule, '2025-07-01').act, 'SoL (2025:400)');
  });
});

describe('urgency', () => {
  it('counts days left and marks overdue, today and soon', () => {
    assert.deepEqual(urgencyOf('2026-03-10', '2026-03-12'), { daysLeft: -2, urgency: 'overdue' });
    assert.deepEqual(urgencyOf('2026-03-12', '2026-03-12'), { daysLeft: 0, urgency: 'dueToday' });
    assert.deepEqual(urgencyOf('2026-03-15', '2026-03-12'), { daysLeft: 3, urgency: 'dueSoon' });
    assert.deepEqual(urgencyOf('2026-03-16', '2026-03-12'), { daysLeft: 4, urgency: 'later' });
  });
});
