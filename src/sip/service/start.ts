import { parsePersonalNumber } from '../../people/personal-number.ts';
import { personById, personByNumber } from '../../people/queries.ts';
import { type RequestContext, withAccess } from '../../platform/access/scope.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { ContentFieldError } from '../domain/content.ts';
import { statusAllows } from '../domain/lifecycle.ts';
import { type RequestFieldError, validateRequest } from '../domain/request.ts';
import { socialServicesOrganisation } from '../queries/facts.ts';
import { sipsOfMunicipality } from '../queries/lists.ts';
import { addParticipant, insertSip, isCaseOfChild, linkCase } from '../queries/writes.ts';
import { type Db, onSip, subjectOf, todayOf, wrongStatus } from './scope.ts';

/**
 * Social services starts a plan for a child, from the child's page or from the child's case (the
 * plan is then linked to the case). An open plan of the child is returned instead of a second one.
 */
export async function startSip(
  db: Db,
  context: RequestContext,
  childId: string,
  caseId?: string,
): Promise<{ id: string; existing: boolean }> {
  return withAccess(db, context, async (scope) => {
    const actor = scope.actor;
    scope.authorize(
      'sip.create',
      { type: 'sipRegister', municipalityId: actor.municipalityId },
      { audit: { subjectPersonId: null, recordType: 'sip' } },
    );
    const child = await personById(scope, childId);
    if (!child) throw notFound();
    if (caseId && !(await isCaseOfChild(scope, caseId, childId))) throw notFound();
    const open = await sipsOfMunicipality(scope, { childId });
    const existing = open.find((s) => s.status === 'draft' || s.status === 'active');
    if (existing) {
      if (caseId) await linkCase(scope, existing.id, caseId);
      await scope.audit({
        action: 'sip.read',
        subjectPersonId: childId,
        recordType: 'sip',
        recordId: existing.id,
      });
      return { id: existing.id, existing: true };
    }
    const id = await insertSip(scope, {
      status: 'draft',
      childId,
      caseId: caseId ?? null,
      coordinatorUserId: actor.userId,
    });
    const socialServices = await socialServicesOrganisation(scope);
    await addParticipant(scope, id, socialServices.id, actor.displayName, todayOf(context));
    await scope.audit({ action: 'sip.create', subjectPersonId: childId, recordType: 'sip', recordId: id });
    return { id, existing: false };
  });
}

/**
 * A partner asks social services for a plan. Whether the child is known to social services is
 * itself secret (OSL 26:1): the answer is the same either way, and the request is matched to the
 * register only when social services takes it up.
 */
export async function requestSip(
  db: Db,
  context: RequestContext,
  input: Parameters<typeof validateRequest>[0],
): Promise<{ ok: true; id: string } | { ok: false; errors: RequestFieldError[] }> {
  return withAccess(db, context, async (scope) => {
    const actor = scope.actor;
    scope.authorize('sip.request', { type: 'sipRegister', municipalityId: actor.municipalityId });
    const valid = validateRequest(input, todayOf(context));
    if (!valid.ok) return valid;
    const id = await insertSip(scope, {
      status: 'requested',
      childId: null,
      coordinatorUserId: null,
      requestedByUserId: actor.userId,
      requestedByOrganisationId: actor.partnerOrganisationId ?? null,
      requestedChildName: valid.value.childName,
      requestedPersonalNumber: valid.value.personalNumber,
      requestReason: valid.value.reason,
    });
    await scope.audit({ action: 'sip.request', recordType: 'sip', recordId: id });
    return { ok: true, id };
  });
}

export type AcceptOutcome = { ok: true } | { ok: false; error: 'childNotInRegister' | 'invalidNumber' };

/**
 * Social services takes up a partner's request: the child is found in the register by the number
 * given (or the one the partner sent), the user becomes coordinator, and the requesting
 * organisation becomes a party. It sees the plan once the family's consent is recorded.
 */
export async function acceptRequest(
  db: Db,
  context: RequestContext,
  id: string,
  personalNumber: string | undefined,
): Promise<AcceptOutcome> {
  return onSip(db, context, id, 'sip.accept', async (scope, facts, today) => {
    if (!statusAllows.accept(facts.sip.status)) throw wrongStatus();
    const typed = personalNumber?.trim() || facts.sip.requested_personal_number || '';
    const parsed = parsePersonalNumber(typed, today);
    if (!parsed.ok) return { ok: false, error: 'invalidNumber' };
    const child = await personByNumber(scope, parsed.value.normalized);
    if (!child) return { ok: false, error: 'childNotInRegister' };
    await scope.db
      .updateTable('sip')
      .set({ status: 'draft', child_id: child.id, coordinator_user_id: scope.actor.userId })
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('id', '=', id)
      .execute();
    const socialServices = await socialServicesOrganisation(scope);
    await addParticipant(scope, id, socialServices.id, scope.actor.displayName, today);
    if (facts.sip.requested_by_organisation_id)
      await addParticipant(scope, id, facts.sip.requested_by_organisation_id, '', today);
    await scope.audit({ action: 'sip.accept', subjectPersonId: child.id, recordType: 'sip', recordId: id });
    return { ok: true };
  });
}

export async function declineRequest(
  db: Db,
  context: RequestContext,
  id: string,
  note: string,
): Promise<{ ok: true } | { ok: false; errors: ContentFieldError[] }> {
  return onSip(db, context, id, 'sip.accept', async (scope, facts, today) => {
    if (!statusAllows.accept(facts.sip.status)) throw wrongStatus();
    const text = note.trim();
    if (!text) return { ok: false, errors: [{ field: 'declineNote', code: 'required' }] };
    if (text.length > 2000)
      return { ok: false, errors: [{ field: 'declineNote', code: 'tooLong', max: 2000 }] };
    await scope.db
      .updateTable('sip')
      .set({ status: 'closed', closed_on: today, close_reason: 'declined', close_note: text })
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('id', '=', id)
      .execute();
    await scope.audit({ action: 'sip.decline', ...subjectOf(facts) });
    return { ok: true };
  });
}
