import { Type } from 'typebox';
import type { CaseAssignedHook } from '../cases/sections.ts';
import { isIsoDate } from '../deadlines/calendar.ts';
import { type AccessScope, ensureAllowed, withAccess } from '../platform/access/scope.ts';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { Id, OptionalId, OptionalLine, OptionalText } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { seesWhole } from './access.ts';
import { measurementTexts } from './i18n/measurement.ts';
import { unitsOf } from './queries.ts';
import { checkedUnit } from './service.ts';
import { isSmall } from './suppression.ts';
import { unitLoadSummary, validateSelfAssessment, validateWeightSet } from './workload.ts';
import {
  caseWorkers,
  firstShownMonth,
  keptMonths,
  profilesOf,
  recomputeMonth,
  selfAssessmentsOf,
  settingsOf,
  settingsOn,
  workersOfUnit,
} from './workload-store.ts';
import {
  OwnWorkloadPage,
  type TeamRow,
  TeamWorkloadPage,
  type UnitSummaryRow,
  WorkloadSettingsPage,
  WorkloadSummaryPage,
  weightFieldNames,
} from './workload-views.tsx';

const page = { preHandler: requireSignedInPage };
const html = { 200: Type.String() };
const csrf = { _csrf: OptionalLine(200) };
const notice = { notice: OptionalLine(20), lang: OptionalLine(5) };

/**
 * When a manager makes a worker responsible for a case: the responsibility is written into its
 * history (continuity) and both workers' running month is recomputed, in the assignment's own
 * transaction (decision 0096).
 */
export const recordResponsibility: CaseAssignedHook = async (scope, { case: c, workerId }) => {
  const today = scope.context.today ?? new Date().toISOString().slice(0, 10);
  if (c.responsible_user_id !== workerId)
    await scope.db
      .insertInto('case_responsibility')
      .values({ municipality_id: c.municipality_id, case_id: c.id, user_id: workerId, from_on: today })
      .execute();
  const workers = [
    workerId,
    ...(c.responsible_user_id && c.responsible_user_id !== workerId ? [c.responsible_user_id] : []),
  ];
  await recomputeMonth(scope.db, c.municipality_id, workers, today);
};

/**
 * Workload (decision 0096): the worker's own page with the monthly self-assessment, the manager's
 * page of the unit's workers, a summary without names for everyone else with statistics, and the
 * administrator's versioned points and capacity norm.
 */
export async function workloadRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);

  // A refused form is shown again from what is kept, so a 4xx changes nothing (the fuzz checks).
  async function ownPage(scope: AccessScope, recompute = true) {
    const actor = scope.actor;
    scope.authorize(
      'workload.read',
      {
        type: 'workerLoad',
        municipalityId: actor.municipalityId,
        workerId: actor.userId,
        unitId: actor.unitId,
      },
      {},
    );
    await scope.audit({ action: 'workload.read', recordType: 'workerLoad', recordId: actor.userId });
    if (recompute) await recomputeMonth(scope.db, actor.municipalityId, [actor.userId], today());
    const from = firstShownMonth(today());
    return {
      months: await keptMonths(scope.db, actor.municipalityId, [actor.userId], from),
      assessments: await selfAssessmentsOf(scope.db, actor.municipalityId, [actor.userId], from),
    };
  }

  app.get(
    '/my-workload',
    { ...page, config: { personalData: true }, schema: { querystring: Type.Object(notice), response: html } },
    async (request, reply) => {
      const data = await withAccess(app.db, accessContext(request), ownPage);
      const saved =
        request.query.notice === 'saved' ? measurementTexts(request.lang).workload.saved : undefined;
      return sendPage(
        reply,
        <OwnWorkloadPage ctx={pageContext(request)} {...data} today={today()} notice={saved} />,
      );
    },
  );

  app.post(
    '/my-workload/assessment',
    {
      ...page,
      config: { personalData: true },
      schema: {
        body: Type.Object({
          month: OptionalLine(7),
          rating: OptionalLine(2),
          comment: OptionalText(4000),
          ...csrf,
        }),
      },
    },
    async (request, reply) => {
      const tx = measurementTexts(request.lang).workload;
      const outcome = await withAccess(app.db, accessContext(request), async (scope) => {
        const actor = scope.actor;
        scope.authorize('workload.assess', {
          type: 'workerLoad',
          municipalityId: actor.municipalityId,
          workerId: actor.userId,
          unitId: actor.unitId,
        });
        const checked = validateSelfAssessment(request.body, today());
        if (!checked.ok) {
          const field = (p: string) =>
            p.startsWith('rating') ? 'rating' : p.startsWith('month') ? 'month' : 'comment';
          const errors = Object.fromEntries(checked.problems.map((p) => [field(p), tx.errors[p]!]));
          return { errors, data: await ownPage(scope, false) };
        }
        const values = { rating: checked.rating, comment: checked.comment, updated_at: new Date() };
        await scope.db
          .insertInto('workload_self_assessment')
          .values({
            municipality_id: actor.municipalityId,
            user_id: actor.userId,
            month: checked.month,
            ...values,
          })
          .onConflict((oc) => oc.columns(['municipality_id', 'user_id', 'month']).doUpdateSet(values))
          .execute();
        await scope.audit({
          action: 'workload.assess',
          recordType: 'workerLoad',
          recordId: actor.userId,
          reason: checked.month,
        });
        return null;
      });
      if (!outcome) return reply.redirect('/my-workload?notice=saved', 303);
      return sendPage(
        reply,
        <OwnWorkloadPage
          ctx={pageContext(request)}
          {...outcome.data}
          today={today()}
          errors={outcome.errors}
          values={request.body}
        />,
        400,
      );
    },
  );

  async function teamPage(scope: AccessScope, unitId: string, recompute = true) {
    const actor = scope.actor;
    const m = actor.municipalityId;
    const workers = await workersOfUnit(scope.db, m, unitId);
    // The manager of the unit sees each worker's load and self-assessment; each is audited.
    scope.authorize('workload.setProfile', { type: 'workerLoad', municipalityId: m, workerId: '', unitId });
    for (const w of workers)
      scope.authorize('workload.read', { type: 'workerLoad', municipalityId: m, workerId: w.id, unitId });
    if (workers.length)
      await scope.audit(
        ...workers.map((w) => ({
          action: 'workload.read' as const,
          recordType: 'workerLoad',
          recordId: w.id,
        })),
      );
    const ids = workers.map((w) => w.id);
    if (recompute) await recomputeMonth(scope.db, m, ids, today());
    const month = today().slice(0, 7);
    const months = await keptMonths(scope.db, m, ids, month);
    const assessments = await selfAssessmentsOf(scope.db, m, ids, month);
    const profiles = await profilesOf(scope.db, m, ids);
    const rows: TeamRow[] = workers.map((w) => ({
      userId: w.id,
      name: w.display_name,
      month: months.find((k) => k.userId === w.id) ?? null,
      assessment: assessments.find((a) => a.user_id === w.id) ?? null,
      profile: profiles.get(w.id) ?? null,
    }));
    const units = await unitsOf(scope.db, m);
    return { rows, units, unitName: units.find((u) => u.id === unitId)?.name ?? '' };
  }

  app.get(
    '/statistics/workload',
    {
      ...page,
      config: { personalData: true },
      schema: {
        querystring: Type.Object({
          unit: Type.Optional(Type.Union([Type.Literal(''), OptionalId])),
          ...notice,
        }),
        response: html,
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const m = actor.municipalityId;
      const unitId = await checkedUnit(app.db, m, request.query.unit);
      if (unitId && seesWhole(actor, unitId)) {
        const data = await withAccess(app.db, accessContext(request), (scope) => teamPage(scope, unitId));
        const saved =
          request.query.notice === 'saved' ? measurementTexts(request.lang).workload.saved : undefined;
        return sendPage(
          reply,
          <TeamWorkloadPage ctx={pageContext(request)} {...data} unitId={unitId} notice={saved} />,
        );
      }
      ensureAllowed(actor, 'statistics.read', { type: 'statistics', municipalityId: m });
      const units = await unitsOf(app.db, m);
      const rows: UnitSummaryRow[] = [];
      const workers = (await caseWorkers(app.db, m)).filter((w) => !unitId || w.unit_id === unitId);
      const ids = workers.map((w) => w.id);
      await recomputeMonth(app.db, m, ids, today());
      const months = await keptMonths(app.db, m, ids, today().slice(0, 7));
      for (const unit of units) {
        const own = new Set(workers.filter((w) => w.unit_id === unit.id).map((w) => w.id));
        if (!own.size) continue;
        const summary = unitLoadSummary(months.filter((k) => own.has(k.userId)));
        // A handful of colleagues over capacity points at people: hidden, with its complement.
        const hide = isSmall(summary.overCapacity) || isSmall(summary.atOrUnderCapacity);
        rows.push({
          unitId: unit.id,
          name: unit.name,
          workers: summary.workers,
          medianRatio: summary.medianRatio,
          overCapacity: hide ? null : summary.overCapacity,
        });
      }
      return sendPage(
        reply,
        <WorkloadSummaryPage ctx={pageContext(request)} rows={rows} units={units} unitId={unitId} />,
      );
    },
  );

  app.post(
    '/statistics/workload/profile/:id',
    {
      ...page,
      config: { personalData: true },
      schema: {
        params: Type.Object({ id: Id }),
        body: Type.Object({ experienceSince: OptionalLine(10), fte: OptionalLine(10), ...csrf }),
      },
    },
    async (request, reply) => {
      const tx = measurementTexts(request.lang).workload;
      const workerId = request.params.id;
      const outcome = await withAccess(app.db, accessContext(request), async (scope) => {
        const m = scope.actor.municipalityId;
        const worker = await scope.db
          .selectFrom('user_account')
          .select(['id', 'unit_id'])
          .where('municipality_id', '=', m)
          .where('id', '=', workerId)
          .executeTakeFirst();
        scope.authorize('workload.setProfile', {
          type: 'workerLoad',
          municipalityId: m,
          workerId,
          unitId: worker?.unit_id ?? null,
        });
        if (!worker) throw notFound();
        const since = (request.body.experienceSince ?? '').trim();
        const fte = Number((request.body.fte ?? '').trim().replace(',', '.'));
        const errors: Record<string, string> = {};
        if (!isIsoDate(since)) errors[`experience-${workerId}`] = tx.errors.dateInvalid!;
        else if (since > today()) errors[`experience-${workerId}`] = tx.errors.dateInFuture!;
        if (!(fte >= 0.05 && fte <= 1) || Math.round(fte * 100) !== fte * 100)
          errors[`fte-${workerId}`] = tx.errors.fteInvalid!;
        if (Object.keys(errors).length)
          return { errors, data: await teamPage(scope, worker.unit_id!, false) };
        const values = { experience_since: since, fte, updated_at: new Date() };
        await scope.db
          .insertInto('workload_profile')
          .values({ municipality_id: m, user_id: workerId, ...values })
          .onConflict((oc) => oc.columns(['municipality_id', 'user_id']).doUpdateSet(values))
          .execute();
        await recomputeMonth(scope.db, m, [workerId], today());
        await scope.audit({ action: 'workload.setProfile', recordType: 'workerLoad', recordId: workerId });
        return { unitId: worker.unit_id! };
      });
      if ('unitId' in outcome)
        return reply.redirect(`/statistics/workload?unit=${outcome.unitId}&notice=saved`, 303);
      const unitId = request.actor!.unitId!;
      return sendPage(
        reply,
        <TeamWorkloadPage
          ctx={pageContext(request)}
          {...outcome.data}
          unitId={unitId}
          errors={outcome.errors}
        />,
        400,
      );
    },
  );

  const settingsPage = async (scope: AccessScope) => {
    scope.authorize('workload.manageWeights', {
      type: 'administration',
      municipalityId: scope.actor.municipalityId,
    });
    const sets = await settingsOf(scope.db, scope.actor.municipalityId);
    return { sets, current: settingsOn(sets, today()) };
  };

  app.get(
    '/admin/workload',
    { ...page, schema: { querystring: Type.Object(notice), response: html } },
    async (request, reply) => {
      const data = await withAccess(app.db, accessContext(request), settingsPage);
      const saved =
        request.query.notice === 'saved' ? measurementTexts(request.lang).workload.saved : undefined;
      return sendPage(
        reply,
        <WorkloadSettingsPage ctx={pageContext(request)} {...data} today={today()} notice={saved} />,
      );
    },
  );

  const settingsBody = Type.Object({
    version: OptionalLine(6),
    validFrom: OptionalLine(10),
    ...Object.fromEntries(weightFieldNames.map((f) => [f.name, OptionalLine(10)])),
    ...Object.fromEntries([0, 1, 3, 5].map((y) => [`c_${y}`, OptionalLine(10)])),
    ...csrf,
  });
  app.post('/admin/workload', { ...page, schema: { body: settingsBody } }, async (request, reply) => {
    const tx = measurementTexts(request.lang).workload;
    const body = request.body as Record<string, string | undefined>;
    const outcome = await withAccess(app.db, accessContext(request), async (scope) => {
      const data = await settingsPage(scope);
      const latest = data.sets.at(-1)!;
      const number = (v: string | undefined) => {
        const text = (v ?? '').trim().replace(',', '.');
        return text === '' ? Number.NaN : Number(text);
      };
      const weights = Object.fromEntries(weightFieldNames.map((f) => [f.key, number(body[f.name])]));
      const candidate = { version: Number(body.version), validFrom: (body.validFrom ?? '').trim(), weights };
      const errors: Record<string, string> = {};
      for (const p of validateWeightSet(candidate, data.sets, today())) {
        if (p.code === 'weightInvalid' || p.code === 'unknownKey') {
          const name = weightFieldNames.find((f) => f.key === p.key)?.name ?? 'validFrom';
          errors[name] = tx.errors[p.code]!;
        } else errors.validFrom = tx.errors[p.code]!;
      }
      const norm = latest.norm.map((band) => ({
        fromYears: band.fromYears,
        capacity: number(body[`c_${band.fromYears}`]),
      }));
      for (const band of norm)
        if (!Number.isInteger(band.capacity) || band.capacity < 1 || band.capacity > 500)
          errors[`c_${band.fromYears}`] = tx.errors.capacityInvalid!;
      if (Object.keys(errors).length) return { data, errors };
      const inserted = await scope.db
        .insertInto('workload_weight_set')
        .values({
          municipality_id: scope.actor.municipalityId,
          version: candidate.version,
          valid_from: candidate.validFrom,
          weights: JSON.stringify(weights),
          norm: JSON.stringify(norm),
          created_by: scope.actor.userId,
        })
        // Two administrators saving the same next version: the second is told, not given a 500.
        .onConflict((oc) => oc.doNothing())
        .returning('version')
        .executeTakeFirst();
      if (!inserted) return { data, errors: { validFrom: tx.errors.versionNotNext! } };
      await scope.audit({
        action: 'workload.manageWeights',
        recordType: 'workloadSettings',
        reason: `version ${candidate.version} from ${candidate.validFrom}`,
      });
      return null;
    });
    if (!outcome) return reply.redirect('/admin/workload?notice=saved', 303);
    return sendPage(
      reply,
      <WorkloadSettingsPage
        ctx={pageContext(request)}
        {...outcome.data}
        today={today()}
        errors={outcome.errors}
        values={body}
      />,
      400,
    );
  });
}
