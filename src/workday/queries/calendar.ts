import type { AccessScope } from '../../platform/access/scope.ts';
import type { AppointmentKind } from '../schema.ts';

/** The user's own booked visits and meetings, their SIP meetings, and their calendar feed. */

export async function appointmentsBetween(scope: AccessScope, from: Date, to: Date) {
  return scope.db
    .selectFrom('calendar_appointment as a')
    .leftJoin('child_case as c', (join) =>
      join.onRef('c.municipality_id', '=', 'a.municipality_id').onRef('c.id', '=', 'a.case_id'),
    )
    .leftJoin('person as p', (join) =>
      join.onRef('p.municipality_id', '=', 'c.municipality_id').onRef('p.id', '=', 'c.child_id'),
    )
    .select([
      'a.id',
      'a.kind',
      'a.case_id',
      'a.starts_at',
      'a.ends_at',
      'a.place',
      'c.child_id',
      'p.given_name',
      'p.family_name',
    ])
    .where('a.municipality_id', '=', scope.actor.municipalityId)
    .where('a.user_id', '=', scope.actor.userId)
    .where('a.cancelled_at', 'is', null)
    .where('a.starts_at', '<', to)
    .where('a.ends_at', '>', from)
    .orderBy('a.starts_at')
    .execute();
}

export async function insertAppointment(
  scope: AccessScope,
  values: {
    kind: AppointmentKind;
    caseId: string | null;
    start: Date;
    end: Date;
    place: string;
    note: string;
  },
) {
  return scope.db
    .insertInto('calendar_appointment')
    .values({
      municipality_id: scope.actor.municipalityId,
      user_id: scope.actor.userId,
      kind: values.kind,
      case_id: values.caseId,
      starts_at: values.start,
      ends_at: values.end,
      place: values.place,
      note: values.note,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Cancels the user's own appointment; false when it is not theirs or already cancelled. */
export async function cancelAppointment(scope: AccessScope, id: string): Promise<boolean> {
  const result = await scope.db
    .updateTable('calendar_appointment')
    .set({ cancelled_at: new Date() })
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('user_id', '=', scope.actor.userId)
    .where('id', '=', id)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** SIP meetings of the plans the user coordinates, open plans only. */
export async function sipMeetingsBetween(scope: AccessScope, from: string, to: string) {
  return scope.db
    .selectFrom('sip as s')
    .leftJoin('person as p', (join) =>
      join.onRef('p.municipality_id', '=', 's.municipality_id').onRef('p.id', '=', 's.child_id'),
    )
    .select([
      's.id',
      's.child_id',
      's.meeting_on',
      's.meeting_time',
      's.meeting_place',
      'p.given_name',
      'p.family_name',
    ])
    .where('s.municipality_id', '=', scope.actor.municipalityId)
    .where('s.coordinator_user_id', '=', scope.actor.userId)
    .where('s.status', 'in', ['draft', 'active'])
    .where('s.meeting_on', '>=', from)
    .where('s.meeting_on', '<=', to)
    .orderBy('s.meeting_on')
    .execute();
}

export async function feedOf(scope: AccessScope) {
  return scope.db
    .selectFrom('calendar_feed')
    .select(['created_at'])
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('user_id', '=', scope.actor.userId)
    .executeTakeFirst();
}

/** Replaces the user's feed secret (the old address stops working at once), or removes it. */
export async function setFeed(scope: AccessScope, tokenHash: string | null) {
  await scope.db
    .deleteFrom('calendar_feed')
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('user_id', '=', scope.actor.userId)
    .execute();
  if (tokenHash)
    await scope.db
      .insertInto('calendar_feed')
      .values({
        municipality_id: scope.actor.municipalityId,
        user_id: scope.actor.userId,
        token_hash: tokenHash,
      })
      .execute();
}
