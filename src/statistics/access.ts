import type { RuleSet } from '../platform/access/policy.ts';
import { statisticsTexts } from './i18n/index.ts';

/**
 * Statistics in the access policy (docs/design/statistics.md, "Access"). Reading aggregates is the
 * platform's `statistics.read` (the statistics reader and managers). This rule set adds the two
 * things that can reach children: the rows behind a figure, only for a manager of that unit, and
 * exports, which hold only what the viewer may see and are audited. Registered by src/access.ts.
 */
const statisticsActions = {
  'statistics.drillDown': 'statisticsUnit',
  'statistics.export': 'statistics',
  'staff.manage': 'administration',
} as const;
type StatisticsActions = typeof statisticsActions;

declare module '../platform/access/policy.ts' {
  interface PolicyActions extends StatisticsActions {}
  interface PolicyResources {
    /** One unit's figures and the rows behind them. */
    statisticsUnit: { unitId: string };
  }
}

export const statisticsRules: RuleSet = {
  name: 'statistics',
  actions: statisticsActions,
  grants: {
    manager: ['statistics.drillDown', 'statistics.export'],
    statisticsReader: ['statistics.export'],
    administrator: ['staff.manage'],
  },
  refusal(actor, action, resource) {
    if (action === 'statistics.drillDown' && resource.type === 'statisticsUnit')
      return actor.unitId !== null && actor.unitId === resource.unitId ? null : 'otherUnit';
    return null;
  },
  reasonTexts: (lang) => statisticsTexts(lang).denyReasons,
};

/** Whether the viewer sees a unit's figures whole: a manager of that unit, nobody else. */
export function seesWhole(actor: { role: string; unitId: string | null }, unitId: string | null): boolean {
  return actor.role === 'manager' && unitId !== null && actor.unitId === unitId;
}
