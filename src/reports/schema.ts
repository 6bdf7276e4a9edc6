import type { Generated, Selectable } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';

/**
 * Concern reports and the API clients of the systems that file them (migration 0002). Intake
 * links a report to the child and a case (src/cases/schema.ts).
 */

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

export const reportChannels = ['publicForm', 'professionalForm', 'api'] as const;
export type ReportChannel = (typeof reportChannels)[number];

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

/** The municipality's settings for the report form (decision 0068). */
export interface ReportSettingTable {
  municipality_id: string;
  switchboard_phone: string;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    api_client: ApiClientTable;
    report: ReportTable;
    report_setting: ReportSettingTable;
  }
}
