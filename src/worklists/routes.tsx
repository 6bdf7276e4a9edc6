import { Type } from 'typebox';
import { withAccess } from '../platform/access/scope.ts';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { OptionalLine } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { mayHaveSipWorklist, sipWorklistIn } from '../sip/service.ts';
import { SipWorklistSection } from '../sip/views.tsx';
import { readWorklistIn } from './service.ts';
import { WorklistPage } from './views.tsx';

const pageOptions = { preHandler: requireSignedInPage, config: { personalData: true } };
const schema = {
  querystring: Type.Object({ lang: OptionalLine(5) }),
  response: { 200: Type.String() },
};

/** Each user's worklist of deadlines, and a unit's for its manager. */
export async function worklistRoutes(app: App): Promise<void> {
  for (const [path, which] of [
    ['/worklist', 'own'],
    ['/worklist/unit', 'unit'],
  ] as const) {
    app.get(path, { ...pageOptions, schema }, async (request, reply) => {
      // The same worklist shows what is due in coordinated plans (issue 6): one scope, one
      // transaction and one write to the audit trail for both.
      const { list, sips } = await withAccess(app.db, accessContext(request), async (scope) => {
        const deadlines = await readWorklistIn(scope, which, todayFor(app.config));
        const plans =
          deadlines && which === 'own' && mayHaveSipWorklist(scope.context)
            ? await sipWorklistIn(scope)
            : null;
        return { list: deadlines, sips: plans };
      });
      if (!list) throw notFound();
      const ctx = pageContext(request);
      return sendPage(
        reply,
        <WorklistPage ctx={ctx} list={list} unit={which === 'unit'}>
          {sips ? <SipWorklistSection ctx={ctx} worklist={sips} /> : null}
        </WorklistPage>,
      );
    });
  }
}
