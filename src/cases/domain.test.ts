import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CaseFacts,
  caseStatus,
  conclusionRefusal,
  deadlinesOf,
  decisionRefusal,
  lastMonth,
  metInPeriod,
  openDeadlines,
  type ReportFacts,
} from './domain.ts';

const baseCase: CaseFacts = {
  id: 'c1',
  phase: 'initialAssessment',
  unit_id: 'u1',
  responsible_user_id: null,
  opened_on: '2026-03-13',
  immediate_protection: false,
  initial_decided_on: null,
  investigation_opened_on: null,
  decided_on: null,
  decision_outcome: null,
  closed_on: null,
  follow_up_planned: false,
  follow_up_done_on: null,
};
const report = (overrides: Partial<ReportFacts> = {}): ReportFacts => ({
  id: 'r1',
  received_on: '2026-03-13',
  protection_assessed_on: null,
  feedback_requested: false,
  feedback_sent_on: null,
  joined_ongoing: false,
  case_id: 'c1',
  linked_on: '2026-03-13',
  ...overrides,
});

describe('the deadlines of a case', () => {
  it('has a protection assessment and an initial assessment from the report, even before linking', () => {
    const unlinked = deadlinesOf(null, [report({ case_id: null })]);
    assert.deepEqual(
      unlinked.map((d) => [d.deadline.ruleId, d.deadline.dueDate]),
      [
        ['protectionAssessment', '2026-03-13'],
        ['initialAssessment', '2026-03-27'],
      ],
    );
  });

  it('adds feedback once the initial assessment is decided, and the investigation once opened', () => {
    const decided = {
      ...baseCase,
      phase: 'investigation' as const,
      initial_decided_on: '2026-03-20',
      investigation_opened_on: '2026-03-20',
    };
    const list = deadlinesOf(decided, [
      report({ feedback_requested: true, protection_assessed_on: '2026-03-13' }),
    ]);
    const byRule = Object.fromEntries(list.map((d) => [d.deadline.ruleId, d]));
    // One week from the decision (SoL 2025:400 19 kap. 6 §, from 15 January 2026).
    assert.equal(byRule.reporterFeedback?.deadline.dueDate, '2026-03-27');
    assert.equal(byRule.initialAssessment?.completedOn, '2026-03-20');
    assert.equal(byRule.investigation?.deadline.dueDate, '2026-07-20');
    assert.deepEqual(
      openDeadlines(list, '2026-03-28').map((d) => [d.deadline.ruleId, d.daysLeft, d.urgency]),
      [
        ['reporterFeedback', -1, 'overdue'],
        ['investigation', 114, 'later'],
      ],
    );
  });

  it('owes feedback for a report joined to an ongoing investigation from the day it was joined', () => {
    const investigating = {
      ...baseCase,
      phase: 'investigation' as const,
      initial_decided_on: '2026-01-10',
      investigation_opened_on: '2026-01-10',
    };
    const joined = report({ feedback_requested: true, joined_ongoing: true, linked_on: '2026-03-16' });
    const feedback = deadlinesOf(investigating, [joined]).find(
      (d) => d.deadline.ruleId === 'reporterFeedback',
    );
    assert.equal(feedback?.deadline.dueDate, '2026-03-23');
  });

  it('uses the latest extension and offers a follow-up only when planned after no intervention', () => {
    const c = {
      ...baseCase,
      phase: 'closed' as const,
      investigation_opened_on: '2026-01-10',
      initial_decided_on: '2026-01-10',
      decided_on: '2026-04-01',
      decision_outcome: 'noIntervention' as const,
      closed_on: '2026-04-02',
      follow_up_planned: true,
    };
    const list = deadlinesOf(
      c,
      [],
      [
        { rule_id: 'investigation', extended_to: '2026-06-30' },
        { rule_id: 'investigation', extended_to: '2026-05-30' },
      ],
    );
    assert.equal(list.find((d) => d.key === 'investigation')?.deadline.dueDate, '2026-06-30');
    // Six months under SoL (2025:400) 23 kap. 5 §.
    assert.equal(list.find((d) => d.key === 'followUp')?.deadline.dueDate, '2026-10-02');
    assert.equal(
      deadlinesOf({ ...c, follow_up_planned: false }, []).some((d) => d.key === 'followUp'),
      false,
    );
  });

  it('counts deadlines of a period as met when done on or before the due date', () => {
    const c = { ...baseCase, opened_on: '2026-02-02', initial_decided_on: '2026-02-16' };
    const late = { ...baseCase, id: 'c2', opened_on: '2026-02-02', initial_decided_on: '2026-02-17' };
    const list = [
      ...deadlinesOf(c, []),
      ...deadlinesOf(late, []),
      ...deadlinesOf({ ...baseCase, opened_on: '2026-02-05' }, []),
    ];
    assert.deepEqual(metInPeriod(list, '2026-02-01', '2026-02-28', '2026-03-13'), { met: 1, missed: 2 });
    assert.deepEqual(lastMonth('2026-03-13'), { from: '2026-02-01', to: '2026-02-28' });
    assert.deepEqual(lastMonth('2026-01-05'), { from: '2025-12-01', to: '2025-12-31' });
  });
});

describe('what a step needs', () => {
  const investigating = {
    phase: 'investigation' as const,
    concluded_on: null,
    childs_voice_waived_reason: null,
    party_communicated_on: null,
    decided_on: null,
  };
  it('concludes only with the child’s account or a recorded reason', () => {
    assert.equal(conclusionRefusal(investigating, 0), 'childsVoiceMissing');
    assert.equal(conclusionRefusal(investigating, 1), null);
    assert.equal(
      conclusionRefusal({ ...investigating, childs_voice_waived_reason: 'Barnet är två månader.' }, 0),
      null,
    );
    assert.equal(conclusionRefusal({ ...investigating, phase: 'closed' }, 1), 'wrongPhase');
  });
  it('decides only after conclusion and party communication', () => {
    assert.equal(decisionRefusal(investigating), 'notConcluded');
    assert.equal(
      decisionRefusal({ ...investigating, concluded_on: '2026-03-01' }),
      'partyCommunicationMissing',
    );
    assert.equal(
      decisionRefusal({ ...investigating, concluded_on: '2026-03-01', party_communicated_on: '2026-03-02' }),
      null,
    );
  });
});

describe('the status of a case', () => {
  const base = {
    phase: 'investigation' as const,
    decided_on: null,
    decision_outcome: null,
    concluded_on: null,
    investigation_opened_on: '2026-03-01',
  };
  it('follows the decision, and a concluded investigation waits for it', () => {
    assert.equal(
      caseStatus({ ...base, phase: 'initialAssessment', investigation_opened_on: null }),
      'initialAssessment',
    );
    assert.equal(caseStatus(base), 'investigation');
    assert.equal(caseStatus({ ...base, concluded_on: '2026-04-01' }), 'awaitingDecision');
    const decided = { ...base, concluded_on: '2026-04-01', decided_on: '2026-04-02' };
    assert.equal(caseStatus({ ...decided, decision_outcome: 'interventions' }), 'interventionsGranted');
    assert.equal(caseStatus({ ...decided, decision_outcome: 'noIntervention' }), 'decidedNoIntervention');
    assert.equal(caseStatus({ ...decided, phase: 'closed', decision_outcome: 'noIntervention' }), 'closed');
    assert.equal(
      caseStatus({ ...base, phase: 'closed', investigation_opened_on: null }),
      'closedNoInvestigation',
    );
  });
});
