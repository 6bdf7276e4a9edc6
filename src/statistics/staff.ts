import { addDays, addMonths, type IsoDate } from '../deadlines/calendar.ts';
import { ratio } from './figures.ts';
import { contains, type DateRange, daysIn, overlap } from './periods.ts';

/**
 * Staff figures: turnover per unit and period by a stated formula, with and without retirements
 * (the Gotland seed explains its new staff by retirements); the consultants' share; workers per
 * manager; new staff with a mentor (Växjö, Mölndal). See docs/decisions/0092.
 */

export const staffRoles = ['socialWorker', 'intakeWorker', 'manager', 'other'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const endReasons = ['retirement', 'otherEmployer', 'internalMove', 'endOfFixedTerm', 'other'] as const;
export type EndReason = (typeof endReasons)[number];

/** One employment (or one consultant assignment) in one unit and role. */
export interface EmploymentRow {
  id: string;
  workerId: string;
  unitId: string;
  role: StaffRole;
  startedOn: IsoDate;
  /** The last day of the employment; null while it lasts. */
  endedOn: IsoDate | null;
  endReason: EndReason | null;
  /** Hired through a staffing agency: counted in the consultants' share, never in turnover. */
  consultant: boolean;
  fte: number;
}

/** A mentor for a new worker, with the time set aside for it in the mentor's post. */
export interface MentorshipRow {
  mentorId: string;
  menteeId: string;
  from: IsoDate;
  to: IsoDate | null;
  hoursPerWeek: number;
}

/**
 * - `leavers`: leavers ÷ average headcount, the common measure;
 * - `minHiresLeavers`: min(hires, leavers) ÷ average headcount, the Swedish Agency for Government
 *   Employers' measure (replacement rather than growth or cuts; formula as summarised in
 *   MEASUREMENT.md, not checked against the agency's own text).
 */
export type TurnoverFormula = 'leavers' | 'minHiresLeavers';

export interface TurnoverOptions {
  formula: TurnoverFormula;
  includeRetirements: boolean;
  /** For a unit: whether moving to another unit counts as leaving it (and arriving as a hire). */
  countInternalMoves: boolean;
  unitId: string | null;
  roles: readonly StaffRole[];
}

export const defaultTurnoverOptions: TurnoverOptions = {
  formula: 'leavers',
  includeRetirements: true,
  countInternalMoves: false,
  unitId: null,
  roles: ['socialWorker', 'intakeWorker'],
};

export interface Turnover {
  formula: TurnoverFormula;
  value: number | null;
  leavers: number;
  retirements: number;
  hires: number;
  averageHeadcount: number;
  leaverIds: string[];
  hireIds: string[];
}

/**
 * Staff turnover in a period. A leaver is an employment that ended in the period with no
 * employment of the same worker in scope (the unit, or anywhere for the municipality) going on
 * the next day; a hire is one that started with none the day before: a renewed fixed-term
 * contract is neither, and a move between units stays within the municipality. Consultants are
 * not employees and are not counted. Average headcount is people on an average day of the period.
 * The figure is for the period as such; a month's is not multiplied up to a year.
 */
export function turnover(
  employments: readonly EmploymentRow[],
  range: DateRange,
  options: TurnoverOptions,
): Turnover {
  const own = employments.filter(
    (e) =>
      !e.consultant &&
      options.roles.includes(e.role) &&
      (options.unitId === null || e.unitId === options.unitId),
  );
  const employedOn = (workerId: string, day: IsoDate, except: EmploymentRow) =>
    own.some(
      (e) =>
        e !== except &&
        e.workerId === workerId &&
        e.startedOn <= day &&
        (e.endedOn === null || e.endedOn >= day),
    );
  const result: Turnover = {
    formula: options.formula,
    value: null,
    leavers: 0,
    retirements: 0,
    hires: 0,
    averageHeadcount: averageHeadcount(own, range),
    leaverIds: [],
    hireIds: [],
  };
  for (const e of own) {
    if (contains(range, e.endedOn) && !employedOn(e.workerId, addDays(e.endedOn!, 1), e)) {
      const internal = e.endReason === 'internalMove';
      const counted =
        (!internal || (options.unitId !== null && options.countInternalMoves)) &&
        (options.includeRetirements || e.endReason !== 'retirement');
      if (e.endReason === 'retirement') result.retirements++;
      if (counted) {
        result.leavers++;
        result.leaverIds.push(e.id);
      }
    }
    if (contains(range, e.startedOn) && !employedOn(e.workerId, addDays(e.startedOn, -1), e)) {
      const fromMove = employments.some(
        (o) =>
          o.workerId === e.workerId &&
          o.endReason === 'internalMove' &&
          o.endedOn === addDays(e.startedOn, -1),
      );
      if (!fromMove || (options.unitId !== null && options.countInternalMoves)) {
        result.hires++;
        result.hireIds.push(e.id);
      }
    }
  }
  const counted = options.formula === 'leavers' ? result.leavers : Math.min(result.leavers, result.hires);
  result.value = result.averageHeadcount > 0 ? counted / result.averageHeadcount : null;
  return result;
}

/** People employed on an average day of the range (a worker with two employments counts once). */
export function averageHeadcount(employments: readonly EmploymentRow[], range: DateRange): number {
  const spans = new Map<string, DateRange[]>();
  for (const e of employments) {
    const part = overlap({ from: e.startedOn, to: e.endedOn ?? range.to }, range);
    if (part) spans.set(e.workerId, [...(spans.get(e.workerId) ?? []), part]);
  }
  let personDays = 0;
  for (const list of spans.values()) {
    // Merge a worker's overlapping or adjoining stretches, then count their days.
    list.sort((a, b) => a.from.localeCompare(b.from));
    let current: DateRange | null = null;
    for (const span of list) {
      if (current && span.from <= addDays(current.to, 1)) {
        if (span.to > current.to) current = { from: current.from, to: span.to };
        continue;
      }
      if (current) personDays += daysIn(current);
      current = span;
    }
    if (current) personDays += daysIn(current);
  }
  return personDays / daysIn(range);
}

const activeOn = (e: EmploymentRow, day: IsoDate) =>
  e.startedOn <= day && (e.endedOn === null || e.endedOn >= day);

/** Consultants among those working in the unit (or municipality) on a day, by head and by full-time share. */
export function consultantShare(employments: readonly EmploymentRow[], day: IsoDate, unitId: string | null) {
  const working = employments.filter(
    (e) => activeOn(e, day) && e.role !== 'manager' && (unitId === null || e.unitId === unitId),
  );
  const consultants = working.filter((e) => e.consultant);
  const fte = (list: EmploymentRow[]) => list.reduce((sum, e) => sum + e.fte, 0);
  return {
    consultants: consultants.length,
    working: working.length,
    value: ratio(consultants.length, working.length),
    fteValue: ratio(fte(consultants), fte(working)),
  };
}

/** Social and intake workers (consultants included) per unit manager on a day. */
export function workersPerManager(
  employments: readonly EmploymentRow[],
  day: IsoDate,
  unitId: string | null,
) {
  const here = employments.filter((e) => activeOn(e, day) && (unitId === null || e.unitId === unitId));
  const managers = new Set(here.filter((e) => e.role === 'manager').map((e) => e.workerId)).size;
  const workers = new Set(
    here.filter((e) => e.role === 'socialWorker' || e.role === 'intakeWorker').map((e) => e.workerId),
  ).size;
  return { workers, managers, value: ratio(workers, managers) };
}

/**
 * New social workers (employed for less than two years, the Mölndal newcomers' period) who have
 * a mentor with time set aside on the day.
 */
export function newStaffWithMentor(
  employments: readonly EmploymentRow[],
  mentorships: readonly MentorshipRow[],
  day: IsoDate,
  unitId: string | null,
) {
  const firstStart = new Map<string, IsoDate>();
  for (const e of employments) {
    if (e.consultant) continue;
    const known = firstStart.get(e.workerId);
    if (!known || e.startedOn < known) firstStart.set(e.workerId, e.startedOn);
  }
  const newcomers = new Set(
    employments
      .filter((e) => !e.consultant && e.role === 'socialWorker' && activeOn(e, day))
      .filter((e) => unitId === null || e.unitId === unitId)
      .filter((e) => addMonths(firstStart.get(e.workerId)!, 24) > day)
      .map((e) => e.workerId),
  );
  const mentored = [...newcomers].filter((w) =>
    mentorships.some(
      (m) => m.menteeId === w && m.hoursPerWeek > 0 && m.from <= day && (m.to === null || m.to >= day),
    ),
  );
  return {
    newcomers: newcomers.size,
    mentored: mentored.length,
    value: ratio(mentored.length, newcomers.size),
  };
}
