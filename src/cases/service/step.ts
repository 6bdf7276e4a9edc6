import type { Kysely } from 'kysely';
import type { Action, Resource } from '../../platform/access/policy.ts';
import { type AccessScope, type RequestContext, withAccess } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { caseContextOf, type StepError, type StepRefusal } from '../domain.ts';
import { caseById } from '../queries.ts';
import type { ChildCase } from '../schema.ts';

/** The child's case, step by step: each step is authorised, validated, written and audited together. */

export const caseResource = (c: ChildCase): Resource => ({
  type: 'case',
  municipalityId: c.municipality_id,
  case: caseContextOf(c),
});

export const caseAudit = (c: ChildCase, action: string) => ({
  action,
  subjectPersonId: c.child_id,
  recordType: 'case',
  recordId: c.id,
});

/** Not found: still a decision by the policy (may this user look for cases at all?), then null. */
export function authorizeLookup(scope: AccessScope) {
  scope.authorize('worklist.read', {
    type: 'worklist',
    municipalityId: scope.actor.municipalityId,
    unitId: scope.actor.unitId,
  });
}

export type StepOutcome =
  | { ok: true }
  | { ok: false; errors: StepError[] }
  | { ok: false; refusal: StepRefusal };

export const refused = (refusal: StepRefusal): StepOutcome => ({ ok: false, refusal });

/**
 * Runs one step on a case: loads it locked, asks the policy, lets the step validate and write,
 * and audits it, all in one transaction. Null when the case does not exist (404).
 */
export async function onCase(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  action: Action,
  step: (scope: AccessScope, c: ChildCase) => Promise<StepOutcome>,
): Promise<StepOutcome | null> {
  return withAccess(db, context, async (scope) => {
    const c = await caseById(scope, id, true);
    if (!c) {
      authorizeLookup(scope);
      return null;
    }
    scope.authorize(action, caseResource(c), { audit: caseAudit(c, action) });
    const outcome = await step(scope, c);
    if (outcome.ok) await scope.audit(caseAudit(c, action));
    return outcome;
  });
}

export function updateCase(scope: AccessScope, c: ChildCase) {
  return scope.db
    .updateTable('child_case')
    .where('municipality_id', '=', c.municipality_id)
    .where('id', '=', c.id);
}
