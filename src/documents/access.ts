import { caseRefusal } from '../cases/access.ts';
import type { RuleSet } from '../platform/access/policy.ts';

/**
 * The documents of a child's case in the access policy. They are the case file printed, so whoever
 * may read the case may read them: intake workers every case, the responsible social worker, the
 * managers of a unit that holds it (cases/access.ts). Recording that a document was sent is part
 * of the work on the case by the same people; what the decision answered (an application or not)
 * is the responsible worker's or a manager's. Partners get nothing. Registered by src/access.ts.
 */
const documentActions = {
  'document.read': 'case',
  'document.dispatch': 'case',
  'document.recordApplication': 'case',
} as const;
type DocumentActions = typeof documentActions;

declare module '../platform/access/policy.ts' {
  interface PolicyActions extends DocumentActions {}
}

export const documentRules: RuleSet = {
  name: 'documents',
  actions: documentActions,
  grants: {
    intakeWorker: ['document.read', 'document.dispatch'],
    socialWorker: ['document.read', 'document.dispatch', 'document.recordApplication'],
    manager: ['document.read', 'document.dispatch', 'document.recordApplication'],
  },
  refusal(actor, _action, resource) {
    return resource.type === 'case' ? caseRefusal(actor, 'case.read', resource.case) : 'wrongResource';
  },
};
