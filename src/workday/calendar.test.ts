import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateAppointment } from './domain/appointment.ts';
import { nextStepOf, parseCaseListQuery } from './domain/case-list.ts';
import { escapeText, foldLine, icalendar } from './domain/ical.ts';
import {
  nextWeek,
  parseTime,
  parseWeek,
  previousWeek,
  stockholmClock,
  stockholmInstant,
  weekKey,
  weekOf,
} from './domain/week.ts';

describe('ISO weeks', () => {
  it('finds the week of a date, across the turn of the year', () => {
    assert.equal(weekKey(weekOf('2026-12-01')), '2026-W49');
    assert.equal(weekOf('2026-12-01').from, '2026-11-30');
    assert.equal(weekOf('2026-12-01').to, '2026-12-06');
    // 1 January 2027 is a Friday: it belongs to week 53 of 2026.
    assert.equal(weekKey(weekOf('2027-01-01')), '2026-W53');
    assert.equal(weekKey(weekOf('2025-12-29')), '2026-W01');
    assert.equal(weekKey(nextWeek(weekOf('2026-12-28'))), '2027-W01');
    assert.equal(weekKey(previousWeek(weekOf('2026-01-01'))), '2025-W52');
  });

  it('reads a week as typed, refusing what is not one', () => {
    assert.equal(parseWeek('2026-W49')?.from, '2026-11-30');
    assert.equal(parseWeek('2026-W53')?.from, '2026-12-28');
    for (const bad of ['2025-W53', '2026-W00', '2026-W54', '2026-49', 'W49', '1999-W10', '2026-W4a'])
      assert.equal(parseWeek(bad), null, bad);
  });
});

describe('times in Stockholm', () => {
  it('takes 9:30, 9.30, 09:30 and 930, and refuses the rest', () => {
    for (const t of ['9:30', '9.30', '09:30', '930']) assert.equal(parseTime(t), 570, t);
    for (const t of ['24:00', '9:60', '9', '9:3', 'nio', '']) assert.equal(parseTime(t), null, t);
  });

  it('turns a Stockholm clock time into the instant, in winter and summer time', () => {
    assert.equal(stockholmInstant('2026-12-01', 570).toISOString(), '2026-12-01T08:30:00.000Z');
    assert.equal(stockholmInstant('2026-06-01', 570).toISOString(), '2026-06-01T07:30:00.000Z');
    assert.deepEqual(stockholmClock(new Date('2026-06-01T07:30:00Z')), ['2026-06-01', '09:30']);
    // The day the clocks go forward (29 March 2026) and back (25 October 2026).
    assert.equal(stockholmInstant('2026-03-29', 4 * 60).toISOString(), '2026-03-29T02:00:00.000Z');
    assert.equal(stockholmInstant('2026-10-25', 12 * 60).toISOString(), '2026-10-25T11:00:00.000Z');
    // 02:30 comes twice on the night summer time ends: the first one, still summer time, is meant.
    assert.equal(stockholmInstant('2026-10-25', 150).toISOString(), '2026-10-25T00:30:00.000Z');
    assert.equal(stockholmInstant('2026-10-25', 24 * 60).toISOString(), '2026-10-25T23:00:00.000Z');
  });
});

describe('the iCalendar feed', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const feed = icalendar({
    name: 'Samtak',
    now,
    events: [
      {
        uid: 'a@samtak',
        summary: 'Besök',
        when: { start: new Date('2026-12-02T08:30:00Z'), end: new Date('2026-12-02T09:30:00Z') },
      },
      { uid: 'b@samtak', summary: 'Tidsfrist', when: { date: '2026-12-31' } },
    ],
  });

  it('ends every line in CRLF and has a UID and a DTSTAMP in every event (RFC 5545)', () => {
    assert.ok(feed.endsWith('END:VCALENDAR\r\n'));
    assert.equal(feed.replace(/\r\n/g, '').includes('\n'), false);
    assert.match(feed, /^BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:/);
    const events = feed.split('BEGIN:VEVENT').slice(1);
    assert.equal(events.length, 2);
    for (const e of events) {
      assert.match(e, /\r\nUID:[^\r]+\r\n/);
      assert.match(e, /\r\nDTSTAMP:20261201T100000Z\r\n/);
    }
    assert.match(feed, /DTSTART:20261202T083000Z\r\nDTEND:20261202T093000Z/);
    assert.match(feed, /DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101/);
  });

  it('folds long lines at 75 octets without splitting a character, and escapes text', () => {
    const long = `SUMMARY:${'å'.repeat(60)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, line);
    assert.equal(folded.replace(/\r\n /g, ''), long);
    assert.equal(escapeText('a;b,c\\d\ne'), 'a\\;b\\,c\\\\d\\ne');
  });
});

describe('booking a visit', () => {
  const cases = new Set(['11111111-1111-4111-8111-111111111111']);
  it('books a visit with a case of ones own', () => {
    const r = validateAppointment(
      {
        kind: 'visit',
        date: '2026-12-02',
        start: '9.30',
        end: '10:30',
        caseId: [...cases][0],
        place: 'Hemma',
      },
      cases,
    );
    assert.ok(r.ok);
    assert.equal(r.value.start.toISOString(), '2026-12-02T08:30:00.000Z');
  });
  it('names every field that is wrong', () => {
    const r = validateAppointment(
      {
        kind: 'party',
        date: '2026-02-30',
        start: '25:00',
        end: '',
        caseId: '22222222-2222-4222-8222-222222222222',
        place: 'x'.repeat(201),
      },
      cases,
    );
    assert.deepEqual(r.ok ? [] : r.errors, ['kind', 'date', 'start', 'end', 'case', 'place']);
    const backwards = validateAppointment(
      { kind: 'meeting', date: '2026-12-02', start: '10:00', end: '9:00' },
      cases,
    );
    assert.deepEqual(backwards.ok ? [] : backwards.errors, ['end']);
  });
});

describe('the case list rules', () => {
  it('names the next step in the order the law has it', () => {
    const base = {
      phase: 'investigation' as const,
      responsible_user_id: 'u',
      concluded_on: null,
      party_communicated_on: null,
      decided_on: null,
      decision_outcome: null,
      follow_up_planned: false,
      follow_up_done_on: null,
    };
    assert.equal(nextStepOf({ ...base, phase: 'initialAssessment' }), 'initialAssessment');
    assert.equal(nextStepOf({ ...base, responsible_user_id: null }), 'assign');
    assert.equal(nextStepOf(base), 'investigate');
    assert.equal(nextStepOf({ ...base, concluded_on: '2026-03-01' }), 'partyCommunication');
    assert.equal(
      nextStepOf({ ...base, concluded_on: '2026-03-01', party_communicated_on: '2026-03-02' }),
      'decision',
    );
    assert.equal(
      nextStepOf({
        ...base,
        concluded_on: '2026-03-01',
        party_communicated_on: '2026-03-02',
        decided_on: '2026-03-03',
      }),
      'close',
    );
    assert.equal(
      nextStepOf({ ...base, phase: 'closed', decision_outcome: 'noIntervention', follow_up_planned: true }),
      'followUp',
    );
    assert.equal(nextStepOf({ ...base, phase: 'closed' }), null);
  });
  it('refuses filters that are not in the lists, and reads a reference or a name', () => {
    assert.equal(parseCaseListQuery({ status: 'toString' }, '2026-03-13').ok, false);
    const q = parseCaseListQuery({ q: 'ab12 cd34' }, '2026-03-13');
    assert.ok(q.ok && q.query.text?.reference === 'AB12-CD34');
  });
});
