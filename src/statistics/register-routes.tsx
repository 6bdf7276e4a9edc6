import { Type } from 'typebox';
import { decide } from '../platform/access/policy.ts';
import { withAccess } from '../platform/access/scope.ts';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { UserError } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { OptionalLine } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { registerReportingTexts } from './i18n/register-reporting.ts';
import { produceRegister, recordRegisterSubmission, registerSubmissions } from './register-service.ts';
import { RegisterYearPage, ReportingPage } from './register-views.tsx';

const page = { preHandler: requireSignedInPage };
const html = { 200: Type.String() };
const yearQuery = { year: OptionalLine(8), lang: OptionalLine(5) };

/** A year from 2000 to this one; anything else is a 400 in the user's language. */
function checkedYear(text: string | undefined, today: string): number {
  const last = Number(today.slice(0, 4));
  const year = text === undefined || text === '' ? last - 1 : Number(text.trim());
  if (!/^\d{4}$/.test(String(year)) || year < 2000 || year > last)
    throw new UserError(400, 'yearInvalid', (lang) => registerReportingTexts(lang).register.yearInvalid);
  return year;
}

/**
 * Reporting to Socialstyrelsen (decision 0130): the list of submitted register files for the
 * statistics reader and managers, and for a manager the file of a year — produced from the live
 * placements, checked by the numbered rules, downloaded and marked as submitted. The file names
 * every placed child, so producing it, downloading it and submitting it are each audited.
 */
export async function registerRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);
  const statistics = (municipalityId: string) => ({ type: 'statistics' as const, municipalityId });

  app.get(
    '/statistics/reporting',
    {
      ...page,
      schema: { querystring: Type.Object({ ...yearQuery, submitted: OptionalLine(40) }), response: html },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const submissions = await withAccess(app.db, accessContext(request), async (scope) => {
        scope.authorize('registerFile.readSubmissions', statistics(actor.municipalityId));
        return registerSubmissions(scope.db, actor.municipalityId);
      });
      const mayPrepare = decide(actor, 'registerFile.prepare', statistics(actor.municipalityId)).allowed;
      const last = Number(today().slice(0, 4));
      const notice = request.query.submitted
        ? registerReportingTexts(request.lang).register.submitted
        : undefined;
      return sendPage(
        reply,
        <ReportingPage
          ctx={pageContext(request)}
          submissions={submissions}
          mayPrepare={mayPrepare}
          year={last - 1}
          maxYear={last}
          notice={notice}
        />,
      );
    },
  );

  app.get(
    '/statistics/reporting/register',
    {
      ...page,
      config: { personalData: true },
      schema: { querystring: Type.Object(yearQuery), response: html },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const year = checkedYear(request.query.year, today());
      const produced = await withAccess(app.db, accessContext(request), async (scope) => {
        scope.authorize('registerFile.prepare', statistics(actor.municipalityId));
        const result = await produceRegister(scope.db, actor.municipalityId, year, today());
        const { fatal, error, warning } = result.validation.counts;
        await scope.audit({
          action: 'registerFile.prepare',
          recordType: 'registerFile',
          reason: `${year} rows=${result.records.length} children=${result.childCount} fatal=${fatal} error=${error} warning=${warning} sha256=${result.fileSha256}`,
        });
        return result;
      });
      return sendPage(
        reply,
        <RegisterYearPage
          ctx={pageContext(request)}
          produced={produced}
          today={today()}
          maxYear={Number(today().slice(0, 4))}
        />,
      );
    },
  );

  app.get(
    '/statistics/reporting/register/file',
    { ...page, config: { personalData: true }, schema: { querystring: Type.Object(yearQuery) } },
    async (request, reply) => {
      const actor = request.actor!;
      const year = checkedYear(request.query.year, today());
      const produced = await withAccess(app.db, accessContext(request), async (scope) => {
        scope.authorize('registerFile.prepare', statistics(actor.municipalityId));
        const result = await produceRegister(scope.db, actor.municipalityId, year, today());
        if (!result.validation.mayBeSent)
          throw new UserError(
            400,
            'registerNotReady',
            (lang) => registerReportingTexts(lang).register.notMayBeSent,
          );
        await scope.audit({
          action: 'registerFile.download',
          recordType: 'registerFile',
          reason: `${year} rows=${result.records.length} sha256=${result.fileSha256}`,
        });
        return result;
      });
      reply.header('content-disposition', `attachment; filename="bu-${produced.year}.txt"`);
      reply.header('cache-control', 'no-store');
      reply.type('text/plain; charset=utf-8');
      return reply.send(produced.file);
    },
  );

  app.post(
    '/statistics/reporting/register',
    {
      ...page,
      config: { personalData: true },
      schema: {
        body: Type.Object({ year: OptionalLine(8), sha256: OptionalLine(64), _csrf: OptionalLine(200) }),
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const year = checkedYear(request.body.year ?? '', today());
      const id = await withAccess(app.db, accessContext(request), async (scope) => {
        scope.authorize('registerFile.submit', statistics(actor.municipalityId));
        const produced = await produceRegister(scope.db, actor.municipalityId, year, today());
        if (!produced.validation.mayBeSent)
          throw new UserError(
            400,
            'registerNotReady',
            (lang) => registerReportingTexts(lang).register.notMayBeSent,
          );
        // What is kept is what was checked: a placement changed in between means checking again.
        if (request.body.sha256 !== produced.fileSha256)
          throw new UserError(
            409,
            'registerChanged',
            (lang) => registerReportingTexts(lang).register.changed,
          );
        const submissionId = await recordRegisterSubmission(scope.db, actor.municipalityId, produced, {
          userId: actor.userId,
          name: actor.displayName,
        });
        await scope.audit({
          action: 'registerFile.submit',
          recordType: 'registerSubmission',
          recordId: submissionId,
          reason: `${year} rows=${produced.records.length} sha256=${produced.fileSha256}`,
        });
        return submissionId;
      });
      return reply.redirect(`/statistics/reporting?submitted=${id}`, 303);
    },
  );
}
