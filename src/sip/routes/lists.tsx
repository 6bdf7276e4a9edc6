import { Type } from 'typebox';
import { ensureAllowed } from '../../platform/access/scope.ts';
import { accessContext } from '../../platform/http/access-context.ts';
import { requireSignedInPage } from '../../platform/http/guards.ts';
import { sendPage } from '../../platform/http/render.ts';
import { isId } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { pageContext } from '../../platform/layout/page-context.ts';
import { requestErrors } from '../messages.ts';
import { type SipStatus, sipStatuses } from '../schema.ts';
import { listSips } from '../service/lists.ts';
import { isSocialServices } from '../service/scope.ts';
import { requestSip, startSip } from '../service/start.ts';
import { SipListPage } from '../views/list-page.tsx';
import { RequestPage } from '../views/request.tsx';
import { csrf, html, noticeOf, page, pageQuery, text, uuid } from './shared.tsx';

/**
 * The plans' lists and a partner's request for a plan: social services sees the municipality's,
 * a partner its organisation's (and what it asked for).
 */
export async function sipListRoutes(app: App): Promise<void> {
  app.get(
    '/sips',
    {
      ...page,
      schema: {
        querystring: Type.Object({
          child: text(60),
          status: text(20),
          mine: text(5),
          notice: text(40),
          lang: text(5),
        }),
        response: html,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const childId = isId(q.child) ? q.child : undefined;
      const status = sipStatuses.includes(q.status as SipStatus) ? (q.status as SipStatus) : undefined;
      const listing = await listSips(app.db, accessContext(request), {
        childId,
        status,
        mine: q.mine === 'on',
      });
      const first = childId ? listing.rows.find((r) => r.child_id === childId) : undefined;
      const ctx = pageContext(request);
      return sendPage(
        reply,
        <SipListPage
          ctx={ctx}
          listing={listing}
          filter={{ status: status ?? '', mine: q.mine === 'on', child: childId ?? '' }}
          childName={first?.given_name ? `${first.given_name} ${first.family_name}` : null}
          partner={!isSocialServices(request.actor)}
          notice={noticeOf(request, q.notice)}
        />,
      );
    },
  );

  app.post(
    '/sips',
    { ...page, schema: { body: Type.Object({ childId: uuid, caseId: Type.Optional(uuid), ...csrf }) } },
    async (request, reply) => {
      const { id, existing } = await startSip(
        app.db,
        accessContext(request),
        request.body.childId,
        request.body.caseId,
      );
      return reply.redirect(`/sips/${id}?notice=${existing ? 'alreadyOpen' : 'started'}`, 303);
    },
  );

  // ---- A partner's request ----

  // An empty form: no one's data is shown.
  app.get(
    '/sips/request',
    { preHandler: requireSignedInPage, schema: { querystring: pageQuery, response: html } },
    async (request, reply) => {
      ensureAllowed(request.actor, 'sip.request', {
        type: 'sipRegister',
        municipalityId: request.actor?.municipalityId ?? '',
      });
      return sendPage(reply, <RequestPage ctx={pageContext(request)} />);
    },
  );

  app.post(
    '/sips/requests',
    {
      ...page,
      schema: {
        body: Type.Object({
          childName: text(400),
          personalNumber: text(40),
          reason: text(8000),
          guardiansAgree: text(5),
          ...csrf,
        }),
      },
    },
    async (request, reply) => {
      const outcome = await requestSip(app.db, accessContext(request), request.body);
      if (outcome.ok) return reply.redirect('/sips?notice=requestSent', 303);
      return sendPage(
        reply,
        <RequestPage
          ctx={pageContext(request)}
          errors={requestErrors(outcome.errors, request.lang)}
          values={request.body}
        />,
        400,
      );
    },
  );
}
