import { addDays, addMonths, isIsoDate } from '../deadlines/calendar.ts';
import { isRealPastDate } from '../people/domain.ts';
import { type PersonalNumberError, parsePersonalNumber } from '../people/personal-number.ts';
import { type ConsentContext, consentRefusal, type SipContext } from './access.ts';
import {
  type ActionStatus,
  actionStatuses,
  type ChildsView,
  childsViews,
  type GoalArea,
  goalAreas,
  type SipCloseReason,
  type SipInformationKind,
  type SipStatus,
  sipCloseReasons,
  sipInformationKinds,
} from './schema.ts';

/**
 * The rules of a coordinated individual plan (SIP) as plain functions: what the plan must hold
 * before the parties can agree to it, what a consent must say, how dates and statuses move.
 * SoL (2001:453) 2 kap. 7 §, SoL (2025:400) 10 kap. 8–9 §§ and HSL (2017:30) 16 kap. 4 §: the
 * plan says what efforts are needed, what each party is responsible for, what others will do, and which party leads it; it is made
 * with the child and, where appropriate, relatives; the individual (for a child, the guardians and
 * as far as maturity allows the child) consents. See docs/decisions/0031–0033.
 */

/** The law behind the plan, as it reads on a given day (the act was replaced on 1 July 2025). */
export function sipLegalReference(date: string): { socialServices: string; healthCare: string } {
  return {
    // The new act (in force 1 July 2025) carries the rule in 10 kap. 8–9 §§: docs/decisions/0031.
    socialServices:
      date < '2025-07-01'
        ? '2 kap. 7 § socialtjänstlagen (2001:453)'
        : '10 kap. 8–9 §§ socialtjänstlagen (2025:400)',
    healthCare: '16 kap. 4 § hälso- och sjukvårdslagen (2017:30)',
  };
}

// ---- Dates (the one calendar: src/deadlines/calendar.ts) ----

export { addDays, isIsoDate };

/** How far ahead the worklists look: two weeks, so a meeting can still be booked. */
export const worklistHorizonDays = 14;

export type Due = 'overdue' | 'today' | 'soon' | 'later';

export function dueState(dueOn: string, today: string): Due {
  if (dueOn < today) return 'overdue';
  if (dueOn === today) return 'today';
  return dueOn <= addDays(today, worklistHorizonDays) ? 'soon' : 'later';
}

// ---- Consent ----

export type ConsentState = 'none' | 'valid' | 'withdrawn' | 'expired' | 'notYetValid';

export function consentState(consent: ConsentContext | null, today: string): ConsentState {
  if (!consent) return 'none';
  if (consent.withdrawn) return 'withdrawn';
  if (today < consent.givenOn) return 'notYetValid';
  if (today > consent.validUntil) return 'expired';
  return 'valid';
}

/** Whether this organisation may see this kind of information in the plan today. */
export function consentCovers(
  consent: ConsentContext | null,
  organisationId: string,
  kind: SipInformationKind,
  today: string,
): boolean {
  return consentRefusal(consent, organisationId, kind, today) === null;
}

export interface ConsentInput {
  givenOn?: string | undefined;
  validUntil?: string | undefined;
  guardianIds?: string[] | undefined;
  guardiansNote?: string | undefined;
  childsView?: string | undefined;
  childsViewNote?: string | undefined;
  organisationIds?: string[] | undefined;
  informationKinds?: string[] | undefined;
}

export interface ValidConsent {
  givenOn: string;
  validUntil: string;
  guardianIds: string[];
  guardiansNote: string;
  childsView: ChildsView;
  childsViewNote: string;
  organisationIds: string[];
  informationKinds: SipInformationKind[];
}

export type ConsentFieldError =
  | { field: 'givenOn'; code: 'dateInvalid' | 'dateInFuture' }
  | { field: 'validUntil'; code: 'dateInvalid' | 'beforeGiven' | 'inPast' | 'tooLong' }
  | { field: 'guardianIds'; code: 'allGuardiansMustConsent' | 'unknownGuardian' }
  | { field: 'guardiansNote'; code: 'whoConsentedRequired' | 'tooLong' }
  | { field: 'childsView'; code: 'invalid' }
  | { field: 'childsViewNote'; code: 'explainChildsView' | 'tooLong' }
  | { field: 'organisationIds'; code: 'noOrganisation' | 'notParticipant' }
  | { field: 'informationKinds'; code: 'invalid' };

/** A consent lasts at most this long; a plan is followed up well within it (docs/decisions/0032). */
export const maxConsentYears = 2;

/**
 * Checks a consent as the coordinator records it. Every registered guardian must have consented
 * (joint custody: the guardians decide together, FB 6 kap. 13 §); a child without a registered
 * guardian needs a note saying who consented. The child's own view is recorded, with a note when
 * the child disagrees or was not asked (why: age, maturity).
 */
export function validateConsent(
  input: ConsentInput,
  context: {
    today: string;
    registeredGuardianIds: readonly string[];
    participantOrganisationIds: readonly string[];
  },
): { ok: true; value: ValidConsent } | { ok: false; errors: ConsentFieldError[] } {
  const errors: ConsentFieldError[] = [];
  const givenOn = (input.givenOn ?? '').trim();
  if (!isIsoDate(givenOn)) errors.push({ field: 'givenOn', code: 'dateInvalid' });
  else if (givenOn > context.today) errors.push({ field: 'givenOn', code: 'dateInFuture' });
  const validUntil = (input.validUntil ?? '').trim();
  if (!isIsoDate(validUntil)) errors.push({ field: 'validUntil', code: 'dateInvalid' });
  else if (isIsoDate(givenOn) && validUntil < givenOn)
    errors.push({ field: 'validUntil', code: 'beforeGiven' });
  else if (validUntil < context.today) errors.push({ field: 'validUntil', code: 'inPast' });
  else if (isIsoDate(givenOn) && validUntil > addMonths(givenOn, 12 * maxConsentYears))
    errors.push({ field: 'validUntil', code: 'tooLong' });

  const guardianIds = unique(input.guardianIds ?? []);
  if (guardianIds.some((id) => !context.registeredGuardianIds.includes(id)))
    errors.push({ field: 'guardianIds', code: 'unknownGuardian' });
  else if (context.registeredGuardianIds.some((id) => !guardianIds.includes(id)))
    errors.push({ field: 'guardianIds', code: 'allGuardiansMustConsent' });
  const guardiansNote = clean(input.guardiansNote);
  if (guardiansNote.length > 1000) errors.push({ field: 'guardiansNote', code: 'tooLong' });
  else if (context.registeredGuardianIds.length === 0 && !guardiansNote)
    errors.push({ field: 'guardiansNote', code: 'whoConsentedRequired' });

  const childsView = input.childsView as ChildsView;
  if (!childsViews.includes(childsView)) errors.push({ field: 'childsView', code: 'invalid' });
  const childsViewNote = clean(input.childsViewNote);
  if (childsViewNote.length > 2000) errors.push({ field: 'childsViewNote', code: 'tooLong' });
  else if ((childsView === 'disagrees' || childsView === 'notAsked') && !childsViewNote)
    errors.push({ field: 'childsViewNote', code: 'explainChildsView' });

  const organisationIds = unique(input.organisationIds ?? []);
  if (organisationIds.length === 0) errors.push({ field: 'organisationIds', code: 'noOrganisation' });
  else if (organisationIds.some((id) => !context.participantOrganisationIds.includes(id)))
    errors.push({ field: 'organisationIds', code: 'notParticipant' });

  const kinds = unique(['plan', ...(input.informationKinds ?? [])]);
  if (kinds.some((k) => !(sipInformationKinds as readonly string[]).includes(k)))
    errors.push({ field: 'informationKinds', code: 'invalid' });

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      givenOn,
      validUntil,
      guardianIds,
      guardiansNote,
      childsView,
      childsViewNote,
      organisationIds,
      informationKinds: kinds as SipInformationKind[],
    },
  };
}

// ---- The plan's content ----

export type TextFieldError = { code: 'required' } | { code: 'tooLong'; max: number };

function text(
  value: string | undefined,
  max: number,
  required: boolean,
): { value: string; error?: TextFieldError } {
  const v = clean(value);
  if (required && !v) return { value: v, error: { code: 'required' } };
  if (v.length > max) return { value: v, error: { code: 'tooLong', max } };
  return { value: v };
}

export type ContentFieldError =
  | { field: string; code: 'required' }
  | { field: string; code: 'tooLong'; max: number }
  | { field: string; code: 'invalid' }
  | { field: string; code: 'dateInvalid' }
  | { field: string; code: 'dateInPast' }
  | { field: string; code: 'timeInvalid' }
  | { field: string; code: 'notParticipant' }
  | { field: string; code: 'responsibleRequired' };

type Outcome<T> = { ok: true; value: T } | { ok: false; errors: ContentFieldError[] };

function collect<T>(errors: ContentFieldError[], value: () => T): Outcome<T> {
  return errors.length ? { ok: false, errors } : { ok: true, value: value() };
}

function fieldError(field: string, error: TextFieldError | undefined): ContentFieldError[] {
  return error ? [{ field, ...error }] : [];
}

export function validateNeed(input: { area?: string | undefined; description?: string | undefined }) {
  const errors: ContentFieldError[] = [];
  const area = input.area as GoalArea;
  if (!goalAreas.includes(area)) errors.push({ field: 'needArea', code: 'invalid' });
  const description = text(input.description, 2000, true);
  errors.push(...fieldError('needDescription', description.error));
  return collect(errors, () => ({ area, description: description.value }));
}

export function validateGoal(input: {
  area?: string | undefined;
  goal?: string | undefined;
  childsWords?: string | undefined;
}) {
  const errors: ContentFieldError[] = [];
  const area = input.area as GoalArea;
  if (!goalAreas.includes(area)) errors.push({ field: 'goalArea', code: 'invalid' });
  const goal = text(input.goal, 1000, true);
  const childsWords = text(input.childsWords, 1000, false);
  errors.push(...fieldError('goal', goal.error), ...fieldError('childsWords', childsWords.error));
  return collect(errors, () => ({ area, goal: goal.value, childsWords: childsWords.value }));
}

export interface ActionInput {
  description?: string | undefined;
  goalId?: string | undefined;
  /** An organisation's id, or 'other' for someone who is not a party (the family, a club). */
  responsible?: string | undefined;
  responsibleOther?: string | undefined;
  responsiblePerson?: string | undefined;
  dueOn?: string | undefined;
}

export function validateAction(
  input: ActionInput,
  context: { today: string; participantOrganisationIds: readonly string[]; goalIds: readonly string[] },
) {
  const errors: ContentFieldError[] = [];
  const description = text(input.description, 1000, true);
  errors.push(...fieldError('actionDescription', description.error));
  const goalId = input.goalId || null;
  if (goalId && !context.goalIds.includes(goalId)) errors.push({ field: 'goalId', code: 'invalid' });
  let responsibleOrganisationId: string | null = null;
  let responsibleOther: string | null = null;
  if (input.responsible === 'other') {
    const other = text(input.responsibleOther, 200, true);
    if (other.error) errors.push({ field: 'responsibleOther', ...other.error });
    responsibleOther = other.value;
  } else if (input.responsible && context.participantOrganisationIds.includes(input.responsible)) {
    responsibleOrganisationId = input.responsible;
  } else if (input.responsible) errors.push({ field: 'responsible', code: 'notParticipant' });
  else errors.push({ field: 'responsible', code: 'responsibleRequired' });
  const person = text(input.responsiblePerson, 200, false);
  errors.push(...fieldError('responsiblePerson', person.error));
  const dueOn = (input.dueOn ?? '').trim();
  if (!isIsoDate(dueOn)) errors.push({ field: 'dueOn', code: 'dateInvalid' });
  else if (dueOn < context.today) errors.push({ field: 'dueOn', code: 'dateInPast' });
  return collect(errors, () => ({
    description: description.value,
    goalId,
    responsibleOrganisationId,
    responsibleOther,
    responsiblePerson: person.value,
    dueOn,
  }));
}

export interface FrameInput {
  leadOrganisationId?: string | undefined;
  meetingOn?: string | undefined;
  meetingTime?: string | undefined;
  meetingPlace?: string | undefined;
  followUpOn?: string | undefined;
  familyParticipants?: string | undefined;
  summaryForChild?: string | undefined;
}

/** The plan's frame: who leads it, the planning meeting, when it is followed up, who from the family takes part. */
export function validateFrame(
  input: FrameInput,
  context: { today: string; participantOrganisationIds: readonly string[] },
) {
  const errors: ContentFieldError[] = [];
  const leadOrganisationId = input.leadOrganisationId || null;
  if (leadOrganisationId && !context.participantOrganisationIds.includes(leadOrganisationId))
    errors.push({ field: 'leadOrganisationId', code: 'notParticipant' });
  const meetingOn = (input.meetingOn ?? '').trim() || null;
  if (meetingOn && !isIsoDate(meetingOn)) errors.push({ field: 'meetingOn', code: 'dateInvalid' });
  const meetingTime = (input.meetingTime ?? '').trim() || null;
  if (meetingTime && !/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(meetingTime))
    errors.push({ field: 'meetingTime', code: 'timeInvalid' });
  const meetingPlace = text(input.meetingPlace, 200, false);
  errors.push(...fieldError('meetingPlace', meetingPlace.error));
  const followUpOn = (input.followUpOn ?? '').trim() || null;
  if (followUpOn && !isIsoDate(followUpOn)) errors.push({ field: 'followUpOn', code: 'dateInvalid' });
  else if (followUpOn && followUpOn < context.today) errors.push({ field: 'followUpOn', code: 'dateInPast' });
  const familyParticipants = text(input.familyParticipants, 1000, false);
  const summaryForChild = text(input.summaryForChild, 4000, false);
  errors.push(
    ...fieldError('familyParticipants', familyParticipants.error),
    ...fieldError('summaryForChild', summaryForChild.error),
  );
  return collect(errors, () => ({
    leadOrganisationId,
    meetingOn,
    meetingTime,
    meetingPlace: meetingPlace.value || null,
    followUpOn,
    familyParticipants: familyParticipants.value,
    summaryForChild: summaryForChild.value,
  }));
}

// ---- Agreement ----

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

// ---- Status ----

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

export function validateClose(input: { reason?: string | undefined; note?: string | undefined }) {
  const errors: ContentFieldError[] = [];
  const reason = input.reason as SipCloseReason;
  if (!sipCloseReasons.includes(reason) || reason === 'declined')
    errors.push({ field: 'reason', code: 'invalid' });
  const note = text(input.note, 2000, reason === 'other');
  errors.push(...fieldError('closeNote', note.error));
  return collect(errors, () => ({ reason, note: note.value }));
}

// ---- A partner's request ----

export type RequestFieldError =
  | { field: 'childName'; code: 'required' | 'tooLong' }
  | { field: 'personalNumber'; code: PersonalNumberError }
  | { field: 'reason'; code: 'required' | 'tooLong' }
  | { field: 'guardiansAgree'; code: 'required' };

/**
 * A partner asks social services to start a plan. Asking passes information to social services,
 * so the guardians must know and agree; without that, a concern is a report, not a request.
 */
export function validateRequest(
  input: {
    childName?: string | undefined;
    personalNumber?: string | undefined;
    reason?: string | undefined;
    guardiansAgree?: string | undefined;
  },
  today: string,
):
  | { ok: true; value: { childName: string; personalNumber: string; reason: string } }
  | { ok: false; errors: RequestFieldError[] } {
  const errors: RequestFieldError[] = [];
  const childName = clean(input.childName);
  if (!childName) errors.push({ field: 'childName', code: 'required' });
  else if (childName.length > 200) errors.push({ field: 'childName', code: 'tooLong' });
  const parsed = parsePersonalNumber(clean(input.personalNumber), today);
  if (!parsed.ok) errors.push({ field: 'personalNumber', code: parsed.error });
  const reason = clean(input.reason);
  if (!reason) errors.push({ field: 'reason', code: 'required' });
  else if (reason.length > 4000) errors.push({ field: 'reason', code: 'tooLong' });
  if (input.guardiansAgree !== 'on') errors.push({ field: 'guardiansAgree', code: 'required' });
  if (errors.length || !parsed.ok) return { ok: false, errors };
  return { ok: true, value: { childName, personalNumber: parsed.value.normalized, reason } };
}

// ---- Helpers ----

/** The policy's view of a plan, from what the queries loaded in the access's own transaction. */
export function sipContext(input: {
  status: SipStatus;
  coordinatorUserId: string | null;
  participantOrganisationIds: readonly string[];
  requestedByOrganisationId: string | null;
  consent: ConsentContext | null;
  today: string;
}): SipContext {
  return {
    status: input.status,
    coordinatorUserId: input.coordinatorUserId,
    participantOrganisationIds: input.participantOrganisationIds,
    requestedByOrganisationId: input.requestedByOrganisationId,
    consent: input.consent,
    asOf: input.today,
  };
}

function clean(value: string | undefined): string {
  return (value ?? '')
    .normalize('NFC')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
