import type { Kysely } from 'kysely';
import type { Actor } from '../platform/access/policy.ts';
import type { Database } from '../platform/db/schema.ts';
import type { FieldWarning } from './form.ts';

/**
 * The visible history of the collaboration layer: who changed what, and where the writer confirmed
 * that a text flagged by the guard names no child (docs/decisions/0101). Written in the same
 * transaction as the change and its audit event.
 */
export async function recordChange(
  db: Kysely<Database>,
  actor: Actor | null,
  change: {
    recordType: string;
    recordId: string;
    action: string;
    fields?: readonly string[];
    confirmedWarnings?: readonly FieldWarning[];
    note?: string;
  },
): Promise<void> {
  await db
    .insertInto('collaboration_change')
    .values({
      record_type: change.recordType,
      record_id: change.recordId,
      action: change.action,
      fields: [...(change.fields ?? [])],
      confirmed_warnings: JSON.stringify(change.confirmedWarnings ?? []),
      note: (change.note ?? '').slice(0, 2000),
      actor_user_id: actor?.userId ?? null,
      actor_name: actor?.displayName ?? '–',
    })
    .execute();
}
