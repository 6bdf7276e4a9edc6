import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContactRecord } from './contacts.ts';
import { assembleReconsideration, type ReconsiderationInput } from './reconsideration.ts';
import { decision, contact as make, period, placement } from './testing.ts';
import { custodyTransferFactors } from './validation.ts';

const p = placement({
  periods: [period('familyHome', '2024-03-01')],
  decisions: [decision('sol', '2024-03-01')],
});
const contact = (on: string, more: Partial<ContactRecord> = {}) => make(p.id, on, more);
function input(more: Partial<ReconsiderationInput> = {}): ReconsiderationInput {
  return {
    facts: {
      placement: p,
      child: { birthDate: '2014-05-20' },
      considerations: [{ kind: 'reconsideration', decidedOn: '2025-09-10' }],
      plans: { carePlanOn: '2024-02-20', implementationPlanOn: '2024-03-10' },
    },
    contacts: [
      contact('2025-09-10', { attendedTo: ['schooling'] }),
      contact('2025-10-02', { attendedTo: ['health', 'relations'] }),
      contact('2025-12-01', { kind: 'talkWithGuardians', place: 'phone', childAlone: null, attendedTo: [] }),
      contact('2026-01-15', { outcome: 'attempted', childAlone: null, attendedTo: [] }),
      contact('2026-02-01', {
        kind: 'talkWithCarers',
        place: 'placementHome',
        childAlone: null,
        attendedTo: ['schooling'],
      }),
      contact('2026-03-20'),
    ],
    planChanges: [
      { on: '2025-08-01', plan: 'implementationPlan', summary: 'Före förra övervägandet' },
      { on: '2025-11-12', plan: 'implementationPlan', summary: 'Läxhjälp två dagar i veckan' },
    ],
    notes: [{ id: 'n1', on: '2026-01-15', title: 'Besök inställt' }],
    sipFollowUps: [{ sipId: 's1', on: '2026-02-20', summary: 'BUP-kontakt fungerar' }],
    meetingOn: '2026-03-10',
    ...more,
  };
}
const documentOf = (i: ReconsiderationInput) => {
  const result = assembleReconsideration(i);
  assert.ok(result.ok);
  return result.document;
};

describe('the reconsideration document, prefilled since the last one', () => {
  it('covers from the last reconsideration (exclusive) to the meeting (inclusive)', () => {
    const doc = documentOf(input());
    assert.deepEqual(doc.period, { from: '2025-09-10', to: '2026-03-10', previousOn: '2025-09-10' });
    assert.deepEqual(
      doc.contacts.visits.map((c) => c.on),
      ['2025-10-02'],
      'the visit on the day of the last one belongs to it, the one after the meeting to the next',
    );
    assert.deepEqual(
      doc.planChanges.map((c) => c.summary),
      ['Läxhjälp två dagar i veckan'],
    );
    assert.deepEqual(
      doc.notes.map((c) => c.id),
      ['n1'],
    );
    assert.deepEqual(
      doc.sipFollowUps.map((c) => c.sipId),
      ['s1'],
    );
  });
  it('groups the contacts; attempts are shown apart and never counted as visits or talks', () => {
    const { contacts } = documentOf(input());
    assert.equal(contacts.privateTalks.length, 1);
    assert.equal(contacts.withGuardians.length, 1);
    assert.equal(contacts.withCarers.length, 1);
    assert.deepEqual(
      contacts.attempts.map((c) => c.on),
      ['2026-01-15'],
    );
  });
  it('shows what the contacts attended to and what none did', () => {
    const doc = documentOf(input());
    assert.deepEqual(doc.attention, {
      health: 1,
      development: 0,
      socialBehaviour: 0,
      schooling: 1,
      relations: 1,
    });
    assert.deepEqual(doc.notAttendedTo, ['development', 'socialBehaviour']);
  });
  it('asks the questions of 22 kap. 13 §, and custody transfer once two years in the family home are reached', () => {
    const doc = documentOf(input());
    assert.deepEqual(doc.questions, ['careStillNeeded', 'directionAndForm', 'custodyTransfer']);
    assert.deepEqual(doc.custodyTransferFactors, custodyTransferFactors);
    assert.equal(doc.rule, 'placementReconsideration');
    assert.equal(doc.dueOn, '2026-03-10');
    assert.equal(doc.reference, 'SoL (2025:400) 22 kap. 13 §; 13 § första stycket LVU');
  });
  it('lists what is missing: no private talk, the care plan revision due', () => {
    const doc = documentOf(input({ contacts: [], meetingOn: '2026-03-10' }));
    assert.deepEqual(doc.gaps, [
      'noVisit',
      'noPrivateTalk',
      'noTalkWithCarers',
      'noTalkWithGuardians',
      'carePlanRevisionDue',
    ]);
  });
  it('for the first one covers from the start of the care', () => {
    const doc = documentOf(
      input({ facts: { ...input().facts, considerations: [] }, meetingOn: '2024-08-20' }),
    );
    assert.deepEqual(doc.period, { from: '2024-03-01', to: '2024-08-20', previousOn: null });
    assert.deepEqual(doc.questions, ['careStillNeeded', 'directionAndForm']);
    assert.equal(doc.custodyTransferFactors, null);
  });
  it('for LVU 3 § care asks whether the care should end, and about a moving ban in a family home', () => {
    const lvu = placement({ ...p, decisions: [decision('lvu3', '2024-03-01')] });
    const doc = documentOf(
      input({ facts: { ...input().facts, placement: lvu, considerations: [] }, meetingOn: '2024-08-20' }),
    );
    assert.equal(doc.rule, 'lvuReview');
    assert.deepEqual(doc.questions, ['shouldCareEnd', 'movingBan']);
  });
  it('is refused for an immediate custody and outside the care', () => {
    const custody = placement({ ...p, decisions: [decision('lvu6', '2024-03-01')] });
    assert.deepEqual(assembleReconsideration(input({ facts: { ...input().facts, placement: custody } })), {
      ok: false,
      code: 'noReconsiderationForBasis',
    });
    const ended = placement({ ...p, end: { endedOn: '2026-01-01', outcome: 'returnedHome' } });
    assert.deepEqual(assembleReconsideration(input({ facts: { ...input().facts, placement: ended } })), {
      ok: false,
      code: 'notInCare',
    });
  });
});
