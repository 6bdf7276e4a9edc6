import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { casesTexts } from '../../cases/i18n/index.ts';
import type { Actor } from '../../platform/access/policy.ts';
import { type AccessScope, withAccess } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { dueDeadlinesFor } from '../../worklists/queries.ts';
import { ownScope } from '../../worklists/service.ts';
import type { CalendarEntry, CalendarRange, CalendarSource } from '../calendar-sources.ts';
import { type FeedEvent, icalendar } from '../domain/ical.ts';
import { parseTime, stockholmClock, stockholmInstant } from '../domain/week.ts';
import { workdaySv } from '../i18n/sv.ts';
import { appointmentsBetween, sipMeetingsBetween } from '../queries/calendar.ts';
import { ownWorkday } from './own.ts';

const nameOf = (p: { given_name: string | null; family_name: string | null }) =>
  [p.given_name, p.family_name].filter(Boolean).join(' ');

/** The user's own booked visits and meetings. */
export const appointmentsSource: CalendarSource = {
  id: 'appointments',
  load: async (scope, range) => {
    const from = stockholmInstant(range.from, 0);
    const to = stockholmInstant(range.to, 24 * 60);
    return (await appointmentsBetween(scope, from, to)).map((a) => ({
      uid: `appointment:${a.id}`,
      kind: a.kind,
      date: stockholmClock(a.starts_at)[0],
      start: a.starts_at,
      end: a.ends_at,
      title: nameOf(a),
      place: a.place,
      ...(a.case_id ? { href: `/cases/${a.case_id}` } : {}),
      subjectPersonId: a.child_id,
      recordType: 'calendarAppointment',
      recordId: a.id,
      appointmentId: a.id,
    }));
  },
};

/** The meetings of the coordinated plans the user coordinates (src/sip); an hour unless said otherwise. */
export const sipMeetingsSource: CalendarSource = {
  id: 'sipMeetings',
  load: async (scope, range) =>
    (await sipMeetingsBetween(scope, range.from, range.to)).flatMap((s) => {
      if (!s.meeting_on) return [];
      const minutes = s.meeting_time ? parseTime(s.meeting_time) : null;
      const start = minutes === null ? undefined : stockholmInstant(s.meeting_on, minutes);
      return [
        {
          uid: `sip:${s.id}`,
          kind: 'meeting' as const,
          date: s.meeting_on,
          ...(start ? { start, end: new Date(start.getTime() + 3_600_000) } : {}),
          title: `SIP ${nameOf(s)}`.trim(),
          place: s.meeting_place ?? '',
          href: `/sips/${s.id}`,
          subjectPersonId: s.child_id,
          recordType: 'sip',
          recordId: s.id,
        },
      ];
    }),
};

/** The statutory deadlines of the user's own worklist (src/worklists) that fall in the range. */
export const deadlinesSource: CalendarSource = {
  id: 'deadlines',
  load: async (scope, range) => {
    const whose = ownScope(scope.actor);
    if (!whose) return [];
    const list = await dueDeadlinesFor(scope.db, scope.actor.municipalityId, whose, range.today);
    const c = casesTexts('sv');
    return list.items
      .filter((i) => i.deadline.dueDate >= range.from && i.deadline.dueDate <= range.to)
      .map((i) => ({
        uid: `deadline:${i.caseId ?? i.reportId}:${i.key}`,
        kind: 'deadline' as const,
        date: i.deadline.dueDate,
        title: `${c.rules[i.deadline.ruleId] ?? i.deadline.ruleId}: ${i.childName}`,
        href: i.caseId ? `/cases/${i.caseId}` : `/intake/reports/${i.reportId}`,
        subjectPersonId: i.childId,
        recordType: i.caseId ? 'case' : 'report',
        recordId: i.caseId ?? i.reportId,
      }));
  },
};

export const ownSources: readonly CalendarSource[] = [appointmentsSource, sipMeetingsSource, deadlinesSource];

const byTime = (a: CalendarEntry, b: CalendarEntry) =>
  a.date.localeCompare(b.date) ||
  (a.start ? 1 : 0) - (b.start ? 1 : 0) ||
  (a.start?.getTime() ?? 0) - (b.start?.getTime() ?? 0) ||
  a.uid.localeCompare(b.uid);

async function entriesOf(scope: AccessScope, sources: readonly CalendarSource[], range: CalendarRange) {
  const all: CalendarEntry[] = [];
  for (const source of sources) all.push(...(await source.load(scope, range)));
  return all.sort(byTime);
}

/** The week as the page shows it: the user's own, each record named on it audited. */
export async function readCalendar(
  scope: AccessScope,
  sources: readonly CalendarSource[],
  range: Omit<CalendarRange, 'userId'>,
): Promise<CalendarEntry[]> {
  scope.authorize('calendar.read', ownWorkday(scope));
  const entries = await entriesOf(scope, sources, { ...range, userId: scope.actor.userId });
  const seen = new Map<string, CalendarEntry>();
  for (const e of entries) if (e.recordId) seen.set(`${e.recordType}:${e.recordId}`, e);
  await scope.audit(
    { action: 'calendar.read', recordType: 'calendarWeek', recordId: null },
    ...[...seen.values()].map((e) => ({
      action: 'calendar.read',
      subjectPersonId: e.subjectPersonId ?? null,
      recordType: e.recordType ?? null,
      recordId: e.recordId ?? null,
    })),
  );
  return entries;
}

// ---- The feed ----

/** The secret of a feed address: 32 random bytes, in the URL as base64url (43 characters). */
export const newFeedToken = () => randomBytes(32).toString('base64url');
export const feedTokenPattern = '^[A-Za-z0-9_-]{43}$';
export const hashFeedToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** How far the feed reaches: four weeks back, half a year ahead. */
export const feedReach = { backDays: 28, aheadDays: 183 };

/**
 * The feed of the user whose secret this is, or null (unknown secret, or the account was
 * deactivated). It carries the kind and the times of each entry and nothing else: no names,
 * references, places or links (docs/decisions/0062). The look is audited without a subject.
 */
export async function readFeed(
  db: Kysely<Database>,
  token: string,
  sources: readonly CalendarSource[],
  range: { from: string; to: string; today: string },
  now: Date,
): Promise<string | null> {
  const row = await db
    .selectFrom('calendar_feed as f')
    .innerJoin('user_account as u', (join) =>
      join.onRef('u.municipality_id', '=', 'f.municipality_id').onRef('u.id', '=', 'f.user_id'),
    )
    .select(['u.id', 'u.municipality_id', 'u.role', 'u.unit_id', 'u.display_name', 'u.active'])
    .where('f.token_hash', '=', hashFeedToken(token))
    .executeTakeFirst();
  if (!row?.active) return null;
  // The secret address stands in for the login: it opens this user's times and nothing else, so
  // it counts as their second factor here (the feed shows no personal data).
  const actor: Actor = {
    userId: row.id,
    municipalityId: row.municipality_id,
    role: row.role,
    unitId: row.unit_id,
    displayName: row.display_name,
    organisation: null,
    partnerKind: null,
    secondFactorDone: true,
  };
  const entries = await withAccess(db, { actor, clientAddress: null, today: range.today }, async (scope) => {
    scope.authorize('calendar.read', ownWorkday(scope));
    const found = await entriesOf(scope, sources, { ...range, userId: actor.userId });
    await scope.audit({ action: 'calendar.read', recordType: 'calendarFeed', recordId: null });
    return found;
  });
  const names = workdaySv.icalNames;
  const events: FeedEvent[] = entries.map((e) => ({
    uid: `${hashFeedToken(e.uid).slice(0, 32)}@samtak`,
    summary: names[e.kind],
    when: e.start && e.end ? { start: e.start, end: e.end } : { date: e.date },
  }));
  return icalendar({ name: workdaySv.icalCalendarName, events, now });
}
