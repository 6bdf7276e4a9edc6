import { Type } from 'typebox';
import { todayFor } from '../../platform/clock.ts';
import { accessContext } from '../../platform/http/access-context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/http/render.ts';
import { Id, OptionalText } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { pageContext } from '../../platform/layout/page-context.ts';
import { placementTexts } from '../i18n/index.ts';
import { readUnaccompanied, saveUnaccompanied, unaccompaniedFields } from '../service/unaccompanied.ts';
import { errorTexts, type Values } from '../views/shared.tsx';
import { UnaccompaniedPage } from '../views/unaccompanied.tsx';
import { pageOptions } from './pages.tsx';

const params = Type.Object({ childId: Id });
const text = (n: number) => OptionalText(n);

/** An unaccompanied minor's record and its tasks. */
export async function unaccompaniedRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);
  app.get(
    '/unaccompanied/:childId',
    {
      ...pageOptions,
      schema: {
        params,
        querystring: Type.Object({ notice: text(40), lang: text(5) }),
        response: { 200: Type.String() },
      },
    },
    async (request, reply) => {
      const view = await readUnaccompanied(app.db, accessContext(request), request.params.childId, today());
      if (!view) throw notFound();
      const notice =
        request.query.notice === 'saved' ? placementTexts(request.lang).unaccompaniedSaved : undefined;
      return sendPage(reply, <UnaccompaniedPage ctx={pageContext(request)} view={view} notice={notice} />);
    },
  );
  app.post(
    '/unaccompanied/:childId',
    {
      ...pageOptions,
      schema: {
        params,
        body: Type.Object({
          ...Object.fromEntries(unaccompaniedFields.map((f) => [f, text(2000)])),
          _csrf: text(200),
        }),
      },
    },
    async (request, reply) => {
      const { childId } = request.params;
      const body = request.body as Record<string, string>;
      const outcome = await saveUnaccompanied(app.db, accessContext(request), childId, body, today());
      if (!outcome) throw notFound();
      if (outcome.ok) return reply.redirect(`/unaccompanied/${childId}?notice=saved`, 303);
      const view = await readUnaccompanied(app.db, accessContext(request), childId, today());
      if (!view) throw notFound();
      return sendPage(
        reply,
        <UnaccompaniedPage
          ctx={pageContext(request)}
          view={view}
          errors={errorTexts(outcome.errors, request.lang)}
          values={body as Values}
        />,
        400,
      );
    },
  );
}
