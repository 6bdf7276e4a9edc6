import { Type } from 'typebox';
import { ensureAllowed } from '../../platform/access/scope.ts';
import { todayFor } from '../../platform/clock.ts';
import { accessContext } from '../../platform/http/access-context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { requireSignedInPage } from '../../platform/http/guards.ts';
import { sendPage } from '../../platform/http/render.ts';
import { Id, Line, OptionalText } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { pageContext } from '../../platform/layout/page-context.ts';
import { placementTexts } from '../i18n/index.ts';
import { createHome, listHomes, readHome, recordOnHome } from '../service/homes.ts';
import { HomePage, HomesPage, NewHomePage } from '../views/homes.tsx';
import { errorTexts, type Values } from '../views/shared.tsx';
import { pageOptions } from './pages.tsx';

const text = (maxLength = 2000) => OptionalText(maxLength);
const params = Type.Object({ id: Id });
const html = { 200: Type.String() };
const pageQuery = Type.Object({ notice: text(40), lang: text(5) });

/** The register of homes: the list with what to renew, a new home, one home with its records. */
export async function homeRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);

  app.get(
    '/homes',
    { ...pageOptions, schema: { querystring: pageQuery, response: html } },
    async (request, reply) => {
      const listing = await listHomes(app.db, accessContext(request), today());
      return sendPage(
        reply,
        <HomesPage ctx={pageContext(request)} homes={listing.homes} mayManage={listing.mayManage} />,
      );
    },
  );

  // An empty form: nobody's data is shown, the policy still decides who sees it.
  app.get(
    '/homes/new',
    { preHandler: requireSignedInPage, schema: { querystring: pageQuery, response: html } },
    async (request, reply) => {
      ensureAllowed(request.actor, 'home.list', {
        type: 'homeRegister',
        municipalityId: request.actor?.municipalityId ?? '',
        homeFindingUnitIds: [],
      });
      return sendPage(reply, <NewHomePage ctx={pageContext(request)} />);
    },
  );

  app.post(
    '/homes',
    {
      ...pageOptions,
      schema: {
        body: Type.Object({
          kind: text(20),
          name: text(200),
          forms: Type.Optional(Type.Array(Line(40), { maxItems: 10 })),
          municipalityCode: text(10),
          streetAddress: text(200),
          postalCode: text(20),
          city: text(100),
          carerNames: text(2000),
          ownership: text(20),
          ivoPermitReference: text(100),
          ivoPermitGrantedOn: text(40),
          ivoNotifiedOn: text(40),
          _csrf: text(200),
        }),
      },
    },
    async (request, reply) => {
      const outcome = await createHome(app.db, accessContext(request), request.body, today());
      if (outcome.ok) return reply.redirect(`/homes/${outcome.id}?notice=homeSaved`, 303);
      return sendPage(
        reply,
        <NewHomePage
          ctx={pageContext(request)}
          values={request.body as Values}
          errors={errorTexts(outcome.errors, request.lang)}
        />,
        400,
      );
    },
  );

  app.get(
    '/homes/:id',
    { ...pageOptions, schema: { params, querystring: pageQuery, response: html } },
    async (request, reply) => {
      const view = await readHome(app.db, accessContext(request), request.params.id, today());
      if (!view) throw notFound();
      const notice =
        request.query.notice === 'homeSaved' ? placementTexts(request.lang).homeSaved : undefined;
      return sendPage(reply, <HomePage ctx={pageContext(request)} view={view} notice={notice} />);
    },
  );

  app.post(
    '/homes/:id/records',
    {
      ...pageOptions,
      schema: {
        params,
        body: Type.Object({
          what: text(20),
          carerId: text(40),
          carerName: text(200),
          on: text(40),
          result: text(20),
          register: text(40),
          assessment: text(2000),
          _csrf: text(200),
        }),
      },
    },
    async (request, reply) => {
      const outcome = await recordOnHome(
        app.db,
        accessContext(request),
        request.params.id,
        request.body,
        today(),
      );
      if (!outcome) throw notFound();
      if (outcome.ok) return reply.redirect(`/homes/${request.params.id}?notice=homeSaved`, 303);
      const view = await readHome(app.db, accessContext(request), request.params.id, today());
      if (!view) throw notFound();
      return sendPage(
        reply,
        <HomePage
          ctx={pageContext(request)}
          view={view}
          errors={errorTexts(outcome.errors, request.lang)}
          values={request.body as Values}
        />,
        400,
      );
    },
  );
}
