import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextGuard } from '../collaboration/form.ts';
import { generatePersonalNumber } from '../people/personal-number.ts';
import {
  actionChangeRefusal,
  buildAgenda,
  type ForumAction,
  meetingStatusAfter,
  meetingStepRefusal,
  previousQuarter,
  quarterDates,
  quarterOf,
  validateMeetingRecord,
} from './meetings.ts';

const action = (id: string, meetingId: string, dueOn: string, status: ForumAction['status'] = 'open') => ({
  id,
  meetingId,
  description: `Åtgärd ${id}`,
  organisationId: 'school',
  person: 'Rektor',
  dueOn,
  status,
});

describe('the next agenda carries the open actions', () => {
  const actions = [
    action('a1', 'm1', '2026-12-15'),
    action('a2', 'm1', '2026-10-01'), // overdue at the next meeting
    action('a3', 'm2', '2026-11-30', 'done'),
    action('a4', 'm2', '2026-11-01', 'dropped'),
    action('a5', 'm2', '2026-11-20'),
  ];
  const agenda = buildAgenda({
    meetingOn: '2026-11-25',
    previousMeeting: { id: 'm2' },
    actions,
    newItems: ['Skolnärvaro: läget i länet'],
    deviationsReviewedFor: '2026-Q3',
  });

  it('every open action from earlier meetings, overdue first, then by due date', () => {
    const carried = agenda.filter((i) => i.kind === 'carriedAction');
    assert.deepEqual(
      carried.map((i) => [i.actionId, i.fromMeetingId, i.overdue]),
      [
        ['a2', 'm1', true],
        ['a5', 'm2', true],
        ['a1', 'm1', false],
      ],
    );
  });

  it('done and dropped actions are not carried', () => {
    const ids = agenda.flatMap((i) => (i.kind === 'carriedAction' ? [i.actionId] : []));
    assert.ok(!ids.includes('a3') && !ids.includes('a4'));
  });

  it('standing items frame the agenda; the previous minutes only when there was a meeting', () => {
    assert.deepEqual(
      agenda.map((i) => i.kind),
      [
        'opening',
        'previousMinutes',
        'carriedAction',
        'carriedAction',
        'carriedAction',
        'item',
        'nextMeeting',
        'closing',
      ],
    );
    const first = buildAgenda({
      meetingOn: '2026-02-03',
      previousMeeting: null,
      actions: [],
      newItems: [],
      deviationsReviewedFor: null,
    });
    assert.deepEqual(
      first.map((i) => i.kind),
      ['opening', 'deviations', 'nextMeeting', 'closing'],
    );
  });

  it("puts last quarter's deviations on the first meeting of a new quarter, once", () => {
    const january = buildAgenda({
      meetingOn: '2027-01-12',
      previousMeeting: { id: 'm3' },
      actions: [],
      newItems: [],
      deviationsReviewedFor: '2026-Q3',
    });
    assert.deepEqual(
      january.find((i) => i.kind === 'deviations'),
      { kind: 'deviations', quarter: '2026-Q4' },
    );
    const february = buildAgenda({
      meetingOn: '2027-02-09',
      previousMeeting: { id: 'm4' },
      actions: [],
      newItems: [],
      deviationsReviewedFor: '2026-Q4',
    });
    assert.equal(
      february.some((i) => i.kind === 'deviations'),
      false,
    );
  });
});

describe('quarters', () => {
  it('names, steps back and spans quarters, across the year boundary', () => {
    assert.equal(quarterOf('2026-03-31'), '2026-Q1');
    assert.equal(quarterOf('2026-04-01'), '2026-Q2');
    assert.equal(previousQuarter('2027-01-01'), '2026-Q4');
    assert.equal(previousQuarter('2026-12-31'), '2026-Q3');
    assert.deepEqual(quarterDates('2026-Q1'), { from: '2026-01-01', to: '2026-03-31' });
    assert.deepEqual(quarterDates('2026-Q2'), { from: '2026-04-01', to: '2026-06-30' });
    assert.deepEqual(quarterDates('2026-Q4'), { from: '2026-10-01', to: '2026-12-31' });
  });
});

describe('recording a meeting', () => {
  const guard: TextGuard = { today: '2026-11-25', confirmed: false, knownNames: ['Sara Lind'] };
  const context = {
    guard,
    today: '2026-11-25',
    representativeIds: ['r1', 'r2'],
    memberOrganisationIds: ['social', 'school'],
  };
  const valid = {
    heldOn: '2026-11-25',
    attendance: [
      { representativeId: 'r1', presence: 'present' },
      { representativeId: 'r2', presence: 'substitute', substituteName: 'Biträdande rektor' },
    ],
    minutes: 'Sara Lind redogjorde för läget. Skolnärvaron har ökat.',
    decisions: ['Gemensam rutin för skolfrånvaro tas fram.', ''],
    actions: [
      { description: 'Ta fram rutin', organisationId: 'school', person: 'Rektor', dueOn: '2027-01-31' },
    ],
  };
  const errors = (r: ReturnType<typeof validateMeetingRecord>) =>
    r.ok ? [] : r.errors.map((e) => [e.field, e.code]);

  it('accepts minutes with attendance, decisions and actions (empty decisions dropped)', () => {
    const result = validateMeetingRecord(valid, context);
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value.decisions, ['Gemensam rutin för skolfrånvaro tas fram.']);
    assert.equal(result.value.attendance[1]?.substituteName, 'Biträdande rektor');
  });

  it('refuses a meeting in the future, an action due before it, and outsiders', () => {
    const result = validateMeetingRecord(
      {
        ...valid,
        heldOn: '2026-11-26',
        attendance: [{ representativeId: 'stranger', presence: 'present' }],
        actions: [{ description: 'X', organisationId: 'police', dueOn: '2026-11-01' }],
      },
      context,
    );
    assert.deepEqual(errors(result), [
      ['heldOn', 'dateInFuture'],
      ['attendance.0', 'notARepresentative'],
      ['actions.0.organisationId', 'notAMember'],
      ['actions.0.dueOn', 'dateBeforeStart'],
    ]);
  });

  it('needs someone present and a substitute named', () => {
    const result = validateMeetingRecord(
      {
        ...valid,
        attendance: [
          { representativeId: 'r1', presence: 'absent' },
          { representativeId: 'r2', presence: 'substitute' },
        ],
      },
      context,
    );
    assert.deepEqual(errors(result), [['attendance.1', 'substituteNameRequired']]);
    const nobody = validateMeetingRecord(
      { ...valid, attendance: [{ representativeId: 'r1', presence: 'absent' }] },
      context,
    );
    assert.deepEqual(errors(nobody), [['attendance', 'noOneAttended']]);
  });

  it('refuses an identity number in the minutes or in an action', () => {
    const number = generatePersonalNumber('2013-05-30', 77);
    const result = validateMeetingRecord(
      { ...valid, actions: [{ ...valid.actions[0], description: `Kontakta familjen till ${number}` }] },
      context,
    );
    assert.deepEqual(errors(result), [['actions.0.description', 'personalIdentityNumber']]);
  });
});

describe('the meeting state machine', () => {
  const planned = { status: 'planned' as const, plannedOn: '2026-11-25', minutesWrittenBy: null };
  const held = { status: 'held' as const, plannedOn: '2026-11-25', minutesWrittenBy: 'secretary' };

  it('records a meeting on or after its day only', () => {
    assert.equal(meetingStepRefusal('record', planned, 'secretary', '2026-11-24'), 'notYetHeld');
    assert.equal(meetingStepRefusal('record', planned, 'secretary', '2026-11-25'), null);
    assert.equal(meetingStatusAfter('record', 'planned'), 'held');
  });

  it('has the minutes approved by someone other than their writer, then locks them', () => {
    assert.equal(meetingStepRefusal('approve', held, 'secretary', '2026-11-26'), 'approverWroteMinutes');
    assert.equal(meetingStepRefusal('approve', held, 'chair', '2026-11-26'), null);
    const approved = { ...held, status: meetingStatusAfter('approve', 'held') };
    assert.equal(approved.status, 'approved');
    assert.equal(meetingStepRefusal('edit', approved, 'secretary', '2026-11-26'), 'wrongStatus');
    assert.equal(meetingStepRefusal('addAddendum', approved, 'secretary', '2026-11-26'), null);
  });

  it('cancels only a planned meeting', () => {
    assert.equal(meetingStepRefusal('cancel', planned, 'chair', '2026-11-01'), null);
    assert.equal(meetingStepRefusal('cancel', held, 'chair', '2026-11-01'), 'wrongStatus');
  });

  it('closes an open action once; dropping one says why', () => {
    assert.equal(actionChangeRefusal({ status: 'open' }, 'done', ''), null);
    assert.equal(actionChangeRefusal({ status: 'open' }, 'dropped', '  '), 'noteRequired');
    assert.equal(actionChangeRefusal({ status: 'open' }, 'dropped', 'Ersatt av länsrutin'), null);
    assert.equal(actionChangeRefusal({ status: 'done' }, 'dropped', 'x'), 'alreadyClosed');
    assert.equal(actionChangeRefusal({ status: 'open' }, 'open', ''), 'alreadyClosed');
  });
});
