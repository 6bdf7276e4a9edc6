import type { RuleSet } from '../platform/access/policy.ts';
import { measurementTexts } from './i18n/measurement.ts';
import { maySeeSelfAssessment } from './workload.ts';

/**
 * Workload and reporting to the state in the access policy (decisions 0096–0099), registered by
 * src/access.ts beside the statistics rule set:
 * - the weights and capacity norm are the municipality's settings: the administrator's;
 * - a worker's load and self-assessment are seen by the worker and by the manager of the worker's
 *   unit, no one else (issue 17); only the worker writes their own self-assessment; the manager
 *   sets the experience and full-time share the capacity is computed from;
 * - the IVO report names children: prepared and sent by a manager (with the second factor).
 */
const workloadActions = {
  'workload.manageWeights': 'administration',
  'workload.read': 'workerLoad',
  'workload.assess': 'workerLoad',
  'workload.setProfile': 'workerLoad',
  'ivo.prepare': 'statistics',
} as const;
type WorkloadActions = typeof workloadActions;

declare module '../platform/access/policy.ts' {
  interface PolicyActions extends WorkloadActions {}
  interface PolicyResources {
    /** One worker's load and self-assessment; unitId is the worker's unit. */
    workerLoad: { workerId: string; unitId: string | null };
  }
  interface PolicyDenyReasons {
    notOwnLoad: true;
    notOwnTeam: true;
  }
}

export const workloadRules: RuleSet = {
  name: 'workload',
  actions: workloadActions,
  grants: {
    administrator: ['workload.manageWeights'],
    socialWorker: ['workload.read', 'workload.assess'],
    intakeWorker: ['workload.read', 'workload.assess'],
    manager: ['workload.read', 'workload.assess', 'workload.setProfile', 'ivo.prepare'],
  },
  refusal(actor, action, resource) {
    if (resource.type !== 'workerLoad') return null;
    const worker = { workerId: resource.workerId, unitId: resource.unitId ?? '' };
    if (action === 'workload.assess') return actor.userId === resource.workerId ? null : 'notOwnLoad';
    if (action === 'workload.setProfile')
      return actor.unitId !== null && actor.unitId === resource.unitId ? null : 'notOwnTeam';
    return maySeeSelfAssessment(actor, worker) ? null : 'notOwnLoad';
  },
  reasonTexts: (lang) => measurementTexts(lang).denyReasons,
};
