import type { RuleSet } from '../platform/access/policy.ts';

/**
 * Retention in the access policy (decision 0082): only the archivist (registrator/arkivarie) may
 * see what is due for culling and why, and approve a culling run. No other role, the
 * administrator included, gets either. Registered by src/access.ts.
 */
const retentionActions = {
  'retention.review': 'retention',
  'retention.approve': 'retention',
  /** Reading an archived file (decision 0117): the archivist only. */
  'retention.readArchived': 'retention',
} as const;
type RetentionActions = typeof retentionActions;

declare module '../platform/access/policy.ts' {
  interface PolicyActions extends RetentionActions {}
  interface PolicyResources {
    /** The municipality's files as the retention rules see them. */
    retention: Record<never, never>;
  }
}

export const retentionRulesOfAccess: RuleSet = {
  name: 'retention',
  actions: retentionActions,
  grants: { archivist: ['retention.review', 'retention.approve', 'retention.readArchived'] },
};
