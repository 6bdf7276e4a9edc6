import { actionPlanRules } from './action-plans/access.ts';
import { caseRules } from './cases/access.ts';
import { documentRules } from './documents/access.ts';
import { forumRules } from './forums/access.ts';
import { goodPracticeRules } from './good-practice/access.ts';
import { guideRules } from './guide/access.ts';
import { jointVisitRules } from './joint-visits/access.ts';
import { partnerRules } from './partners/access.ts';
import { placementRules } from './placements/access.ts';
import { registerRules } from './platform/access/policy.ts';
import { retentionRulesOfAccess } from './retention/access.ts';
import { sipRules } from './sip/access.ts';
import { statisticsRules } from './statistics/access.ts';
import { reportingRules } from './statistics/reporting-access.ts';
import { workloadRules } from './statistics/workload-access.ts';
import { workdayRules } from './workday/access.ts';

/**
 * The access policy with every feature's rule set in it (docs/decisions/0052). The app, the test
 * support and the commands import this module, so wherever the policy is asked it is complete; an
 * action whose rule set is missing would be refused, never allowed. A new feature with its own
 * actions adds its rule set here.
 */
registerRules(
  caseRules,
  guideRules,
  partnerRules,
  sipRules,
  documentRules,
  workdayRules,
  jointVisitRules,
  placementRules,
  statisticsRules,
  workloadRules,
  goodPracticeRules,
  actionPlanRules,
  forumRules,
  retentionRulesOfAccess,
  reportingRules,
);

export type { CaseContext } from './cases/access.ts';
export type { JointVisitContext } from './joint-visits/access.ts';
export type { PlacementContext } from './placements/access.ts';
export * from './platform/access/policy.ts';
export type { ConsentContext, SipContext } from './sip/access.ts';
