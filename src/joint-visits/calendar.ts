import type { AccessScope } from '../platform/access/scope.ts';
import type { CalendarEntry, CalendarSource } from '../workday/calendar-sources.ts';
import { swedishClock, swedishInstant } from './domain.ts';
import { jointVisitsSv } from './i18n/sv.ts';

/**
 * Joint visits in the user's calendar (the working day's extension point, decision 0062): the
 * visits they recorded, at the visit's time, and the follow-ups that are theirs and not yet done,
 * on their day. The titles name the child for the page; the feed takes only the kind and the times.
 */

async function entriesBetween(scope: AccessScope, userId: string, from: string, to: string) {
  const municipalityId = scope.actor.municipalityId;
  const base = () =>
    scope.db
      .selectFrom('joint_visit as v')
      .innerJoin('person as p', (j) =>
        j.onRef('p.municipality_id', '=', 'v.municipality_id').onRef('p.id', '=', 'v.child_id'),
      )
      .select([
        'v.id',
        'v.child_id',
        'v.visit_at',
        'v.place',
        'v.follow_up_on',
        'p.given_name',
        'p.family_name',
      ])
      .where('v.municipality_id', '=', municipalityId);
  const [visits, followUps] = await Promise.all([
    base()
      .where('v.recorded_by', '=', userId)
      .where('v.visit_at', '>=', swedishInstant(from, '00:00'))
      .where('v.visit_at', '<=', swedishInstant(to, '23:59'))
      .execute(),
    base()
      .where('v.follow_up_user_id', '=', userId)
      .where('v.follow_up_done_on', 'is', null)
      .where('v.follow_up_on', '>=', from)
      .where('v.follow_up_on', '<=', to)
      .execute(),
  ]);
  return { visits, followUps };
}

export const jointVisitCalendar: CalendarSource = {
  id: 'jointVisits',
  load: async (scope, range) => {
    if (scope.actor.role === 'partnerProfessional') return [];
    const { visits, followUps } = await entriesBetween(scope, range.userId, range.from, range.to);
    const tx = jointVisitsSv;
    const name = (r: { given_name: string; family_name: string }) => `${r.given_name} ${r.family_name}`;
    const entries: CalendarEntry[] = [
      ...visits.map((v) => ({
        uid: `jointVisit:${v.id}`,
        kind: 'visit' as const,
        date: swedishClock(v.visit_at).date,
        start: v.visit_at,
        end: new Date(v.visit_at.getTime() + 3_600_000),
        title: tx.calendarVisit(name(v)),
        place: v.place,
        href: `/joint-visits/${v.id}`,
        subjectPersonId: v.child_id,
        recordType: 'jointVisit',
        recordId: v.id,
      })),
      ...followUps.map((v) => ({
        uid: `jointVisit:${v.id}:followUp`,
        kind: 'deadline' as const,
        date: v.follow_up_on,
        title: tx.calendarFollowUp(name(v)),
        href: `/joint-visits/${v.id}#follow-up-heading`,
        subjectPersonId: v.child_id,
        recordType: 'jointVisit',
        recordId: v.id,
      })),
    ];
    return entries;
  },
};
