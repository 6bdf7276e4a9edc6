import { Type } from 'typebox';
import { accessContext } from '../../platform/http/access-context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/http/render.ts';
import { Text } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { pageContext } from '../../platform/layout/page-context.ts';
import { contentErrors } from '../messages.ts';
import { agree, closeSip, recordFollowUp, revise } from '../service/lifecycle.ts';
import { readSip } from '../service/read.ts';
import { FollowUpPage } from '../views/lifecycle.tsx';
import { afterWrite, csrf, html, page, pageQuery, sipParams, text } from './shared.tsx';

/**
 * Agreement by each party, revision, each action's status, follow-ups and closing.
 */
export async function sipLifecycleRoutes(app: App): Promise<void> {
  app.post(
    '/sips/:id/agreement',
    { ...page, schema: { params: sipParams, body: Type.Object(csrf) } },
    async (request, reply) => {
      const { active } = await agree(app.db, accessContext(request), request.params.id);
      return reply.redirect(
        `/sips/${request.params.id}?notice=${active ? 'nowActive' : 'agreed'}#agreement-heading`,
        303,
      );
    },
  );

  app.post(
    '/sips/:id/revise',
    { ...page, schema: { params: sipParams, body: Type.Object(csrf) } },
    async (request, reply) => {
      await revise(app.db, accessContext(request), request.params.id);
      return reply.redirect(`/sips/${request.params.id}?notice=revised`, 303);
    },
  );

  app.get(
    '/sips/:id/follow-up',
    { ...page, schema: { params: sipParams, querystring: pageQuery, response: html } },
    async (request, reply) => {
      const view = await readSip(app.db, accessContext(request), request.params.id);
      if (!view.can.followUp) throw notFound();
      return sendPage(reply, <FollowUpPage ctx={pageContext(request)} view={view} />);
    },
  );

  app.post(
    '/sips/:id/follow-up',
    {
      ...page,
      schema: {
        params: sipParams,
        // Each action's status and note come as status-<id> and note-<id>.
        body: Type.Object(
          { heldOn: text(20), note: text(8000), nextFollowUpOn: text(20), ...csrf },
          { additionalProperties: Text(2000), maxProperties: 500 },
        ),
      },
    },
    async (request, reply) => {
      const body = request.body as Record<string, string | undefined>;
      const statuses: Record<string, { status?: string; note?: string }> = {};
      for (const [key, value] of Object.entries(body)) {
        const match = /^(status|note)-([0-9a-f-]{36})$/.exec(key);
        if (!match || value === undefined) continue;
        const [, field, actionId] = match as unknown as [string, 'status' | 'note', string];
        statuses[actionId] = { ...statuses[actionId], [field]: value };
      }
      const outcome = await recordFollowUp(app.db, accessContext(request), request.params.id, {
        heldOn: body.heldOn,
        note: body.note,
        nextFollowUpOn: body.nextFollowUpOn,
        statuses,
      });
      if (outcome.ok)
        return reply.redirect(`/sips/${request.params.id}?notice=followUpSaved#follow-ups-heading`, 303);
      const view = await readSip(app.db, accessContext(request), request.params.id);
      return sendPage(
        reply,
        <FollowUpPage
          ctx={pageContext(request)}
          view={view}
          errors={contentErrors(outcome.errors, request.lang)}
          values={body}
        />,
        400,
      );
    },
  );

  app.post(
    '/sips/:id/close',
    {
      ...page,
      schema: {
        params: sipParams,
        body: Type.Object({ reason: text(40), closeNote: text(4000), confirmClose: text(5), ...csrf }),
      },
    },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await closeSip(app.db, accessContext(request), request.params.id, {
          reason: request.body.reason,
          note: request.body.closeNote,
          confirm: request.body.confirmClose,
        }),
        'closed',
      ),
  );
}
