import type { Kysely } from 'kysely';
import { addDays, addMonths, type IsoDate } from '../deadlines/calendar.ts';
import { todayInSweden } from '../platform/dates.ts';
import type { Database } from '../platform/db/schema.ts';
import type { CareBasis } from './inputs.ts';
import { earlier } from './periods.ts';
import {
  capacityOn,
  defaultCapacityNorm,
  defaultWeightSet,
  type ExperienceBand,
  loadOn,
  type WeightSet,
} from './workload.ts';
import { liveAssignments } from './workload-live.ts';
import type { KeptLoadItem } from './workload-schema.ts';

type Db = Kysely<Database>;

/** A version of the municipality's settings: the weights and the capacity norm with them. */
export interface WorkloadSettings extends WeightSet {
  norm: readonly ExperienceBand[];
}

/** Samtak's defaults as version 0, in force until the municipality saves its own (decision 0096). */
export const defaultSettings: WorkloadSettings = {
  ...defaultWeightSet,
  version: 0,
  norm: defaultCapacityNorm,
};

export async function settingsOf(db: Db, municipalityId: string): Promise<WorkloadSettings[]> {
  const rows = await db
    .selectFrom('workload_weight_set')
    .select(['version', 'valid_from', 'weights', 'norm'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('version')
    .execute();
  return [
    defaultSettings,
    ...rows.map((r) => ({
      version: r.version,
      validFrom: r.valid_from,
      weights: r.weights,
      norm: r.norm,
    })),
  ];
}

export function settingsOn(sets: readonly WorkloadSettings[], day: IsoDate): WorkloadSettings {
  let found = sets[0]!;
  for (const s of sets) if (s.validFrom <= day && s.validFrom >= found.validFrom) found = s;
  return found;
}

/** Everything assigned to the given workers today, from the cases, placements and plans. */
export async function assignmentsOf(
  db: Db,
  municipalityId: string,
  workerIds: readonly string[],
  today: IsoDate,
) {
  if (workerIds.length === 0) return [];
  const cases = await db
    .selectFrom('child_case')
    .select([
      'id',
      'responsible_user_id',
      'phase',
      'opened_on',
      'investigation_opened_on',
      'concluded_on',
      'closed_on',
      'follow_up_planned',
      'follow_up_done_on',
    ])
    .where('municipality_id', '=', municipalityId)
    .where('responsible_user_id', 'in', workerIds)
    .where((eb) =>
      eb.or([
        eb('phase', '<>', 'closed'),
        eb.and([eb('follow_up_planned', '=', true), eb('follow_up_done_on', 'is', null)]),
      ]),
    )
    .execute();
  const placements = await db
    .selectFrom('placement as p')
    .select((eb) => [
      'p.id',
      'p.designated_worker_id',
      'p.created_at',
      eb
        .selectFrom('placement_decision as d')
        .select('d.basis')
        .whereRef('d.placement_id', '=', 'p.id')
        .where('d.municipality_id', '=', municipalityId)
        .orderBy('d.decided_on', 'desc')
        .limit(1)
        .as('basis'),
      eb
        .selectFrom('placement_period as pp')
        .select('pp.started_on')
        .whereRef('pp.placement_id', '=', 'p.id')
        .where('pp.municipality_id', '=', municipalityId)
        .orderBy('pp.started_on')
        .limit(1)
        .as('started_on'),
      eb
        .exists(
          eb
            .selectFrom('unaccompanied_minor as u')
            .select('u.child_id')
            .whereRef('u.child_id', '=', 'p.child_id')
            .where('u.municipality_id', '=', municipalityId),
        )
        .as('unaccompanied'),
    ])
    .where('p.municipality_id', '=', municipalityId)
    .where('p.designated_worker_id', 'in', workerIds)
    .where('p.ended_on', 'is', null)
    .execute();
  const sips = await db
    .selectFrom('sip')
    .select(['id', 'coordinator_user_id', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .where('coordinator_user_id', 'in', workerIds)
    .where('status', 'in', ['draft', 'active'])
    .execute();
  return liveAssignments(
    {
      cases: cases.map((c) => ({
        id: c.id,
        responsibleUserId: c.responsible_user_id,
        phase: c.phase,
        openedOn: c.opened_on,
        investigationOpenedOn: c.investigation_opened_on,
        concludedOn: c.concluded_on,
        closedOn: c.closed_on,
        followUpPending: c.follow_up_planned && !c.follow_up_done_on,
      })),
      placements: placements.map((p) => ({
        id: p.id,
        designatedWorkerId: p.designated_worker_id,
        basis: (p.basis ?? null) as CareBasis | null,
        startedOn: p.started_on ?? todayInSweden(new Date(p.created_at)),
        unaccompanied: Boolean(p.unaccompanied),
      })),
      sips: sips.map((s) => ({
        id: s.id,
        coordinatorUserId: s.coordinator_user_id,
        startedOn: todayInSweden(new Date(s.created_at)),
      })),
    },
    today,
  );
}

export interface KeptMonth {
  userId: string;
  month: string;
  measuredOn: IsoDate;
  points: number;
  /** Null while the worker's experience is not recorded. */
  capacity: number | null;
  ratio: number | null;
  weightVersion: number | null;
  items: KeptLoadItem[];
  unweighted: string[];
}

/**
 * Recomputes the running month's load of these workers from their assignments today and keeps it
 * (decision 0096): called in the transaction of every assignment change and whenever a workload
 * page is shown, so the kept month is the load of its last day the app saw. Earlier months are
 * never recomputed.
 */
export async function recomputeMonth(
  db: Db,
  municipalityId: string,
  workerIds: readonly string[],
  today: IsoDate,
): Promise<void> {
  if (workerIds.length === 0) return;
  const sets = await settingsOf(db, municipalityId);
  const settings = settingsOn(sets, today);
  const assignments = await assignmentsOf(db, municipalityId, workerIds, today);
  const profiles = await profilesOf(db, municipalityId, workerIds);
  const month = today.slice(0, 7);
  const rows = workerIds.map((workerId) => {
    const load = loadOn(
      assignments.filter((a) => a.workerId === workerId),
      [settings],
      today,
    );
    const profile = profiles.get(workerId);
    const capacity = profile ? capacityOn(settings.norm, { workerId, unitId: '', ...profile }, today) : 0;
    return {
      municipality_id: municipalityId,
      user_id: workerId,
      month,
      measured_on: today,
      points: load.points,
      capacity,
      weight_version: load.weightVersion,
      items: JSON.stringify({ items: load.items, unweighted: load.unweighted }),
      recomputed_at: new Date(),
    };
  });
  // One statement for all the workers, so a unit's page costs the same few queries however large.
  await db
    .insertInto('workload_month')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'user_id', 'month']).doUpdateSet((eb) => ({
        measured_on: eb.ref('excluded.measured_on'),
        points: eb.ref('excluded.points'),
        capacity: eb.ref('excluded.capacity'),
        weight_version: eb.ref('excluded.weight_version'),
        items: eb.ref('excluded.items'),
        recomputed_at: eb.ref('excluded.recomputed_at'),
      })),
    )
    .execute();
}

/** The active workers who carry cases (social and intake workers), by unit and name. */
export function caseWorkers(db: Db, municipalityId: string) {
  return db
    .selectFrom('user_account')
    .select(['id', 'display_name', 'role', 'unit_id'])
    .where('municipality_id', '=', municipalityId)
    .where('active', '=', true)
    .where('role', 'in', ['socialWorker', 'intakeWorker'])
    .where('unit_id', 'is not', null)
    .orderBy('display_name')
    .execute();
}

export async function profilesOf(db: Db, municipalityId: string, workerIds: readonly string[]) {
  const map = new Map<string, { experienceSince: IsoDate; fte: number }>();
  if (workerIds.length === 0) return map;
  const rows = await db
    .selectFrom('workload_profile')
    .select(['user_id', 'experience_since', 'fte'])
    .where('municipality_id', '=', municipalityId)
    .where('user_id', 'in', workerIds)
    .execute();
  for (const r of rows) map.set(r.user_id, { experienceSince: r.experience_since, fte: Number(r.fte) });
  return map;
}

/** The kept months of these workers, newest first, from `fromMonth` on. */
export async function keptMonths(
  db: Db,
  municipalityId: string,
  workerIds: readonly string[],
  fromMonth: string,
): Promise<KeptMonth[]> {
  if (workerIds.length === 0) return [];
  const rows = await db
    .selectFrom('workload_month')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('user_id', 'in', workerIds)
    .where('month', '>=', fromMonth)
    .orderBy('month', 'desc')
    .execute();
  return rows.map((r) => {
    const capacity = Number(r.capacity) > 0 ? Number(r.capacity) : null;
    const points = Number(r.points);
    return {
      userId: r.user_id,
      month: r.month,
      measuredOn: r.measured_on,
      points,
      capacity,
      ratio: capacity ? points / capacity : null,
      weightVersion: r.weight_version,
      items: r.items.items,
      unweighted: r.items.unweighted,
    };
  });
}

export async function selfAssessmentsOf(
  db: Db,
  municipalityId: string,
  workerIds: readonly string[],
  fromMonth: string,
) {
  if (workerIds.length === 0) return [];
  return db
    .selectFrom('workload_self_assessment')
    .select(['user_id', 'month', 'rating', 'comment', 'updated_at'])
    .where('municipality_id', '=', municipalityId)
    .where('user_id', 'in', workerIds)
    .where('month', '>=', fromMonth)
    .orderBy('month', 'desc')
    .execute();
}

/** The first month of the twelve shown, counting the running one. */
export function firstShownMonth(today: IsoDate): string {
  return addMonths(`${today.slice(0, 7)}-01`, -11).slice(0, 7);
}

/** The last day of a month, or today for the running one. */
export function measuringDay(month: string, today: IsoDate): IsoDate {
  return earlier(addDays(addMonths(`${month}-01`, 1), -1), today);
}

/** The workers of a unit who carry cases: social and intake workers, active, by name. */
export function workersOfUnit(db: Db, municipalityId: string, unitId: string) {
  return db
    .selectFrom('user_account')
    .select(['id', 'display_name', 'role', 'unit_id'])
    .where('municipality_id', '=', municipalityId)
    .where('unit_id', '=', unitId)
    .where('active', '=', true)
    .where('role', 'in', ['socialWorker', 'intakeWorker'])
    .orderBy('display_name')
    .execute();
}
