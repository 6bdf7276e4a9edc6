import { Type } from 'typebox';
import { decide } from '../platform/access/policy.ts';
import { ensureAllowed, withAccess } from '../platform/access/scope.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { Id, OptionalLine } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { differenceOf, previousSubmission, submissionById, submissionsOf } from './submission-store.ts';
import { ChangesPage, SubmissionPage, SubmissionsPage } from './submission-views.tsx';

const page = { preHandler: requireSignedInPage };
const html = { 200: Type.String() };
const lang = Type.Object({ lang: OptionalLine(5) });
const params = Type.Object({ id: Id });

/**
 * The submissions to the state (decision 0098): the list and each one's what, when and by whom
 * for anyone with statistics; its rows, and how they differ from the submission before, only for
 * whoever prepares the reports (a manager), audited.
 */
export async function submissionRoutes(app: App): Promise<void> {
  app.get(
    '/statistics/submissions',
    { ...page, schema: { querystring: lang, response: html } },
    async (request, reply) => {
      const actor = request.actor!;
      ensureAllowed(actor, 'statistics.read', { type: 'statistics', municipalityId: actor.municipalityId });
      const submissions = await submissionsOf(app.db, actor.municipalityId);
      return sendPage(reply, <SubmissionsPage ctx={pageContext(request)} submissions={submissions} />);
    },
  );

  app.get(
    '/statistics/submissions/:id',
    { ...page, config: { personalData: true }, schema: { params, querystring: lang, response: html } },
    async (request, reply) => {
      const actor = request.actor!;
      const m = actor.municipalityId;
      ensureAllowed(actor, 'statistics.read', { type: 'statistics', municipalityId: m });
      const mayRead = decide(actor, 'ivo.prepare', { type: 'statistics', municipalityId: m }).allowed;
      if (!mayRead) {
        const submission = await submissionById(app.db, m, request.params.id);
        if (!submission) throw notFound();
        const { payload: _rows, ...listed } = submission;
        return sendPage(reply, <SubmissionPage ctx={pageContext(request)} submission={listed} rows={null} />);
      }
      const shown = await withAccess(app.db, accessContext(request), async (scope) => {
        scope.authorize('ivo.prepare', { type: 'statistics', municipalityId: m });
        const submission = await submissionById(scope.db, m, request.params.id);
        if (!submission) throw notFound();
        await scope.audit({
          action: 'ivo.prepare',
          recordType: 'statisticsSubmission',
          recordId: submission.id,
          reason: 'read',
        });
        return submission;
      });
      const { payload, ...listed } = shown;
      const fields = [...new Set(payload.rows.flatMap(Object.keys))];
      return sendPage(
        reply,
        <SubmissionPage
          ctx={pageContext(request)}
          submission={listed}
          rows={{ fields, rows: payload.rows }}
        />,
      );
    },
  );

  app.get(
    '/statistics/submissions/:id/changes',
    { ...page, config: { personalData: true }, schema: { params, querystring: lang, response: html } },
    async (request, reply) => {
      const view = await withAccess(app.db, accessContext(request), async (scope) => {
        const m = scope.actor.municipalityId;
        scope.authorize('ivo.prepare', { type: 'statistics', municipalityId: m });
        const submission = await submissionById(scope.db, m, request.params.id);
        if (!submission) throw notFound();
        const previous = await previousSubmission(scope.db, m, submission);
        await scope.audit({
          action: 'ivo.prepare',
          recordType: 'statisticsSubmission',
          recordId: submission.id,
          reason: 'compared',
        });
        return { submission, previous, ...differenceOf(previous, submission) };
      });
      const strip = <T extends { payload: unknown }>(s: T) => {
        const { payload: _payload, ...rest } = s;
        return rest;
      };
      return sendPage(
        reply,
        <ChangesPage
          ctx={pageContext(request)}
          submission={strip(view.submission)}
          previous={view.previous ? strip(view.previous) : null}
          fields={view.fields}
          difference={view.difference}
        />,
      );
    },
  );
}
