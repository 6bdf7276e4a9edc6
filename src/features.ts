import { actionPlansFeature } from './action-plans/feature.ts';
import { adminFeature } from './admin/feature.ts';
import { authFeature } from './auth/feature.ts';
import { casesFeature } from './cases/feature.ts';
import { documentsFeature } from './documents/feature.ts';
import { forumsFeature } from './forums/feature.ts';
import { goodPracticeFeature } from './good-practice/feature.ts';
import { guideFeature } from './guide/feature.ts';
import { homeFeature } from './home/feature.ts';
import { installationFeature } from './installation/feature.ts';
import { intakeFeature } from './intake/feature.ts';
import { jointVisitsFeature } from './joint-visits/feature.ts';
import { logReviewFeature } from './log-review/feature.ts';
import { partnersFeature } from './partners/feature.ts';
import { peopleFeature } from './people/feature.ts';
import { placementsFeature } from './placements/feature.ts';
import { Features } from './platform/features.ts';
import { reportsFeature } from './reports/feature.ts';
import { retentionFeature } from './retention/feature.ts';
import { sipFeature } from './sip/feature.ts';
import { statisticsFeature } from './statistics/feature.ts';
import { systemFeature } from './system/feature.ts';
import { workdayFeature } from './workday/feature.ts';
import { worklistsFeature } from './worklists/feature.ts';

/**
 * The features of Samtak, in the order their routes are registered and their sections load. A new
 * feature writes its src/<feature>/feature.ts and is listed here (README, "Adding a feature").
 */
export const features = new Features([
  systemFeature,
  authFeature,
  homeFeature,
  peopleFeature,
  logReviewFeature,
  adminFeature,
  reportsFeature,
  intakeFeature,
  casesFeature,
  worklistsFeature,
  partnersFeature,
  sipFeature,
  guideFeature,
  documentsFeature,
  workdayFeature,
  jointVisitsFeature,
  placementsFeature,
  installationFeature,
  statisticsFeature,
  goodPracticeFeature,
  actionPlansFeature,
  forumsFeature,
  retentionFeature,
]);
