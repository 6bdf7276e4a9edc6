import type { Generated, Selectable } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';

/**
 * The child's case file (migration 0002): concern reports, the case from initial assessment to
 * closure, its notes, extensions and decided interventions, the API clients that file reports.
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

declare module '../platform/db/schema.ts' {
  interface Database {
    api_client: ApiClientTable;
    intervention_type: InterventionTypeTable;
    child_case: ChildCaseTable;
    case_intervention: CaseInterventionTable;
    deadline_extension: DeadlineExtensionTable;
    report: ReportTable;
    childs_voice: ChildsVoiceTable;
    case_note: CaseNoteTable;
  }
}
