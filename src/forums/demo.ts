import type { Kysely } from 'kysely';
import { addDays } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import { buildAgenda, type ForumAction } from './meetings.ts';

/**
 * The demo's forum (issue 18): Sjövik's manager network of social services, the school, BUP and
 * the police, with two approved meetings and a third planned: one open action carried twice and
 * overdue, one done. The school's student health lead is the secretary (a partner with their own
 * account), the manager chairs. Fictional; nothing about a child.
 */
export async function seedForumDemo(
  db: Kysely<Database>,
  options: {
    today: string;
    municipalityId: string;
    users: { manager: string; partner: string; bup: string };
    organisations: { socialServices: string; school: string; bup: string; police: string };
  },
): Promise<number> {
  const { today, municipalityId, users, organisations: o } = options;
  const forum = await db
    .insertInto('forum')
    .values({
      municipality_id: municipalityId,
      name: 'Chefsnätverket Birger',
      purpose:
        'Cheferna för socialtjänsten, skolan, BUP och polisen möts för att samordna arbetet för barn och unga i Sjövik.',
      level: 'management',
      cadence: 'monthly',
      goal_areas: ['goodHealth', 'successInSchool', 'safetyAtHome'],
      created_by: users.manager,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('forum_member')
    .values(Object.values(o).map((id) => ({ forum_id: forum.id, organisation_id: id })))
    .execute();
  const reps = await db
    .insertInto('forum_representative')
    .values([
      {
        forum_id: forum.id,
        organisation_id: o.socialServices,
        user_id: users.manager,
        name: 'Maria Lindqvist',
        title: 'Enhetschef',
        role: 'chair',
      },
      {
        forum_id: forum.id,
        organisation_id: o.school,
        user_id: users.partner,
        name: 'Pia Skog',
        title: 'Elevhälsochef',
        role: 'secretary',
      },
      {
        forum_id: forum.id,
        organisation_id: o.bup,
        user_id: users.bup,
        name: 'Bo Läkare',
        title: 'Psykolog',
        role: 'member',
      },
      {
        forum_id: forum.id,
        organisation_id: o.police,
        user_id: null,
        name: 'Kommunpolisen',
        title: 'Kommunpolis',
        role: 'member',
      },
    ])
    .returning('id')
    .execute();
  const actions: ForumAction[] = [];
  const meetings = [addDays(today, -56), addDays(today, -28)];
  let previous: { id: string } | null = null;
  for (const [n, plannedOn] of meetings.entries()) {
    const meeting = await db
      .insertInto('forum_meeting')
      .values({
        forum_id: forum.id,
        planned_on: plannedOn,
        place: 'Stadshuset, sal 2',
        status: 'approved',
        held_on: plannedOn,
        minutes:
          n === 0
            ? 'Genomgång av hur skolan och socialtjänsten når varandra när en elev har hög frånvaro.'
            : 'Uppföljning av förra mötets åtgärder. Polisen berättade om de gemensamma hembesöken.',
        minutes_written_by: users.partner,
        approved_by: users.manager,
        approved_at: new Date(`${addDays(plannedOn, 3)}T12:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const agenda = buildAgenda({
      meetingOn: plannedOn,
      previousMeeting: previous,
      actions,
      newItems: n === 0 ? ['Skolfrånvaro'] : ['Gemensamma hembesök'],
      deviationsReviewedFor: null,
    });
    await db
      .insertInto('forum_agenda_item')
      .values(
        agenda.map((item, position) => ({
          meeting_id: meeting.id,
          position,
          kind: item.kind,
          title: item.kind === 'item' ? item.title : null,
          action_id: item.kind === 'carriedAction' ? item.actionId : null,
          quarter: item.kind === 'deviations' ? item.quarter : null,
        })),
      )
      .execute();
    await db
      .insertInto('forum_attendance')
      .values(
        reps.map((r) => ({
          meeting_id: meeting.id,
          representative_id: r.id,
          presence: 'present' as const,
          substitute_name: null,
        })),
      )
      .execute();
    if (n === 0) {
      const made = await db
        .insertInto('forum_action')
        .values([
          {
            forum_id: forum.id,
            meeting_id: meeting.id,
            description: 'Ta fram en gemensam rutin för kontakt vid hög skolfrånvaro',
            organisation_id: o.school,
            person: 'Elevhälsochef',
            due_on: addDays(today, -7),
            status: 'open',
          },
          {
            forum_id: forum.id,
            meeting_id: meeting.id,
            description: 'Bjuda in BUP till nästa möte om väntetider',
            organisation_id: o.socialServices,
            person: 'Enhetschef',
            due_on: addDays(today, -40),
            status: 'done',
            closed_on: addDays(today, -45),
          },
        ])
        .returning(['id', 'description', 'organisation_id', 'person', 'due_on', 'status'])
        .execute();
      for (const a of made)
        actions.push({
          id: a.id,
          meetingId: meeting.id,
          description: a.description,
          organisationId: a.organisation_id,
          person: a.person,
          dueOn: a.due_on,
          status: a.status,
        });
    }
    previous = { id: meeting.id };
  }
  // The next meeting, planned: the open action is carried a second time (and is overdue).
  const next = await db
    .insertInto('forum_meeting')
    .values({ forum_id: forum.id, planned_on: addDays(today, 7), place: 'Sjövikskolan', status: 'planned' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agenda = buildAgenda({
    meetingOn: addDays(today, 7),
    previousMeeting: previous,
    actions,
    newItems: ['Handlingsplanens uppföljning'],
    deviationsReviewedFor: null,
  });
  await db
    .insertInto('forum_agenda_item')
    .values(
      agenda.map((item, position) => ({
        meeting_id: next.id,
        position,
        kind: item.kind,
        title: item.kind === 'item' ? item.title : null,
        action_id: item.kind === 'carriedAction' ? item.actionId : null,
        quarter: item.kind === 'deviations' ? item.quarter : null,
      })),
    )
    .execute();
  await db
    .insertInto('collaboration_change')
    .values({
      record_type: 'forum',
      record_id: forum.id,
      action: 'created',
      actor_user_id: users.manager,
      actor_name: 'Socialtjänsten, Sjöviks kommun',
    })
    .execute();
  await seedAgreementDemo(db, { today, forumId: forum.id, manager: users.manager, o });
  return 3;
}

/**
 * The agreement the law requires (7 kap. 2 § SoL) between social services and BUP, in its second
 * version and due for review in two months, so the reminder shows (docs/decisions/0136).
 */
async function seedAgreementDemo(
  db: Kysely<Database>,
  options: { today: string; forumId: string; manager: string; o: { socialServices: string; bup: string } },
): Promise<void> {
  const { today, forumId, manager, o } = options;
  const agreement = await db
    .insertInto('forum_agreement')
    .values({
      forum_id: forumId,
      municipality_id: (
        await db
          .selectFrom('forum')
          .select('municipality_id')
          .where('id', '=', forumId)
          .executeTakeFirstOrThrow()
      ).municipality_id as string, // the manager network is Sjövik's own forum
      topic: 'childrenPlacedOutOfHome',
      created_by: manager,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const common = {
    agreement_id: agreement.id,
    title: 'Överenskommelse om barn och unga som vårdas utanför det egna hemmet',
    party_organisation_ids: [o.socialServices, o.bup],
    adopted_by: 'Socialnämnden i Sjövik och Region Sjölands hälso- och sjukvårdsnämnd',
    created_by: manager,
  };
  await db
    .insertInto('forum_agreement_version')
    .values([
      {
        ...common,
        version: 1,
        adopted_on: addDays(today, -800),
        valid_from: addDays(today, -780),
        review_by: addDays(today, -50),
        valid_until: addDays(today, -301),
        summary: 'Hälsoundersökning inom fyra veckor efter placeringen; BUP:s kontaktväg för socialtjänsten.',
      },
      {
        ...common,
        version: 2,
        adopted_on: addDays(today, -320),
        valid_from: addDays(today, -300),
        review_by: addDays(today, 60),
        summary:
          'Hälsoundersökning inom fyra veckor efter placeringen; BUP:s kontaktväg för socialtjänsten; en gemensam genomgång varje halvår av barnen som placerats.',
        changes: 'En halvårsvis gemensam genomgång är tillagd.',
      },
    ])
    .execute();
}
