import type { AccessScope } from '../../platform/access/scope.ts';
import { type AppointmentField, type AppointmentInput, validateAppointment } from '../domain/appointment.ts';
import { parseCaseListQuery } from '../domain/case-list.ts';
import { cancelAppointment, feedOf, insertAppointment, setFeed } from '../queries/calendar.ts';
import { casesFor } from '../queries/cases.ts';
import { hashFeedToken, newFeedToken } from './calendar.ts';
import { ownWorkday } from './own.ts';

/** The open cases a social worker holds, to book a visit for; each child offered is audited. */
export async function bookableCases(scope: AccessScope, today: string) {
  if (scope.actor.role !== 'socialWorker') return [];
  const parsed = parseCaseListQuery({ sort: 'child' }, today);
  if (!parsed.ok) return [];
  const rows = await casesFor(scope, { kind: 'responsible', userId: scope.actor.userId }, parsed.query);
  if (rows.length)
    await scope.audit(
      ...rows.map((r) => ({
        action: 'calendar.read',
        subjectPersonId: r.child_id,
        recordType: 'case',
        recordId: r.id,
      })),
    );
  return rows.map((r) => [r.id, `${r.family_name}, ${r.given_name}`] as const);
}

export async function feedState(scope: AccessScope) {
  return { since: (await feedOf(scope))?.created_at ?? null };
}

export async function book(
  scope: AccessScope,
  input: AppointmentInput,
  today: string,
): Promise<{ ok: true } | { ok: false; errors: AppointmentField[] }> {
  scope.authorize('calendar.manage', ownWorkday(scope));
  const cases = new Set((await bookableCases(scope, today)).map(([id]) => id));
  const checked = validateAppointment(input, cases);
  if (!checked.ok) return checked;
  const { id } = await insertAppointment(scope, checked.value);
  const childId = checked.value.caseId ? await childOfCase(scope, checked.value.caseId) : null;
  await scope.audit({
    action: 'calendar.manage',
    subjectPersonId: childId,
    recordType: 'calendarAppointment',
    recordId: id,
  });
  return { ok: true };
}

async function childOfCase(scope: AccessScope, caseId: string): Promise<string | null> {
  const row = await scope.db
    .selectFrom('child_case')
    .select('child_id')
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  return row?.child_id ?? null;
}

export async function cancel(scope: AccessScope, id: string): Promise<boolean> {
  scope.authorize('calendar.manage', ownWorkday(scope));
  const done = await cancelAppointment(scope, id);
  await scope.audit({ action: 'calendar.manage', recordType: 'calendarAppointment', recordId: id });
  return done;
}

/** A new secret address (the old one stops working), or none; the secret itself is never stored. */
export async function replaceFeed(scope: AccessScope, keep: boolean): Promise<string | null> {
  scope.authorize('calendar.manage', ownWorkday(scope));
  const token = keep ? newFeedToken() : null;
  await setFeed(scope, token ? hashFeedToken(token) : null);
  await scope.audit({ action: 'calendar.manage', recordType: 'calendarFeed', recordId: null });
  return token;
}
