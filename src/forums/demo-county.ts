import type { Kysely } from 'kysely';
import { addDays } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import { insertPlannedMeeting } from './service.ts';

/**
 * Demo data for a county forum (docs/decisions/0129): Sjövik's fictional neighbour Norrvik (code
 * 9902, in no county, so its forums count as Jämtland's as Sjövik's do) with its social services
 * and one manager, and "Sjölandets barnnätverk", a county network chaired by the demo coordinator
 * with Sjövik's social services, BUP and Norrvik's social services. Its last meeting was held and
 * approved with an action for Norrvik, still open, which the next meeting's agenda carries.
 * Fictional throughout; no child.
 */
export const demoNeighbour = { code: '9902', name: 'Norrviks kommun' };
export const demoNeighbourUsername = 'norrvik';

export async function seedCountyForumDemo(
  db: Kysely<Database>,
  options: {
    today: string;
    passwordHash: string;
    totpSecretEnc: string;
    coordinatorUsername: string;
    sjovik: { manager: string; socialServices: string; bup: string };
  },
): Promise<number> {
  const { today, sjovik } = options;
  const coordinator = await db
    .selectFrom('operator_account')
    .select('id')
    .where('username', '=', options.coordinatorUsername)
    .executeTakeFirst();
  if (!coordinator) return 0;
  const neighbour = await db
    .insertInto('municipality')
    .values({ ...demoNeighbour, population: 9_000 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const social = await db
    .insertInto('partner_organisation')
    .values({
      municipality_id: neighbour.id,
      name: 'Socialtjänsten, Norrviks kommun',
      kind: 'socialServices',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const manager = await db
    .insertInto('user_account')
    .values({
      municipality_id: neighbour.id,
      unit_id: null,
      username: demoNeighbourUsername,
      display_name: 'Nora Norrvik',
      role: 'manager',
      organisation_name: 'Socialförvaltningen',
      password_hash: options.passwordHash,
      totp_secret_enc: options.totpSecretEnc,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const forum = await db
    .insertInto('forum')
    .values({
      municipality_id: null,
      reach: 'county',
      county_code: '23',
      name: 'Sjölandets barnnätverk',
      purpose:
        'Länets nätverk för barn och unga: kommunernas socialtjänster och regionens barn- och ungdomspsykiatri stämmer av rutiner och gemensamma utbildningar.',
      level: 'management',
      cadence: 'quarterly',
      goal_areas: ['goodHealth', 'safetyAtHome'],
      created_by: null,
      created_by_coordinator: coordinator.id,
      chair_coordinator_id: coordinator.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('forum_member')
    .values(
      [sjovik.socialServices, sjovik.bup, social.id].map((id) => ({
        forum_id: forum.id,
        organisation_id: id,
      })),
    )
    .execute();
  const reps = await db
    .insertInto('forum_representative')
    .values([
      {
        forum_id: forum.id,
        organisation_id: sjovik.socialServices,
        user_id: sjovik.manager,
        name: 'Maja Ek',
        title: 'Enhetschef',
        role: 'viceChair',
      },
      {
        forum_id: forum.id,
        organisation_id: social.id,
        user_id: manager.id,
        name: 'Nora Norrvik',
        title: 'Socialchef',
        role: 'secretary',
      },
    ])
    .returning(['id', 'user_id'])
    .execute();
  // The last meeting: held a month ago, minutes by Norrvik's secretary, approved by Sjövik's vice chair.
  const held = addDays(today, -30);
  const first = await insertPlannedMeeting(
    db,
    forum.id,
    { plannedOn: held, place: 'Regionhuset', newItems: 'Gemensam utbildning om självskadebeteende' },
    held,
  );
  if (!first.ok) throw new Error('demo county forum: meeting refused');
  await db
    .updateTable('forum_meeting')
    .set({
      status: 'approved',
      held_on: held,
      minutes:
        'Kommunerna och BUP går igenom behovet av en gemensam utbildning. Norrvik tar fram ett förslag till upplägg.',
      minutes_written_by: manager.id,
      approved_by: sjovik.manager,
      approved_at: new Date(`${addDays(held, 2)}T10:00:00Z`),
    })
    .where('id', '=', first.id)
    .execute();
  await db
    .insertInto('forum_attendance')
    .values(
      reps.map((r) => ({ meeting_id: first.id, representative_id: r.id, presence: 'present' as const })),
    )
    .execute();
  await db
    .insertInto('forum_decision')
    .values({ meeting_id: first.id, position: 0, text: 'En gemensam utbildning ordnas under hösten.' })
    .execute();
  await db
    .insertInto('forum_action')
    .values({
      forum_id: forum.id,
      meeting_id: first.id,
      description: 'Ta fram ett förslag till gemensam utbildning om självskadebeteende',
      organisation_id: social.id,
      person: 'Socialchef',
      due_on: addDays(today, 20),
      status: 'open',
    })
    .execute();
  // The next meeting, planned: its agenda carries the open action.
  const next = await insertPlannedMeeting(
    db,
    forum.id,
    { plannedOn: addDays(today, 60), place: 'Regionhuset', newItems: '' },
    today,
  );
  if (!next.ok) throw new Error('demo county forum: next meeting refused');
  await db
    .insertInto('collaboration_change')
    .values({
      record_type: 'forum',
      record_id: forum.id,
      action: 'created',
      fields: [],
      confirmed_warnings: '[]',
      note: '',
      actor_user_id: null,
      actor_name: 'Karin Samordnare, Nationell samordnare (demo)',
    })
    .execute();
  return 2;
}
