import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';

type DateColumn = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;
/** numeric comes back from the driver as text. */
type Numeric = ColumnType<string, number, number>;

/**
 * The tables of migration 0018_statistics_workload: workload, responsibility history, execution of
 * favourable decisions, and submissions to the state (decisions 0096–0099).
 */
export interface WorkloadWeightSetTable {
  municipality_id: string;
  version: number;
  valid_from: DateColumn;
  weights: Json<Record<string, number>>;
  norm: Json<{ fromYears: number; capacity: number }[]>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface WorkloadProfileTable {
  municipality_id: string;
  user_id: string;
  experience_since: DateColumn;
  fte: Numeric;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface KeptLoadItem {
  caseId: string;
  caseType: string;
  phase: string;
  points: number;
}

export interface WorkloadMonthTable {
  municipality_id: string;
  user_id: string;
  month: string;
  measured_on: DateColumn;
  points: Numeric;
  capacity: Numeric;
  weight_version: number | null;
  items: Json<{ items: KeptLoadItem[]; unweighted: string[] }>;
  recomputed_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface WorkloadSelfAssessmentTable {
  municipality_id: string;
  user_id: string;
  month: string;
  rating: number;
  comment: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CaseResponsibilityTable {
  municipality_id: string;
  id: Generated<string>;
  case_id: string;
  user_id: string;
  from_on: DateColumn;
  created_at: CreatedAt;
}

export interface DecisionExecutionTable {
  municipality_id: string;
  case_id: string;
  intervention_type_id: string;
  carried_out_on: DateColumn | null;
  interrupted_on: DateColumn | null;
  resumed_on: DateColumn | null;
  ended_on: DateColumn | null;
  delay_reason: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
}

export interface StatisticsSubmissionTable {
  municipality_id: string;
  id: Generated<string>;
  kind: 'ivo' | 'register';
  period_key: string;
  submitted_at: CreatedAt;
  submitted_by: string | null;
  submitted_by_name: string;
  row_count: number;
  payload: Json<unknown>;
  file_sha256: string;
  /** The register file's layout, children and findings by severity; null for IVO (migration 0025). */
  layout_id: string | null;
  child_count: number | null;
  counts: Json<{ fatal: number; error: number; warning: number }> | null;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    workload_weight_set: WorkloadWeightSetTable;
    workload_profile: WorkloadProfileTable;
    workload_month: WorkloadMonthTable;
    workload_self_assessment: WorkloadSelfAssessmentTable;
    case_responsibility: CaseResponsibilityTable;
    decision_execution: DecisionExecutionTable;
    statistics_submission: StatisticsSubmissionTable;
  }
}
