import type { AccessScope } from '../platform/access/scope.ts';
import type { PageSection } from '../platform/features.ts';
import type { ChildCase } from './schema.ts';

/** A part of the case page owned by another feature (starting a coordinated plan from the case). */
export type CaseSection<Data = unknown> = PageSection<ChildCase, Data>;

/**
 * What other features do when a manager makes a worker responsible for a case (the working day
 * notifies the worker): run in the assignment's own scope, so it is written with it or not at all.
 */
export type CaseAssignedHook = (
  scope: AccessScope,
  event: { case: ChildCase; workerId: string },
) => Promise<void>;

declare module '../platform/features.ts' {
  interface ExtensionPoints {
    caseSections: CaseSection;
    caseAssigned: CaseAssignedHook;
  }
}
