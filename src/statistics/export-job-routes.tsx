import { Type } from 'typebox';
import { withAccess } from '../platform/access/scope.ts';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound, UserError } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { Id, OptionalId, OptionalLine } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { ExportJobPage } from './export-job-views.tsx';
import { exportJobFile, exportJobOf, startExportJob } from './export-jobs.ts';
import { statisticsTexts } from './i18n/index.ts';
import { checkedUnit, pagePeriod } from './service.ts';
import { parseTableKey } from './tables.ts';

const page = { preHandler: requireSignedInPage };
const params = Type.Object({ id: Id });

/**
 * Export jobs (decision 0132): ask for any table of the statistics pages as CSV or XLSX, follow its
 * progress on a page that refreshes itself (and has a link for when it does not), download the
 * file. Asking and downloading are audited like the direct downloads.
 */
export async function exportJobRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);

  app.post(
    '/statistics/export-jobs',
    {
      ...page,
      config: { personalData: true },
      schema: {
        body: Type.Object({
          table: OptionalLine(80),
          format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])),
          period: OptionalLine(7),
          unit: Type.Optional(Type.Union([Type.Literal(''), OptionalId])),
          _csrf: OptionalLine(200),
        }),
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const key = parseTableKey(request.body.table ?? 'summary');
      if (!key) throw new UserError(400, 'tableUnknown', (lang) => statisticsTexts(lang).tableUnknown);
      const period = pagePeriod(request.body.period, today());
      const unitId = await checkedUnit(app.db, actor.municipalityId, request.body.unit);
      const id = await startExportJob(app.db, accessContext(request), {
        key,
        format: request.body.format ?? 'xlsx',
        period,
        unitId,
        lang: request.lang,
        today: today(),
      });
      return reply.redirect(`/statistics/export-jobs/${id}`, 303);
    },
  );

  app.get(
    '/statistics/export-jobs/:id',
    {
      ...page,
      schema: {
        params,
        querystring: Type.Object({ lang: OptionalLine(5) }),
        response: { 200: Type.String() },
      },
    },
    async (request, reply) => {
      const job = await exportJobOf(app.db, request.actor!, request.params.id);
      if (!job) throw notFound();
      if (job.status === 'running') reply.header('refresh', '2');
      reply.header('cache-control', 'no-store');
      return sendPage(reply, <ExportJobPage ctx={pageContext(request)} job={job} />);
    },
  );

  app.get(
    '/statistics/export-jobs/:id/file',
    { ...page, config: { personalData: true }, schema: { params } },
    async (request, reply) => {
      const actor = request.actor!;
      const file = await withAccess(app.db, accessContext(request), async (scope) => {
        scope.authorize('statistics.export', { type: 'statistics', municipalityId: actor.municipalityId });
        const found = await exportJobFile(scope.db, actor, request.params.id);
        if (!found?.file) throw notFound();
        await scope.audit({
          action: 'statistics.export',
          recordType: 'exportJob',
          recordId: request.params.id,
          reason: `${found.table_key} ${found.period_key} ${found.unit_id ?? 'municipality'} ${found.format} download`,
        });
        return found;
      });
      reply.header('content-disposition', `attachment; filename="${file.file_name}"`);
      reply.header('cache-control', 'no-store');
      reply.type(
        file.format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      return reply.send(file.file);
    },
  );
}
