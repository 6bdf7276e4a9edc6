import {
  type CaseFacts,
  deadlinesOf,
  type Extension,
  type OpenDeadline,
  openDeadlines,
  type ReportFacts,
  urgencyOrder,
} from '../../cases/domain.ts';
import type { CasePhase, ChildCase } from '../../cases/schema.ts';
import { type PersonQuery, parsePersonQuery } from '../../people/domain.ts';
import { isId } from '../../platform/http/schemas.ts';
import { entryFor } from '../../platform/lookup.ts';
import { parseReference } from '../../reports/domain.ts';

/**
 * "My cases" and case search as pure rules: what the user asked for (filters from the query
 * string, refused when they make no sense), the next step of each case, and the order.
 */

export const statusFilters = ['open', 'closed', 'all'] as const;
export type StatusFilter = (typeof statusFilters)[number];
export const sortKeys = ['deadline', 'child', 'opened', 'phase'] as const;
export type SortKey = (typeof sortKeys)[number];

/** Whose cases a manager looks at: the unit's, one worker's, or those nobody holds yet. */
export type WorkerFilter = { kind: 'all' } | { kind: 'unassigned' } | { kind: 'worker'; userId: string };

export interface CaseListQuery {
  status: StatusFilter;
  phase: CasePhase | null;
  sort: SortKey;
  worker: WorkerFilter;
  /** The search box: a name, an identity number or birth date, or a report's reference. */
  text: { raw: string; person: PersonQuery; reference: string | null } | null;
  page: number;
}

export type QueryFault = 'status' | 'phase' | 'sort' | 'worker' | 'page' | 'tooShort';

const statusTable: Record<StatusFilter, StatusFilter> = { open: 'open', closed: 'closed', all: 'all' };
const phaseTable: Record<CasePhase, CasePhase> = {
  initialAssessment: 'initialAssessment',
  investigation: 'investigation',
  closed: 'closed',
};
const sortTable: Record<SortKey, SortKey> = {
  deadline: 'deadline',
  child: 'child',
  opened: 'opened',
  phase: 'phase',
};

/** What a page shows at most; every case shown is audited, so the rest come page by page. */
export const pageSize = 50;

/** Reads the filters of the query string; the first that makes no sense is the fault. */
export function parseCaseListQuery(
  raw: { status?: string; phase?: string; sort?: string; worker?: string; q?: string; page?: string },
  today: string,
): { ok: true; query: CaseListQuery } | { ok: false; fault: QueryFault } {
  const status = raw.status ? entryFor(statusTable, raw.status) : 'open';
  if (!status) return { ok: false, fault: 'status' };
  const phase = raw.phase ? entryFor(phaseTable, raw.phase) : null;
  if (phase === undefined) return { ok: false, fault: 'phase' };
  const sort = raw.sort ? entryFor(sortTable, raw.sort) : 'deadline';
  if (!sort) return { ok: false, fault: 'sort' };
  let worker: WorkerFilter = { kind: 'all' };
  if (raw.worker === 'unassigned') worker = { kind: 'unassigned' };
  else if (raw.worker && isId(raw.worker)) worker = { kind: 'worker', userId: raw.worker };
  else if (raw.worker) return { ok: false, fault: 'worker' };
  const page = raw.page ? Number(raw.page) : 1;
  if (!Number.isInteger(page) || page < 1 || page > 10_000 || !/^[0-9]+$/.test(raw.page ?? '1'))
    return { ok: false, fault: 'page' };
  const typed = (raw.q ?? '').trim();
  let text: CaseListQuery['text'] = null;
  if (typed) {
    const person = parsePersonQuery(typed, today);
    const reference = parseReference(typed);
    if (person.kind === 'tooShort' && !reference) return { ok: false, fault: 'tooShort' };
    text = { raw: typed, person, reference };
  }
  return { ok: true, query: { status, phase, sort, worker, text, page } };
}

/** What the case needs next, in the order the law has it happen. Null when nothing is left. */
export type NextStep =
  | 'initialAssessment'
  | 'assign'
  | 'investigate'
  | 'partyCommunication'
  | 'decision'
  | 'close'
  | 'followUp';

export type NextStepFacts = Pick<
  ChildCase,
  | 'phase'
  | 'responsible_user_id'
  | 'concluded_on'
  | 'party_communicated_on'
  | 'decided_on'
  | 'decision_outcome'
  | 'follow_up_planned'
  | 'follow_up_done_on'
>;

export function nextStepOf(c: NextStepFacts): NextStep | null {
  switch (c.phase) {
    case 'initialAssessment':
      return 'initialAssessment';
    case 'investigation':
      if (!c.responsible_user_id) return 'assign';
      if (!c.concluded_on) return 'investigate';
      if (!c.party_communicated_on) return 'partyCommunication';
      if (!c.decided_on) return 'decision';
      return 'close';
    case 'closed':
      return c.follow_up_planned && !c.follow_up_done_on && c.decision_outcome === 'noIntervention'
        ? 'followUp'
        : null;
  }
}

/** An investigation that waits only for the manager's decision (FL 25 § done, concluded). */
export function waitsForDecision(c: NextStepFacts): boolean {
  return nextStepOf(c) === 'decision';
}

export interface ListedCaseFacts extends CaseFacts, NextStepFacts {
  given_name: string;
  family_name: string;
  reports: ReportFacts[];
  extensions: Extension[];
}

export interface ListedCase<C extends ListedCaseFacts = ListedCaseFacts> {
  c: C;
  nextStep: NextStep | null;
  /** The next deadline to meet, if any. */
  deadline: OpenDeadline | null;
}

/** Each case with its next step and nearest open deadline (the statutory clock, src/deadlines/). */
export function withNextSteps<C extends ListedCaseFacts>(
  cases: readonly C[],
  today: string,
): ListedCase<C>[] {
  return cases.map((c) => {
    const open = openDeadlines(deadlinesOf(c, c.reports, c.extensions), today);
    const deadline =
      [...open].sort(
        (a, b) =>
          urgencyOrder(a.urgency) - urgencyOrder(b.urgency) ||
          a.deadline.dueDate.localeCompare(b.deadline.dueDate),
      )[0] ?? null;
    return { c, nextStep: nextStepOf(c), deadline };
  });
}

/** What comes first in a manager's overview: cases to distribute, then decisions to make. */
const managerRank: Partial<Record<NextStep, number>> = { assign: 0, decision: 1 };

const phaseOrder: Record<CasePhase, number> = { initialAssessment: 0, investigation: 1, closed: 2 };

/**
 * The order of the list. Whatever the sort, a manager's unit overview shows the cases nobody holds
 * first (they wait for the manager), then those waiting for the manager's decision.
 */
export function sortCases<C extends ListedCaseFacts>(
  list: ListedCase<C>[],
  sort: SortKey,
  options: { managerFirst: boolean },
): ListedCase<C>[] {
  const name = (x: ListedCase<C>) => `${x.c.family_name} ${x.c.given_name}`;
  const compare: Record<SortKey, (a: ListedCase<C>, b: ListedCase<C>) => number> = {
    deadline: (a, b) =>
      (a.deadline ? 0 : 1) - (b.deadline ? 0 : 1) ||
      (a.deadline?.deadline.dueDate ?? '').localeCompare(b.deadline?.deadline.dueDate ?? ''),
    child: (a, b) => name(a).localeCompare(name(b), 'sv'),
    opened: (a, b) => b.c.opened_on.localeCompare(a.c.opened_on),
    phase: (a, b) => phaseOrder[a.c.phase] - phaseOrder[b.c.phase],
  };
  const first = (x: ListedCase<C>) =>
    options.managerFirst && x.nextStep ? (managerRank[x.nextStep] ?? 2) : options.managerFirst ? 2 : 0;
  return [...list].sort(
    (a, b) =>
      first(a) - first(b) ||
      compare[sort](a, b) ||
      name(a).localeCompare(name(b), 'sv') ||
      a.c.id.localeCompare(b.c.id),
  );
}
