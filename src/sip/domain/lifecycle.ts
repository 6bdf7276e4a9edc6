import { isIsoDate } from '../../deadlines/calendar.ts';
import { isRealPastDate } from '../../people/domain.ts';
import type { ConsentContext } from '../access.ts';
import {
  type ActionStatus,
  actionStatuses,
  type SipCloseReason,
  type SipStatus,
  sipCloseReasons,
} from '../schema.ts';
import { consentCovers, consentState } from './consent.ts';
import { type ContentFieldError, collect, fieldError, text } from './content.ts';

export type AgreementBlocker =
  | 'noPartner'
  | 'noConsent'
  | 'consentNotCoveringParticipants'
  | 'noNeeds'
  | 'noGoals'
  | 'noActions'
  | 'noLeadOrganisation'
  | 'noFollowUpDate';

/**
 * What is missing before the parties can agree to the plan. The consent must be in force and name
 * every party: a party that may not see the plan cannot agree to its part.
 */
export function agreementBlockers(plan: {
  socialServicesId: string;
  participantOrganisationIds: readonly string[];
  consent: ConsentContext | null;
  needs: number;
  goals: number;
  actions: number;
  leadOrganisationId: string | null;
  followUpOn: string | null;
  today: string;
}): AgreementBlocker[] {
  const blockers: AgreementBlocker[] = [];
  const partners = plan.participantOrganisationIds.filter((id) => id !== plan.socialServicesId);
  if (partners.length === 0) blockers.push('noPartner');
  if (consentState(plan.consent, plan.today) !== 'valid') blockers.push('noConsent');
  else if (partners.some((id) => !consentCovers(plan.consent, id, 'plan', plan.today)))
    blockers.push('consentNotCoveringParticipants');
  if (plan.needs === 0) blockers.push('noNeeds');
  if (plan.goals === 0) blockers.push('noGoals');
  if (plan.actions === 0) blockers.push('noActions');
  if (!plan.leadOrganisationId) blockers.push('noLeadOrganisation');
  if (!plan.followUpOn || plan.followUpOn < plan.today) blockers.push('noFollowUpDate');
  return blockers;
}

/** Every party has agreed to the plan as it reads now (an edit asks for agreement again). */
export function everyoneAgreed(
  participants: readonly { agreed_version: number | null }[],
  contentVersion: number,
): boolean {
  return participants.length > 0 && participants.every((p) => p.agreed_version === contentVersion);
}

/** What may be done in each status: the content is written in a draft, followed up when active. */
export const statusAllows = {
  edit: (status: SipStatus) => status === 'draft',
  recordConsent: (status: SipStatus) => status === 'draft' || status === 'active',
  agree: (status: SipStatus) => status === 'draft',
  followUp: (status: SipStatus) => status === 'active',
  revise: (status: SipStatus) => status === 'active',
  close: (status: SipStatus) => status === 'draft' || status === 'active',
  accept: (status: SipStatus) => status === 'requested',
};

export interface FollowUpInput {
  heldOn?: string | undefined;
  note?: string | undefined;
  nextFollowUpOn?: string | undefined;
  statuses: Record<string, { status?: string | undefined; note?: string | undefined }>;
}

export function validateFollowUp(
  input: FollowUpInput,
  context: { today: string; actionIds: readonly string[] },
) {
  const errors: ContentFieldError[] = [];
  const heldOn = (input.heldOn ?? '').trim();
  if (!isIsoDate(heldOn)) errors.push({ field: 'heldOn', code: 'dateInvalid' });
  else if (!isRealPastDate(heldOn, context.today)) errors.push({ field: 'heldOn', code: 'invalid' });
  const note = text(input.note, 4000, false);
  errors.push(...fieldError('note', note.error));
  const next = (input.nextFollowUpOn ?? '').trim();
  if (!isIsoDate(next)) errors.push({ field: 'nextFollowUpOn', code: 'dateInvalid' });
  else if (next <= context.today) errors.push({ field: 'nextFollowUpOn', code: 'dateInPast' });
  const statuses: { actionId: string; status: ActionStatus; note: string }[] = [];
  for (const actionId of context.actionIds) {
    const given = input.statuses[actionId];
    const status = given?.status as ActionStatus;
    if (!actionStatuses.includes(status)) {
      errors.push({ field: `status-${actionId}`, code: 'invalid' });
      continue;
    }
    const actionNote = text(given?.note, 1000, false);
    errors.push(...fieldError(`note-${actionId}`, actionNote.error));
    statuses.push({ actionId, status, note: actionNote.value });
  }
  return collect(errors, () => ({ heldOn, note: note.value, nextFollowUpOn: next, statuses }));
}

export function validateClose(input: {
  reason?: string | undefined;
  note?: string | undefined;
  confirm?: string | undefined;
}) {
  const errors: ContentFieldError[] = [];
  // A closed plan is not reopened: the coordinator confirms (issue 14).
  if (input.confirm !== 'on') errors.push({ field: 'confirmClose', code: 'notConfirmed' });
  const reason = input.reason as SipCloseReason;
  if (!sipCloseReasons.includes(reason) || reason === 'declined')
    errors.push({ field: 'reason', code: 'invalid' });
  const note = text(input.note, 2000, reason === 'other');
  errors.push(...fieldError('closeNote', note.error));
  return collect(errors, () => ({ reason, note: note.value }));
}
