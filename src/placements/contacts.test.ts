import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ContactRecord,
  contactRefusals,
  contactStatus,
  defaultVisitGuideline,
  guidelineRefusals,
  isPrivateTalk,
} from './contacts.ts';
import { contact as make, period, placement } from './testing.ts';

const p = placement({ periods: [period('familyHome', '2025-09-01')] });
const contact = (on: string, more: Partial<ContactRecord> = {}) =>
  make(p.id, on, { attendedTo: ['health', 'schooling'], ...more });
const attempt = (on: string) => contact(on, { outcome: 'attempted', childAlone: null, attendedTo: [] });
const codes = (refusals: { code: string; at?: string }[]) => refusals.map((r) => `${r.code}@${r.at}`);

describe('a contact record', () => {
  it('is accepted as a visit in the home with the child talked to alone', () => {
    assert.deepEqual(contactRefusals(contact('2026-01-10'), p, '2026-02-01'), []);
  });
  it('says whether the child was talked to alone, and why not', () => {
    assert.deepEqual(codes(contactRefusals(contact('2026-01-10', { childAlone: null }), p, '2026-02-01')), [
      'aloneNotStated@childAlone',
    ]);
    assert.deepEqual(codes(contactRefusals(contact('2026-01-10', { childAlone: false }), p, '2026-02-01')), [
      'notAloneReasonMissing@notAloneReason',
    ]);
    const reason = contact('2026-01-10', { childAlone: false, notAloneReason: 'childDeclined' });
    assert.deepEqual(contactRefusals(reason, p, '2026-02-01'), []);
  });
  it('a visit is in the home: a phone call or a meeting at school is a talk, not a visit', () => {
    assert.deepEqual(codes(contactRefusals(contact('2026-01-10', { place: 'phone' }), p, '2026-02-01')), [
      'visitNotInHome@place',
    ]);
    assert.deepEqual(
      contactRefusals(contact('2026-01-10', { kind: 'talkWithChild', place: 'school' }), p, '2026-02-01'),
      [],
    );
  });
  it('talks with the carers or the guardians need no answer on the child alone', () => {
    const carers = contact('2026-01-10', { kind: 'talkWithCarers', place: 'phone', childAlone: null });
    assert.deepEqual(contactRefusals(carers, p, '2026-02-01'), []);
  });
  it('an attempt records no talk and nothing attended to', () => {
    assert.deepEqual(contactRefusals(attempt('2026-01-10'), p, '2026-02-01'), []);
    assert.deepEqual(
      codes(contactRefusals(contact('2026-01-10', { outcome: 'attempted' }), p, '2026-02-01')),
      ['attemptRecordsNoTalk@outcome'],
    );
  });
  it('is refused before the placement, after its end and in the future', () => {
    assert.deepEqual(codes(contactRefusals(contact('2025-08-31'), p, '2026-02-01')), ['beforePlacement@on']);
    const ended = { ...p, end: { endedOn: '2026-01-31', outcome: 'returnedHome' as const } };
    assert.deepEqual(codes(contactRefusals(contact('2026-02-01'), ended, '2026-02-10')), [
      'afterPlacementEnd@on',
    ]);
    assert.deepEqual(codes(contactRefusals(contact('2026-02-02'), p, '2026-02-01')), ['dateInFuture@on']);
  });
});

describe("the municipality's guideline (default four a year), not law", () => {
  it('is four visits and four private talks a year unless the municipality decides otherwise', () => {
    assert.deepEqual(defaultVisitGuideline, { visitsPerYear: 4, privateTalksPerYear: 4 });
    assert.deepEqual(
      guidelineRefusals({ visitsPerYear: 0, privateTalksPerYear: 2.5 }).map((r) => r.at),
      ['visitsPerYear', 'privateTalksPerYear'],
    );
  });
  it('the next visit is due three months after the last, at month ends too', () => {
    const status = contactStatus(p, [contact('2025-11-30')], defaultVisitGuideline, '2026-02-01')!;
    assert.equal(status.visits.lastOn, '2025-11-30');
    assert.equal(status.visits.nextDueOn, '2026-02-28');
    assert.equal(status.visits.below, false);
  });
  it('flags a child whose next visit is overdue', () => {
    const status = contactStatus(p, [contact('2025-11-30')], defaultVisitGuideline, '2026-03-01')!;
    assert.equal(status.visits.below, true);
  });
  it('flags a full year in care with fewer visits than the guideline, even if the last was recent', () => {
    const three = ['2025-11-20', '2026-02-15', '2026-05-10'].map((d) => contact(d));
    const status = contactStatus(p, three, defaultVisitGuideline, '2026-09-01')!;
    assert.equal(status.visits.lastYear, 3);
    assert.equal(status.visits.below, true);
    const four = [...three, contact('2026-08-20')];
    assert.equal(contactStatus(p, four, defaultVisitGuideline, '2026-09-01')!.visits.below, false);
  });
  it('attempted contacts never count as visits or talks, and are shown as attempts', () => {
    const status = contactStatus(
      p,
      [contact('2025-10-01'), attempt('2025-12-20'), attempt('2026-01-05')],
      defaultVisitGuideline,
      '2026-01-10',
    )!;
    assert.equal(status.visits.lastOn, '2025-10-01');
    assert.equal(status.visits.below, true);
    assert.equal(status.attemptsSinceLastVisit, 2);
    assert.equal(isPrivateTalk(attempt('2026-01-05')), false);
  });
  it('a visit where the child was not talked to alone is a visit but not a private talk', () => {
    const notAlone = contact('2025-12-01', { childAlone: false, notAloneReason: 'childTooYoung' });
    const status = contactStatus(p, [notAlone], defaultVisitGuideline, '2026-01-10')!;
    assert.equal(status.visits.lastOn, '2025-12-01');
    assert.equal(status.privateTalks.lastOn, null);
    assert.equal(status.privateTalks.nextDueOn, '2025-12-01', 'three months from the start');
    assert.equal(status.privateTalks.below, true);
  });
  it('a guideline that does not divide the year counts days', () => {
    const status = contactStatus(
      p,
      [contact('2026-01-01')],
      { visitsPerYear: 5, privateTalksPerYear: 5 },
      '2026-01-02',
    )!;
    assert.equal(status.visits.nextDueOn, '2026-03-15');
  });
  it('says nothing about an ended placement or one not yet begun', () => {
    assert.equal(
      contactStatus(
        { ...p, end: { endedOn: '2026-01-01', outcome: 'returnedHome' } },
        [],
        defaultVisitGuideline,
        '2026-02-01',
      ),
      null,
    );
    assert.equal(contactStatus(p, [], defaultVisitGuideline, '2025-08-01'), null);
  });
});
