import { type Kysely, sql } from 'kysely';
import { cadenceIds, forumLevels, representativeRoles } from '../../forums/forum.ts';
import { actionStatuses, meetingStatuses, presences } from '../../forums/meetings.ts';
import { goalAreas } from '../../sip/schema.ts';

/**
 * The collaboration layer, third part (issue 18, docs/decisions/0107): standing forums of a
 * municipality with member organisations and representatives by role, meetings with agenda,
 * attendance, minutes, decisions and actions; open actions carry over to the next agenda. County
 * and national forums wait for issue 16's installation-level homes. Nothing here is about a child.
 */
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const statements = [
  `create table forum (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipality (id),
    name text not null check (length(name) between 1 and 200),
    purpose text not null default '' check (length(purpose) <= 4000),
    level text not null check (level in (${list(forumLevels)})),
    cadence text not null check (cadence in (${list(cadenceIds)})),
    parent_forum_id uuid references forum (id),
    goal_areas text[] not null default '{}' check (goal_areas <@ array[${list(goalAreas)}]::text[]),
    created_by uuid not null references user_account (id),
    created_at timestamptz not null default now()
  )`,
  `create index forum_municipality on forum (municipality_id)`,
  `create index forum_parent on forum (parent_forum_id)`,
  `create table forum_member (
    forum_id uuid not null references forum (id),
    organisation_id uuid not null references partner_organisation (id),
    primary key (forum_id, organisation_id)
  )`,
  `create index forum_member_organisation on forum_member (organisation_id)`,
  `create table forum_representative (
    id uuid primary key default gen_random_uuid(),
    forum_id uuid not null,
    organisation_id uuid not null,
    user_id uuid references user_account (id),
    name text not null check (length(name) between 1 and 200),
    title text not null default '' check (length(title) <= 200),
    role text not null check (role in (${list(representativeRoles)})),
    active boolean not null default true,
    foreign key (forum_id, organisation_id) references forum_member (forum_id, organisation_id)
  )`,
  `create unique index forum_one_chair on forum_representative (forum_id) where role = 'chair' and active`,
  `create index forum_representative_user on forum_representative (user_id)`,
  `create table forum_meeting (
    id uuid primary key default gen_random_uuid(),
    forum_id uuid not null references forum (id),
    planned_on date not null,
    place text not null default '' check (length(place) <= 200),
    status text not null check (status in (${list(meetingStatuses)})),
    held_on date,
    minutes text not null default '' check (length(minutes) <= 20000),
    minutes_written_by uuid references user_account (id),
    approved_by uuid references user_account (id),
    approved_at timestamptz,
    created_at timestamptz not null default now(),
    check (approved_by is null or approved_by <> minutes_written_by)
  )`,
  `create index forum_meeting_forum on forum_meeting (forum_id, planned_on desc)`,
  `create table forum_agenda_item (
    meeting_id uuid not null references forum_meeting (id),
    position smallint not null,
    kind text not null check (kind in ('opening', 'previousMinutes', 'carriedAction', 'deviations', 'item', 'nextMeeting', 'closing')),
    title text check (length(title) <= 300),
    action_id uuid,
    quarter text check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
    primary key (meeting_id, position)
  )`,
  `create table forum_attendance (
    meeting_id uuid not null references forum_meeting (id),
    representative_id uuid not null references forum_representative (id),
    presence text not null check (presence in (${list(presences)})),
    substitute_name text check (length(substitute_name) <= 200),
    primary key (meeting_id, representative_id)
  )`,
  `create table forum_decision (
    meeting_id uuid not null references forum_meeting (id),
    position smallint not null,
    text text not null check (length(text) between 1 and 2000),
    primary key (meeting_id, position)
  )`,
  `create table forum_action (
    id uuid primary key default gen_random_uuid(),
    forum_id uuid not null references forum (id),
    meeting_id uuid not null references forum_meeting (id),
    description text not null check (length(description) between 1 and 1000),
    organisation_id uuid not null references partner_organisation (id),
    person text not null default '' check (length(person) <= 200),
    due_on date not null,
    status text not null check (status in (${list(actionStatuses)})),
    closed_on date,
    closed_note text not null default '' check (length(closed_note) <= 1000)
  )`,
  `create index forum_action_open on forum_action (forum_id) where status = 'open'`,
  `create index forum_action_organisation on forum_action (organisation_id, due_on) where status = 'open'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
