import { isIsoDate } from '../deadlines/calendar.ts';
import { computeDeadline, type Deadline, type Urgency, urgencyOf } from '../deadlines/deadlines.ts';
import type { Report } from '../reports/schema.ts';
import type { CaseContext } from './access.ts';
import type { ChildCase } from './schema.ts';

/**
 * The child's case as pure rules: which statutory deadlines it has right now, what each step
 * needs before it may be taken, and what the access policy needs to know about it.
 */

export type CaseFacts = Pick<
  ChildCase,
  | 'id'
  | 'phase'
  | 'unit_id'
  | 'responsible_user_id'
  | 'opened_on'
  | 'immediate_protection'
  | 'initial_decided_on'
  | 'investigation_opened_on'
  | 'decided_on'
  | 'decision_outcome'
  | 'closed_on'
  | 'follow_up_planned'
  | 'follow_up_done_on'
>;

export type ReportFacts = Pick<
  Report,
  | 'id'
  | 'received_on'
  | 'protection_assessed_on'
  | 'feedback_requested'
  | 'feedback_sent_on'
  | 'joined_ongoing'
  | 'case_id'
  | 'linked_on'
>;

export interface Extension {
  rule_id: 'initialAssessment' | 'investigation';
  extended_to: string;
}

export interface CaseDeadline {
  /** Stable key: the rule, and the report for per-report duties. */
  key: string;
  deadline: Deadline;
  completedOn: string | null;
  reportId: string | null;
}

export function caseContextOf(
  c: Pick<ChildCase, 'unit_id' | 'responsible_user_id' | 'phase'> | null,
  reportUnitId?: string | null,
): CaseContext {
  const unitIds = [c?.unit_id, reportUnitId].filter((id): id is string => !!id);
  return { unitIds, responsibleUserId: c?.responsible_user_id ?? null, phase: c?.phase ?? 'new' };
}

function latestExtension(extensions: readonly Extension[], rule: Extension['rule_id']): string | null {
  const dates = extensions.filter((e) => e.rule_id === rule).map((e) => e.extended_to);
  return dates.length ? dates.sort().at(-1)! : null;
}

/**
 * Every deadline of a report or a case, met or not. A report not yet linked to a child still has
 * its protection assessment due the day it came in.
 */
export function deadlinesOf(
  c: CaseFacts | null,
  reports: readonly ReportFacts[],
  extensions: readonly Extension[] = [],
): CaseDeadline[] {
  const result: CaseDeadline[] = [];
  for (const r of reports) {
    result.push({
      key: `protectionAssessment:${r.id}`,
      deadline: computeDeadline('protectionAssessment', r.received_on),
      completedOn: r.protection_assessed_on,
      reportId: r.id,
    });
    // Feedback is owed once the report's initial assessment is done: the case's decision, or,
    // for a report joined to an investigation already under way, the day it was joined.
    const feedbackStart =
      r.joined_ongoing && c?.phase !== 'initialAssessment' ? r.linked_on : c?.initial_decided_on;
    if (r.feedback_requested && feedbackStart) {
      result.push({
        key: `reporterFeedback:${r.id}`,
        deadline: computeDeadline('reporterFeedback', feedbackStart),
        completedOn: r.feedback_sent_on,
        reportId: r.id,
      });
    }
  }
  if (!c) {
    // Not yet linked to a child: the initial assessment's 14 days run from receipt all the same.
    for (const r of reports) {
      result.push({
        key: `initialAssessment:${r.id}`,
        deadline: computeDeadline('initialAssessment', r.received_on),
        completedOn: null,
        reportId: r.id,
      });
    }
    return result;
  }
  result.push({
    key: 'initialAssessment',
    deadline: computeDeadline('initialAssessment', c.opened_on, {
      extendedTo: latestExtension(extensions, 'initialAssessment'),
    }),
    completedOn: c.initial_decided_on,
    reportId: null,
  });
  if (c.investigation_opened_on) {
    result.push({
      key: 'investigation',
      deadline: computeDeadline('investigation', c.investigation_opened_on, {
        extendedTo: latestExtension(extensions, 'investigation'),
      }),
      completedOn: c.decided_on,
      reportId: null,
    });
  }
  if (c.phase === 'closed' && c.closed_on && c.decision_outcome === 'noIntervention' && c.follow_up_planned) {
    result.push({
      key: 'followUp',
      deadline: computeDeadline('followUp', c.closed_on),
      completedOn: c.follow_up_done_on,
      reportId: null,
    });
  }
  return result;
}

export interface OpenDeadline extends CaseDeadline {
  daysLeft: number;
  urgency: Urgency;
}

/** The deadlines still to meet, most urgent first. */
export function openDeadlines(deadlines: readonly CaseDeadline[], today: string): OpenDeadline[] {
  return deadlines
    .filter((d) => d.completedOn === null)
    .map((d) => ({ ...d, ...urgencyOf(d.deadline.dueDate, today) }))
    .sort((a, b) => a.deadline.dueDate.localeCompare(b.deadline.dueDate));
}

/** Whether a deadline that fell due in a period was met: done on or before its due date. */
export function metInPeriod(
  deadlines: readonly CaseDeadline[],
  from: string,
  to: string,
  today: string,
): { met: number; missed: number } {
  let met = 0;
  let missed = 0;
  for (const d of deadlines) {
    const due = d.deadline.dueDate;
    if (due < from || due > to || due >= today) continue;
    if (d.completedOn !== null && d.completedOn <= due) met++;
    else missed++;
  }
  return { met, missed };
}

/** The first and last day of the month before `today`. */
export function lastMonth(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

// ---- Validation of each step ----

export type StepError =
  | {
      field: string;
      code:
        | 'required'
        | 'tooLong'
        | 'tooShort'
        | 'invalid'
        | 'dateInvalid'
        | 'dateInFuture'
        | 'dateNotLater'
        | 'notConfirmed';
    }
  | { field: '_form'; code: StepRefusal };

/** Why a step cannot be taken now; shown to the user as a conflict (409). */
export type StepRefusal =
  | 'wrongPhase'
  | 'alreadyDone'
  | 'childsVoiceMissing'
  | 'notConcluded'
  | 'partyCommunicationMissing'
  | 'notDecided'
  | 'notAssigned'
  | 'interventionsMissing'
  | 'followUpNotPlanned'
  | 'notSocialWorker';

export const textLimit = 20_000;

export function cleanText(value: unknown): string {
  return typeof value === 'string' ? value.normalize('NFC').replace(/\r\n?/g, '\n').trim() : '';
}

export function requireText(
  errors: StepError[],
  field: string,
  value: unknown,
  options: { min?: number; max?: number; optional?: boolean } = {},
): string | null {
  const text = cleanText(value);
  if (!text) {
    if (!options.optional) errors.push({ field, code: 'required' });
    return null;
  }
  if (text.length > (options.max ?? textLimit)) errors.push({ field, code: 'tooLong' });
  else if (options.min && text.length < options.min) errors.push({ field, code: 'tooShort' });
  return text;
}

/** A date the user typed: a real date, and (for things that happened) not after today. */
export function requireDate(
  errors: StepError[],
  field: string,
  value: unknown,
  today: string,
  options: { notInFuture?: boolean; after?: string } = {},
): string | null {
  const date = cleanText(value);
  if (!date) {
    errors.push({ field, code: 'required' });
    return null;
  }
  if (!isIsoDate(date) || date < '2000-01-01') {
    errors.push({ field, code: 'dateInvalid' });
    return null;
  }
  if (options.notInFuture && date > today) {
    errors.push({ field, code: 'dateInFuture' });
    return null;
  }
  if (options.after && date <= options.after) {
    errors.push({ field, code: 'dateNotLater' });
    return null;
  }
  return date;
}

/** What the investigation still needs before it can be concluded, as refusals. */
export function conclusionRefusal(
  c: Pick<ChildCase, 'phase' | 'concluded_on' | 'childs_voice_waived_reason'>,
  childsVoiceCount: number,
): StepRefusal | null {
  if (c.phase !== 'investigation') return 'wrongPhase';
  if (c.concluded_on) return 'alreadyDone';
  // The child's own account is required (SoL 11:10, BBIC) unless the reason it is missing is recorded.
  if (childsVoiceCount === 0 && !c.childs_voice_waived_reason) return 'childsVoiceMissing';
  return null;
}

export function decisionRefusal(
  c: Pick<ChildCase, 'phase' | 'concluded_on' | 'party_communicated_on' | 'decided_on'>,
): StepRefusal | null {
  if (c.phase !== 'investigation') return 'wrongPhase';
  if (c.decided_on) return 'alreadyDone';
  if (!c.concluded_on) return 'notConcluded';
  // The parties see the material before the decision (FL 25 §, kommunicering).
  if (!c.party_communicated_on) return 'partyCommunicationMissing';
  return null;
}

export function urgencyOrder(u: Urgency): number {
  return { overdue: 0, dueToday: 1, dueSoon: 2, later: 3 }[u];
}

/** Where a case stands, as its page shows it: the phase, and within an investigation the decision. */
export type CaseStatus =
  | 'new'
  | 'initialAssessment'
  | 'investigation'
  | 'awaitingDecision'
  | 'interventionsGranted'
  | 'decidedNoIntervention'
  | 'closedNoInvestigation'
  | 'closed';

/**
 * The status follows the decision: once the manager has decided, the case is "Insatser beviljade"
 * or "Avslutas utan insats" even before it is formally closed, and a concluded investigation
 * waits for the decision. Computed from the case's own dates, nothing stored.
 */
export function caseStatus(
  c: Pick<
    ChildCase,
    'phase' | 'decided_on' | 'decision_outcome' | 'concluded_on' | 'investigation_opened_on'
  >,
): CaseStatus {
  if (c.phase === 'closed') return c.investigation_opened_on ? 'closed' : 'closedNoInvestigation';
  if (c.phase !== 'investigation') return c.phase;
  if (c.decided_on)
    return c.decision_outcome === 'interventions' ? 'interventionsGranted' : 'decidedNoIntervention';
  return c.concluded_on ? 'awaitingDecision' : 'investigation';
}
