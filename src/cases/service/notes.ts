import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { requireDate, requireText, type StepError } from '../domain.ts';
import { onCase } from './step.ts';

/** A case note, signed by its author when saved; a correction points at the note it corrects. */
export function writeNote(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  input: { eventDate?: string | undefined; body?: string | undefined; correctsNoteId?: string | undefined },
  today: string,
) {
  return onCase(db, context, id, 'caseNote.write', async (scope, c) => {
    const errors: StepError[] = [];
    const eventDate = requireDate(errors, 'eventDate', input.eventDate, today, { notInFuture: true });
    const body = requireText(errors, 'body', input.body);
    let corrects: string | null = null;
    if (input.correctsNoteId) {
      const old = await scope.db
        .selectFrom('case_note')
        .select('id')
        .where('municipality_id', '=', c.municipality_id)
        .where('case_id', '=', c.id)
        .where('id', '=', input.correctsNoteId)
        .executeTakeFirst();
      if (!old) errors.push({ field: 'correctsNoteId', code: 'invalid' });
      else corrects = old.id;
    }
    if (errors.length || !eventDate || !body) return { ok: false, errors };
    await scope.db
      .insertInto('case_note')
      .values({
        municipality_id: c.municipality_id,
        case_id: c.id,
        event_date: eventDate,
        body,
        author_id: scope.actor.userId,
        author_name: scope.actor.displayName,
        corrects_note_id: corrects,
      })
      .execute();
    return { ok: true };
  });
}
