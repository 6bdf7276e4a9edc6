import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';

/** The forums' reads. */

/** The organisation a user sits in a forum for: their partner organisation, or their social services. */
export async function actorOrganisationId(
  db: Kysely<Database>,
  actor: { municipalityId: string; partnerOrganisationId?: string | null | undefined },
): Promise<string | null> {
  if (actor.partnerOrganisationId) return actor.partnerOrganisationId;
  const row = await db
    .selectFrom('partner_organisation')
    .select('id')
    .where('municipality_id', '=', actor.municipalityId)
    .where('kind', '=', 'socialServices')
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * A forum a user of this municipality may be in: one of the municipality's own, or a county or
 * national forum (decision 0129), whose membership the policy then decides. Another
 * municipality's forum is not found.
 */
export async function forumRow(db: Kysely<Database>, municipalityId: string, forumId: string) {
  return db
    .selectFrom('forum')
    .selectAll()
    .where((eb) => eb.or([eb('municipality_id', '=', municipalityId), eb('reach', '<>', 'municipal')]))
    .where('id', '=', forumId)
    .executeTakeFirst();
}

/** Who chairs a county or national forum: the coordinator, named with its office. */
export async function coordinatorChairOf(db: Kysely<Database>, coordinatorId: string | null) {
  if (!coordinatorId) return null;
  const row = await db
    .selectFrom('operator_account')
    .select(['display_name', 'coordinator_office'])
    .where('id', '=', coordinatorId)
    .executeTakeFirst();
  return row ? { name: row.display_name, office: row.coordinator_office } : null;
}

export async function membersOf(db: Kysely<Database>, forumId: string) {
  const [organisations, representatives] = await Promise.all([
    db
      .selectFrom('forum_member as m')
      .innerJoin('partner_organisation as o', 'o.id', 'm.organisation_id')
      .select(['o.id', 'o.name'])
      .where('m.forum_id', '=', forumId)
      .orderBy('o.name')
      .execute(),
    db
      .selectFrom('forum_representative')
      .select(['id', 'organisation_id as organisationId', 'user_id as userId', 'name', 'title', 'role'])
      .where('forum_id', '=', forumId)
      .where('active', '=', true)
      .orderBy('name')
      .execute(),
  ]);
  return { organisations, representatives };
}

/**
 * The forums of a municipality that the user is in, by their organisation or by name, and the
 * county and national forums they are in the same way (decision 0129).
 */
export async function forumsOf(
  db: Kysely<Database>,
  municipalityId: string,
  userId: string,
  organisationId: string | null,
) {
  return db
    .selectFrom('forum as f')
    .select(['f.id', 'f.name', 'f.level', 'f.cadence', 'f.reach'])
    .where((eb) => eb.or([eb('f.municipality_id', '=', municipalityId), eb('f.reach', '<>', 'municipal')]))
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('forum_member as m')
            .select('m.forum_id')
            .whereRef('m.forum_id', '=', 'f.id')
            .where('m.organisation_id', '=', organisationId ?? '00000000-0000-0000-0000-000000000000'),
        ),
        eb.exists(
          eb
            .selectFrom('forum_representative as r')
            .select('r.forum_id')
            .whereRef('r.forum_id', '=', 'f.id')
            .where('r.user_id', '=', userId)
            .where('r.active', '=', true),
        ),
      ]),
    )
    .orderBy('f.name')
    .execute();
}

export async function meetingsOf(db: Kysely<Database>, forumId: string) {
  return db
    .selectFrom('forum_meeting')
    .select(['id', 'planned_on as plannedOn', 'place', 'status', 'held_on as heldOn'])
    .where('forum_id', '=', forumId)
    .orderBy('planned_on', 'desc')
    .execute();
}

export async function actionsOf(db: Kysely<Database>, forumId: string) {
  return db
    .selectFrom('forum_action as a')
    .innerJoin('partner_organisation as o', 'o.id', 'a.organisation_id')
    .select([
      'a.id',
      'a.meeting_id as meetingId',
      'a.description',
      'a.organisation_id as organisationId',
      'o.name as organisationName',
      'a.person',
      'a.due_on as dueOn',
      'a.status',
      'a.closed_note as closedNote',
    ])
    .where('a.forum_id', '=', forumId)
    .orderBy('a.due_on')
    .execute();
}

export async function meetingOf(db: Kysely<Database>, forumId: string, meetingId: string) {
  const meeting = await db
    .selectFrom('forum_meeting')
    .selectAll()
    .where('forum_id', '=', forumId)
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) return null;
  const [agenda, attendance, decisions] = await Promise.all([
    db
      .selectFrom('forum_agenda_item')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute(),
    db.selectFrom('forum_attendance').selectAll().where('meeting_id', '=', meetingId).execute(),
    db
      .selectFrom('forum_decision')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute(),
  ]);
  return { meeting, agenda, attendance, decisions };
}
