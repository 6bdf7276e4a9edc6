import type { CaseAssignedHook } from '../../cases/sections.ts';
import type { AccessScope } from '../../platform/access/scope.ts';
import {
  insertNotification,
  markRead,
  type NotificationRow,
  notificationsOf,
  unreadCount,
} from '../queries/notifications.ts';
import { ownWorkday } from './own.ts';

/** The user's own notifications: authorised as theirs, each child named in one audited. */

/** Run in the assignment's scope (src/cases): the worker is told in the app. */
export const notifyAssigned: CaseAssignedHook = async (scope, { case: c, workerId }) => {
  await insertNotification(scope, {
    userId: workerId,
    kind: 'caseAssigned',
    caseId: c.id,
    childId: c.child_id,
  });
};

export interface NotificationsView {
  items: NotificationRow[];
  unread: number;
}

export async function readNotifications(
  scope: AccessScope,
  options: { unreadOnly: boolean; limit: number; page?: boolean },
): Promise<NotificationsView> {
  scope.authorize('notification.read', ownWorkday(scope));
  const [items, unread] = await Promise.all([notificationsOf(scope, options), unreadCount(scope)]);
  const named = items.filter((n) => n.child_id);
  // The page itself is a look at the user's own list, recorded even when it names no one.
  if (options.page) await scope.audit({ action: 'notification.read', recordType: 'notificationList' });
  if (named.length)
    await scope.audit(
      ...named.map((n) => ({
        action: 'notification.read',
        subjectPersonId: n.child_id,
        recordType: 'case',
        recordId: n.case_id,
      })),
    );
  return { items, unread };
}

/** Marks the user's own notification read (null: all of them); false when there was none to mark. */
export async function markNotificationsRead(scope: AccessScope, id: string | null): Promise<boolean> {
  scope.authorize('notification.read', ownWorkday(scope));
  const marked = await markRead(scope, id);
  await scope.audit({ action: 'notification.read', recordType: 'notification', recordId: id });
  return marked > 0 || id === null;
}
