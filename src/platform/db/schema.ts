import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Table types, named as in ../shared/domain/GLOSSARY.md. */
export interface Database {
  municipality: MunicipalityTable;
  unit: UnitTable;
  user_account: UserAccountTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  person: PersonTable;
  guardianship: GuardianshipTable;
  person_assignment: PersonAssignmentTable;
  audit_event: AuditEventTable;
  api_client: ApiClientTable;
  intervention_type: InterventionTypeTable;
  child_case: ChildCaseTable;
  case_intervention: CaseInterventionTable;
  deadline_extension: DeadlineExtensionTable;
  report: ReportTable;
  childs_voice: ChildsVoiceTable;
  case_note: CaseNoteTable;
  guide_entry: GuideEntryTable;
  guide_revision: GuideRevisionTable;
  guide_change: GuideChangeTable;
  guide_setting: GuideSettingTable;
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
  'guideEditor',
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
  active: Generated<boolean>;
  created_at: CreatedAt;
}
export type UserAccount = Selectable<UserAccountTable>;

/** Counters of failed login attempts, per account and per address on an account (src/auth/throttle.ts). */
export interface LoginThrottleTable {
  key: string;
  account_key: string;
  failures: number;
  first_failure_at: Date;
  last_failure_at: Date;
  blocked_until: Date | null;
}

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

// ---- Cases (migration 0002) ----

export const organisationKinds = ['school', 'healthCare', 'dentalCare', 'police', 'other'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export interface ApiClientTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  organisation_kind: OrganisationKind;
  token_hash: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
  created_by: string | null;
}

export interface InterventionTypeTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  ksi_code: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export const casePhases = ['initialAssessment', 'investigation', 'closed'] as const;
export type CasePhase = (typeof casePhases)[number];
export type InitialDecision = 'openInvestigation' | 'noInvestigation';
export type DecisionOutcome = 'interventions' | 'noIntervention';

export interface ChildCaseTable {
  id: Generated<string>;
  municipality_id: string;
  child_id: string;
  unit_id: string;
  phase: CasePhase;
  opened_on: string;
  immediate_protection: Generated<boolean>;
  initial_decision: InitialDecision | null;
  initial_decision_reason: string | null;
  initial_decided_on: string | null;
  initial_decided_by: string | null;
  child_heard: boolean | null;
  child_not_heard_reason: string | null;
  investigation_opened_on: string | null;
  responsible_user_id: string | null;
  needs_text: Generated<string>;
  parents_capacity_text: Generated<string>;
  family_environment_text: Generated<string>;
  childs_voice_waived_reason: string | null;
  party_communicated_on: string | null;
  party_communication_note: string | null;
  concluded_on: string | null;
  conclusion_text: string | null;
  decision_outcome: DecisionOutcome | null;
  decision_text: string | null;
  decided_on: string | null;
  decided_by: string | null;
  closed_on: string | null;
  closed_by: string | null;
  follow_up_planned: Generated<boolean>;
  follow_up_done_on: string | null;
  follow_up_note: string | null;
  created_at: CreatedAt;
}
export type ChildCase = Selectable<ChildCaseTable>;

export interface CaseInterventionTable {
  municipality_id: string;
  case_id: string;
  intervention_type_id: string;
}

export interface DeadlineExtensionTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  rule_id: 'initialAssessment' | 'investigation';
  extended_to: string;
  reason: string;
  decided_on: string;
  decided_by: string;
  created_at: CreatedAt;
}

export type ReportChannel = 'publicForm' | 'professionalForm' | 'api';
export type ReporterKind = 'anonymous' | 'private' | 'professional';
export type ProtectionOutcome = 'immediateProtectionNeeded' | 'noImmediateProtection';
export type GuardiansInformed = 'yes' | 'no' | 'unknown';

export interface ReportTable {
  id: Generated<string>;
  municipality_id: string;
  reference: string;
  unit_id: string | null;
  received_at: Generated<Date>;
  received_on: string;
  channel: ReportChannel;
  reporter_kind: ReporterKind;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_email: string | null;
  reporter_organisation: string | null;
  reporter_organisation_kind: OrganisationKind | null;
  reporter_title: string | null;
  feedback_requested: Generated<boolean>;
  submitted_by_user_id: string | null;
  api_client_id: string | null;
  child_given_name: string | null;
  child_family_name: string | null;
  child_personal_number: string | null;
  child_birth_date: string | null;
  child_whereabouts: string | null;
  concern: string;
  guardians_informed: Generated<GuardiansInformed>;
  child_id: string | null;
  case_id: string | null;
  joined_ongoing: Generated<boolean>;
  linked_at: Date | null;
  linked_on: string | null;
  linked_by: string | null;
  protection_outcome: ProtectionOutcome | null;
  protection_reasoning: string | null;
  protection_assessed_on: string | null;
  protection_assessed_by: string | null;
  feedback_text: string | null;
  feedback_sent_on: string | null;
  feedback_sent_by: string | null;
  feedback_withheld_reason: string | null;
}
export type Report = Selectable<ReportTable>;

export interface ChildsVoiceTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  held_on: string;
  circumstances: string;
  account: string;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Generated<Date>;
}

export interface CaseNoteTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  event_date: string;
  body: string;
  author_id: string;
  author_name: string;
  signed_at: Generated<Date>;
  corrects_note_id: string | null;
}

// The public support guide (issue 4). Public content, no personal data; editors' actions are audited.

/** Languages the guide is written in: the chrome and the entries. sv-x-lattlast is easy-to-read Swedish. */
export const guideLanguages = ['sv', 'sv-x-lattlast', 'en', 'ar', 'so', 'fa', 'ti', 'uk', 'fi'] as const;
export type GuideLanguage = (typeof guideLanguages)[number];

/** Languages a support can be given in (spoken with staff), wider than the guide's own languages. */
export const offeredLanguages = [
  'sv',
  'en',
  'ar',
  'so',
  'fa',
  'prs',
  'ti',
  'uk',
  'fi',
  'ku',
  'tr',
  'pl',
  'bs',
] as const;
export type OfferedLanguage = (typeof offeredLanguages)[number];

export const guideLevels = ['universal', 'targeted'] as const;
export type GuideLevel = (typeof guideLevels)[number];

export const guideOrganisationKinds = [
  'socialServices',
  'school',
  'childHealth',
  'youthClinic',
  'childPsychiatry',
  'primaryCare',
  'dentalCare',
  'voluntary',
] as const;
export type GuideOrganisationKind = (typeof guideOrganisationKinds)[number];

export const guideAccessRoutes = ['noReferral', 'contact', 'apply', 'referral'] as const;
export type GuideAccessRoute = (typeof guideAccessRoutes)[number];

export const guideSituations = [
  'worriedAboutChild',
  'parenting',
  'parentCognitiveDifficulties',
  'childAsNextOfKin',
  'newlyArrived',
  'schoolAbsence',
  'mentalHealth',
  'violence',
  'substanceUse',
  'developmentalDelay',
  'separation',
  'money',
  'healthAndBody',
] as const;
export type GuideSituation = (typeof guideSituations)[number];

export const guideRevisionStates = ['draft', 'reviewed', 'published', 'superseded', 'withdrawn'] as const;
export type GuideRevisionState = (typeof guideRevisionStates)[number];

export interface GuideEntryTable {
  municipality_id: string;
  id: Generated<string>;
  created_at: CreatedAt;
  created_by: string;
}

/**
 * One version of one entry in one language. Swedish revisions carry the facts (level, ages,
 * contact details...) as well as the text; translations carry text only.
 */
export interface GuideRevisionTable {
  municipality_id: string;
  id: Generated<string>;
  entry_id: string;
  lang: GuideLanguage;
  revision_no: number;
  state: GuideRevisionState;
  title: string;
  summary: string;
  for_whom: string;
  how_to_get: string;
  hours: string;
  level: GuideLevel | null;
  organisation_kind: GuideOrganisationKind | null;
  provider: string | null;
  age_from: number | null;
  age_to: number | null;
  situations: string[] | null;
  access: GuideAccessRoute | null;
  languages: string[] | null;
  interpreter: boolean | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  source_revision_id: string | null;
  search_text: string;
  edited_by: string;
  edited_at: Date;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  published_by: string | null;
  published_at: Date | null;
}
export type GuideRevision = Selectable<GuideRevisionTable>;

export type GuideChangeAction = 'created' | 'edited' | 'reviewed' | 'published' | 'withdrawn' | 'settings';
export interface GuideChangeTable {
  municipality_id: string;
  id: Generated<number>;
  entry_id: string | null;
  revision_id: string | null;
  lang: GuideLanguage | null;
  action: GuideChangeAction;
  fields: string[];
  actor_user_id: string;
  actor_name: string;
  occurred_at: Generated<Date>;
}

export interface GuideSettingTable {
  municipality_id: string;
  intake_phone: string;
  after_hours_phone: string;
  contact_email: string;
  contact_phone: string;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

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
