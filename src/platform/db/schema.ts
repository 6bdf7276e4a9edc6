import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * The tables, named as in ../shared/domain/GLOSSARY.md. The platform declares the foundation's
 * (migration 0001); a feature adds its own by declaration merging from its src/<feature>/schema.ts:
 * `declare module '../platform/db/schema.ts' { interface Database { sip: SipTable } }`.
 */
export interface Database {
  municipality: MunicipalityTable;
  unit: UnitTable;
  user_account: UserAccountTable;
  session: SessionTable;
  person: PersonTable;
  guardianship: GuardianshipTable;
  person_assignment: PersonAssignmentTable;
  audit_event: AuditEventTable;
}

/** A creation time the database fills in; never updated. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

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
  'archivist',
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
