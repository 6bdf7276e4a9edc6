import { isIsoDate } from '../../deadlines/calendar.ts';
import { type GoalArea, goalAreas } from '../schema.ts';
import { clean } from './plan.ts';

export type TextFieldError = { code: 'required' } | { code: 'tooLong'; max: number };

export function text(
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
  | { field: string; code: 'responsibleRequired' }
  | { field: string; code: 'notConfirmed' };

type Outcome<T> = { ok: true; value: T } | { ok: false; errors: ContentFieldError[] };

export function collect<T>(errors: ContentFieldError[], value: () => T): Outcome<T> {
  return errors.length ? { ok: false, errors } : { ok: true, value: value() };
}

export function fieldError(field: string, error: TextFieldError | undefined): ContentFieldError[] {
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

/**
 * A time of day as people write it in Sweden: `9.30`, `09.30`, `9:30` or `09:30` (the period is
 * the Swedish standard's separator, the colon the common one), stored as `09:30`; null if it is
 * no time of day.
 */
export function clockTime(typed: string): string | null {
  const match = /^([01]?[0-9]|2[0-3])[.:]([0-5][0-9])$/.exec(typed.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : null;
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
  const typedTime = (input.meetingTime ?? '').trim();
  const meetingTime = typedTime ? clockTime(typedTime) : null;
  if (typedTime && !meetingTime) errors.push({ field: 'meetingTime', code: 'timeInvalid' });
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
