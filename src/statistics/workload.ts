import { addDays, addMonths, type IsoDate, isIsoDate } from '../deadlines/calendar.ts';
import { ageOn } from '../people/domain.ts';
import { median } from './figures.ts';
import { earlier } from './periods.ts';

/**
 * Workload measurement after the Göteborg model: points per case by case type and phase, set by
 * the municipality in versions; a capacity norm per experience band (150 points from five years'
 * experience by default, lower for new staff); each worker's load from their actual assignments;
 * and a monthly self-assessment beside it. A work-environment tool for the dialogue between a
 * worker and their manager: nothing here ranks named people. See docs/decisions/0092.
 */

export const workloadCaseTypes = [
  'initialAssessment',
  'investigation',
  'investigationLvu',
  'openCareIntervention',
  'placementSol',
  'placementLvu',
  'followUp',
  'unaccompaniedMinor',
  'sipCoordination',
] as const;
export type WorkloadCaseType = (typeof workloadCaseTypes)[number];

/** Starting a case weighs more than keeping it running; closing it well takes work too. */
export const workloadPhases = ['starting', 'ongoing', 'closing'] as const;
export type WorkloadPhase = (typeof workloadPhases)[number];

export type WeightKey = `${WorkloadCaseType}:${WorkloadPhase}`;

export interface WeightSet {
  version: number;
  /** The first day the weights apply; earlier months keep the version they were computed with. */
  validFrom: IsoDate;
  weights: Readonly<Partial<Record<WeightKey, number>>>;
}

/**
 * A default for a municipality to start from, in the model's scale where a full caseload for an
 * experienced worker is 150 points. The Göteborg model's own figures are not published; these are
 * a starting point for the local dialogue, to be set by the municipality, not a norm.
 */
export const defaultWeightSet: WeightSet = {
  version: 1,
  validFrom: '2000-01-01',
  weights: {
    'initialAssessment:starting': 4,
    'initialAssessment:ongoing': 3,
    'initialAssessment:closing': 2,
    'investigation:starting': 12,
    'investigation:ongoing': 10,
    'investigation:closing': 12,
    'investigationLvu:starting': 20,
    'investigationLvu:ongoing': 16,
    'investigationLvu:closing': 20,
    'openCareIntervention:starting': 6,
    'openCareIntervention:ongoing': 4,
    'openCareIntervention:closing': 4,
    'placementSol:starting': 14,
    'placementSol:ongoing': 8,
    'placementSol:closing': 10,
    'placementLvu:starting': 18,
    'placementLvu:ongoing': 10,
    'placementLvu:closing': 12,
    'followUp:starting': 2,
    'followUp:ongoing': 2,
    'followUp:closing': 1,
    'unaccompaniedMinor:starting': 10,
    'unaccompaniedMinor:ongoing': 6,
    'unaccompaniedMinor:closing': 6,
    'sipCoordination:starting': 4,
    'sipCoordination:ongoing': 2,
    'sipCoordination:closing': 2,
  },
};

export const weightKeys: readonly WeightKey[] = workloadCaseTypes.flatMap((t) =>
  workloadPhases.map((p) => `${t}:${p}` as WeightKey),
);

/** The version in force on a day: the latest whose first day has come. */
export function weightSetOn(sets: readonly WeightSet[], day: IsoDate): WeightSet | null {
  let found: WeightSet | null = null;
  for (const set of sets)
    if (set.validFrom <= day && (!found || set.validFrom > found.validFrom)) found = set;
  return found;
}

export type WeightSetProblem =
  | { code: 'versionNotNext'; expected: number }
  | { code: 'validFromInvalid' }
  | { code: 'validFromInPast' }
  | { code: 'validFromNotAfterPrevious' }
  | { code: 'unknownKey'; key: string }
  | { code: 'weightInvalid'; key: string };

/** Most points one case may carry in one phase: a case worth a third of a full caseload. */
export const maxWeight = 50;

/**
 * A new version of the weights: the next number, from a day not in the past and after the
 * current version's (history keeps the weights it was computed with), each weight 0–50 in
 * half points.
 */
export function validateWeightSet(
  candidate: { version: number; validFrom: string; weights: Record<string, unknown> },
  existing: readonly WeightSet[],
  today: IsoDate,
): WeightSetProblem[] {
  const problems: WeightSetProblem[] = [];
  const expected = Math.max(0, ...existing.map((s) => s.version)) + 1;
  if (candidate.version !== expected) problems.push({ code: 'versionNotNext', expected });
  if (!isIsoDate(candidate.validFrom)) problems.push({ code: 'validFromInvalid' });
  else if (candidate.validFrom < today) problems.push({ code: 'validFromInPast' });
  else if (existing.some((s) => s.validFrom >= candidate.validFrom)) {
    problems.push({ code: 'validFromNotAfterPrevious' });
  }
  const known = new Set<string>(weightKeys);
  for (const [key, weight] of Object.entries(candidate.weights)) {
    if (!known.has(key)) problems.push({ code: 'unknownKey', key });
    else if (typeof weight !== 'number' || !(weight >= 0 && weight <= maxWeight) || (weight * 2) % 1 !== 0) {
      problems.push({ code: 'weightInvalid', key });
    }
  }
  return problems;
}

export interface ExperienceBand {
  /** Whole years of experience from which the band applies. */
  fromYears: number;
  /** Points for a full-time worker in the band. */
  capacity: number;
}

/** 150 points from five years' experience (the Nässjö variant of the model), lower before. */
export const defaultCapacityNorm: readonly ExperienceBand[] = [
  { fromYears: 0, capacity: 100 },
  { fromYears: 1, capacity: 120 },
  { fromYears: 3, capacity: 135 },
  { fromYears: 5, capacity: 150 },
];

export interface WorkerProfile {
  workerId: string;
  unitId: string;
  /** When the worker's relevant experience began (earlier employers included, as agreed locally). */
  experienceSince: IsoDate;
  /** Share of full time, 0–1. */
  fte: number;
}

export function experienceYears(experienceSince: IsoDate, on: IsoDate): number {
  return on < experienceSince ? 0 : ageOn(experienceSince, on);
}

export function capacityOn(norm: readonly ExperienceBand[], worker: WorkerProfile, day: IsoDate): number {
  const years = experienceYears(worker.experienceSince, day);
  const band = [...norm]
    .sort((a, b) => a.fromYears - b.fromYears)
    .filter((b) => b.fromYears <= years)
    .at(-1);
  return (band?.capacity ?? 0) * worker.fte;
}

/** A case on a worker's desk in one phase, for a stretch of days. */
export interface WorkloadAssignment {
  workerId: string;
  caseId: string;
  caseType: WorkloadCaseType;
  phase: WorkloadPhase;
  from: IsoDate;
  to: IsoDate | null;
}

export interface Load {
  day: IsoDate;
  points: number;
  weightVersion: number | null;
  items: { caseId: string; caseType: WorkloadCaseType; phase: WorkloadPhase; points: number }[];
  /** Assignments whose type and phase have no weight in the version: shown, so none is lost. */
  unweighted: string[];
}

/** A worker's load on a day: the points of every case assigned to them that day. */
export function loadOn(
  assignments: readonly WorkloadAssignment[],
  sets: readonly WeightSet[],
  day: IsoDate,
): Load {
  const set = weightSetOn(sets, day);
  const load: Load = { day, points: 0, weightVersion: set?.version ?? null, items: [], unweighted: [] };
  for (const a of assignments) {
    if (a.from > day || (a.to !== null && a.to < day)) continue;
    const points = set?.weights[`${a.caseType}:${a.phase}`];
    if (points === undefined) {
      load.unweighted.push(a.caseId);
      continue;
    }
    load.items.push({ caseId: a.caseId, caseType: a.caseType, phase: a.phase, points });
    load.points += points;
  }
  return load;
}

export interface MonthlyLoad extends Load {
  month: string;
  capacity: number;
  /** Points over capacity: 1 is a full caseload. */
  ratio: number | null;
}

/**
 * The load kept for a month: measured on its last day, or today for the month under way, so a
 * closed month never changes when weights change later.
 */
export function monthlyLoad(
  worker: WorkerProfile,
  assignments: readonly WorkloadAssignment[],
  sets: readonly WeightSet[],
  norm: readonly ExperienceBand[],
  month: string,
  today: IsoDate,
): MonthlyLoad {
  const lastDay = addDays(addMonths(`${month}-01`, 1), -1);
  const day = earlier(lastDay, today);
  const own = assignments.filter((a) => a.workerId === worker.workerId);
  const load = loadOn(own, sets, day);
  const capacity = capacityOn(norm, worker, day);
  return { ...load, month, capacity, ratio: capacity > 0 ? load.points / capacity : null };
}

export interface SelfAssessment {
  workerId: string;
  month: string;
  /** 1 = very light … 5 = far too heavy. */
  rating: 1 | 2 | 3 | 4 | 5;
  comment: string;
}

export const selfAssessmentCommentLimit = 2000;

export type SelfAssessmentProblem =
  | 'ratingRequired'
  | 'ratingInvalid'
  | 'commentTooLong'
  | 'monthInvalid'
  | 'monthInFuture';

/** The worker's own monthly rating, for this month or an earlier one, with an optional comment. */
export function validateSelfAssessment(
  input: { rating?: unknown; comment?: unknown; month?: unknown },
  today: IsoDate,
):
  | { ok: true; rating: SelfAssessment['rating']; comment: string; month: string }
  | { ok: false; problems: SelfAssessmentProblem[] } {
  const problems: SelfAssessmentProblem[] = [];
  const raw = typeof input.rating === 'string' ? input.rating.trim() : input.rating;
  const rating = raw === '' || raw === undefined || raw === null ? null : Number(raw);
  if (rating === null) problems.push('ratingRequired');
  else if (!Number.isInteger(rating) || rating < 1 || rating > 5) problems.push('ratingInvalid');
  const comment = typeof input.comment === 'string' ? input.comment.normalize('NFC').trim() : '';
  if (comment.length > selfAssessmentCommentLimit) problems.push('commentTooLong');
  const month = typeof input.month === 'string' ? input.month : '';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) problems.push('monthInvalid');
  else if (month > today.slice(0, 7)) problems.push('monthInFuture');
  if (problems.length) return { ok: false, problems };
  return { ok: true, rating: rating as SelfAssessment['rating'], comment, month };
}

export interface Viewer {
  userId: string;
  role: string;
  unitId: string | null;
}

/**
 * A self-assessment is seen by the worker and by the manager of the worker's unit, no one else:
 * not other workers, not other managers, not the statistics reader (issue 17). The rule the access
 * policy will hold when the feature is wired.
 */
export function maySeeSelfAssessment(viewer: Viewer, worker: { workerId: string; unitId: string }): boolean {
  if (viewer.userId === worker.workerId) return true;
  return viewer.role === 'manager' && viewer.unitId !== null && viewer.unitId === worker.unitId;
}

/**
 * A unit's load without names, for anyone above the unit: how many workers, how the loads spread,
 * how many are over their capacity. There is deliberately no function that orders named workers
 * by load across teams.
 */
export function unitLoadSummary(loads: readonly Pick<MonthlyLoad, 'ratio'>[]) {
  const ratios = loads.map((l) => l.ratio).filter((r): r is number => r !== null);
  return {
    workers: loads.length,
    medianRatio: median(ratios),
    overCapacity: ratios.filter((r) => r > 1).length,
    atOrUnderCapacity: ratios.filter((r) => r <= 1).length,
  };
}
