import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';
import type { AgreementTopic } from './agreements.ts';
import type { ProjectStatus } from './joint-projects.ts';

type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

/** Agreements and joint projects (migration 0022_collaboration_agreements). */
export interface ForumAgreementTable {
  id: Generated<string>;
  forum_id: string;
  municipality_id: string;
  topic: AgreementTopic;
  created_by: string;
  created_at: CreatedAt;
}

export interface ForumAgreementVersionTable {
  id: Generated<string>;
  agreement_id: string;
  version: number;
  title: string;
  party_organisation_ids: string[];
  adopted_on: DateColumn;
  adopted_by: string;
  valid_from: DateColumn;
  review_by: DateColumn;
  valid_until: NullableDate;
  summary: Generated<string>;
  document_url: string | null;
  changes: Generated<string>;
  created_by: string;
  created_at: CreatedAt;
}

export interface ForumProjectTable {
  id: Generated<string>;
  forum_id: string;
  municipality_id: string;
  title: string;
  description: Generated<string>;
  organisation_ids: string[];
  lead_organisation_id: string;
  starts_on: NullableDate;
  ends_on: NullableDate;
  status: ProjectStatus;
  created_by: string;
  created_at: CreatedAt;
}

export interface ForumProjectGoalTable {
  id: Generated<string>;
  project_id: string;
  position: number;
  area: string;
  goal: string;
  indicator_kind: 'none' | 'samtak' | 'manual';
  samtak_indicator_id: string | null;
  manual_indicator: Generated<string>;
  /** The goal's target, in the indicator's unit (migration 0027_joint_project_values). */
  target_value: ColumnType<number | null, number | null | undefined, number | null>;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    forum_agreement: ForumAgreementTable;
    forum_agreement_version: ForumAgreementVersionTable;
    forum_project: ForumProjectTable;
    forum_project_goal: ForumProjectGoalTable;
  }
}
