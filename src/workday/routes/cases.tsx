import { Type } from 'typebox';
import { withAccess } from '../../platform/access/scope.ts';
import { todayFor } from '../../platform/clock.ts';
import { accessContext } from '../../platform/http/access-context.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { requireSignedInPage } from '../../platform/http/guards.ts';
import { sendPage } from '../../platform/http/render.ts';
import { OptionalLine } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { pageContext } from '../../platform/layout/page-context.ts';
import { type CaseListQuery, parseCaseListQuery } from '../domain/case-list.ts';
import { workdayTexts } from '../i18n/index.ts';
import { type CaseListMode, readCaseList } from '../service/cases.ts';
import { CaseListPage } from '../views/case-list.tsx';

const pageOptions = { preHandler: requireSignedInPage, config: { personalData: true } };
const schema = {
  querystring: Type.Object({
    q: OptionalLine(200),
    status: OptionalLine(20),
    phase: OptionalLine(40),
    sort: OptionalLine(20),
    worker: OptionalLine(40),
    page: OptionalLine(10),
    lang: OptionalLine(5),
  }),
  response: { 200: Type.String(), 400: Type.String() },
};

/**
 * The filters of a list, or a 400 in the user's language. Too little typed in the search box is
 * the field's own message: the page again, with nothing searched.
 */
function listQuery(
  raw: Parameters<typeof parseCaseListQuery>[0],
  today: string,
  lang: Lang,
): { query: CaseListQuery; searchError?: string } {
  const parsed = parseCaseListQuery(raw, today);
  if (parsed.ok) return { query: parsed.query };
  const retry = parsed.fault === 'tooShort' ? parseCaseListQuery({ ...raw, q: '' }, today) : parsed;
  if (!retry.ok) {
    const fault = retry.fault;
    throw badRequest((l) => workdayTexts(l).faults[fault]);
  }
  return { query: retry.query, searchError: workdayTexts(lang).faults.tooShort };
}

/** My cases, the unit's cases (managers) and case search: one list, three selections. */
export async function caseListRoutes(app: App): Promise<void> {
  for (const [path, mode] of [
    ['/my-cases', 'mine'],
    ['/my-cases/unit', 'unit'],
    ['/cases/search', 'search'],
  ] as const satisfies readonly (readonly [string, CaseListMode])[]) {
    app.get(path, { ...pageOptions, schema }, async (request, reply) => {
      const today = todayFor(app.config);
      // A search looks through closed cases too: the child's history is what it is for.
      const raw = mode === 'search' ? { status: 'all', ...request.query } : request.query;
      const { query, searchError } = listQuery(raw, today, request.lang);
      const view = await withAccess(app.db, accessContext(request), (scope) =>
        readCaseList(scope, mode, query, today),
      );
      return sendPage(
        reply,
        <CaseListPage
          ctx={pageContext(request)}
          view={view}
          searchError={searchError}
          typed={request.query.q}
        />,
        searchError ? 400 : 200,
      );
    });
  }
}
