import * as m0020 from './action-plans/migrations/0020_collaboration_more.ts';
import * as m0029 from './action-plans/migrations/0029_action_plans_live_indicator.ts';
import * as m0015 from './collaboration/migrations/0015_collaboration.ts';
import * as m0015forums from './collaboration/migrations/0015_collaboration_forums.ts';
import * as m0015plans from './collaboration/migrations/0015_collaboration_plans.ts';
import * as m0009 from './documents/migrations/0009_documents.ts';
import * as m0020deviations from './forums/migrations/0020_collaboration_deviations.ts';
import * as m0022agreements from './forums/migrations/0022_collaboration_agreements.ts';
import * as m0026forums from './forums/migrations/0026_forums_above_municipality.ts';
import * as m0027projectValues from './forums/migrations/0027_joint_project_values.ts';
import * as m0013 from './installation/migrations/0013_operations.ts';
import * as m0010 from './joint-visits/migrations/0010_joint_visits.ts';
import * as m0028 from './log-review/migrations/0028_log_review_before_linking.ts';
import * as m0021 from './people/migrations/0021_people_search_prefix.ts';
import * as m0025 from './people/migrations/0025_people_country_of_birth.ts';
import * as m0012 from './placements/migrations/0012_placements.ts';
import * as m0016 from './placements/migrations/0016_placements_more.ts';
import * as m0023 from './placements/migrations/0023_placements_temporary_bans.ts';
import type { Migrations } from './platform/db/migrate.ts';
import * as m0001 from './platform/db/migrations/0001_foundation.ts';
import * as m0002 from './platform/db/migrations/0002_cases.ts';
import * as m0003 from './platform/db/migrations/0003_guide.ts';
import * as m0004 from './platform/db/migrations/0004_sip.ts';
import * as m0005 from './platform/db/migrations/0005_benchmark_indexes.ts';
import * as m0006 from './platform/db/migrations/0006_due_case_indexes.ts';
import * as m0007 from './platform/db/migrations/0007_hardening.ts';
import * as m0011 from './reports/migrations/0011_report_settings.ts';
import * as m0017 from './retention/migrations/0017_retention.ts';
import * as m0024 from './retention/migrations/0024_retention_more.ts';
import * as m0014 from './statistics/migrations/0014_statistics.ts';
import * as m0014staff from './statistics/migrations/0014_statistics_staff.ts';
import * as m0018 from './statistics/migrations/0018_statistics_workload.ts';
import * as m0019 from './statistics/migrations/0019_statistics_reporting.ts';
import * as m0025statistics from './statistics/migrations/0025_statistics_one_submission_store.ts';
import * as m0008 from './workday/migrations/0008_workday.ts';

/**
 * Every migration of Samtak, by name; they run in the order of their numbers (docs/decisions/0053).
 * 0001–0006 came before features kept their own and stay where they are. From 0007 a feature keeps
 * its migrations in src/<feature>/migrations/NNNN_name.ts, under the number reserved for it, and
 * lists them here. 0007_hardening (issue 12) is the platform's: it changes the foundation's user
 * accounts and audit trail, and adds the login's throttle table (src/auth/schema.ts).
 * Passed to openDatabase by everything that opens the database.
 */
export const migrations: Migrations = {
  '0001_foundation': m0001,
  '0002_cases': m0002,
  '0003_guide': m0003,
  '0004_sip': m0004,
  '0005_benchmark_indexes': m0005,
  '0006_due_case_indexes': m0006,
  '0007_hardening': m0007,
  '0008_workday': m0008,
  '0009_documents': m0009,
  '0010_joint_visits': m0010,
  '0011_report_settings': m0011,
  '0012_placements': m0012,
  '0013_operations': m0013,
  '0014_statistics': m0014,
  '0014_statistics_staff': m0014staff,
  '0015_collaboration': m0015,
  '0015_collaboration_plans': m0015plans,
  '0015_collaboration_forums': m0015forums,
  '0016_placements_more': m0016,
  '0017_retention': m0017,
  '0018_statistics_workload': m0018,
  '0019_statistics_reporting': m0019,
  '0020_collaboration_deviations': m0020deviations,
  '0020_collaboration_more': m0020,
  '0021_people_search_prefix': m0021,
  '0022_collaboration_agreements': m0022agreements,
  '0023_placements_temporary_bans': m0023,
  '0024_retention_more': m0024,
  '0025_people_country_of_birth': m0025,
  '0025_statistics_one_submission_store': m0025statistics,
  '0026_forums_above_municipality': m0026forums,
  '0027_joint_project_values': m0027projectValues,
  '0028_log_review_before_linking': m0028,
  '0029_action_plans_live_indicator': m0029,
};
