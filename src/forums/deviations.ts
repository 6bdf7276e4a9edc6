import { createReader, type Outcome, type TextGuard } from '../collaboration/form.ts';
import { addDays } from '../deadlines/calendar.ts';
import { quarterDates } from './meetings.ts';

/**
 * Collaboration deviations (samverkansavvikelser), after Stockholm's BUS routine for reporting
 * collaboration failures between organisations: one member organisation says where collaboration
 * failed (what, between whom), the other answers, and the forum goes through them every quarter.
 * About the collaboration, never about a child: no child is identified (the guard refuses
 * identity numbers and warns on names; docs/decisions/0101).
 */

export const deviationCategories = [
  'informationNotShared',
  'referralNotAnswered',
  'responsibilityUnclear',
  'sipNotStarted',
  'meetingNotAttended',
  'agreementNotFollowed',
  'other',
] as const;
export type DeviationCategory = (typeof deviationCategories)[number];

export const deviationStatuses = ['reported', 'answered', 'reviewed', 'closed'] as const;
export type DeviationStatus = (typeof deviationStatuses)[number];

/** The counterpart answers within four weeks; after that the deviation shows as unanswered. */
export const answerWithinDays = 28;

export interface DeviationInput {
  counterpartOrganisationId?: string;
  occurredOn?: string;
  category?: string;
  description?: string;
  suggestion?: string;
}

export interface DeviationValue {
  counterpartOrganisationId: string;
  occurredOn: string;
  category: DeviationCategory;
  description: string;
  suggestion: string;
}

export type DeviationRefusal = 'sameOrganisation';

export function validateDeviation(
  input: DeviationInput,
  context: {
    guard: TextGuard;
    today: string;
    reportingOrganisationId: string;
    memberOrganisationIds: readonly string[];
  },
): Outcome<DeviationValue, DeviationRefusal> {
  const form = createReader<DeviationRefusal>(context.guard);
  const counterpart = input.counterpartOrganisationId ?? '';
  if (counterpart === context.reportingOrganisationId)
    form.fail('counterpartOrganisationId', 'sameOrganisation');
  else if (!context.memberOrganisationIds.includes(counterpart))
    form.fail('counterpartOrganisationId', counterpart ? 'notAMember' : 'required');
  const occurredOn = form.date('occurredOn', input.occurredOn, { required: true });
  if (occurredOn && occurredOn > context.today) form.fail('occurredOn', 'dateInFuture');
  const category = form.oneOf('category', input.category, deviationCategories);
  const description = form.text('description', input.description, {
    max: 4000,
    required: true,
    multiline: true,
  });
  const suggestion = form.text('suggestion', input.suggestion, { max: 2000, multiline: true });
  return form.done(() => ({
    counterpartOrganisationId: counterpart,
    occurredOn: occurredOn ?? '',
    category,
    description,
    suggestion,
  }));
}

export type DeviationStep = 'answer' | 'review' | 'close';
export type DeviationStepRefusal = 'wrongStatus' | 'notCounterpart';

/**
 * reported → answered (by the counterpart organisation only) → reviewed (the forum went through
 * it at a meeting) → closed. An unanswered deviation may be reviewed too: the forum sees it anyway.
 */
export function deviationStepRefusal(
  step: DeviationStep,
  deviation: { status: DeviationStatus; counterpartOrganisationId: string },
  actorOrganisationId: string | null,
): DeviationStepRefusal | null {
  const from: Record<DeviationStep, readonly DeviationStatus[]> = {
    answer: ['reported'],
    review: ['reported', 'answered'],
    close: ['reviewed'],
  };
  if (!from[step].includes(deviation.status)) return 'wrongStatus';
  if (step === 'answer' && actorOrganisationId !== deviation.counterpartOrganisationId)
    return 'notCounterpart';
  return null;
}

export interface DeviationSummary {
  id: string;
  reportedOn: string;
  status: DeviationStatus;
  category: DeviationCategory;
  reportingOrganisationId: string;
  counterpartOrganisationId: string;
}

/** Whether the counterpart is late with its answer. */
export function answerOverdue(deviation: DeviationSummary, today: string): boolean {
  return deviation.status === 'reported' && addDays(deviation.reportedOn, answerWithinDays) < today;
}

/**
 * What the forum goes through for a quarter: the deviations reported in it, and any from earlier
 * quarters not yet reviewed, with counts by category and by pair of organisations (the pair in a
 * fixed order, so A→B and B→A are the same relation).
 */
export function quarterlyReview(deviations: readonly DeviationSummary[], quarter: string, today: string) {
  const { to } = quarterDates(quarter);
  const due = deviations.filter(
    (d) => d.reportedOn <= to && (d.status === 'reported' || d.status === 'answered'),
  );
  const byCategory = new Map<DeviationCategory, number>();
  const byPair = new Map<string, number>();
  for (const d of due) {
    byCategory.set(d.category, (byCategory.get(d.category) ?? 0) + 1);
    const pair = [d.reportingOrganisationId, d.counterpartOrganisationId].sort().join('|');
    byPair.set(pair, (byPair.get(pair) ?? 0) + 1);
  }
  return {
    quarter,
    deviations: due,
    unanswered: due.filter((d) => answerOverdue(d, today)).map((d) => d.id),
    byCategory: deviationCategories
      .filter((c) => byCategory.has(c))
      .map((c) => ({ category: c, count: byCategory.get(c) ?? 0 })),
    byPair: [...byPair.entries()]
      .map(([pair, count]) => ({ organisationIds: pair.split('|') as [string, string], count }))
      .sort((a, b) => b.count - a.count),
  };
}
