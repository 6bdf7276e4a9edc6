import type { ColumnType, Generated } from 'kysely';
import type { IndicatorDirection, IndicatorUnit } from '../collaboration/indicators.ts';
import type { CreatedAt } from '../platform/db/schema.ts';
import type { MeasureStatus } from './measures.ts';
import type { MatterStatus } from './national-matters.ts';
import type { PlanStatus } from './plan.ts';

/** Action plans, their measures and indicators, matters raised (migration 0015_collaboration_plans). */

type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
/** numeric comes back as a string from both engines. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface ActionPlanTable {
  id: Generated<string>;
  municipality_id: string;
  series_id: string;
  version: number;
  status: PlanStatus;
  title: string;
  adopted_by_body: Generated<string>;
  adopted_on: NullableDate;
  deadline: DateColumn;
  summary: Generated<string>;
  created_by: string;
  created_at: CreatedAt;
}

export interface ActionPlanOrganisationTable {
  plan_id: string;
  organisation_id: string;
}

export interface ActionPlanAreaTable {
  plan_id: string;
  position: number;
  area: string;
  title: Generated<string>;
  rationale: string;
  themes: string[];
}

export interface ActionPlanMeasureTable {
  id: Generated<string>;
  plan_id: string;
  area_position: number;
  title: string;
  description: Generated<string>;
  owner_organisation_id: string;
  owner_role: string;
  starts_on: NullableDate;
  due_on: DateColumn;
  status: MeasureStatus;
  evidence: Generated<string>;
  drop_reason: Generated<string>;
  created_at: CreatedAt;
}

export interface ActionPlanMeasurePartnerTable {
  measure_id: string;
  organisation_id: string;
}

export interface ActionPlanMeasureExampleTable {
  measure_id: string;
  example_id: string;
}

export interface ActionPlanMeasureStatusTable {
  id: Generated<string>;
  measure_id: string;
  from_status: MeasureStatus | null;
  to_status: MeasureStatus;
  changed_on: DateColumn;
  changed_by: string | null;
  evidence: Generated<string>;
  reason: Generated<string>;
  recorded_at: CreatedAt;
}

export interface PlanIndicatorTable {
  id: Generated<string>;
  plan_id: string;
  area_position: number;
  name: string;
  definition: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  baseline_value: Numeric;
  baseline_on: DateColumn;
  target_value: Numeric;
  target_by: DateColumn;
  source_kind: 'samtak' | 'manual';
  samtak_indicator_id: string | null;
  source_description: Generated<string>;
  created_at: CreatedAt;
}

export interface PlanIndicatorValueTable {
  id: Generated<string>;
  indicator_id: string;
  measured_on: DateColumn;
  value: Numeric;
  source: string;
  entered_by: string;
  entered_at: CreatedAt;
}

export interface NationalMatterTable {
  id: Generated<string>;
  municipality_id: string;
  plan_id: string | null;
  title: string;
  description: string;
  themes: string[];
  raised_on: DateColumn;
  status: MatterStatus;
  answer: Generated<string>;
  answered_by_name: Generated<string>;
  answered_on: NullableDate;
  raised_by: string;
  created_at: CreatedAt;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    action_plan: ActionPlanTable;
    action_plan_organisation: ActionPlanOrganisationTable;
    action_plan_area: ActionPlanAreaTable;
    action_plan_measure: ActionPlanMeasureTable;
    action_plan_measure_partner: ActionPlanMeasurePartnerTable;
    action_plan_measure_example: ActionPlanMeasureExampleTable;
    action_plan_measure_status: ActionPlanMeasureStatusTable;
    plan_indicator: PlanIndicatorTable;
    plan_indicator_value: PlanIndicatorValueTable;
    national_matter: NationalMatterTable;
  }
}
