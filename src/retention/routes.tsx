import { Type } from 'typebox';
import { type AccessScope, withAccess } from '../platform/access/scope.ts';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { OptionalLine } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { approveIn, runProgress } from './cull.ts';
import { assessMunicipality, listed } from './dry-run.ts';
import { retentionTexts } from './i18n/index.ts';
import { RetentionPage, type RetentionView } from './views.tsx';

const page = { preHandler: requireSignedInPage, config: { personalData: true } };
const html = { 200: Type.String() };

/**
 * The archivist's retention page (decision 0082): the dry run as of today, file by file with the
 * rules and their references, the approved runs with their progress, and the approval. Reading
 * the list audits each listed person (`retention.review`); approving audits the run too.
 */
export async function retentionRoutes(app: App): Promise<void> {
  async function municipalityOf(scope: AccessScope) {
    return scope.db
      .selectFrom('municipality')
      .select(['id', 'code'])
      .where('id', '=', scope.actor.municipalityId)
      .executeTakeFirstOrThrow();
  }

  async function view(scope: AccessScope, today: string): Promise<RetentionView> {
    const m = scope.actor.municipalityId;
    scope.authorize('retention.review', { type: 'retention', municipalityId: m });
    const { run, reviewed } = await assessMunicipality(
      scope.db,
      await municipalityOf(scope),
      today,
      scope.actor.role,
    );
    const files = run.files.filter(listed);
    const people = files.length
      ? await scope.db
          .selectFrom('person')
          .select(['id', 'given_name', 'family_name', 'birth_date'])
          .where('municipality_id', '=', m)
          .where(
            'id',
            'in',
            files.map((f) => f.personId),
          )
          .execute()
      : [];
    const runs = await scope.db
      .selectFrom('retention_run')
      .select(['id', 'state', 'assessed_on', 'approved_at'])
      .where('municipality_id', '=', m)
      .orderBy('approved_at', 'desc')
      .limit(20)
      .execute();
    // The page itself is audited even when it lists nobody: who looked, and when.
    await scope.audit({ action: 'retention.review', reason: 'dryRunPage' }, ...reviewed);
    return {
      run,
      files,
      names: new Map(people.map((p) => [p.id, `${p.given_name} ${p.family_name}`])),
      runs: await Promise.all(
        runs.map(async (r) => ({ ...r, progress: await runProgress(scope.db, m, r.id) })),
      ),
    };
  }

  app.get(
    '/retention',
    {
      ...page,
      schema: {
        querystring: Type.Object({ notice: OptionalLine(20), lang: OptionalLine(5) }),
        response: html,
      },
    },
    async (request, reply) => {
      const today = todayFor(app.config);
      const data = await withAccess(app.db, accessContext(request), (scope) => view(scope, today));
      const tx = retentionTexts(request.lang);
      const notice = request.query.notice === 'none' ? tx.nothingToApprove : undefined;
      return sendPage(reply, <RetentionPage ctx={pageContext(request)} view={data} notice={notice} />);
    },
  );

  app.post(
    '/retention/runs',
    {
      ...page,
      schema: {
        body: Type.Object({ confirm: OptionalLine(5), _csrf: OptionalLine(200) }),
        response: { 200: Type.String(), 400: Type.String() },
      },
    },
    async (request, reply) => {
      const today = todayFor(app.config);
      const tx = retentionTexts(request.lang);
      const outcome = await withAccess(app.db, accessContext(request), async (scope) => {
        scope.authorize('retention.approve', {
          type: 'retention',
          municipalityId: scope.actor.municipalityId,
        });
        if (request.body.confirm !== 'on') return { error: await view(scope, today) };
        const { approved, entries } = await approveIn(
          scope.db,
          await municipalityOf(scope),
          scope.actor,
          today,
        );
        await scope.audit(...entries);
        return { approved };
      });
      if ('error' in outcome && outcome.error)
        return sendPage(
          reply,
          <RetentionPage
            ctx={pageContext(request)}
            view={outcome.error}
            errors={{ confirm: tx.confirmMissing }}
          />,
          400,
        );
      return reply.redirect(
        'approved' in outcome && outcome.approved ? '/retention' : '/retention?notice=none',
        303,
      );
    },
  );
}
