import { Type } from 'typebox';
import { peopleTexts } from '../../people/i18n/index.ts';
import { accessContext } from '../../platform/http/access-context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/http/render.ts';
import type { App } from '../../platform/http/types.ts';
import { pageContext } from '../../platform/layout/page-context.ts';
import { sipTexts } from '../i18n/index.ts';
import { contentErrors } from '../messages.ts';
import {
  addAction,
  addGoal,
  addNeed,
  type ContentKind,
  inviteOrganisation,
  removeContent,
  removeParticipant,
  updateFrame,
} from '../service/content.ts';
import { reportActionStatus } from '../service/lifecycle.ts';
import { readSip } from '../service/read.ts';
import { acceptRequest, declineRequest } from '../service/start.ts';
import { FramePage } from '../views/frame-page.tsx';
import { PrintPage } from '../views/print-page.tsx';
import {
  afterWrite,
  csrf,
  html,
  noticeOf,
  page,
  pageQuery,
  showPlan,
  sipParams,
  text,
  uuid,
} from './shared.tsx';

/**
 * One plan: its page, print, starting and accepting, and the coordinator's draft (the frame,
 * parties, needs, goals, actions). Partners reach the same pages, and see what the policy and
 * the family's consent let them see.
 */
export async function sipPlanRoutes(app: App): Promise<void> {
  app.get(
    '/sips/:id',
    { ...page, schema: { params: sipParams, querystring: pageQuery, response: html } },
    async (request, reply) =>
      showPlan(request, reply, request.params.id, { notice: noticeOf(request, request.query.notice) }),
  );

  app.get(
    '/sips/:id/print',
    { ...page, schema: { params: sipParams, querystring: pageQuery, response: html } },
    async (request, reply) => {
      const view = await readSip(app.db, accessContext(request), request.params.id, 'print');
      if (view.kind === 'request') throw notFound();
      return sendPage(reply, <PrintPage ctx={pageContext(request)} view={view} />);
    },
  );

  app.post(
    '/sips/:id/accept',
    { ...page, schema: { params: sipParams, body: Type.Object({ personalNumber: text(40), ...csrf }) } },
    async (request, reply) => {
      const outcome = await acceptRequest(
        app.db,
        accessContext(request),
        request.params.id,
        request.body.personalNumber,
      );
      if (outcome.ok) return reply.redirect(`/sips/${request.params.id}?notice=requestAccepted`, 303);
      const tx = sipTexts(request.lang);
      return showPlan(
        request,
        reply,
        request.params.id,
        {
          errors: {
            personalNumber:
              outcome.error === 'childNotInRegister'
                ? tx.childNotInRegister
                : peopleTexts(request.lang).personalNumberHint,
          },
          values: request.body,
        },
        400,
      );
    },
  );

  app.post(
    '/sips/:id/decline',
    { ...page, schema: { params: sipParams, body: Type.Object({ declineNote: text(4000), ...csrf }) } },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await declineRequest(
          app.db,
          accessContext(request),
          request.params.id,
          request.body.declineNote ?? '',
        ),
        'requestClosed',
      ),
  );

  // ---- The frame: lead organisation, meeting, follow-up date, summary for the child ----

  const frameBody = Type.Object({
    leadOrganisationId: text(60),
    meetingOn: text(20),
    meetingTime: text(10),
    meetingPlace: text(400),
    followUpOn: text(20),
    familyParticipants: text(2000),
    summaryForChild: text(8000),
    ...csrf,
  });

  app.get(
    '/sips/:id/plan',
    { ...page, schema: { params: sipParams, querystring: pageQuery, response: html } },
    async (request, reply) => {
      const view = await readSip(app.db, accessContext(request), request.params.id);
      if (!view.can.update) throw notFound();
      return sendPage(reply, <FramePage ctx={pageContext(request)} view={view} />);
    },
  );

  app.post(
    '/sips/:id/plan',
    { ...page, schema: { params: sipParams, body: frameBody } },
    async (request, reply) => {
      const outcome = await updateFrame(app.db, accessContext(request), request.params.id, request.body);
      if (outcome.ok) return reply.redirect(`/sips/${request.params.id}?notice=saved`, 303);
      const view = await readSip(app.db, accessContext(request), request.params.id);
      return sendPage(
        reply,
        <FramePage
          ctx={pageContext(request)}
          view={view}
          errors={contentErrors(outcome.errors, request.lang)}
          values={request.body}
        />,
        400,
      );
    },
  );

  // ---- Parties ----

  app.post(
    '/sips/:id/participants',
    {
      ...page,
      schema: {
        params: sipParams,
        body: Type.Object({ organisationId: text(60), contactName: text(400), ...csrf }),
      },
    },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await inviteOrganisation(app.db, accessContext(request), request.params.id, request.body),
        'invited',
        '#participants-heading',
      ),
  );

  app.post(
    '/sips/:id/participants/:organisationId/remove',
    {
      ...page,
      schema: { params: Type.Object({ id: uuid, organisationId: uuid }), body: Type.Object(csrf) },
    },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await removeParticipant(
          app.db,
          accessContext(request),
          request.params.id,
          request.params.organisationId,
        ),
        'saved',
        '#participants-heading',
      ),
  );

  // ---- Needs, goals, actions ----

  app.post(
    '/sips/:id/needs',
    {
      ...page,
      schema: {
        params: sipParams,
        body: Type.Object({ needArea: text(40), needDescription: text(4000), ...csrf }),
      },
    },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await addNeed(app.db, accessContext(request), request.params.id, {
          area: request.body.needArea,
          description: request.body.needDescription,
        }),
        'saved',
        '#needs-heading',
      ),
  );

  app.post(
    '/sips/:id/goals',
    {
      ...page,
      schema: {
        params: sipParams,
        body: Type.Object({ goalArea: text(40), goal: text(2000), childsWords: text(2000), ...csrf }),
      },
    },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await addGoal(app.db, accessContext(request), request.params.id, {
          area: request.body.goalArea,
          goal: request.body.goal,
          childsWords: request.body.childsWords,
        }),
        'saved',
        '#goals-heading',
      ),
  );

  app.post(
    '/sips/:id/actions',
    {
      ...page,
      schema: {
        params: sipParams,
        body: Type.Object({
          actionDescription: text(2000),
          goalId: text(60),
          responsible: text(60),
          responsibleOther: text(400),
          responsiblePerson: text(400),
          dueOn: text(20),
          ...csrf,
        }),
      },
    },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await addAction(app.db, accessContext(request), request.params.id, {
          ...request.body,
          description: request.body.actionDescription,
        }),
        'saved',
        '#actions-heading',
      ),
  );

  for (const [segment, kind] of [
    ['needs', 'need'],
    ['goals', 'goal'],
    ['actions', 'action'],
  ] as const satisfies readonly (readonly [string, ContentKind])[]) {
    app.post(
      `/sips/:id/${segment}/:itemId/remove`,
      { ...page, schema: { params: Type.Object({ id: uuid, itemId: uuid }), body: Type.Object(csrf) } },
      async (request, reply) =>
        afterWrite(
          request,
          reply,
          request.params.id,
          await removeContent(app.db, accessContext(request), request.params.id, kind, request.params.itemId),
          'saved',
          `#${segment}-heading`,
        ),
    );
  }

  app.post(
    '/sips/:id/actions/:actionId/status',
    {
      ...page,
      schema: {
        params: Type.Object({ id: uuid, actionId: uuid }),
        body: Type.Object({ status: text(20), note: text(2000), ...csrf }),
      },
    },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await reportActionStatus(
          app.db,
          accessContext(request),
          request.params.id,
          request.params.actionId,
          request.body,
        ),
        'statusSaved',
        '#actions-heading',
      ),
  );
}
