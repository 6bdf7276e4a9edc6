import { addDays, addMonths, type IsoDate, nextWorkingDayFrom } from '../deadlines/calendar.ts';
import { formatReference, lengthOn, referenceOn } from '../deadlines/deadlines.ts';
import type { DeadlineRule, LegalReference, Length } from '../deadlines/rules.ts';
import { type PlacementRule, type PlacementRuleId, placementRules } from './rules.ts';

/** One duty that is still to be done, as the API and the worklists show it. */
export interface Duty {
  rule: PlacementRuleId;
  /** The day to act by: the statutory date, moved to the next weekday where the rule allows it. */
  dueOn: IsoDate;
  /** The last day the law sets. */
  statutoryDate: IsoDate;
  moved: boolean;
  /** A date set by a recorded extension (the court's, LVU 8 § andra stycket) replaced the due date. */
  extended: boolean;
  reference: LegalReference;
  /** "LVU (1990:52) 13 § andra stycket": the reference as the API gives it. */
  referenceText: string;
  /** What the duty is about when a placement can have several of the kind (a restriction decision). */
  subject?: string;
}

// The clock's referenceOn and lengthOn read only a rule's references and length; they are typed to
// the clock's own ids, which the placement rules join when placements are wired.
const asClockRule = (rule: PlacementRule): DeadlineRule => rule as unknown as DeadlineRule;

/** The latest of some dates ('YYYY-MM-DD' sorts as text), null for none. */
export function latestDate(dates: readonly IsoDate[]): IsoDate | null {
  return dates.reduce<IsoDate | null>((max, d) => (max === null || d > max ? d : max), null);
}

/** A length added to a date: months end on the same day or the shorter month's last day. */
export function addLength(start: IsoDate, length: Length): IsoDate {
  switch (length.kind) {
    case 'months':
      return addMonths(start, length.months);
    case 'weeks':
      return addDays(start, length.weeks * 7);
    case 'days':
      return addDays(start, length.days);
    default:
      // At once, without delay, or before the event: due the day the clock starts.
      return start;
  }
}

/**
 * The last day of a duty counted from `anchor`. One date decides both the length and the reference:
 * the day the duty falls due. A duty still running when a new version of the law comes into force
 * falls due under that version, with its length, but never before the day it came into force
 * (docs/decisions/0071). A `repeat` counts the rule's fixed interval instead of its first length.
 */
export function statutoryDue(
  rule: PlacementRule,
  anchor: IsoDate,
  repeat = false,
): { date: IsoDate; reference: LegalReference } {
  const clockRule = asClockRule(rule);
  if (repeat) {
    const date = addMonths(anchor, rule.repeatEveryMonths ?? 0);
    return { date, reference: referenceOn(clockRule, date) };
  }
  let version = referenceOn(clockRule, anchor);
  let date = addLength(anchor, lengthOn(clockRule, anchor));
  // Versions only move forward (a date is never set before its version's first day), so this ends.
  for (;;) {
    const governing = referenceOn(clockRule, date);
    if (governing === version) return { date, reference: version };
    version = governing;
    const candidate = addLength(anchor, version.length ?? rule.length);
    date = latestDate([candidate, version.from])!;
  }
}

/** Whether any version of the rule was law on a date: a duty is owed only under a law in force. */
export function inForceOn(rule: PlacementRule, date: IsoDate): boolean {
  return (rule.references[0]?.from ?? date) <= date;
}

export interface DutyOptions {
  /** Count the rule's fixed interval from the last one made, not its first length. */
  repeat?: boolean;
  /** Due on the anchor itself: the step that opens a duty whose length runs from a later event. */
  immediate?: boolean;
  extendedTo?: IsoDate | null;
  subject?: string;
}

/**
 * The open duty of a rule counted from `anchor`, or null when no version of the rule was law on
 * the day it would fall due.
 */
export function dutyFrom(ruleId: PlacementRuleId, anchor: IsoDate, options: DutyOptions = {}): Duty | null {
  const rule = placementRules[ruleId];
  const { date, reference } = options.immediate
    ? { date: anchor, reference: referenceOn(asClockRule(rule), anchor) }
    : statutoryDue(rule, anchor, options.repeat ?? false);
  if (!inForceOn(rule, date)) return null;
  const shifted = rule.nextWorkingDay ? nextWorkingDayFrom(date) : date;
  const extendedTo = options.extendedTo ?? null;
  return {
    rule: ruleId,
    dueOn: extendedTo ?? shifted,
    statutoryDate: date,
    moved: !extendedTo && shifted !== date,
    extended: !!extendedTo,
    reference,
    referenceText: formatReference(reference),
    ...(options.subject ? { subject: options.subject } : {}),
  };
}
