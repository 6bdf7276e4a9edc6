import {
  addDays,
  addMonths,
  daysBetween,
  holidayOn,
  type IsoDate,
  isIsoDate,
  nextWorkingDayFrom,
} from './calendar.ts';
import {
  type DeadlineRule,
  type DeadlineRuleId,
  deadlineRules,
  type LegalReference,
  type Length,
} from './rules.ts';

/** The statutory clock: due dates from rules and starting dates. Pure; "today" is always passed in. */

export interface Deadline {
  ruleId: DeadlineRuleId;
  start: IsoDate;
  /** The last day the law sets. */
  statutoryDate: IsoDate;
  /** The day the user must act by: the statutory date, moved to the next weekday where the rule
   * allows it, or the date set by a recorded extension. */
  dueDate: IsoDate;
  /** True when the due date was moved because the statutory date is not a weekday. */
  moved: boolean;
  extended: boolean;
  /** The reference in force on the day the clock started: the version that also set the length. */
  reference: LegalReference;
}

export function ruleOf(id: DeadlineRuleId): DeadlineRule {
  return deadlineRules[id];
}

/** The legal reference of a rule that is in force on a date. */
export function referenceOn(rule: DeadlineRule, date: IsoDate): LegalReference {
  const found = rule.references.find((r) => r.from <= date && (r.to === null || date <= r.to));
  // Before the oldest reference we still show the oldest rather than nothing.
  return found ?? (rule.references[0] as LegalReference);
}

export function formatReference(reference: LegalReference): string {
  return `${reference.act} ${reference.provision}`;
}

/**
 * The length of a rule for a clock started on `start`. One date decides both the length and the
 * reference shown: the day the clock starts, when the duty arises (docs/decisions/0059).
 */
export function lengthOn(rule: DeadlineRule, start: IsoDate): Length {
  return referenceOn(rule, start).length ?? rule.length;
}

/**
 * The day an occurrence's duty arises, whose law sets its length and reference: the start for the
 * first; for a recurring duty, the day the previous occurrence fell due (a reconsideration in 2027
 * of a placement from 2024 is a duty under the law of 2027, not of 2024).
 */
function arisesOn(rule: DeadlineRule, start: IsoDate, occurrence: number): IsoDate {
  if (occurrence === 0) return start;
  return statutoryDateOf(rule, start, occurrence - 1);
}

function statutoryDateOf(rule: DeadlineRule, start: IsoDate, occurrence: number): IsoDate {
  const length = lengthOn(rule, arisesOn(rule, start, occurrence));
  switch (length.kind) {
    case 'sameDay':
    case 'withoutDelay':
    case 'beforeEvent':
      return start;
    case 'days':
      return addDays(start, length.days);
    case 'weeks':
      return addDays(start, length.weeks * 7);
    case 'months':
      // Recurring duties count from the start, not from the previous (possibly moved) date,
      // so months of different lengths never make the series drift.
      return addMonths(start, length.months + occurrence * (rule.repeatEveryMonths ?? 0));
  }
}

/**
 * The deadline of a rule started on `start`. `occurrence` counts recurring duties from 0; an
 * `extendedTo` date, set by a recorded extension decision, replaces the due date.
 */
export function computeDeadline(
  ruleId: DeadlineRuleId,
  start: IsoDate,
  options: { occurrence?: number; extendedTo?: IsoDate | null } = {},
): Deadline {
  if (!isIsoDate(start)) throw new RangeError(`Not a calendar date: ${start}`);
  const rule = ruleOf(ruleId);
  const occurrence = options.occurrence ?? 0;
  if (occurrence > 0 && !rule.repeatEveryMonths) throw new RangeError(`${ruleId} does not recur`);
  const statutoryDate = statutoryDateOf(rule, start, occurrence);
  const shifted = rule.nextWorkingDay ? nextWorkingDayFrom(statutoryDate) : statutoryDate;
  const extendedTo = options.extendedTo ?? null;
  return {
    ruleId,
    start,
    statutoryDate,
    dueDate: extendedTo ?? shifted,
    moved: !extendedTo && shifted !== statutoryDate,
    extended: !!extendedTo,
    reference: referenceOn(rule, arisesOn(rule, start, occurrence)),
  };
}

/** For a recurring duty: the first occurrence whose due date is on or after `onOrAfter`. */
export function nextOccurrence(ruleId: DeadlineRuleId, start: IsoDate, onOrAfter: IsoDate): Deadline {
  const rule = ruleOf(ruleId);
  if (!rule.repeatEveryMonths) return computeDeadline(ruleId, start);
  for (let occurrence = 0; ; occurrence++) {
    const deadline = computeDeadline(ruleId, start, { occurrence });
    if (deadline.dueDate >= onOrAfter) return deadline;
  }
}

export type Urgency = 'overdue' | 'dueToday' | 'dueSoon' | 'later';

/** Days left (negative when overdue) and how urgent it is; "soon" is within three days. */
export function urgencyOf(dueDate: IsoDate, today: IsoDate): { daysLeft: number; urgency: Urgency } {
  const daysLeft = daysBetween(today, dueDate);
  const urgency: Urgency =
    daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'dueToday' : daysLeft <= 3 ? 'dueSoon' : 'later';
  return { daysLeft, urgency };
}

/** Why a due date moved, for the user: the holiday or weekend the statutory date fell on. */
export function whyMoved(deadline: Deadline): string | undefined {
  if (!deadline.moved) return undefined;
  return holidayOn(deadline.statutoryDate) ?? 'weekend';
}

/** How many months a follow-up after a closure on `closedOn` may run (2 under the 2001 act, 6 after). */
export function followUpMonths(closedOn: IsoDate): number {
  const length = lengthOn(ruleOf('followUp'), closedOn);
  return length.kind === 'months' ? length.months : 0;
}
