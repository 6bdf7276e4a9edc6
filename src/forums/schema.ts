import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';
import type { Cadence, ForumLevel, ForumReach, RepresentativeRole } from './forum.ts';
import type { ForumActionStatus, MeetingStatus, Presence } from './meetings.ts';

/** Forums, their members, meetings and actions (migrations 0015_collaboration_forums, 0026). */

type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface ForumTable {
  id: Generated<string>;
  /** Null for a county or national forum (migration 0026). */
  municipality_id: string | null;
  name: string;
  purpose: Generated<string>;
  level: ForumLevel;
  cadence: Cadence;
  parent_forum_id: string | null;
  goal_areas: string[];
  created_by: string | null;
  created_at: CreatedAt;
  /** Where the forum sits: a municipality's, a county network, or national (migration 0026). */
  reach: ColumnType<ForumReach, ForumReach | undefined, ForumReach>;
  county_code: string | null;
  created_by_coordinator: string | null;
  chair_coordinator_id: string | null;
}
export interface ForumMemberTable {
  forum_id: string;
  organisation_id: string;
}
export interface ForumRepresentativeTable {
  id: Generated<string>;
  forum_id: string;
  organisation_id: string;
  user_id: string | null;
  name: string;
  title: Generated<string>;
  role: RepresentativeRole;
  active: Generated<boolean>;
}
export interface ForumMeetingTable {
  id: Generated<string>;
  forum_id: string;
  planned_on: DateColumn;
  place: Generated<string>;
  status: MeetingStatus;
  held_on: NullableDate;
  minutes: Generated<string>;
  minutes_written_by: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  created_at: CreatedAt;
}
export interface ForumAgendaItemTable {
  meeting_id: string;
  position: number;
  kind: string;
  title: string | null;
  action_id: string | null;
  quarter: string | null;
}
export interface ForumAttendanceTable {
  meeting_id: string;
  representative_id: string;
  presence: Presence;
  substitute_name: string | null;
}
export interface ForumDecisionTable {
  meeting_id: string;
  position: number;
  text: string;
}
export interface ForumActionTable {
  id: Generated<string>;
  forum_id: string;
  meeting_id: string;
  description: string;
  organisation_id: string;
  person: Generated<string>;
  due_on: DateColumn;
  status: ForumActionStatus;
  closed_on: NullableDate;
  closed_note: Generated<string>;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    forum: ForumTable;
    forum_member: ForumMemberTable;
    forum_representative: ForumRepresentativeTable;
    forum_meeting: ForumMeetingTable;
    forum_agenda_item: ForumAgendaItemTable;
    forum_attendance: ForumAttendanceTable;
    forum_decision: ForumDecisionTable;
    forum_action: ForumActionTable;
  }
}
