import { Type } from 'typebox';
import { todayFor } from '../../platform/clock.ts';
import { accessContext } from '../../platform/http/access-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import { OptionalLine } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { pageContext } from '../../platform/layout/page-context.ts';
import { placementTexts } from '../i18n/index.ts';
import { ivoListCsv } from '../ivo-list.ts';
import { ivoList } from '../service/ivo.ts';
import { IvoListPage } from '../views/ivo-list.tsx';
import { pageOptions } from './pages.tsx';

const query = Type.Object({ year: OptionalLine(4), lang: OptionalLine(5) });

/** The year asked for, or last year (the list is sent in January for the year before). */
function yearOf(raw: string | undefined, today: string): number {
  const year = Number(raw);
  const last = Number(today.slice(0, 4));
  return Number.isInteger(year) && year >= 2000 && year <= last ? year : last - 1;
}

/** The list to IVO of children in family homes: printable, and as CSV for the form. */
export async function ivoRoutes(app: App): Promise<void> {
  app.get(
    '/placements/ivo-list',
    { ...pageOptions, schema: { querystring: query, response: { 200: Type.String() } } },
    async (request, reply) => {
      const view = await ivoList(
        app.db,
        accessContext(request),
        yearOf(request.query.year, todayFor(app.config)),
      );
      return sendPage(reply, <IvoListPage ctx={pageContext(request)} view={view} />);
    },
  );

  app.get(
    '/placements/ivo-list.csv',
    { ...pageOptions, schema: { querystring: query, response: { 200: Type.String() } } },
    async (request, reply) => {
      const view = await ivoList(
        app.db,
        accessContext(request),
        yearOf(request.query.year, todayFor(app.config)),
      );
      const p = placementTexts(request.lang);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ivo-familjehem-${view.year}.csv"`)
        .send(
          ivoListCsv(view.rows, { columns: p.ivoColumns, protectedMark: p.protectedMark, bases: p.bases }),
        );
    },
  );
}
