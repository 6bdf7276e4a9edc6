import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';
import type { EndReason, StaffRole } from './staff.ts';

type DateColumn = ColumnType<string, string, string>;

/**
 * The staff register behind the turnover figures (migration 0014_statistics_staff): HR data is
 * not kept anywhere else in Samtak, so the administrator records it. A staff member is a person
 * employed over time; each employment (or consultant assignment) has its unit, role and dates.
 */
export interface StaffMemberTable {
  municipality_id: string;
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
}

export interface EmploymentTable {
  municipality_id: string;
  id: Generated<string>;
  staff_member_id: string;
  unit_id: string;
  role: StaffRole;
  started_on: DateColumn;
  ended_on: DateColumn | null;
  end_reason: EndReason | null;
  consultant: boolean;
  /** Full-time equivalent, 0.05–1.00; numeric comes back from the driver as text. */
  fte: ColumnType<string, number, number>;
  created_at: CreatedAt;
}

export interface MentorshipTable {
  municipality_id: string;
  id: Generated<string>;
  mentor_id: string;
  mentee_id: string;
  from_on: DateColumn;
  to_on: DateColumn | null;
  hours_per_week: ColumnType<string, number, number>;
  created_at: CreatedAt;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    staff_member: StaffMemberTable;
    employment: EmploymentTable;
    mentorship: MentorshipTable;
  }
}
