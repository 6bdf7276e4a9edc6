import { createReader, type Outcome, type TextGuard } from '../collaboration/form.ts';

/**
 * A forum's meetings: planned with an agenda, held (attendance, minutes, decisions, actions),
 * approved by a second person (justering), after which the minutes are locked: a correction is an
 * addendum, as with signed case notes (docs/decisions/0015). Open actions carry over to the next
 * meeting's agenda until they are done or dropped (docs/decisions/0104).
 */

export const meetingStatuses = ['planned', 'held', 'approved', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const actionStatuses = ['open', 'done', 'dropped'] as const;
export type ForumActionStatus = (typeof actionStatuses)[number];

export const presences = ['present', 'absent', 'substitute'] as const;
export type Presence = (typeof presences)[number];

/** An action decided at a meeting: who does what by when. */
export interface ForumAction {
  id: string;
  /** The meeting that decided it. */
  meetingId: string;
  description: string;
  organisationId: string;
  person: string;
  dueOn: string;
  status: ForumActionStatus;
}

export type AgendaItem =
  | { kind: 'opening' | 'previousMinutes' | 'nextMeeting' | 'closing' }
  | { kind: 'carriedAction'; actionId: string; fromMeetingId: string; dueOn: string; overdue: boolean }
  | { kind: 'deviations'; quarter: string }
  | { kind: 'item'; title: string };

/**
 * The agenda of the next meeting: the standing items, every action still open from earlier
 * meetings (overdue first, then by due date), the quarter's collaboration deviations at the first
 * meeting of a quarter, then the new items. An action done or dropped is not carried.
 */
export function buildAgenda(input: {
  meetingOn: string;
  previousMeeting: { id: string } | null;
  actions: readonly ForumAction[];
  newItems: readonly string[];
  /** The last quarter whose deviations the forum went through ('2026-Q3'), or null. */
  deviationsReviewedFor: string | null;
}): AgendaItem[] {
  const carried = input.actions
    .filter((a) => a.status === 'open')
    .map((a) => ({
      kind: 'carriedAction' as const,
      actionId: a.id,
      fromMeetingId: a.meetingId,
      dueOn: a.dueOn,
      overdue: a.dueOn < input.meetingOn,
    }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn));
  const toReview = previousQuarter(input.meetingOn);
  const deviations: AgendaItem[] =
    input.deviationsReviewedFor === null || input.deviationsReviewedFor < toReview
      ? [{ kind: 'deviations', quarter: toReview }]
      : [];
  return [
    { kind: 'opening' },
    ...(input.previousMeeting ? [{ kind: 'previousMinutes' as const }] : []),
    ...carried,
    ...deviations,
    ...input.newItems.map((title) => ({ kind: 'item' as const, title })),
    { kind: 'nextMeeting' },
    { kind: 'closing' },
  ];
}

/** '2026-Q3' for a date in July–September 2026. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarter before the one a date is in: what a forum reviews at its first meeting of a quarter. */
export function previousQuarter(date: string): string {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}

/** The first and last day of a quarter ('2026-Q3' → 2026-07-01 … 2026-09-30). */
export function quarterDates(quarter: string): { from: string; to: string } {
  const year = quarter.slice(0, 4);
  const q = Number(quarter.slice(6));
  const from = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
  const to = `${year}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? '31' : '30'}`;
  return { from, to };
}

// ---- Recording a meeting ----

export interface MeetingRecordInput {
  heldOn?: string;
  attendance?: { representativeId?: string; presence?: string; substituteName?: string }[];
  minutes?: string;
  decisions?: string[];
  actions?: { description?: string; organisationId?: string; person?: string; dueOn?: string }[];
}

export interface MeetingRecord {
  heldOn: string;
  attendance: { representativeId: string; presence: Presence; substituteName: string | null }[];
  minutes: string;
  decisions: string[];
  actions: { description: string; organisationId: string; person: string; dueOn: string }[];
}

export type MeetingRefusal = 'notARepresentative' | 'substituteNameRequired' | 'noOneAttended';

/**
 * The minutes of a held meeting. Minutes, decisions and actions are free text in a forum whose
 * members come from several organisations: every one of them passes the personal-data guard.
 * Actions belong to a member organisation and fall due on or after the meeting.
 */
export function validateMeetingRecord(
  input: MeetingRecordInput,
  context: {
    guard: TextGuard;
    today: string;
    representativeIds: readonly string[];
    memberOrganisationIds: readonly string[];
  },
): Outcome<MeetingRecord, MeetingRefusal> {
  const form = createReader<MeetingRefusal>(context.guard);
  const heldOn = form.date('heldOn', input.heldOn, { required: true });
  if (heldOn && heldOn > context.today) form.fail('heldOn', 'dateInFuture');
  const attendance = (input.attendance ?? []).map((a, i) => {
    const representativeId = a.representativeId ?? '';
    if (!context.representativeIds.includes(representativeId))
      form.fail(`attendance.${i}`, 'notARepresentative');
    const presence = form.oneOf(`attendance.${i}.presence`, a.presence, presences);
    const substitute = form.text(`attendance.${i}.substituteName`, a.substituteName, {
      max: 200,
      official: true,
    });
    if (presence === 'substitute' && !substitute) form.fail(`attendance.${i}`, 'substituteNameRequired');
    return { representativeId, presence, substituteName: presence === 'substitute' ? substitute : null };
  });
  if (!attendance.some((a) => a.presence !== 'absent')) form.fail('attendance', 'noOneAttended');
  const minutes = form.text('minutes', input.minutes, { max: 20_000, multiline: true, required: true });
  const decisions = (input.decisions ?? [])
    .map((d, i) => form.text(`decisions.${i}`, d, { max: 2000, multiline: true }))
    .filter(Boolean);
  const actions = (input.actions ?? []).map((a, i) => {
    const description = form.text(`actions.${i}.description`, a.description, {
      max: 1000,
      required: true,
      multiline: true,
    });
    const organisationId = a.organisationId ?? '';
    if (!context.memberOrganisationIds.includes(organisationId))
      form.fail(`actions.${i}.organisationId`, 'notAMember');
    const person = form.text(`actions.${i}.person`, a.person, { max: 200, official: true });
    const dueOn = form.date(`actions.${i}.dueOn`, a.dueOn, {
      required: true,
      notBefore: heldOn ?? undefined,
    });
    return { description, organisationId, person, dueOn: dueOn ?? '' };
  });
  return form.done(() => ({ heldOn: heldOn ?? '', attendance, minutes, decisions, actions }));
}

// ---- What may be done to a meeting and its actions ----

export type MeetingStep = 'record' | 'edit' | 'approve' | 'cancel' | 'addAddendum';
export type MeetingStepRefusal = 'wrongStatus' | 'approverWroteMinutes' | 'notYetHeld';

const stepFrom: Record<MeetingStep, readonly MeetingStatus[]> = {
  record: ['planned'],
  edit: ['held'],
  approve: ['held'],
  cancel: ['planned'],
  addAddendum: ['approved'],
};

/**
 * The meeting's state machine: planned → held (minutes written) → approved (locked); planned →
 * cancelled. A meeting is recorded only on or after its day. The one who approves the minutes is
 * not the one who last wrote them (four eyes, as justering asks).
 */
export function meetingStepRefusal(
  step: MeetingStep,
  meeting: { status: MeetingStatus; plannedOn: string; minutesWrittenBy: string | null },
  actorUserId: string,
  today: string,
): MeetingStepRefusal | null {
  if (!stepFrom[step].includes(meeting.status)) return 'wrongStatus';
  if (step === 'record' && meeting.plannedOn > today) return 'notYetHeld';
  if (step === 'approve' && meeting.minutesWrittenBy === actorUserId) return 'approverWroteMinutes';
  return null;
}

export function meetingStatusAfter(step: MeetingStep, status: MeetingStatus): MeetingStatus {
  switch (step) {
    case 'record':
      return 'held';
    case 'approve':
      return 'approved';
    case 'cancel':
      return 'cancelled';
    default:
      return status;
  }
}

export type ActionChangeRefusal = 'alreadyClosed' | 'noteRequired';

/** An open action is done or dropped (dropping says why); a closed action stays closed. */
export function actionChangeRefusal(
  action: { status: ForumActionStatus },
  to: ForumActionStatus,
  note: string,
): ActionChangeRefusal | null {
  if (action.status !== 'open' || to === 'open') return 'alreadyClosed';
  if (to === 'dropped' && !note.trim()) return 'noteRequired';
  return null;
}
