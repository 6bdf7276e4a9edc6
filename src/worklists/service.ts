import type { Actor } from '../platform/access/policy.ts';
import type { AccessScope } from '../platform/access/scope.ts';
import { dueDeadlinesFor, type Worklist, type WorklistScope } from './queries.ts';

/** Whose deadlines a user's own worklist holds: intake's new work, a worker's cases, a manager's unit. */
export function ownScope(actor: Actor): WorklistScope | null {
  switch (actor.role) {
    case 'intakeWorker':
      return { kind: 'intake' };
    case 'socialWorker':
      return { kind: 'responsible', userId: actor.userId };
    case 'manager':
      return actor.unitId ? { kind: 'unit', unitId: actor.unitId } : null;
    default:
      return null;
  }
}

/** A worklist as a page shows it, inside the page's scope: authorised, and each child on it audited. */
export async function readWorklistIn(
  scope: AccessScope,
  which: 'own' | 'unit',
  today: string,
): Promise<Worklist | null> {
  const actor = scope.actor;
  const resource = {
    type: 'worklist' as const,
    municipalityId: actor.municipalityId,
    unitId: actor.unitId,
  };
  scope.authorize(which === 'unit' ? 'worklist.readUnit' : 'worklist.read', resource);
  const listScope: WorklistScope | null =
    which === 'unit' && actor.unitId ? { kind: 'unit', unitId: actor.unitId } : ownScope(actor);
  if (!listScope) return null;
  const list = await dueDeadlinesFor(scope.db, actor.municipalityId, listScope, today);
  const seen = new Map<string, string | null>();
  for (const item of list.items) seen.set(item.caseId ?? `report:${item.reportId}`, item.childId);
  await scope.audit(
    ...[...seen].map(([key, childId]) => ({
      action: 'worklist.read',
      subjectPersonId: childId,
      recordType: key.startsWith('report:') ? 'report' : 'case',
      recordId: key.replace('report:', ''),
    })),
  );
  return list;
}
