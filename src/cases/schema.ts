import type { Generated, Selectable } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';

/**
 * The child's case (migration 0002): from initial assessment to closure, the child's account, case
 * notes, extensions and the interventions decided. The reports it holds are src/reports/schema.ts.
 */

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
    intervention_type: InterventionTypeTable;
    child_case: ChildCaseTable;
    case_intervention: CaseInterventionTable;
    deadline_extension: DeadlineExtensionTable;
    childs_voice: ChildsVoiceTable;
    case_note: CaseNoteTable;
  }
}
