import { isIsoDate } from '../../deadlines/calendar.ts';
import { entryFor } from '../../platform/lookup.ts';
import type { AppointmentKind } from '../schema.ts';
import { parseTime, stockholmInstant } from './week.ts';

/** A visit or a meeting the worker books in their calendar, as typed in the form. */
export interface AppointmentInput {
  kind?: string | undefined;
  date?: string | undefined;
  start?: string | undefined;
  end?: string | undefined;
  place?: string | undefined;
  caseId?: string | undefined;
  note?: string | undefined;
}

export type AppointmentField = 'kind' | 'date' | 'start' | 'end' | 'case' | 'place' | 'note';

export interface ValidAppointment {
  kind: AppointmentKind;
  date: string;
  start: Date;
  end: Date;
  place: string;
  note: string;
  caseId: string | null;
}

const kinds: Record<AppointmentKind, AppointmentKind> = { visit: 'visit', meeting: 'meeting' };

/** Checks the form against the cases the worker may book for; every fault by field. */
export function validateAppointment(
  input: AppointmentInput,
  caseIds: ReadonlySet<string>,
): { ok: true; value: ValidAppointment } | { ok: false; errors: AppointmentField[] } {
  const errors: AppointmentField[] = [];
  const kind = entryFor(kinds, input.kind);
  if (!kind) errors.push('kind');
  const date = (input.date ?? '').trim();
  const dateOk = isIsoDate(date) && date >= '2000-01-01' && date <= '2100-12-31';
  if (!dateOk) errors.push('date');
  const start = parseTime(input.start ?? '');
  if (start === null) errors.push('start');
  const end = parseTime(input.end ?? '');
  if (end === null || (start !== null && end <= start)) errors.push('end');
  const caseId = (input.caseId ?? '').trim() || null;
  if (caseId && !caseIds.has(caseId)) errors.push('case');
  const place = (input.place ?? '').trim();
  if (place.length > 200) errors.push('place');
  const note = (input.note ?? '').trim();
  if (note.length > 2000) errors.push('note');
  if (errors.length || !kind || start === null || end === null) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind,
      date,
      start: stockholmInstant(date, start),
      end: stockholmInstant(date, end),
      place,
      note,
      caseId,
    },
  };
}
