import type { RuleSet } from '../platform/access/policy.ts';
import { workdayTexts } from './i18n/index.ts';

/**
 * The working day in the access policy (docs/decisions/0060): lists of cases, the notifications
 * and the calendar of one user. A list is allowed here; each case on it is still the case rule
 * set's decision (`case.read`), so a list never shows a case its reader could not open.
 * Registered by src/access.ts.
 */

const workdayActions = {
  'caseList.read': 'caseList',
  'caseList.readUnit': 'caseList',
  'caseList.search': 'caseList',
  'notification.read': 'ownWorkday',
  'calendar.read': 'ownWorkday',
  'calendar.manage': 'ownWorkday',
} as const;
type WorkdayActions = typeof workdayActions;

declare module '../platform/access/policy.ts' {
  interface PolicyActions extends WorkdayActions {}
  interface PolicyResources {
    /** The cases of a unit (a manager's overview) or of the municipality (a search). */
    caseList: { unitId: string | null };
    /** One user's notifications and calendar. */
    ownWorkday: { userId: string };
  }
  interface PolicyDenyReasons {
    notOwnWorkday: true;
  }
}

/** The social services roles who work cases; partners, editors and administrators have none. */
const caseWorkers = [
  'caseList.read',
  'caseList.search',
  'notification.read',
  'calendar.read',
  'calendar.manage',
] as const;

export const workdayRules: RuleSet = {
  name: 'workday',
  actions: workdayActions,
  grants: {
    intakeWorker: caseWorkers,
    socialWorker: caseWorkers,
    manager: [...caseWorkers, 'caseList.readUnit'],
  },
  refusal(actor, action, resource) {
    if (resource.type === 'ownWorkday') return resource.userId === actor.userId ? null : 'notOwnWorkday';
    if (action === 'caseList.readUnit' && resource.type === 'caseList')
      return actor.unitId && resource.unitId === actor.unitId ? null : 'otherUnit';
    return null;
  },
  concealedReasons: ['notOwnWorkday'],
  reasonTexts: (lang) => workdayTexts(lang).denyReasons,
};
