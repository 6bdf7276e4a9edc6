import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';
import type { CommentState } from './comments.ts';
import type { EvidenceLevel, ExampleKind, ExampleState } from './examples.ts';

/** Good examples and their comments (migration 0015_collaboration, docs/decisions/0105). */

export interface GoodPracticeTable {
  id: Generated<string>;
  kind: ExampleKind;
  author_user_id: string;
  author_municipality_id: string;
  /** 'm:<municipality id>' for social services staff, 'o:<partner organisation id>' for a partner. */
  author_organisation_key: string;
  author_organisation_name: string;
  /** The follow-up visit whose report the example was started from (migration 0027, decision 0139). */
  source_visit_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

type Json<T> = ColumnType<T, string, string>;

export interface GoodPracticeRevisionTable {
  id: Generated<string>;
  example_id: string;
  revision_no: number;
  state: ExampleState;
  title: string;
  area: string;
  themes: string[];
  target_groups: string[];
  problem: string;
  what_was_done: string;
  results: string;
  result_values: Json<{ label: string; value: number; unit: string; on: string; source: string }[]>;
  period_from: ColumnType<string | null, string | null, string | null>;
  period_to: ColumnType<string | null, string | null, string | null>;
  cost: string;
  contact_name: string;
  contact_role: string;
  contact_email: string | null;
  contact_phone: string | null;
  links: Json<{ title: string; url: string }[]>;
  tags: string[];
  tags_text: string;
  evidence_level: EvidenceLevel;
  evidence_reference: string;
  evidence_url: string | null;
  county_code: string | null;
  size_band: string | null;
  written_by: string;
  written_at: Generated<Date>;
  reviewed_by: string | null;
  published_on: ColumnType<string | null, string | null | undefined, string | null>;
  last_reviewed_on: ColumnType<string | null, string | null | undefined, string | null>;
  review_note: Generated<string>;
  search_vector: ColumnType<string, never, never>;
}

export interface GoodPracticeCommentTable {
  id: Generated<string>;
  example_id: string;
  state: CommentState;
  name: string;
  email: string;
  body_html: string;
  moderator_warnings: Json<unknown[]>;
  posted_at: Generated<Date>;
  moderated_by: string | null;
  moderated_at: Date | null;
  removal_reason: Generated<string>;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    good_practice: GoodPracticeTable;
    good_practice_revision: GoodPracticeRevisionTable;
    good_practice_comment: GoodPracticeCommentTable;
  }
}
