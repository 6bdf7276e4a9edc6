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
  guide_entry: GuideEntryTable;
  guide_revision: GuideRevisionTable;
  guide_change: GuideChangeTable;
  guide_setting: GuideSettingTable;
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
