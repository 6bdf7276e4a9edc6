import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { addDays } from '../../deadlines/calendar.ts';
import { AccessDenied, withAccess } from '../../platform/access/scope.ts';
import { todayFor } from '../../platform/clock.ts';
import { accessContext } from '../../platform/http/access-context.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { requireSignedInPage } from '../../platform/http/guards.ts';
import { sendPage } from '../../platform/http/render.ts';
import { csrfField, FormId, Id, langQuery, OptionalLine, OptionalText } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import type { FieldErrors } from '../../platform/layout/forms.tsx';
import { pageContext } from '../../platform/layout/page-context.ts';
import type { AppointmentField } from '../domain/appointment.ts';
import { parseWeek, type Week, weekKey, weekOf } from '../domain/week.ts';
import { workdayTexts } from '../i18n/index.ts';
import { book, bookableCases, cancel, feedState, replaceFeed } from '../service/appointments.ts';
import { feedReach, feedTokenPattern, ownSources, readCalendar, readFeed } from '../service/calendar.ts';
import { ownWorkday } from '../service/own.ts';
import { CalendarPage } from '../views/calendar.tsx';

const pageOptions = { preHandler: requireSignedInPage, config: { personalData: true } };
const weekQuery = Type.Object({ week: OptionalLine(10), notice: OptionalLine(20), ...langQuery });
const confirmBody = Type.Object({ confirm: Type.Optional(Type.Literal('on')), ...csrfField });
const fieldOf: Record<AppointmentField, string> = {
  kind: 'kind',
  date: 'date',
  start: 'start',
  end: 'end',
  case: 'caseId',
  place: 'place',
  note: 'note',
};

/** The worker's week (their visits, meetings and deadlines), booking, and the calendar feed. */
export async function calendarRoutes(app: App): Promise<void> {
  // Other features' entries (joint visits, placement visits) after the working day's own.
  const sources = [...ownSources, ...app.features.contributions('calendarSources')];

  function weekFrom(raw: string | undefined, today: string): Week {
    if (!raw) return weekOf(today);
    const week = parseWeek(raw);
    if (!week) throw badRequest((lang) => workdayTexts(lang).badWeek);
    return week;
  }

  async function renderWeek(
    request: FastifyRequest,
    reply: FastifyReply,
    week: Week,
    extra: {
      errors?: FieldErrors;
      values?: Record<string, string | undefined>;
      notice?: string;
      newUrl?: string;
    },
    status = 200,
  ) {
    const today = todayFor(app.config);
    const data = await withAccess(app.db, accessContext(request), async (scope) => {
      const entries = await readCalendar(scope, sources, { from: week.from, to: week.to, today });
      return { entries, caseOptions: await bookableCases(scope, today), feed: await feedState(scope) };
    });
    return sendPage(
      reply,
      <CalendarPage
        ctx={pageContext(request)}
        week={week}
        today={today}
        entries={data.entries}
        caseOptions={data.caseOptions}
        feed={{ ...data.feed, ...(extra.newUrl ? { newUrl: extra.newUrl } : {}) }}
        errors={extra.errors}
        values={extra.values}
        notice={extra.notice}
      />,
      status,
    );
  }

  app.get(
    '/calendar',
    { ...pageOptions, schema: { querystring: weekQuery, response: { 200: Type.String() } } },
    async (request, reply) => {
      const notice = request.query.notice === 'booked' ? workdayTexts(request.lang).booked : undefined;
      const week = weekFrom(request.query.week, todayFor(app.config));
      return renderWeek(request, reply, week, notice ? { notice } : {});
    },
  );

  app.post(
    '/calendar/appointments',
    {
      ...pageOptions,
      schema: {
        querystring: weekQuery,
        body: Type.Object({
          kind: OptionalLine(20),
          date: OptionalLine(40),
          start: OptionalLine(20),
          end: OptionalLine(20),
          place: OptionalLine(400),
          caseId: Type.Optional(FormId),
          note: OptionalText(4000),
          ...csrfField,
        }),
      },
    },
    async (request, reply) => {
      const today = todayFor(app.config);
      const { _csrf, ...values } = request.body;
      const outcome = await withAccess(app.db, accessContext(request), (scope) => book(scope, values, today));
      const tx = workdayTexts(request.lang);
      if (outcome.ok) {
        const date = values.date?.trim() ?? today;
        return reply.redirect(`/calendar?week=${weekKey(weekOf(date))}&notice=booked`, 303);
      }
      const errors: FieldErrors = {};
      for (const field of outcome.errors) errors[fieldOf[field]] = tx.bookErrors[field];
      return renderWeek(request, reply, weekFrom(request.query.week, today), { errors, values }, 400);
    },
  );

  app.post(
    '/calendar/appointments/:id/cancel',
    {
      ...pageOptions,
      schema: { params: Type.Object({ id: Id }), querystring: weekQuery, body: confirmBody },
    },
    async (request, reply) => {
      const today = todayFor(app.config);
      const week = weekFrom(request.query.week, today);
      if (request.body.confirm !== 'on') {
        const errors = { [`confirm-${request.params.id}`]: workdayTexts(request.lang).confirmRequired };
        return renderWeek(request, reply, week, { errors }, 400);
      }
      const done = await withAccess(app.db, accessContext(request), (scope) =>
        cancel(scope, request.params.id),
      );
      if (!done) throw notFound();
      return reply.redirect(`/calendar?week=${weekKey(week)}`, 303);
    },
  );

  app.post('/calendar/feed', { ...pageOptions, schema: { body: confirmBody } }, async (request, reply) => {
    const today = todayFor(app.config);
    const tx = workdayTexts(request.lang);
    const existing = await withAccess(app.db, accessContext(request), async (scope) => {
      scope.authorize('calendar.manage', ownWorkday(scope));
      return (await feedState(scope)).since;
    });
    // Replacing a feed breaks the address in every calendar that uses it: that is confirmed.
    if (existing && request.body.confirm !== 'on')
      return renderWeek(
        request,
        reply,
        weekOf(today),
        { errors: { 'confirm-feed': tx.confirmRequired } },
        400,
      );
    const token = await withAccess(app.db, accessContext(request), (scope) => replaceFeed(scope, true));
    const newUrl = `${app.config.publicUrl}/calendar/feed/${token}.ics`;
    return renderWeek(request, reply, weekOf(today), { newUrl });
  });

  app.post(
    '/calendar/feed/revoke',
    { ...pageOptions, schema: { body: confirmBody } },
    async (request, reply) => {
      const today = todayFor(app.config);
      const tx = workdayTexts(request.lang);
      if (request.body.confirm !== 'on')
        return renderWeek(
          request,
          reply,
          weekOf(today),
          { errors: { 'confirm-revoke': tx.confirmRequired } },
          400,
        );
      await withAccess(app.db, accessContext(request), (scope) => replaceFeed(scope, false));
      return renderWeek(request, reply, weekOf(today), { notice: tx.feedRevoked });
    },
  );

  // The feed: no session, the secret address is the credential; times and kinds only.
  app.get(
    '/calendar/feed/:token.ics',
    {
      schema: {
        params: Type.Object({ token: Type.String({ pattern: feedTokenPattern, maxLength: 43 }) }),
        response: { 200: Type.String() },
      },
    },
    async (request, reply) => {
      const today = todayFor(app.config);
      const token = request.params.token;
      const range = {
        from: addDays(today, -feedReach.backDays),
        to: addDays(today, feedReach.aheadDays),
        today,
      };
      let body: string | null;
      try {
        body = await readFeed(app.db, token, sources, range, new Date());
      } catch (error) {
        // An account whose role has no calendar (any more) has no feed either.
        if (error instanceof AccessDenied) body = null;
        else throw error;
      }
      if (!body) throw notFound();
      return reply
        .header('cache-control', 'no-store')
        .header('x-robots-tag', 'noindex')
        .type('text/calendar; charset=utf-8')
        .send(body);
    },
  );
}
