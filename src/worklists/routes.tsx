import { Type } from 'typebox';
import { withAccess } from '../platform/access/scope.ts';
import { todayFor } from '../platform/clock.ts';
import { loadSections } from '../platform/features.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { OptionalLine } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { readWorklistIn } from './service.ts';
import { WorklistPage } from './views.tsx';

const pageOptions = { preHandler: requireSignedInPage, config: { personalData: true } };
const schema = {
  querystring: Type.Object({ lang: OptionalLine(5) }),
  response: { 200: Type.String() },
};

/** Each user's worklist of deadlines, and a unit's for its manager. */
export async function worklistRoutes(app: App): Promise<void> {
  // More work due, from other features (what is due in coordinated plans, issue 6).
  const sections = app.features.contributions('worklistSections');
  for (const [path, which] of [
    ['/worklist', 'own'],
    ['/worklist/unit', 'unit'],
  ] as const) {
    app.get(path, { ...pageOptions, schema }, async (request, reply) => {
      // One scope, one transaction and one write to the audit trail for the deadlines and the rest.
      const { list, more } = await withAccess(app.db, accessContext(request), async (scope) => {
        const today = todayFor(app.config);
        const deadlines = await readWorklistIn(scope, which, today);
        return {
          list: deadlines,
          more: deadlines ? await loadSections(scope, sections, { which, today }) : [],
        };
      });
      if (!list) throw notFound();
      const ctx = pageContext(request);
      return sendPage(
        reply,
        <WorklistPage ctx={ctx} list={list} unit={which === 'unit'}>
          {more.map((section) => section.render(ctx))}
        </WorklistPage>,
      );
    });
  }
}
