import { addDays, addMonths, type IsoDate } from '../deadlines/calendar.ts';
import { latestDate } from './duty.ts';
import { type Placement, startedOn } from './model.ts';
import { dateRefusals, type Refusal } from './validation.ts';

/**
 * Visits and talks with a placed child (22 kap. 11–12 §§; 13 a § LVU). The law asks for regular
 * personal visits in the home, private talks with the child and talks with the carers and the
 * guardians, and names no number: how often is the municipality's guideline, not law
 * (docs/decisions/0072). An attempt that did not reach the child never counts.
 */

export const contactKinds = ['visit', 'talkWithChild', 'talkWithCarers', 'talkWithGuardians'] as const;
export type ContactKind = (typeof contactKinds)[number];

export const contactPlaces = ['placementHome', 'school', 'office', 'otherPlace', 'phone', 'video'] as const;
export type ContactPlace = (typeof contactPlaces)[number];

export const notAloneReasons = [
  'childDeclined',
  'childTooYoung',
  'interpreterPresent',
  'carerPresentAtChildsWish',
  'noPrivateSpace',
  'other',
] as const;
export type NotAloneReason = (typeof notAloneReasons)[number];

/** What the committee is to pay particular attention to (22 kap. 11 § andra stycket; 13 a § LVU). */
export const attentionAreas = ['health', 'development', 'socialBehaviour', 'schooling', 'relations'] as const;
export type AttentionArea = (typeof attentionAreas)[number];

export interface ContactRecord {
  id: string;
  placementId: string;
  on: IsoDate;
  kind: ContactKind;
  place: ContactPlace;
  /** Made, or only attempted (nobody home, the child would not come, cancelled on the day). */
  outcome: 'made' | 'attempted';
  /** Whether the child was talked to alone; null for talks with others and for attempts. */
  childAlone: boolean | null;
  notAloneReason: NotAloneReason | null;
  attendedTo: readonly AttentionArea[];
}

const withChild = (kind: ContactKind) => kind === 'visit' || kind === 'talkWithChild';

/** A personal visit in the home where the child lives (22 kap. 11 § första stycket 1). */
export const isVisit = (c: ContactRecord): boolean => c.outcome === 'made' && c.kind === 'visit';

/** A private talk with the child: made, and the child talked to alone (22 kap. 11 § första stycket 2). */
export const isPrivateTalk = (c: ContactRecord): boolean =>
  c.outcome === 'made' && withChild(c.kind) && c.childAlone === true;

/** Refusals of a contact record, as codes with where they apply. */
export function contactRefusals(record: ContactRecord, placement: Placement, today: IsoDate): Refusal[] {
  const dates = dateRefusals([['on', record.on]], today);
  if (dates.length) return dates;
  const refusals: Refusal[] = [];
  const start = startedOn(placement);
  if (!start || record.on < start) refusals.push({ code: 'beforePlacement', at: 'on' });
  if (placement.end && record.on > placement.end.endedOn)
    refusals.push({ code: 'afterPlacementEnd', at: 'on' });
  if (record.kind === 'visit' && record.place !== 'placementHome')
    refusals.push({ code: 'visitNotInHome', at: 'place' });
  if (record.outcome === 'attempted') {
    // An attempt reached nobody: it records no talk and nothing attended to.
    if (record.childAlone !== null || record.attendedTo.length > 0)
      refusals.push({ code: 'attemptRecordsNoTalk', at: 'outcome' });
    return refusals;
  }
  if (withChild(record.kind) && record.childAlone === null)
    refusals.push({ code: 'aloneNotStated', at: 'childAlone' });
  if (record.childAlone === false && !record.notAloneReason) {
    refusals.push({ code: 'notAloneReasonMissing', at: 'notAloneReason' });
  }
  return refusals;
}

/** The municipality's guideline: how many visits and private talks a year, four each unless it decides otherwise. */
export interface VisitGuideline {
  visitsPerYear: number;
  privateTalksPerYear: number;
}
export const defaultVisitGuideline: VisitGuideline = { visitsPerYear: 4, privateTalksPerYear: 4 };

export function guidelineRefusals(guideline: VisitGuideline): Refusal[] {
  return (['visitsPerYear', 'privateTalksPerYear'] as const)
    .filter((key) => !Number.isInteger(guideline[key]) || guideline[key] < 1 || guideline[key] > 52)
    .map((key) => ({ code: 'guidelineOutOfRange', at: key }));
}

/** The next contact after `from` at a guideline of `perYear`: whole months where they divide the year. */
function nextAfter(from: IsoDate, perYear: number): IsoDate {
  return 12 % perYear === 0 ? addMonths(from, 12 / perYear) : addDays(from, Math.floor(365 / perYear));
}

export interface ContactMeasure {
  lastOn: IsoDate | null;
  /** The guideline's next date: the interval after the last one, or after the start before any. */
  nextDueOn: IsoDate;
  /** How many in the twelve months up to today. */
  lastYear: number;
  below: boolean;
}

export interface ContactStatus {
  visits: ContactMeasure;
  privateTalks: ContactMeasure;
  /** Attempts since the last visit made: shown, never counted. */
  attemptsSinceLastVisit: number;
}

function measure(dates: readonly IsoDate[], start: IsoDate, perYear: number, today: IsoDate): ContactMeasure {
  const lastOn = latestDate(dates);
  const nextDueOn = nextAfter(lastOn ?? start, perYear);
  const yearAgo = addMonths(today, -12);
  const lastYear = dates.filter((d) => d > yearAgo).length;
  // Below the guideline: the next one is overdue, or a full year in care had fewer than it asks.
  const below = nextDueOn < today || (start <= yearAgo && lastYear < perYear);
  return { lastOn, nextDueOn, lastYear, below };
}

/** Where a placed child stands against the municipality's guideline today; null unless in care today. */
export function contactStatus(
  placement: Placement,
  contacts: readonly ContactRecord[],
  guideline: VisitGuideline,
  today: IsoDate,
): ContactStatus | null {
  const start = startedOn(placement);
  if (!start || start > today || placement.end) return null;
  const own = contacts.filter((c) => c.placementId === placement.id && c.on >= start && c.on <= today);
  const visits = own.filter(isVisit).map((c) => c.on);
  const lastVisit = latestDate(visits);
  return {
    visits: measure(visits, start, guideline.visitsPerYear, today),
    privateTalks: measure(
      own.filter(isPrivateTalk).map((c) => c.on),
      start,
      guideline.privateTalksPerYear,
      today,
    ),
    attemptsSinceLastVisit: own.filter((c) => c.outcome === 'attempted' && (!lastVisit || c.on > lastVisit))
      .length,
  };
}
