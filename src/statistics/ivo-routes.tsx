import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { type AccessScope, ensureAllowed, withAccess } from '../platform/access/scope.ts';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound, UserError } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { Id, OptionalLine, OptionalText } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { csvChunks, englishCsv, swedishCsv } from './export.ts';
import { reportingTexts } from './i18n/reporting.ts';
import { validateExecution } from './ivo-execution.ts';
import { decisionId } from './ivo-queries.ts';
import { councilTables, ivoPayload, ivoQuarter, ivoQuarterOf, ivoTable } from './ivo-service.ts';
import { CouncilPage, IvoPage, IvoReportPage } from './ivo-views.tsx';
import type { Period } from './periods.ts';
import { recordSubmission } from './submission-store.ts';

const page = { preHandler: requireSignedInPage };
const html = { 200: Type.String() };
const csrf = { _csrf: OptionalLine(200) };
const quarterQuery = Type.Object({
  quarter: OptionalLine(10),
  notice: OptionalLine(20),
  lang: OptionalLine(5),
});

/**
 * The quarterly report to IVO and the municipal auditors of favourable decisions not carried out
 * within three months, and the council's statistics (34 kap. 1–3 §§ SoL; decision 0098). The
 * report names children's decisions: prepared and submitted by a manager, every row audited. The
 * council's statistics are aggregates, suppressed, for anyone with statistics.
 */
export async function ivoRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);
  const quarterOf = (key: string | undefined): Period => {
    const quarter = ivoQuarter(key, today());
    if (!quarter)
      throw new UserError(400, 'quarterInvalid', (lang) => reportingTexts(lang).ivo.quarterInvalid);
    return quarter;
  };

  /** The quarter's rows, each decision listed written to the audit trail as seen. */
  async function prepared(scope: AccessScope, quarter: Period, reason: string) {
    const m = scope.actor.municipalityId;
    scope.authorize('ivo.prepare', { type: 'statistics', municipalityId: m });
    const data = await ivoQuarterOf(scope.db, m, quarter, today());
    await scope.audit(
      {
        action: 'ivo.prepare',
        recordType: 'statisticsTable',
        reason: `${reason} ${quarter.key} rows=${data.rows.length}`,
      },
      ...[...data.decisions.values()]
        .filter((d) => data.rows.some((r) => r.decisionId === d.id))
        .map((d) => ({
          action: 'ivo.prepare' as const,
          subjectPersonId: d.childId,
          recordType: 'decisionExecution',
          recordId: d.id,
        })),
    );
    return data;
  }

  app.get(
    '/statistics/ivo',
    { ...page, config: { personalData: true }, schema: { querystring: quarterQuery, response: html } },
    async (request, reply) => {
      const quarter = quarterOf(request.query.quarter);
      const data = await withAccess(app.db, accessContext(request), (scope) =>
        prepared(scope, quarter, 'page'),
      );
      const tx = reportingTexts(request.lang).ivo;
      return sendPage(
        reply,
        <IvoPage
          ctx={pageContext(request)}
          data={data}
          over={quarter.to < today()}
          notice={request.query.notice === 'saved' ? tx.saved : undefined}
        />,
      );
    },
  );

  app.post(
    '/statistics/ivo/decisions/:caseId/:typeId',
    {
      ...page,
      config: { personalData: true },
      schema: {
        params: Type.Object({ caseId: Id, typeId: Id }),
        querystring: quarterQuery,
        body: Type.Object({
          carriedOutOn: OptionalLine(10),
          interruptedOn: OptionalLine(10),
          resumedOn: OptionalLine(10),
          endedOn: OptionalLine(10),
          delayReason: OptionalText(4000),
          ...csrf,
        }),
      },
    },
    async (request, reply) => {
      const quarter = quarterOf(request.query.quarter);
      const { caseId, typeId } = request.params;
      const tx = reportingTexts(request.lang).ivo;
      const outcome = await withAccess(app.db, accessContext(request), async (scope) => {
        const m = scope.actor.municipalityId;
        scope.authorize('ivo.prepare', { type: 'statistics', municipalityId: m });
        const decision = await scope.db
          .selectFrom('case_intervention as ci')
          .innerJoin('child_case as c', (j) =>
            j.onRef('c.id', '=', 'ci.case_id').onRef('c.municipality_id', '=', 'ci.municipality_id'),
          )
          .select(['c.child_id', 'c.decided_on', 'c.decision_outcome'])
          .where('ci.municipality_id', '=', m)
          .where('ci.case_id', '=', caseId)
          .where('ci.intervention_type_id', '=', typeId)
          .executeTakeFirst();
        if (!decision?.decided_on || decision.decision_outcome !== 'interventions') throw notFound();
        const checked = validateExecution(request.body, decision.decided_on, today());
        if (!checked.ok) {
          const errors = Object.fromEntries(
            Object.entries(checked.errors).map(([k, v]) => [k, tx.errors[v]]),
          );
          return { errors, data: await prepared(scope, quarter, 'page') };
        }
        const v = checked.value;
        const values = {
          carried_out_on: v.carriedOutOn,
          interrupted_on: v.interruptedOn,
          resumed_on: v.resumedOn,
          ended_on: v.endedOn,
          delay_reason: v.delayReason,
          updated_at: new Date(),
          updated_by: scope.actor.userId,
        };
        await scope.db
          .insertInto('decision_execution')
          .values({ municipality_id: m, case_id: caseId, intervention_type_id: typeId, ...values })
          .onConflict((oc) =>
            oc.columns(['municipality_id', 'case_id', 'intervention_type_id']).doUpdateSet(values),
          )
          .execute();
        await scope.audit({
          action: 'ivo.prepare',
          subjectPersonId: decision.child_id,
          recordType: 'decisionExecution',
          recordId: decisionId(caseId, typeId),
          reason: 'recorded',
        });
        return null;
      });
      if (!outcome) return reply.redirect(`/statistics/ivo?quarter=${quarter.key}&notice=saved`, 303);
      return sendPage(
        reply,
        <IvoPage
          ctx={pageContext(request)}
          data={outcome.data}
          over={quarter.to < today()}
          errors={outcome.errors}
          values={request.body}
          editing={decisionId(caseId, typeId)}
        />,
        400,
      );
    },
  );

  app.post(
    '/statistics/ivo/submit',
    {
      ...page,
      config: { personalData: true },
      schema: { querystring: quarterQuery, body: Type.Object(csrf) },
    },
    async (request, reply) => {
      const quarter = quarterOf(request.query.quarter);
      const tx = reportingTexts(request.lang).ivo;
      const outcome = await withAccess(app.db, accessContext(request), async (scope) => {
        const data = await prepared(scope, quarter, 'submit');
        const problem =
          quarter.to >= today()
            ? tx.notOver
            : data.missingReasons.length
              ? tx.missingReasons(data.missingReasons.length)
              : null;
        if (problem) return { data, problem };
        const actor = scope.actor;
        const saved = await recordSubmission(scope.db, 'ivo', quarter.key, ivoPayload(data), {
          municipalityId: actor.municipalityId,
          userId: actor.userId,
          name: actor.displayName,
        });
        await scope.audit({
          action: 'ivo.prepare',
          recordType: 'statisticsSubmission',
          recordId: saved.id,
          reason: 'submitted',
        });
        return { id: saved.id };
      });
      if ('id' in outcome) return reply.redirect(`/statistics/submissions/${outcome.id}`, 303);
      return sendPage(
        reply,
        <IvoPage
          ctx={pageContext(request)}
          data={outcome.data}
          over={quarter.to < today()}
          errors={{ _form: outcome.problem }}
        />,
        409,
      );
    },
  );

  app.get(
    '/statistics/ivo/report',
    { ...page, config: { personalData: true }, schema: { querystring: quarterQuery, response: html } },
    async (request, reply) => {
      const quarter = quarterOf(request.query.quarter);
      const data = await withAccess(app.db, accessContext(request), (scope) =>
        prepared(scope, quarter, 'report'),
      );
      return sendPage(reply, <IvoReportPage ctx={pageContext(request)} data={data} />);
    },
  );

  app.get(
    '/statistics/ivo/report.csv',
    { ...page, config: { personalData: true }, schema: { querystring: quarterQuery } },
    async (request, reply) => {
      const quarter = quarterOf(request.query.quarter);
      const data = await withAccess(app.db, accessContext(request), (scope) =>
        prepared(scope, quarter, 'csv'),
      );
      const lang = request.lang;
      reply.header('content-disposition', `attachment; filename="samtak-ivo-${quarter.key}.csv"`);
      reply.header('cache-control', 'no-store');
      reply.type('text/csv; charset=utf-8');
      return reply.send(
        Readable.from(csvChunks(ivoTable(data, lang), lang === 'sv' ? swedishCsv : englishCsv), {
          objectMode: false,
        }),
      );
    },
  );

  app.get(
    '/statistics/ivo/council',
    { ...page, schema: { querystring: quarterQuery, response: html } },
    async (request, reply) => {
      const actor = request.actor!;
      ensureAllowed(actor, 'statistics.read', { type: 'statistics', municipalityId: actor.municipalityId });
      const quarter = quarterOf(request.query.quarter);
      const data = await ivoQuarterOf(app.db, actor.municipalityId, quarter, today());
      return sendPage(
        reply,
        <CouncilPage ctx={pageContext(request)} quarterKey={quarter.key} tables={councilTables(data)} />,
      );
    },
  );
}
