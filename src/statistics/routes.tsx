import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { ensureAllowed, withAccess } from '../platform/access/scope.ts';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { UserError } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { OptionalId, OptionalLine } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { type IndicatorId, indicatorIds } from './catalogue.ts';
import { drillRows } from './drill-down.ts';
import { csvChunks, englishCsv, swedishCsv, toXlsx } from './export.ts';
import { exportTable } from './export-tables.ts';
import { statisticsTexts } from './i18n/index.ts';
import { previousPeriod } from './periods.ts';
import { unitsOf } from './queries.ts';
import { checkedUnit, pagePeriod, readIndicators, readSeries } from './service.ts';
import { parseTableKey } from './tables.ts';
import { IndicatorPage, RowsPage, type Selection, StatisticsPage } from './views.tsx';

const selectionQuery = {
  period: OptionalLine(7),
  unit: Type.Optional(Type.Union([Type.Literal(''), OptionalId])),
  lang: OptionalLine(5),
};
const page = { preHandler: requireSignedInPage };
const indicatorParams = Type.Object({ id: Type.Enum([...indicatorIds]) });

/**
 * The statistics pages: the start page of indicators, one indicator month by month, the rows
 * behind a figure for the unit's manager, and every table as CSV or XLSX. Aggregates hold no
 * personal data and are not audited; the rows behind a figure and every export are.
 */
export async function statisticsRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);

  async function select(
    municipalityId: string,
    q: { period?: string | undefined; unit?: string | undefined },
  ) {
    const period = pagePeriod(q.period, today());
    const unitId = await checkedUnit(app.db, municipalityId, q.unit);
    const units = await unitsOf(app.db, municipalityId);
    const s: Selection = { periodKey: period.key, unitId, units };
    return { period, unitId, s };
  }

  app.get(
    '/statistics',
    { ...page, schema: { querystring: Type.Object(selectionQuery), response: { 200: Type.String() } } },
    async (request, reply) => {
      const actor = request.actor!;
      ensureAllowed(actor, 'statistics.read', { type: 'statistics', municipalityId: actor.municipalityId });
      const { period, unitId, s } = await select(actor.municipalityId, request.query);
      const view = await readIndicators(app.db, actor, { period, unitId, today: today() });
      return sendPage(reply, <StatisticsPage ctx={pageContext(request)} view={view} s={s} />);
    },
  );

  app.get(
    '/statistics/indicators/:id',
    {
      ...page,
      schema: {
        params: indicatorParams,
        querystring: Type.Object(selectionQuery),
        response: { 200: Type.String() },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      ensureAllowed(actor, 'statistics.read', { type: 'statistics', municipalityId: actor.municipalityId });
      const id = request.params.id as IndicatorId;
      const { period, unitId, s } = await select(actor.municipalityId, request.query);
      const series = await readSeries(app.db, actor, { id, period, unitId, today: today() });
      const before = await readIndicators(app.db, actor, {
        period: previousPeriod(period),
        unitId,
        today: today(),
        ids: [id],
      });
      const mayDrillDown =
        unitId !== null && actor.role === 'manager' && actor.unitId === unitId && series.whole;
      return sendPage(
        reply,
        <IndicatorPage
          ctx={pageContext(request)}
          id={id}
          series={series}
          previous={before.shown[0]}
          s={s}
          mayDrillDown={mayDrillDown}
        />,
      );
    },
  );

  app.get(
    '/statistics/indicators/:id/rows',
    {
      ...page,
      config: { personalData: true },
      schema: {
        params: indicatorParams,
        querystring: Type.Object({ ...selectionQuery, cell: OptionalLine(80) }),
        response: { 200: Type.String() },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const id = request.params.id as IndicatorId;
      const { period, s } = await select(actor.municipalityId, request.query);
      const unitId = s.unitId ?? actor.unitId ?? '';
      const cell = request.query.cell ?? '';
      const rows = await withAccess(app.db, accessContext(request), async (scope) => {
        scope.authorize(
          'statistics.drillDown',
          { type: 'statisticsUnit', municipalityId: actor.municipalityId, unitId },
          { audit: { reason: `${id} ${period.key} ${cell}` } },
        );
        return drillRows(scope, { id, period, unitId, cell, today: today() });
      });
      return sendPage(
        reply,
        <RowsPage ctx={pageContext(request)} id={id} cell={cell} rows={rows} s={{ ...s, unitId }} />,
      );
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/statistics/export.${format}`,
      {
        ...page,
        config: { personalData: true },
        schema: { querystring: Type.Object({ ...selectionQuery, table: OptionalLine(80) }) },
      },
      async (request, reply) => {
        const actor = request.actor!;
        const key = parseTableKey(request.query.table ?? 'summary');
        if (!key) throw new UserError(400, 'tableUnknown', (lang) => statisticsTexts(lang).tableUnknown);
        const { period, unitId } = await select(actor.municipalityId, request.query);
        const lang = request.lang;
        const table = await withAccess(app.db, accessContext(request), async (scope) => {
          scope.authorize('statistics.export', { type: 'statistics', municipalityId: actor.municipalityId });
          const built = await exportTable(scope, key, { period, unitId, lang, today: today() });
          await scope.audit({
            action: 'statistics.export',
            recordType: 'statisticsTable',
            reason: `${key} ${period.key} ${unitId ?? 'municipality'} ${format} rows=${built.rows.length}`,
          });
          return built;
        });
        const filename = `samtak-${key.replace('.', '-')}-${period.key}.${format}`;
        reply.header('content-disposition', `attachment; filename="${filename}"`);
        reply.header('cache-control', 'no-store');
        if (format === 'csv') {
          reply.type('text/csv; charset=utf-8');
          // Streamed in pieces, so a long table starts arriving at once.
          return reply.send(
            Readable.from(csvChunks(table, lang === 'sv' ? swedishCsv : englishCsv), { objectMode: false }),
          );
        }
        const buffer = await toXlsx([table], { suppressedMark: statisticsTexts(lang).suppressedMark });
        reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        return reply.send(buffer);
      },
    );
  }
}
