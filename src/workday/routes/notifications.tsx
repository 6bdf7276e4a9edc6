import { Type } from 'typebox';
import { withAccess } from '../../platform/access/scope.ts';
import { accessContext } from '../../platform/http/access-context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { requireSignedInPage } from '../../platform/http/guards.ts';
import { sendPage } from '../../platform/http/render.ts';
import { csrfField, Id, langQuery } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { pageContext } from '../../platform/layout/page-context.ts';
import { markNotificationsRead, readNotifications } from '../service/notifications.ts';
import { NotificationsPage } from '../views/notifications.tsx';

const pageOptions = { preHandler: requireSignedInPage, config: { personalData: true } };
const body = Type.Object({
  back: Type.Optional(Type.Union([Type.Literal('home'), Type.Literal('list')])),
  ...csrfField,
});
const backTo = { home: '/', list: '/notifications' } as const;

/** The user's notifications (a case assigned to them), and the marks that they were read. */
export async function notificationRoutes(app: App): Promise<void> {
  app.get(
    '/notifications',
    { ...pageOptions, schema: { querystring: Type.Object(langQuery), response: { 200: Type.String() } } },
    async (request, reply) => {
      const view = await withAccess(app.db, accessContext(request), (scope) =>
        readNotifications(scope, { unreadOnly: false, limit: 100, page: true }),
      );
      return sendPage(reply, <NotificationsPage ctx={pageContext(request)} view={view} />);
    },
  );
  app.post(
    '/notifications/:id/read',
    { ...pageOptions, schema: { params: Type.Object({ id: Id }), body } },
    async (request, reply) => {
      const marked = await withAccess(app.db, accessContext(request), (scope) =>
        markNotificationsRead(scope, request.params.id),
      );
      // Someone else's notification, or one already read: nothing to mark.
      if (!marked) throw notFound();
      return reply.redirect(backTo[request.body.back ?? 'list'], 303);
    },
  );
  app.post('/notifications/read-all', { ...pageOptions, schema: { body } }, async (request, reply) => {
    await withAccess(app.db, accessContext(request), (scope) => markNotificationsRead(scope, null));
    return reply.redirect(backTo[request.body.back ?? 'list'], 303);
  });
}
