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
import {
  differenceOf,
  differencesFromPrevious,
  previousSubmission,
  type SubmissionKind,
  submissionById,
  submissionKinds,
  submissionsOf,
} from './submission-store.ts';
import { ChangesPage, SubmissionPage, SubmissionsPage } from './submission-views.tsx';

const page = { preHandler: requireSignedInPage };
const html = { 200: Type.String() };
const lang = Type.Object({ lang: OptionalLine(5) });
const params = Type.Object({ id: Id });

/**
 * The submissions to the state (decisions 0098, 0119), IVO's reports and the register files in one
 * store and one list: what, when and by whom for anyone with statistics (a row count of 1–4 hidden
 * from whoever may not see the rows); the rows, and how they differ from the submission of the
 * same kind before, only for whoever prepares that kind (a manager: `ivo.prepare`,
 * `registerFile.prepare`), audited when rows are shown.
 */
const prepareActionOf = (kind: SubmissionKind) =>
  kind === 'register' ? 'registerFile.prepare' : 'ivo.prepare';

export async function submissionRoutes(app: App): Promise<void> {
  app.get(
    '/statistics/submissions',
    { ...page, schema: { querystring: lang, response: html } },
    async (request, reply) => {
      const actor = request.actor!;
      const m = actor.municipalityId;
      ensureAllowed(actor, 'statistics.read', { type: 'statistics', municipalityId: m });
      const mayPrepare = (kind: SubmissionKind) =>
        decide(actor, prepareActionOf(kind), { type: 'statistics', municipalityId: m }).allowed;
      const submissions = await submissionsOf(app.db, m);
      const mayCompare = submissionKinds.filter(mayPrepare);
      // Only the counts of the differences are shown here; the rows are on each one's page.
      const differences = await differencesFromPrevious(app.db, m, mayCompare);
      return sendPage(
        reply,
        <SubmissionsPage
          ctx={pageContext(request)}
          submissions={submissions.map((s) => ({
            ...s,
            mayPrepare: mayPrepare(s.kind),
            difference: differences.get(s.id) ?? null,
          }))}
        />,
      );
    },
  );

  app.get(
    '/statistics/submissions/:id',
    { ...page, config: { personalData: true }, schema: { params, querystring: lang, response: html } },
    async (request, reply) => {
      const actor = request.actor!;
      const m = actor.municipalityId;
      ensureAllowed(actor, 'statistics.read', { type: 'statistics', municipalityId: m });
      const found = await submissionById(app.db, m, request.params.id);
      if (!found) throw notFound();
      const action = prepareActionOf(found.kind);
      const mayRead = decide(actor, action, { type: 'statistics', municipalityId: m }).allowed;
      if (!mayRead) {
        const { payload: _rows, ...listed } = found;
        return sendPage(
          reply,
          <SubmissionPage
            ctx={pageContext(request)}
            submission={{ ...listed, mayPrepare: false }}
            rows={null}
          />,
        );
      }
      const shown = await withAccess(app.db, accessContext(request), async (scope) => {
        scope.authorize(action, { type: 'statistics', municipalityId: m });
        const submission = await submissionById(scope.db, m, request.params.id);
        if (!submission) throw notFound();
        await scope.audit({
          action,
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
          submission={{ ...listed, mayPrepare: true }}
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
        const submission = await submissionById(scope.db, m, request.params.id);
        // Unknown to someone who may read statistics is a 404; to anyone else a refusal.
        if (!submission) {
          scope.authorize('statistics.read', { type: 'statistics', municipalityId: m });
          throw notFound();
        }
        const action = prepareActionOf(submission.kind);
        scope.authorize(action, { type: 'statistics', municipalityId: m });
        const previous = await previousSubmission(scope.db, m, submission);
        await scope.audit({
          action,
          recordType: 'statisticsSubmission',
          recordId: submission.id,
          reason: 'compared',
        });
        return { submission, previous, ...differenceOf(previous, submission) };
      });
      const strip = <T extends { payload: unknown }>(s: T) => {
        const { payload: _payload, ...rest } = s;
        return { ...rest, mayPrepare: true };
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
