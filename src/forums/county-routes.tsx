import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireCoordinator } from '../action-plans/coordinator-gate.ts';
import { coordinatorHref } from '../action-plans/views/coordinator-pages.tsx';
import type { FieldError } from '../collaboration/form.ts';
import { fieldErrorTexts, warningTexts } from '../collaboration/messages.ts';
import { todayFor } from '../platform/clock.ts';
import { sendPage } from '../platform/http/render.ts';
import {
  allowTextRefusals,
  Id,
  OptionalLine as line,
  OptionalText as text,
} from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import {
  coordinatorForumPage,
  coordinatorForums,
  coordinatorPlanMeeting,
  countyForumOptions,
  createCountyForum,
} from './county-service.ts';
import { countyForumTexts } from './county-texts.ts';
import { forumTexts } from './i18n/index.ts';
import { forumBody, forumInputOf, one, planBody } from './routes.tsx';
import { CountyForumFormPage, CountyForumListPage, CountyForumView } from './views/county-pages.tsx';
import type { FormValues } from './views/forum-pages.tsx';

const html = { 200: Type.String() };
const langQuery = Type.Object({ lang: line(5), done: line(40) });
const countyForumBody = Type.Object({ ...forumBody.properties, countyCode: text(10) });

function errorTexts(errors: readonly FieldError<string>[], lang: Lang) {
  const f = forumTexts(lang);
  return fieldErrorTexts(errors, lang, (code) => (f.refusals as Record<string, string>)[code]);
}

/**
 * The coordinator's pages of county and national forums (docs/decisions/0129). Signed in with the
 * installation-level account (decision 0108); a municipal session is told they do not exist.
 * Members take part on the forum's ordinary pages under /forums.
 */
export async function countyForumRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);
  const gate = (request: FastifyRequest, reply: FastifyReply) =>
    requireCoordinator(app.db, app.config.secureCookies, request, reply);

  app.get(
    '/coordinator/forums',
    { schema: { querystring: langQuery, response: html } },
    async (request, reply) => {
      const coordinator = await gate(request, reply);
      if (!coordinator) return reply;
      const forums = await coordinatorForums(app.db, coordinator);
      return sendPage(
        reply,
        <CountyForumListPage ctx={pageContext(request)} coordinator={coordinator} forums={forums} />,
      );
    },
  );

  app.get(
    '/coordinator/forums/new',
    { schema: { querystring: langQuery, response: html } },
    async (request, reply) => {
      const coordinator = await gate(request, reply);
      if (!coordinator) return reply;
      const options = await countyForumOptions(app.db, coordinator);
      return sendPage(
        reply,
        <CountyForumFormPage
          ctx={pageContext(request)}
          coordinator={coordinator}
          options={options}
          values={{}}
        />,
      );
    },
  );

  app.post(
    '/coordinator/forums',
    { schema: { querystring: langQuery, body: countyForumBody }, attachValidation: true },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const coordinator = await gate(request, reply);
      if (!coordinator) return reply;
      const ctx = pageContext(request);
      const values = request.body as FormValues;
      const outcome = await createCountyForum(
        app.db,
        coordinator,
        { ...forumInputOf(values), reach: one(values.reach), countyCode: one(values.countyCode) },
        values.confirmNames === 'on',
        today(),
        request.ip,
      );
      if (outcome.ok)
        return reply.redirect(
          coordinatorHref(`/coordinator/forums/${outcome.id}?done=created`, ctx.lang),
          303,
        );
      const options = await countyForumOptions(app.db, coordinator);
      return sendPage(
        reply,
        <CountyForumFormPage
          ctx={ctx}
          coordinator={coordinator}
          options={options}
          values={values}
          errors={errorTexts(outcome.errors, ctx.lang)}
          warnings={warningTexts(outcome.warnings, ctx.lang)}
        />,
        400,
      );
    },
  );

  app.get(
    '/coordinator/forums/:id',
    { schema: { params: Type.Object({ id: Id }), querystring: langQuery, response: html } },
    async (request, reply) => {
      const coordinator = await gate(request, reply);
      if (!coordinator) return reply;
      const ctx = pageContext(request);
      const page = await coordinatorForumPage(app.db, coordinator, request.params.id, today());
      const k = countyForumTexts(ctx.lang);
      const notice = { created: k.created, planned: k.planned }[request.query.done ?? ''];
      return sendPage(
        reply,
        <CountyForumView ctx={ctx} coordinator={coordinator} page={page} notice={notice} />,
      );
    },
  );

  app.post(
    '/coordinator/forums/:id/meetings',
    {
      schema: { params: Type.Object({ id: Id }), querystring: langQuery, body: planBody },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const coordinator = await gate(request, reply);
      if (!coordinator) return reply;
      const ctx = pageContext(request);
      const b = request.body;
      const outcome = await coordinatorPlanMeeting(
        app.db,
        coordinator,
        request.params.id,
        { plannedOn: b.plannedOn ?? '', place: b.place ?? '', newItems: b.newItems ?? '' },
        today(),
        request.ip,
      );
      if (outcome.ok)
        return reply.redirect(
          coordinatorHref(`/coordinator/forums/${request.params.id}?done=planned`, ctx.lang),
          303,
        );
      const page = await coordinatorForumPage(app.db, coordinator, request.params.id, today());
      return sendPage(
        reply,
        <CountyForumView
          ctx={ctx}
          coordinator={coordinator}
          page={page}
          errors={errorTexts(outcome.errors, ctx.lang)}
        />,
        400,
      );
    },
  );
}
