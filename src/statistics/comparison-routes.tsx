import { Type } from 'typebox';
import { decide } from '../platform/access/policy.ts';
import { ensureAllowed, withAccess } from '../platform/access/scope.ts';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { UserError } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { OptionalLine, OptionalText } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { comparisonListing, importComparison, isIndicatorId } from './comparison.ts';
import { ComparisonPage } from './comparison-views.tsx';
import { registerReportingTexts } from './i18n/register-reporting.ts';
import { cleanFileName, type KoladaParse, parseKoladaFile } from './kolada.ts';

const page = { preHandler: requireSignedInPage };
const maxFileBytes = 5 * 1024 * 1024;

function parseError(parsed: Exclude<KoladaParse, { ok: true }>, lang: Lang): string {
  const tx = registerReportingTexts(lang).comparison;
  if (parsed.error === 'rowInvalid') return tx.errors.rowInvalid(parsed.entry, tx.problems[parsed.problem]!);
  return tx.errors[parsed.error];
}

/**
 * Kolada comparison values (decision 0131): the page of imported key figures beside the
 * municipality's own values, and the import of a downloaded file. The form is sent as
 * multipart/form-data (a file input, no JavaScript); this plugin alone reads that, through the
 * WHATWG form-data parser, into the same flat body a plain form would give: `file` is the file's
 * text and `fileName` its name. Public figures, no one's personal data; each import is audited.
 */
export async function comparisonRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: maxFileBytes + 64 * 1024 },
    async (request: { headers: Record<string, string | string[] | undefined> }, body: Buffer) => {
      let form: FormData;
      try {
        const type = String(request.headers['content-type'] ?? '');
        form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
      } catch {
        throw new UserError(
          400,
          'badRequest',
          (lang) => registerReportingTexts(lang).comparison.errors.notKolada,
        );
      }
      const fields: Record<string, string> = {};
      for (const key of ['_csrf', 'indicator']) {
        const value = form.get(key);
        if (typeof value === 'string') fields[key] = value;
      }
      const file = form.get('file');
      if (file !== null && typeof file !== 'string') {
        fields.fileName = file.name;
        if (file.size > maxFileBytes) fields.fileTooLarge = '1';
        else fields.file = await file.text();
      } else if (typeof file === 'string') fields.file = file;
      return fields;
    },
  );

  async function show(
    request: Parameters<typeof pageContext>[0],
    extra: { notice?: string; errors?: Record<string, string>; indicator?: string } = {},
  ) {
    const actor = request.actor!;
    ensureAllowed(actor, 'statistics.read', { type: 'statistics', municipalityId: actor.municipalityId });
    const listing = await comparisonListing(app.db, actor, today());
    const mayImport = decide(actor, 'comparison.import', {
      type: 'statistics',
      municipalityId: actor.municipalityId,
    }).allowed;
    return <ComparisonPage ctx={pageContext(request)} {...listing} mayImport={mayImport} {...extra} />;
  }

  app.get(
    '/statistics/comparison',
    {
      ...page,
      schema: {
        querystring: Type.Object({ imported: OptionalLine(12), lang: OptionalLine(5) }),
        response: { 200: Type.String() },
      },
    },
    async (request, reply) => {
      const count = request.query.imported;
      const notice =
        count && /^\d+$/.test(count)
          ? registerReportingTexts(request.lang).comparison.imported(Number(count))
          : undefined;
      return sendPage(reply, await show(request, notice ? { notice } : {}));
    },
  );

  app.post(
    '/statistics/comparison',
    {
      ...page,
      bodyLimit: maxFileBytes + 64 * 1024,
      schema: {
        body: Type.Object({
          _csrf: OptionalLine(200),
          indicator: OptionalLine(80),
          fileName: OptionalLine(1000),
          fileTooLarge: OptionalLine(1),
          file: OptionalText(maxFileBytes),
        }),
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const tx = registerReportingTexts(request.lang).comparison;
      const { indicator = '', file = '', fileName = '', fileTooLarge } = request.body;
      const refuse = async (errors: Record<string, string>) =>
        sendPage(reply, await show(request, { errors, indicator }), 400);
      ensureAllowed(actor, 'comparison.import', { type: 'statistics', municipalityId: actor.municipalityId });
      if (indicator !== '' && !isIndicatorId(indicator))
        return refuse({ indicator: tx.errors.indicatorUnknown });
      if (fileTooLarge) return refuse({ file: tx.errors.fileTooLarge });
      if (file.trim() === '') return refuse({ file: tx.errors.fileMissing });
      const parsed = parseKoladaFile(file);
      if (!parsed.ok) return refuse({ file: parseError(parsed, request.lang) });
      const name = cleanFileName(fileName);
      await withAccess(app.db, accessContext(request), async (scope) => {
        scope.authorize('comparison.import', { type: 'statistics', municipalityId: actor.municipalityId });
        const id = await importComparison(scope.db, actor.municipalityId, {
          fileName: name,
          indicatorId: indicator === '' ? null : (indicator as never),
          values: parsed.values,
          by: actor,
        });
        await scope.audit({
          action: 'comparison.import',
          recordType: 'comparisonImport',
          recordId: id,
          reason: `${name} values=${parsed.values.length} skipped=${parsed.skipped} indicator=${indicator || '-'}`,
        });
      });
      return reply.redirect(`/statistics/comparison?imported=${parsed.values.length}`, 303);
    },
  );
}
