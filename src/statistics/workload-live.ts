import { addMonths, type IsoDate } from '../deadlines/calendar.ts';
import type { CareBasis } from './inputs.ts';
import type { WorkloadAssignment, WorkloadCaseType, WorkloadPhase } from './workload.ts';

/**
 * A worker's assignments as Samtak holds them today, in the workload model's case types and
 * phases (decision 0096). The first month of a case is its starting phase; an investigation whose
 * conclusion is written is closing; a closed case with a follow-up still to do is a follow-up.
 * Open-care interventions have no record of who carries them out yet, so they carry no points.
 */

export interface LiveCase {
  id: string;
  responsibleUserId: string | null;
  phase: 'initialAssessment' | 'investigation' | 'closed';
  openedOn: IsoDate;
  investigationOpenedOn: IsoDate | null;
  concludedOn: IsoDate | null;
  closedOn: IsoDate | null;
  followUpPending: boolean;
}

export interface LivePlacement {
  id: string;
  designatedWorkerId: string | null;
  /** The basis of the latest decision. */
  basis: CareBasis | null;
  startedOn: IsoDate;
  unaccompanied: boolean;
}

export interface LiveSip {
  id: string;
  coordinatorUserId: string | null;
  startedOn: IsoDate;
}

/** Starting for the first month from the day the case came to the worker's desk. */
export function phaseOn(startedOn: IsoDate, today: IsoDate, closing: boolean): WorkloadPhase {
  if (closing) return 'closing';
  return addMonths(startedOn, 1) > today ? 'starting' : 'ongoing';
}

export function liveAssignments(
  rows: { cases: readonly LiveCase[]; placements: readonly LivePlacement[]; sips: readonly LiveSip[] },
  today: IsoDate,
): WorkloadAssignment[] {
  const out: WorkloadAssignment[] = [];
  const add = (workerId: string, caseId: string, caseType: WorkloadCaseType, phase: WorkloadPhase) =>
    out.push({ workerId, caseId, caseType, phase, from: today, to: null });
  for (const c of rows.cases) {
    if (!c.responsibleUserId) continue;
    if (c.phase === 'initialAssessment')
      add(c.responsibleUserId, c.id, 'initialAssessment', phaseOn(c.openedOn, today, false));
    else if (c.phase === 'investigation')
      add(
        c.responsibleUserId,
        c.id,
        'investigation',
        phaseOn(c.investigationOpenedOn ?? c.openedOn, today, c.concludedOn !== null),
      );
    else if (c.followUpPending && c.closedOn)
      add(c.responsibleUserId, c.id, 'followUp', phaseOn(c.closedOn, today, false));
  }
  for (const p of rows.placements) {
    if (!p.designatedWorkerId) continue;
    const type: WorkloadCaseType = p.unaccompanied
      ? 'unaccompaniedMinor'
      : p.basis && p.basis !== 'sol'
        ? 'placementLvu'
        : 'placementSol';
    add(p.designatedWorkerId, p.id, type, phaseOn(p.startedOn, today, false));
  }
  for (const s of rows.sips) {
    if (!s.coordinatorUserId) continue;
    add(s.coordinatorUserId, s.id, 'sipCoordination', phaseOn(s.startedOn, today, false));
  }
  return out;
}
