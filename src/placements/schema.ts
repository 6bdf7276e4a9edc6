import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';
import type { AttentionArea, ContactKind, ContactPlace, NotAloneReason } from './contacts.ts';
import type { Register } from './homes.ts';
import type { DecisionMakerKind, EndOutcome, LegalBasis, PlacementType } from './model.ts';
import type { ConsiderationKind } from './schedule.ts';
import type { NotAppliedReason } from './unaccompanied.ts';

/** Placements and the register of homes (migration 0012, src/placements/migrations). */

type DateColumn = ColumnType<string, string, string>;

export const stepKinds = [
  'carePlanEstablished',
  'carePlanRevised',
  'implementationPlanEstablished',
  'regionNotified',
  'courtSubmitted',
  'careApplied',
  'applicationExtended',
  'emergencyHomeSpecialReasons',
  'endOfCareRequested',
  'followUpStarted',
  'followUpEnded',
  'fosterAgreementSigned',
] as const;
export type StepKind = (typeof stepKinds)[number];
/** The steps a worker records from the placement page; the follow-up has its own form. */
export const recordableSteps = stepKinds.filter((k) => k !== 'followUpStarted' && k !== 'followUpEnded');

export interface PlacementInterventionTypeTable {
  municipality_id: string;
  intervention_type_id: string;
  /** The form the intervention opens (migration 0016); null: chosen on the placement. */
  form: ColumnType<PlacementType | null, PlacementType | null | undefined, PlacementType | null>;
}

export interface PlacementSettingTable {
  municipality_id: string;
  visits_per_year: Generated<number>;
  private_talks_per_year: Generated<number>;
  register_extract_max_age_months: Generated<number>;
}

export interface PlacementHomeTable {
  id: Generated<string>;
  municipality_id: string;
  kind: 'privateHome' | 'provider';
  name: string;
  forms: PlacementType[];
  home_municipality_code: string;
  street_address: string | null;
  postal_code: string | null;
  city: string | null;
  ownership: 'private' | 'public' | 'state' | null;
  ivo_permit_reference: string | null;
  ivo_permit_granted_on: DateColumn | null;
  ivo_permit_forms: Generated<PlacementType[]>;
  ivo_notified_on: DateColumn | null;
  placed_by_others: Generated<number>;
  created_at: CreatedAt;
  created_by: string | null;
}
export type PlacementHomeRow = Selectable<PlacementHomeTable>;

export interface PlacementHomeCarerTable {
  id: Generated<string>;
  municipality_id: string;
  home_id: string;
  name: string;
}

export interface PlacementHomeInvestigationTable {
  id: Generated<string>;
  municipality_id: string;
  home_id: string;
  completed_on: DateColumn;
  result: 'approved' | 'notApproved';
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface PlacementHomeRegisterExtractTable {
  id: Generated<string>;
  municipality_id: string;
  home_id: string;
  carer_id: string;
  register: Register;
  obtained_on: DateColumn;
  assessment: Generated<string>;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface PlacementHomeTrainingTable {
  id: Generated<string>;
  municipality_id: string;
  home_id: string;
  carer_id: string;
  completed_on: DateColumn;
}

export interface PlacementTable {
  id: Generated<string>;
  municipality_id: string;
  child_id: string;
  case_id: string | null;
  intervention_type_id: string | null;
  unit_id: string;
  designated_worker_id: string | null;
  ended_on: DateColumn | null;
  end_outcome: EndOutcome | null;
  reunion_prepared: Generated<boolean>;
  reunited_on: DateColumn | null;
  investigation_closed_on: DateColumn | null;
  created_at: CreatedAt;
  created_by: string | null;
}
export type PlacementRow = Selectable<PlacementTable>;

export interface PlacementDecisionTable {
  id: Generated<string>;
  municipality_id: string;
  placement_id: string;
  basis: LegalBasis;
  decided_on: DateColumn;
  decided_by_kind: DecisionMakerKind;
  decided_by_name: string;
  protocol_reference: Generated<string>;
  executed_on: DateColumn | null;
}

export interface PlacementPeriodTable {
  id: Generated<string>;
  municipality_id: string;
  placement_id: string;
  home_id: string;
  form: PlacementType;
  decided_on: DateColumn;
  decided_by_kind: DecisionMakerKind;
  decided_by_name: string;
  started_on: DateColumn;
  special_reasons: string | null;
  with_guardian: Generated<boolean>;
}

export interface PlacementConsiderationTable {
  id: Generated<string>;
  municipality_id: string;
  placement_id: string;
  kind: ConsiderationKind;
  decided_on: DateColumn;
  decided_by_kind: DecisionMakerKind;
  decided_by_name: string;
  protocol_reference: Generated<string>;
  factors: Record<string, string> | null;
  conclusion: Generated<string>;
  document: unknown;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PlacementStepTable {
  id: Generated<string>;
  municipality_id: string;
  placement_id: string;
  kind: StepKind;
  on_date: DateColumn;
  extended_to: DateColumn | null;
  home_id: string | null;
  note: Generated<string>;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface PlacementRestrictionTable {
  id: Generated<string>;
  municipality_id: string;
  placement_id: string;
  kind: 'contact' | 'whereaboutsSecret';
  decided_on: DateColumn;
  ended_on: DateColumn | null;
  reviewed_on: Generated<string[]>;
  /** Who decided (migration 0016; null on rows from before it). */
  decided_by_kind: ColumnType<DecisionMakerKind | null, DecisionMakerKind | null | undefined>;
  decided_by_name: ColumnType<string | null, string | null | undefined>;
  protocol_reference: Generated<string>;
  created_by: ColumnType<string | null, string | null | undefined>;
}

/** A moving ban (24 § LVU): the committee's application (25 §) and the court's decision. */
export interface PlacementMovingBanTable {
  id: Generated<string>;
  municipality_id: string;
  placement_id: string;
  applied_on: DateColumn;
  decided_by_kind: DecisionMakerKind;
  decided_by_name: string;
  protocol_reference: Generated<string>;
  court_decided_on: DateColumn | null;
  ended_on: DateColumn | null;
  created_by: string | null;
  created_at: CreatedAt;
}

/** A temporary moving ban (27–30 §§ LVU; migration 0023): its steps, its application as a 24 § row. */
export interface PlacementTemporaryBanTable {
  id: Generated<string>;
  municipality_id: string;
  placement_id: string;
  decided_on: DateColumn;
  decided_by_kind: Exclude<DecisionMakerKind, 'official'>;
  decided_by_name: string;
  protocol_reference: Generated<string>;
  /** The chair's or appointed member's decision reported at the committee's meeting (27 §). */
  reported_on: ColumnType<string | null, string | null | undefined, string | null>;
  submitted_on: ColumnType<string | null, string | null | undefined, string | null>;
  court_reviewed_on: ColumnType<string | null, string | null | undefined, string | null>;
  court_confirmed: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  /** The committee's application for a moving ban (placement_moving_ban); the court's ban is on it. */
  moving_ban_id: ColumnType<string | null, string | null | undefined, string | null>;
  lifted_on: ColumnType<string | null, string | null | undefined, string | null>;
  lifted_by_kind: ColumnType<
    'committee' | 'subcommittee' | 'court' | null,
    'committee' | 'subcommittee' | 'court' | null | undefined,
    'committee' | 'subcommittee' | 'court' | null
  >;
  lifted_by_name: ColumnType<string | null, string | null | undefined, string | null>;
  lifted_reason: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
}

/** The committee's review of an LVU 14 § decision or a moving ban (14 § tredje stycket, 26 § LVU). */
export interface PlacementReviewTable {
  id: Generated<string>;
  municipality_id: string;
  placement_id: string;
  restriction_id: string | null;
  moving_ban_id: string | null;
  decided_on: DateColumn;
  decided_by_kind: DecisionMakerKind;
  decided_by_name: string;
  protocol_reference: Generated<string>;
  outcome: 'continues' | 'ends';
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PlacementContactTable {
  id: Generated<string>;
  municipality_id: string;
  placement_id: string;
  on_date: DateColumn;
  kind: ContactKind;
  place: ContactPlace;
  outcome: 'made' | 'attempted';
  child_alone: boolean | null;
  not_alone_reason: NotAloneReason | null;
  attended_to: Generated<AttentionArea[]>;
  note: Generated<string>;
  recorded_by: string | null;
  recorded_by_name: Generated<string>;
  created_at: CreatedAt;
}

export interface UnaccompaniedMinorTable {
  municipality_id: string;
  child_id: string;
  arrived_on: DateColumn;
  assigned_on: DateColumn | null;
  guardian_name: string | null;
  guardian_appointed_by: string | null;
  guardian_appointed_on: DateColumn | null;
  guardian_contact: string | null;
  residence_permit_on: DateColumn | null;
  custodian_applied_on: DateColumn | null;
  custodian_not_applied_reason: NotAppliedReason | null;
  custodian_not_applied_text: string | null;
  custodian_appointed_on: DateColumn | null;
  health_examination_done_on: DateColumn | null;
  school_started_on: DateColumn | null;
  transition_planned_on: DateColumn | null;
  updated_at: Generated<Date>;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    placement_intervention_type: PlacementInterventionTypeTable;
    placement_setting: PlacementSettingTable;
    placement_home: PlacementHomeTable;
    placement_home_carer: PlacementHomeCarerTable;
    placement_home_investigation: PlacementHomeInvestigationTable;
    placement_home_register_extract: PlacementHomeRegisterExtractTable;
    placement_home_training: PlacementHomeTrainingTable;
    placement: PlacementTable;
    placement_decision: PlacementDecisionTable;
    placement_period: PlacementPeriodTable;
    placement_consideration: PlacementConsiderationTable;
    placement_step: PlacementStepTable;
    placement_restriction: PlacementRestrictionTable;
    placement_moving_ban: PlacementMovingBanTable;
    placement_review: PlacementReviewTable;
    placement_temporary_ban: PlacementTemporaryBanTable;
    placement_contact: PlacementContactTable;
    unaccompanied_minor: UnaccompaniedMinorTable;
  }
}
