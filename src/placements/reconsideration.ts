import type { IsoDate } from '../deadlines/calendar.ts';
import {
  type AttentionArea,
  attentionAreas,
  type ContactRecord,
  isPrivateTalk,
  isVisit,
} from './contacts.ts';
import { type Duty, latestDate } from './duty.ts';
import {
  careClockStart,
  currentDecision,
  currentPeriod,
  isFamilyHome,
  type PlacementPeriod,
} from './model.ts';
import { placementDuties, type ScheduleFacts } from './schedule.ts';
import { type CustodyTransferFactor, custodyTransferFactors } from './validation.ts';

/**
 * The reconsideration document (övervägande, omprövning), prefilled with everything since the last
 * one: the contacts, plan changes, notes and SIP follow-ups, what was not attended to, and the
 * questions the committee must answer. Pure; the page prints it and the committee decides it.
 */

export interface PlanChange {
  on: IsoDate;
  plan: 'carePlan' | 'implementationPlan';
  summary: string;
}
export interface NoteEntry {
  id: string;
  on: IsoDate;
  title: string;
}
export interface SipFollowUp {
  sipId: string;
  on: IsoDate;
  summary: string;
}

export interface ReconsiderationInput {
  facts: ScheduleFacts;
  contacts: readonly ContactRecord[];
  planChanges?: readonly PlanChange[];
  notes?: readonly NoteEntry[];
  sipFollowUps?: readonly SipFollowUp[];
  /** The committee's meeting: the document covers what happened up to it. */
  meetingOn: IsoDate;
}

/** What the committee must answer (22 kap. 13–14 §§; 13, 13 b och 13 c §§ LVU). */
export type ReconsiderationQuestion =
  | 'careStillNeeded'
  | 'directionAndForm'
  | 'shouldCareEnd'
  | 'movingBan'
  | 'custodyTransfer';

export type ReconsiderationGap =
  | 'noVisit'
  | 'noPrivateTalk'
  | 'noTalkWithCarers'
  | 'noTalkWithGuardians'
  | 'carePlanMissing'
  | 'implementationPlanMissing'
  | 'carePlanRevisionDue';

export interface ReconsiderationDocument {
  rule: 'placementReconsideration' | 'lvuReview';
  dueOn: IsoDate | null;
  reference: string | null;
  questions: ReconsiderationQuestion[];
  /** From the last reconsideration (exclusive), or from the start of the care (inclusive), to the meeting. */
  period: { from: IsoDate; to: IsoDate; previousOn: IsoDate | null };
  homes: PlacementPeriod[];
  contacts: {
    visits: ContactRecord[];
    privateTalks: ContactRecord[];
    withCarers: ContactRecord[];
    withGuardians: ContactRecord[];
    attempts: ContactRecord[];
  };
  /** How many contacts attended to each area; the areas none did are listed in `gaps`' companion. */
  attention: Record<AttentionArea, number>;
  notAttendedTo: AttentionArea[];
  planChanges: PlanChange[];
  notes: NoteEntry[];
  sipFollowUps: SipFollowUp[];
  custodyTransferFactors: readonly CustodyTransferFactor[] | null;
  gaps: ReconsiderationGap[];
}

export type ReconsiderationResult =
  | { ok: true; document: ReconsiderationDocument }
  | { ok: false; code: 'notInCare' | 'noReconsiderationForBasis' };

type Grouped = ReconsiderationDocument['contacts'];

function groupContacts(contacts: readonly ContactRecord[]): Grouped {
  const made = (kind: ContactRecord['kind']) =>
    contacts.filter((c) => c.outcome === 'made' && c.kind === kind);
  return {
    visits: contacts.filter(isVisit),
    privateTalks: contacts.filter(isPrivateTalk),
    withCarers: made('talkWithCarers'),
    withGuardians: made('talkWithGuardians'),
    attempts: contacts.filter((c) => c.outcome === 'attempted'),
  };
}

function questionsOf(facts: ScheduleFacts, rule: ReconsiderationDocument['rule'], custodyDue: boolean) {
  const questions: ReconsiderationQuestion[] =
    rule === 'lvuReview' ? ['shouldCareEnd'] : ['careStillNeeded', 'directionAndForm'];
  const period = currentPeriod(facts.placement);
  // Reviewing whether LVU care should end for a child in a family home calls for considering a moving ban.
  if (currentDecision(facts.placement).basis !== 'sol' && period && isFamilyHome(period.form)) {
    questions.push('movingBan');
  }
  if (custodyDue) questions.push('custodyTransfer');
  return questions;
}

function gapsOf(facts: ScheduleFacts, grouped: Grouped, duties: readonly Duty[], meetingOn: IsoDate) {
  const gaps: ReconsiderationGap[] = [];
  if (grouped.visits.length === 0) gaps.push('noVisit');
  if (grouped.privateTalks.length === 0) gaps.push('noPrivateTalk');
  if (grouped.withCarers.length === 0) gaps.push('noTalkWithCarers');
  if (grouped.withGuardians.length === 0) gaps.push('noTalkWithGuardians');
  if (!facts.plans?.carePlanOn) gaps.push('carePlanMissing');
  if (duties.some((d) => d.rule === 'implementationPlan')) gaps.push('implementationPlanMissing');
  if (duties.some((d) => d.rule === 'carePlanRevision' && d.statutoryDate <= meetingOn))
    gaps.push('carePlanRevisionDue');
  return gaps;
}

/** The homes the child lived in during the period. */
function homesIn(facts: ScheduleFacts, from: IsoDate, to: IsoDate): PlacementPeriod[] {
  const periods = facts.placement.periods;
  return periods.filter((p, i) => p.startedOn <= to && (periods[i + 1]?.startedOn ?? '9999-12-31') > from);
}

export function assembleReconsideration(input: ReconsiderationInput): ReconsiderationResult {
  const { facts, meetingOn } = input;
  const placement = facts.placement;
  const anchor = careClockStart(placement);
  if (!anchor || anchor > meetingOn || placement.end) return { ok: false, code: 'notInCare' };
  const basis = currentDecision(placement).basis;
  if (basis === 'lvu6') return { ok: false, code: 'noReconsiderationForBasis' };
  const rule = basis === 'lvu3' ? 'lvuReview' : 'placementReconsideration';
  const kind = rule === 'lvuReview' ? 'lvuReview' : 'reconsideration';
  const previousOn = latestDate(
    (facts.considerations ?? [])
      .filter((c) => c.kind === kind && c.decidedOn >= anchor && c.decidedOn < meetingOn)
      .map((c) => c.decidedOn),
  );
  const from = previousOn ?? anchor;
  const inPeriod = (on: IsoDate) => (previousOn ? on > previousOn : on >= anchor) && on <= meetingOn;
  const duties = placementDuties(facts);
  const duty = duties.find((d) => d.rule === rule) ?? null;
  const contacts = input.contacts.filter((c) => c.placementId === placement.id && inPeriod(c.on));
  const grouped = groupContacts(contacts);
  const attention = Object.fromEntries(
    attentionAreas.map((area) => [area, contacts.filter((c) => c.attendedTo.includes(area)).length]),
  ) as Record<AttentionArea, number>;
  const custodyDue = duties.some((d) => d.rule === 'custodyTransfer' && d.statutoryDate <= meetingOn);
  const document: ReconsiderationDocument = {
    rule,
    dueOn: duty?.dueOn ?? null,
    reference: duty?.referenceText ?? null,
    questions: questionsOf(facts, rule, custodyDue),
    period: { from, to: meetingOn, previousOn },
    homes: homesIn(facts, from, meetingOn),
    contacts: grouped,
    attention,
    notAttendedTo: attentionAreas.filter((area) => attention[area] === 0),
    planChanges: (input.planChanges ?? []).filter((c) => inPeriod(c.on)),
    notes: (input.notes ?? []).filter((c) => inPeriod(c.on)),
    sipFollowUps: (input.sipFollowUps ?? []).filter((c) => inPeriod(c.on)),
    custodyTransferFactors: custodyDue ? custodyTransferFactors : null,
    gaps: gapsOf(facts, grouped, duties, meetingOn),
  };
  return { ok: true, document };
}
