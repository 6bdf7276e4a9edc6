import type { AccessScope } from '../../platform/access/scope.ts';
import type { SipStatus } from '../schema.ts';
import { m } from './facts.ts';

export async function insertSip(
  scope: AccessScope,
  values: {
    status: SipStatus;
    childId: string | null;
    caseId?: string | null;
    coordinatorUserId: string | null;
    requestedByUserId?: string | null;
    requestedByOrganisationId?: string | null;
    requestedChildName?: string | null;
    requestedPersonalNumber?: string | null;
    requestReason?: string | null;
  },
): Promise<string> {
  const row = await scope.db
    .insertInto('sip')
    .values({
      municipality_id: m(scope),
      status: values.status,
      child_id: values.childId,
      case_id: values.caseId ?? null,
      coordinator_user_id: values.coordinatorUserId,
      requested_by_user_id: values.requestedByUserId ?? null,
      requested_by_organisation_id: values.requestedByOrganisationId ?? null,
      requested_child_name: values.requestedChildName ?? null,
      requested_personal_number: values.requestedPersonalNumber ?? null,
      request_reason: values.requestReason ?? null,
      created_by: scope.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addParticipant(
  scope: AccessScope,
  sipId: string,
  organisationId: string,
  contactName: string,
  today: string,
): Promise<boolean> {
  const row = await scope.db
    .insertInto('sip_participant')
    .values({
      municipality_id: m(scope),
      sip_id: sipId,
      organisation_id: organisationId,
      contact_name: contactName,
      invited_on: today,
      invited_by: scope.actor.userId,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'sip_id', 'organisation_id']).doNothing())
    .returning('organisation_id')
    .executeTakeFirst();
  return !!row;
}

/** Whether the case is the child's own case in the user's municipality (issue 3's child_case). */
export async function isCaseOfChild(scope: AccessScope, caseId: string, childId: string): Promise<boolean> {
  const row = await scope.db
    .selectFrom('child_case')
    .select('id')
    .where('municipality_id', '=', m(scope))
    .where('id', '=', caseId)
    .where('child_id', '=', childId)
    .executeTakeFirst();
  return !!row;
}

/** Links an open plan that has no case yet to the child's case it is now started from. */
export async function linkCase(scope: AccessScope, sipId: string, caseId: string): Promise<void> {
  await scope.db
    .updateTable('sip')
    .set({ case_id: caseId })
    .where('municipality_id', '=', m(scope))
    .where('id', '=', sipId)
    .where('case_id', 'is', null)
    .execute();
}

/**
 * Any change to what the parties agree to makes earlier agreements stale: the version goes up and
 * an agreement counts only for the version it was given to.
 */
export async function bumpVersion(scope: AccessScope, sipId: string): Promise<void> {
  await scope.db
    .updateTable('sip')
    .set((eb) => ({ content_version: eb('content_version', '+', 1) }))
    .where('municipality_id', '=', m(scope))
    .where('id', '=', sipId)
    .execute();
}
