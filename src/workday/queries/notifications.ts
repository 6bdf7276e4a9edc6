import type { AccessScope } from '../../platform/access/scope.ts';
import type { NotificationKind } from '../schema.ts';

/** The notifications of the signed-in user; the municipality and the user come from the scope. */

export async function insertNotification(
  scope: AccessScope,
  values: { userId: string; kind: NotificationKind; caseId: string; childId: string },
) {
  await scope.db
    .insertInto('workday_notification')
    .values({
      municipality_id: scope.actor.municipalityId,
      user_id: values.userId,
      kind: values.kind,
      case_id: values.caseId,
      child_id: values.childId,
      created_by: scope.actor.userId,
    })
    .execute();
}

/** The newest notifications first, with the child's name and who caused them. */
export async function notificationsOf(scope: AccessScope, options: { unreadOnly: boolean; limit: number }) {
  return scope.db
    .selectFrom('workday_notification as n')
    .leftJoin('person as p', (join) =>
      join.onRef('p.municipality_id', '=', 'n.municipality_id').onRef('p.id', '=', 'n.child_id'),
    )
    .leftJoin('user_account as u', (join) =>
      join.onRef('u.municipality_id', '=', 'n.municipality_id').onRef('u.id', '=', 'n.created_by'),
    )
    .select([
      'n.id',
      'n.kind',
      'n.case_id',
      'n.child_id',
      'n.created_at',
      'n.read_at',
      'p.given_name',
      'p.family_name',
      'u.display_name as created_by_name',
    ])
    .where('n.municipality_id', '=', scope.actor.municipalityId)
    .where('n.user_id', '=', scope.actor.userId)
    .$if(options.unreadOnly, (q) => q.where('n.read_at', 'is', null))
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .limit(options.limit)
    .execute();
}

export type NotificationRow = Awaited<ReturnType<typeof notificationsOf>>[number];

export async function unreadCount(scope: AccessScope): Promise<number> {
  const row = await scope.db
    .selectFrom('workday_notification')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('user_id', '=', scope.actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one notification (or all when id is null) as read; how many were marked. */
export async function markRead(scope: AccessScope, id: string | null): Promise<number> {
  const result = await scope.db
    .updateTable('workday_notification')
    .set({ read_at: new Date() })
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('user_id', '=', scope.actor.userId)
    .where('read_at', 'is', null)
    .$if(id !== null, (q) => q.where('id', '=', id ?? ''))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
