import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';
import type { FindingAssessment, VisitStatus } from './visits.ts';

/** Follow-up visits and the coordinator's scope (migration 0020_collaboration_more). */

type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface PlanVisitTable {
  id: Generated<string>;
  municipality_id: string;
  plan_id: string;
  visited_on: DateColumn;
  place: Generated<string>;
  status: VisitStatus;
  report: Generated<string>;
  created_by: string;
  created_at: CreatedAt;
  held_at: Date | null;
  reported_at: Date | null;
}

export interface PlanVisitVisitorTable {
  visit_id: string;
  position: number;
  coordinator_id: string | null;
  name: string;
  organisation: string;
}

export interface PlanVisitAttendeeTable {
  visit_id: string;
  position: number;
  name: Generated<string>;
  role: string;
  organisation_id: string | null;
  organisation_name: Generated<string>;
}

export interface PlanVisitFindingTable {
  visit_id: string;
  measure_id: string;
  assessment: FindingAssessment;
  finding: Generated<string>;
}

export interface PlanVisitTaskTable {
  id: Generated<string>;
  visit_id: string;
  municipality_id: string;
  position: number;
  description: string;
  measure_id: string | null;
  owner_organisation_id: string;
  owner_role: string;
  due_on: DateColumn;
  status: Generated<'open' | 'done'>;
  done_on: NullableDate;
  done_by: string | null;
}

export interface PlanVisitSnapshotTable {
  visit_id: string;
  taken_on: DateColumn;
  /** jsonb: written as JSON text, read back as the object. */
  snapshot: ColumnType<unknown, string, never>;
  digest: string;
  taken_at: CreatedAt;
}

declare module '../installation/schema.ts' {
  interface OperatorAccountTable {
    /** Null for the installation operator; 'national' or a county code for a coordinator (0108). */
    coordinator_scope: string | null;
    /** The coordinator's office, as it signs visits. */
    coordinator_office: Generated<string>;
  }
}

declare module '../platform/db/schema.ts' {
  interface Database {
    plan_visit: PlanVisitTable;
    plan_visit_visitor: PlanVisitVisitorTable;
    plan_visit_attendee: PlanVisitAttendeeTable;
    plan_visit_finding: PlanVisitFindingTable;
    plan_visit_task: PlanVisitTaskTable;
    plan_visit_snapshot: PlanVisitSnapshotTable;
  }
}
