import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { isIsoDate } from '../../deadlines/calendar.ts';
import { decide } from '../../platform/access/policy.ts';
import { todayFor } from '../../platform/clock.ts';
import { accessContext } from '../../platform/http/access-context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/http/render.ts';
import { Id, OptionalText } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import type { FieldErrors } from '../../platform/layout/forms.tsx';
import { pageContext } from '../../platform/layout/page-context.ts';
import { readReconsideration, recordConsideration } from '../service/consideration.ts';
import { placementResource } from '../service/scope.ts';
import { custodyTransferFactors } from '../validation.ts';
import { ReconsiderationPage } from '../views/reconsideration.tsx';
import { errorTexts, type Values } from '../views/shared.tsx';
import { pageOptions } from './pages.tsx';

const text = (maxLength = 20_000) => OptionalText(maxLength);
const params = Type.Object({ id: Id });

/** The reconsideration document (printable) and the committee's decision on it. */
export async function considerationRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    meetingOn: string,
    extra: { print?: boolean; errors?: FieldErrors; values?: Values },
    status = 200,
  ) {
    const view = await readReconsideration(app.db, accessContext(request), id, meetingOn);
    if (!view) throw notFound();
    const mayRecord = decide(
      request.actor,
      'placement.recordConsideration',
      placementResource(view.placement),
    ).allowed;
    return sendPage(
      reply,
      <ReconsiderationPage
        ctx={pageContext(request)}
        view={view}
        print={!!extra.print}
        mayRecord={mayRecord}
        {...extra}
      />,
      status,
    );
  }

  app.get(
    '/placements/:id/reconsideration',
    {
      ...pageOptions,
      schema: {
        params,
        querystring: Type.Object({ meeting: text(40), print: text(5), lang: text(5) }),
        response: { 200: Type.String() },
      },
    },
    async (request, reply) => {
      const meeting = request.query.meeting;
      const meetingOn = meeting && isIsoDate(meeting) ? meeting : today();
      return render(request, reply, request.params.id, meetingOn, { print: request.query.print === '1' });
    },
  );

  app.post(
    '/placements/:id/considerations',
    {
      ...pageOptions,
      schema: {
        params,
        body: Type.Object({
          considerationKind: text(40),
          decidedOn: text(40),
          decidedByKind: text(20),
          decidedByName: text(200),
          protocolReference: text(100),
          conclusion: text(),
          ...Object.fromEntries(custodyTransferFactors.map((f) => [`factor-${f}`, text(5000)])),
          _csrf: text(200),
        }),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const values = request.body as Values;
      const outcome = await recordConsideration(app.db, accessContext(request), id, values, today());
      if (!outcome) throw notFound();
      if (outcome.ok) return reply.redirect(`/placements/${id}?notice=considerationSaved`, 303);
      const decidedOn =
        typeof values.decidedOn === 'string' && isIsoDate(values.decidedOn) ? values.decidedOn : today();
      return render(
        request,
        reply,
        id,
        decidedOn,
        { errors: errorTexts(outcome.errors, request.lang), values },
        400,
      );
    },
  );
}
