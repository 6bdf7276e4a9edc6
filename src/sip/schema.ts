import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';

/** Coordinated individual plans (migration 0004). */

export const sipStatuses = ['requested', 'draft', 'active', 'closed'] as const;
export type SipStatus = (typeof sipStatuses)[number];
export const sipCloseReasons = [
  'goalsMet',
  'needsChanged',
  'consentWithdrawn',
  'consentNotGiven',
  'movedAway',
  'declined',
  'other',
] as const;
export type SipCloseReason = (typeof sipCloseReasons)[number];
/** The shared goal areas (Hässleholm's "good health, success in school, safety at home"). */
export const goalAreas = ['goodHealth', 'successInSchool', 'safetyAtHome'] as const;
export type GoalArea = (typeof goalAreas)[number];
/** What a consent may cover; 'plan' is always part of it. */
export const sipInformationKinds = ['plan', 'needs', 'contactDetails'] as const;
export type SipInformationKind = (typeof sipInformationKinds)[number];
export const actionStatuses = ['planned', 'ongoing', 'done', 'notDone'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const childsViews = ['agrees', 'disagrees', 'notAsked'] as const;
export type ChildsView = (typeof childsViews)[number];

type DateColumn = ColumnType<string, string, string>;

export interface SipTable {
  id: Generated<string>;
  municipality_id: string;
  child_id: string | null;
  case_id: string | null;
  status: SipStatus;
  coordinator_user_id: string | null;
  requested_by_user_id: string | null;
  requested_by_organisation_id: string | null;
  requested_child_name: string | null;
  requested_personal_number: string | null;
  request_reason: string | null;
  lead_organisation_id: string | null;
  meeting_on: DateColumn | null;
  meeting_time: string | null;
  meeting_place: string | null;
  family_participants: Generated<string>;
  summary_for_child: Generated<string>;
  follow_up_on: DateColumn | null;
  content_version: Generated<number>;
  agreed_on: DateColumn | null;
  closed_on: DateColumn | null;
  close_reason: SipCloseReason | null;
  close_note: string | null;
  created_at: CreatedAt;
  created_by: string | null;
}
export type Sip = Selectable<SipTable>;

export interface SipParticipantTable {
  municipality_id: string;
  sip_id: string;
  organisation_id: string;
  contact_name: Generated<string>;
  invited_on: DateColumn;
  invited_by: string | null;
  agreed_version: number | null;
  agreed_at: Date | null;
  agreed_by: string | null;
}

export interface SipConsentTable {
  id: Generated<string>;
  municipality_id: string;
  sip_id: string;
  given_on: DateColumn;
  valid_until: DateColumn;
  information_kinds: SipInformationKind[];
  childs_view: ChildsView;
  childs_view_note: Generated<string>;
  guardians_note: Generated<string>;
  recorded_by: string;
  recorded_at: Generated<Date>;
  superseded_at: Date | null;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawal_note: string | null;
}

export interface SipConsentGuardianTable {
  municipality_id: string;
  consent_id: string;
  guardian_id: string;
}

export interface SipConsentOrganisationTable {
  municipality_id: string;
  consent_id: string;
  organisation_id: string;
}

export interface SipNeedTable {
  id: Generated<string>;
  municipality_id: string;
  sip_id: string;
  area: GoalArea;
  description: string;
  created_at: CreatedAt;
}

export interface SipGoalTable {
  id: Generated<string>;
  municipality_id: string;
  sip_id: string;
  area: GoalArea;
  goal: string;
  childs_words: Generated<string>;
  created_at: CreatedAt;
}

export interface SipActionTable {
  id: Generated<string>;
  municipality_id: string;
  sip_id: string;
  goal_id: string | null;
  description: string;
  responsible_organisation_id: string | null;
  responsible_other: string | null;
  responsible_person: Generated<string>;
  due_on: DateColumn;
  status: Generated<ActionStatus>;
  status_note: Generated<string>;
  status_changed_at: Date | null;
  created_at: CreatedAt;
}

export interface SipFollowUpTable {
  id: Generated<string>;
  municipality_id: string;
  sip_id: string;
  held_on: DateColumn;
  note: Generated<string>;
  next_follow_up_on: DateColumn | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

export interface SipFollowUpActionTable {
  municipality_id: string;
  follow_up_id: string;
  action_id: string;
  status: ActionStatus;
  note: Generated<string>;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    sip: SipTable;
    sip_participant: SipParticipantTable;
    sip_consent: SipConsentTable;
    sip_consent_guardian: SipConsentGuardianTable;
    sip_consent_organisation: SipConsentOrganisationTable;
    sip_need: SipNeedTable;
    sip_goal: SipGoalTable;
    sip_action: SipActionTable;
    sip_follow_up: SipFollowUpTable;
    sip_follow_up_action: SipFollowUpActionTable;
  }
}
