import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { entryFor } from '../../platform/lookup.ts';
import { requireText, type StepError } from '../domain.ts';
import { investigationUnits } from '../queries.ts';
import type { CaseAssignedHook } from '../sections.ts';
import { onCase, refused, updateCase } from './step.ts';

export interface InitialDecisionInput {
  decision?: string | undefined;
  reason?: string | undefined;
  childHeard?: string | undefined;
  childNotHeardReason?: string | undefined;
  unitId?: string | undefined;
}

/**
 * Open an investigation or not (with a reason). Whether the child was heard is recorded, and the
 * reason when not (SOSFS 2014:5). Not opening closes the case; reports stay linked to the child.
 */
export function decideInitialAssessment(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  input: InitialDecisionInput,
  today: string,
) {
  return onCase(db, context, id, 'case.decideInitialAssessment', async (scope, c) => {
    if (c.phase !== 'initialAssessment') return refused('wrongPhase');
    const errors: StepError[] = [];
    const decision = input.decision;
    if (decision !== 'openInvestigation' && decision !== 'noInvestigation')
      errors.push({ field: 'decision', code: 'required' });
    const reason = requireText(errors, 'reason', input.reason, { optional: decision !== 'noInvestigation' });
    const heard = entryFor({ yes: true, no: false }, input.childHeard) ?? null;
    if (heard === null) errors.push({ field: 'childHeard', code: 'required' });
    const notHeardReason = requireText(errors, 'childNotHeardReason', input.childNotHeardReason, {
      optional: heard !== false,
    });
    let unitId = c.unit_id;
    if (decision === 'openInvestigation') {
      const units = await investigationUnits(scope);
      const chosen = units.find((u) => u.id === input.unitId);
      if (!chosen) errors.push({ field: 'unitId', code: 'required' });
      else unitId = chosen.id;
    }
    if (errors.length) return { ok: false, errors };
    const open = decision === 'openInvestigation';
    await updateCase(scope, c)
      .set({
        initial_decision: decision as 'openInvestigation' | 'noInvestigation',
        initial_decision_reason: reason,
        initial_decided_on: today,
        initial_decided_by: scope.actor.userId,
        child_heard: heard,
        child_not_heard_reason: heard ? null : notHeardReason,
        phase: open ? 'investigation' : 'closed',
        investigation_opened_on: open ? today : null,
        unit_id: unitId,
        closed_on: open ? null : today,
        closed_by: open ? null : scope.actor.userId,
      })
      .execute();
    return { ok: true };
  });
}

/**
 * The manager distributes the investigation to one responsible social worker; other features'
 * hooks (the worker's notification) run in the same transaction.
 */
export function assignResponsible(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  userId: string,
  hooks: readonly CaseAssignedHook[] = [],
) {
  return onCase(db, context, id, 'case.assign', async (scope, c) => {
    if (c.phase !== 'investigation') return refused('wrongPhase');
    const worker = await scope.db
      .selectFrom('user_account')
      .select(['id'])
      .where('municipality_id', '=', c.municipality_id)
      .where('id', '=', userId)
      .where('role', '=', 'socialWorker')
      .where('active', '=', true)
      .executeTakeFirst();
    if (!worker) return { ok: false, errors: [{ field: 'responsibleUserId', code: 'invalid' }] };
    await updateCase(scope, c).set({ responsible_user_id: worker.id }).execute();
    // The responsible worker becomes one the family keeps (continuity, and the audit trail's
    // "own cases").
    await scope.db
      .insertInto('person_assignment')
      .values({ municipality_id: c.municipality_id, person_id: c.child_id, user_id: worker.id })
      .onConflict((oc) => oc.columns(['municipality_id', 'person_id', 'user_id']).doNothing())
      .execute();
    if (worker.id !== c.responsible_user_id)
      for (const hook of hooks) await hook(scope, { case: c, workerId: worker.id });
    return { ok: true };
  });
}
