import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Table types, named as in ../shared/domain/GLOSSARY.md. */
export interface Database {
  municipality: MunicipalityTable;
  unit: UnitTable;
  user_account: UserAccountTable;
  session: SessionTable;
  person: PersonTable;
  guardianship: GuardianshipTable;
  person_assignment: PersonAssignmentTable;
  audit_event: AuditEventTable;
  partner_organisation: PartnerOrganisationTable;
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

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface MunicipalityTable {
  id: Generated<string>;
  code: string;
  name: string;
  created_at: CreatedAt;
}

export const unitKinds = [
  'intake',
  'investigation',
  'placement',
  'openCare',
  'administration',
  'other',
] as const;
export type UnitKind = (typeof unitKinds)[number];

export interface UnitTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  kind: UnitKind;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export const roles = [
  'administrator',
  'intakeWorker',
  'socialWorker',
  'manager',
  'partnerProfessional',
  'statisticsReader',
] as const;
export type Role = (typeof roles)[number];

export const partnerKinds = ['school', 'healthCare', 'dentalCare', 'police'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export interface UserAccountTable {
  id: Generated<string>;
  municipality_id: string;
  unit_id: string | null;
  username: string;
  display_name: string;
  email: string | null;
  role: Role;
  partner_kind: PartnerKind | null;
  organisation_name: string | null;
  partner_organisation_id: string | null;
  administers_organisation: Generated<boolean>;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  totp_secret_enc: string | null;
  totp_last_step: number | null;
  external_subject: string | null;
  staff_id: string | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}
export type UserAccount = Selectable<UserAccountTable>;

export interface SessionTable {
  id_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  second_factor_done: Generated<boolean>;
  auth_method: 'password' | 'oidc';
  client_address: string | null;
}

export const protectedIdentityLevels = [
  'none',
  'confidentialityMarker',
  'protectedRegistration',
  'fictitiousIdentity',
] as const;
export type ProtectedIdentity = (typeof protectedIdentityLevels)[number];

export interface PersonTable {
  id: Generated<string>;
  municipality_id: string;
  personal_number: string | null;
  is_coordination_number: Generated<boolean>;
  given_name: string;
  family_name: string;
  birth_date: string | null;
  search_text: string;
  protected_identity: Generated<ProtectedIdentity>;
  street_address: string | null;
  postal_code: string | null;
  city: string | null;
  created_at: CreatedAt;
  created_by: string | null;
}
export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;

export type GuardianshipKind = 'guardian' | 'appointedGuardian';
export interface GuardianshipTable {
  municipality_id: string;
  child_id: string;
  guardian_id: string;
  kind: GuardianshipKind;
  created_at: CreatedAt;
}

export interface PersonAssignmentTable {
  municipality_id: string;
  person_id: string;
  user_id: string;
  since: ColumnType<string, string | undefined, string>;
}

export interface AuditEventTable {
  municipality_id: string;
  seq: number;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_organisation: string | null;
  action: string;
  outcome: 'allowed' | 'denied';
  subject_person_id: string | null;
  record_type: string | null;
  record_id: string | null;
  reason: string | null;
  client_address: string | null;
  unusual: boolean;
  prev_hash: string;
  hash: string;
}
export type AuditEvent = Selectable<AuditEventTable>;

// ---- Partner organisations and coordinated individual plans (migration 0004) ----

export const partnerOrganisationKinds = [
  'socialServices',
  'regionHealthCare',
  'childHealthCentre',
  'youthClinic',
  'childPsychiatry',
  'school',
  'dentalCare',
  'police',
] as const;
export type PartnerOrganisationKind = (typeof partnerOrganisationKinds)[number];

export interface PartnerOrganisationTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  kind: PartnerOrganisationKind;
  external_id: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}
export type PartnerOrganisation = Selectable<PartnerOrganisationTable>;

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
