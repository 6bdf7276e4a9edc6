import type { Kysely } from 'kysely';
import { isIsoDate } from '../deadlines/calendar.ts';
import type { AccessScope } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import {
  type EmploymentRow,
  type EndReason,
  endReasons,
  type MentorshipRow,
  type StaffRole,
  staffRoles,
} from './staff.ts';

/**
 * The staff register: employments and mentorships as the administrator records them, read back
 * as the rows `staff.ts` computes turnover, consultants, workers per manager and mentors from.
 */

type Db = Kysely<Database>;

export async function employmentsOf(db: Db, municipalityId: string): Promise<EmploymentRow[]> {
  const rows = await db
    .selectFrom('employment')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('started_on')
    .execute();
  return rows.map((e) => ({
    id: e.id,
    workerId: e.staff_member_id,
    unitId: e.unit_id,
    role: e.role,
    startedOn: e.started_on,
    endedOn: e.ended_on,
    endReason: e.end_reason,
    consultant: e.consultant,
    fte: Number(e.fte),
  }));
}

export async function mentorshipsOf(db: Db, municipalityId: string): Promise<MentorshipRow[]> {
  const rows = await db
    .selectFrom('mentorship')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .execute();
  return rows.map((m) => ({
    mentorId: m.mentor_id,
    menteeId: m.mentee_id,
    from: m.from_on,
    to: m.to_on,
    hoursPerWeek: Number(m.hours_per_week),
  }));
}

/** The register as the administrator's page lists it, newest first. */
export function staffListing(db: Db, municipalityId: string) {
  return db
    .selectFrom('employment as e')
    .innerJoin('staff_member as s', (j) =>
      j.onRef('s.id', '=', 'e.staff_member_id').onRef('s.municipality_id', '=', 'e.municipality_id'),
    )
    .innerJoin('unit as u', (j) =>
      j.onRef('u.id', '=', 'e.unit_id').onRef('u.municipality_id', '=', 'e.municipality_id'),
    )
    .select([
      'e.id',
      'e.staff_member_id',
      's.name',
      'u.name as unit_name',
      'e.role',
      'e.started_on',
      'e.ended_on',
      'e.end_reason',
      'e.consultant',
      'e.fte',
    ])
    .where('e.municipality_id', '=', municipalityId)
    .orderBy('e.started_on', 'desc')
    .orderBy('s.name')
    .execute();
}

export function mentorshipListing(db: Db, municipalityId: string) {
  return db
    .selectFrom('mentorship as m')
    .innerJoin('staff_member as a', (j) =>
      j.onRef('a.id', '=', 'm.mentor_id').onRef('a.municipality_id', '=', 'm.municipality_id'),
    )
    .innerJoin('staff_member as b', (j) =>
      j.onRef('b.id', '=', 'm.mentee_id').onRef('b.municipality_id', '=', 'm.municipality_id'),
    )
    .select(['m.id', 'a.name as mentor', 'b.name as mentee', 'm.from_on', 'm.to_on', 'm.hours_per_week'])
    .where('m.municipality_id', '=', municipalityId)
    .orderBy('m.from_on', 'desc')
    .execute();
}

export type StaffProblem =
  | 'nameRequired'
  | 'unitInvalid'
  | 'roleInvalid'
  | 'dateInvalid'
  | 'endBeforeStart'
  | 'reasonInvalid'
  | 'fteInvalid'
  | 'hoursInvalid'
  | 'sameWorker'
  | 'workerInvalid';

export interface EmploymentInput {
  name: string;
  unitId: string;
  role: StaffRole;
  startedOn: string;
  consultant: boolean;
  fte: number;
}

const decimal = (text: string) => Number(text.trim().replace(',', '.'));

/** A new employment from the form, or the problem of each field. */
export function validateEmployment(
  form: Record<string, string | undefined>,
  unitIds: readonly string[],
): { ok: true; value: EmploymentInput } | { ok: false; errors: Record<string, StaffProblem> } {
  const errors: Record<string, StaffProblem> = {};
  const name = (form.name ?? '').trim();
  if (!name) errors.name = 'nameRequired';
  if (!unitIds.includes(form.unitId ?? '')) errors.unitId = 'unitInvalid';
  if (!(staffRoles as readonly string[]).includes(form.role ?? '')) errors.role = 'roleInvalid';
  if (!isIsoDate(form.startedOn ?? '')) errors.startedOn = 'dateInvalid';
  const fte = form.fte === undefined || form.fte.trim() === '' ? 1 : decimal(form.fte);
  if (!(fte >= 0.05 && fte <= 1) || Math.round(fte * 100) !== fte * 100) errors.fte = 'fteInvalid';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      unitId: form.unitId!,
      role: form.role as StaffRole,
      startedOn: form.startedOn!,
      consultant: form.consultant === 'on',
      fte,
    },
  };
}

export function validateEnd(
  form: Record<string, string | undefined>,
  startedOn: string,
): { ok: true; endedOn: string; reason: EndReason } | { ok: false; errors: Record<string, StaffProblem> } {
  const errors: Record<string, StaffProblem> = {};
  const endedOn = form.endedOn ?? '';
  if (!isIsoDate(endedOn)) errors.endedOn = 'dateInvalid';
  else if (endedOn < startedOn) errors.endedOn = 'endBeforeStart';
  if (!(endReasons as readonly string[]).includes(form.endReason ?? '')) errors.endReason = 'reasonInvalid';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, endedOn, reason: form.endReason as EndReason };
}

export function validateMentorship(
  form: Record<string, string | undefined>,
  memberIds: readonly string[],
):
  | { ok: true; value: { mentorId: string; menteeId: string; from: string; hours: number } }
  | { ok: false; errors: Record<string, StaffProblem> } {
  const errors: Record<string, StaffProblem> = {};
  if (!memberIds.includes(form.mentorId ?? '')) errors.mentorId = 'workerInvalid';
  if (!memberIds.includes(form.menteeId ?? '')) errors.menteeId = 'workerInvalid';
  else if (form.menteeId === form.mentorId) errors.menteeId = 'sameWorker';
  if (!isIsoDate(form.fromOn ?? '')) errors.fromOn = 'dateInvalid';
  const hours = decimal(form.hoursPerWeek ?? '');
  if (!(hours >= 0 && hours <= 40) || Math.round(hours * 10) !== hours * 10)
    errors.hoursPerWeek = 'hoursInvalid';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: { mentorId: form.mentorId!, menteeId: form.menteeId!, from: form.fromOn!, hours },
  };
}

/** Records an employment, under the staff member of that name or a new one. */
export async function addEmployment(scope: AccessScope, input: EmploymentInput): Promise<string> {
  const m = scope.actor.municipalityId;
  const existing = await scope.db
    .selectFrom('staff_member')
    .select('id')
    .where('municipality_id', '=', m)
    .where('name', '=', input.name)
    .executeTakeFirst();
  const memberId =
    existing?.id ??
    (
      await scope.db
        .insertInto('staff_member')
        .values({ municipality_id: m, name: input.name })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const row = await scope.db
    .insertInto('employment')
    .values({
      municipality_id: m,
      staff_member_id: memberId,
      unit_id: input.unitId,
      role: input.role,
      started_on: input.startedOn,
      consultant: input.consultant,
      fte: input.fte,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
