import { Type } from 'typebox';
import { type AccessScope, ensureAllowed, withAccess } from '../platform/access/scope.ts';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { Id, OptionalId, OptionalLine, OptionalName } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { seesWhole } from './access.ts';
import { statisticsTexts } from './i18n/index.ts';
import { earlier } from './periods.ts';
import { unitsOf } from './queries.ts';
import { checkedUnit, pagePeriod } from './service.ts';
import {
  consultantShare,
  defaultTurnoverOptions,
  newStaffWithMentor,
  turnover,
  workersPerManager,
} from './staff.ts';
import {
  addEmployment,
  employmentsOf,
  mentorshipListing,
  mentorshipsOf,
  type StaffProblem,
  staffListing,
  validateEmployment,
  validateEnd,
  validateMentorship,
} from './staff-register.ts';
import { StaffAdminPage, type StaffFigures, StaffStatisticsPage } from './staff-views.tsx';
import { isSmall } from './suppression.ts';

const page = { preHandler: requireSignedInPage };
const html = { 200: Type.String() };
const csrf = { _csrf: OptionalLine(200) };

const texts = (errors: Record<string, StaffProblem>, lang: Lang) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, statisticsTexts(lang).staff.errors[v]]));

/**
 * The staff register for the administrator (`/admin/staff`), and staff figures for the statistics
 * reader and managers (`/statistics/staff`): turnover by a stated formula with and without
 * retirements, consultants, workers per manager, new social workers with a mentor.
 */
export async function staffRoutes(app: App): Promise<void> {
  const admin = <T,>(
    request: Parameters<typeof accessContext>[0],
    work: (scope: AccessScope) => Promise<T>,
  ) =>
    withAccess(app.db, accessContext(request), async (scope) => {
      scope.authorize('staff.manage', { type: 'administration', municipalityId: scope.actor.municipalityId });
      return work(scope);
    });
  const listing = async (scope: AccessScope) => ({
    employments: await staffListing(scope.db, scope.actor.municipalityId),
    mentorships: await mentorshipListing(scope.db, scope.actor.municipalityId),
    units: await unitsOf(scope.db, scope.actor.municipalityId),
  });

  app.get(
    '/admin/staff',
    {
      ...page,
      schema: {
        querystring: Type.Object({ notice: OptionalLine(20), lang: OptionalLine(5) }),
        response: html,
      },
    },
    async (request, reply) => {
      const data = await admin(request, listing);
      const notice = request.query.notice === 'saved' ? statisticsTexts(request.lang).staff.added : undefined;
      return sendPage(reply, <StaffAdminPage ctx={pageContext(request)} {...data} notice={notice} />);
    },
  );

  const employmentBody = Type.Object({
    name: OptionalName(200),
    unitId: OptionalLine(40),
    role: OptionalLine(40),
    startedOn: OptionalLine(10),
    fte: OptionalLine(10),
    consultant: OptionalLine(5),
    ...csrf,
  });
  app.post('/admin/staff', { ...page, schema: { body: employmentBody } }, async (request, reply) => {
    const outcome = await admin(request, async (scope) => {
      const data = await listing(scope);
      const checked = validateEmployment(
        request.body,
        data.units.map((u) => u.id),
      );
      if (!checked.ok) return { data, errors: texts(checked.errors, request.lang) };
      const id = await addEmployment(scope, checked.value);
      await scope.audit({ action: 'staff.manage', recordType: 'employment', recordId: id });
      return null;
    });
    if (!outcome) return reply.redirect('/admin/staff?notice=saved', 303);
    return sendPage(
      reply,
      <StaffAdminPage
        ctx={pageContext(request)}
        {...outcome.data}
        errors={outcome.errors}
        values={request.body}
      />,
      400,
    );
  });

  app.post(
    '/admin/staff/:id/end',
    {
      ...page,
      schema: {
        params: Type.Object({ id: Id }),
        body: Type.Object({ endedOn: OptionalLine(10), endReason: OptionalLine(40), ...csrf }),
      },
    },
    async (request, reply) => {
      const outcome = await admin(request, async (scope) => {
        const m = scope.actor.municipalityId;
        const employment = await scope.db
          .selectFrom('employment')
          .select(['id', 'started_on', 'ended_on'])
          .where('municipality_id', '=', m)
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!employment || employment.ended_on) throw notFound();
        const checked = validateEnd(request.body, employment.started_on);
        if (!checked.ok) return { data: await listing(scope), errors: texts(checked.errors, request.lang) };
        await scope.db
          .updateTable('employment')
          .set({ ended_on: checked.endedOn, end_reason: checked.reason })
          .where('municipality_id', '=', m)
          .where('id', '=', employment.id)
          .execute();
        await scope.audit({
          action: 'staff.manage',
          recordType: 'employment',
          recordId: employment.id,
          reason: 'ended',
        });
        return null;
      });
      if (!outcome) return reply.redirect('/admin/staff?notice=saved', 303);
      return sendPage(
        reply,
        <StaffAdminPage ctx={pageContext(request)} {...outcome.data} errors={outcome.errors} />,
        400,
      );
    },
  );

  app.post(
    '/admin/staff/mentorships',
    {
      ...page,
      schema: {
        body: Type.Object({
          mentorId: OptionalLine(40),
          menteeId: OptionalLine(40),
          fromOn: OptionalLine(10),
          hoursPerWeek: OptionalLine(10),
          ...csrf,
        }),
      },
    },
    async (request, reply) => {
      const outcome = await admin(request, async (scope) => {
        const data = await listing(scope);
        const checked = validateMentorship(
          request.body,
          data.employments.map((e) => e.staff_member_id),
        );
        if (!checked.ok) return { data, errors: texts(checked.errors, request.lang) };
        const v = checked.value;
        const row = await scope.db
          .insertInto('mentorship')
          .values({
            municipality_id: scope.actor.municipalityId,
            mentor_id: v.mentorId,
            mentee_id: v.menteeId,
            from_on: v.from,
            hours_per_week: v.hours,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await scope.audit({ action: 'staff.manage', recordType: 'mentorship', recordId: row.id });
        return null;
      });
      if (!outcome) return reply.redirect('/admin/staff?notice=saved', 303);
      return sendPage(
        reply,
        <StaffAdminPage
          ctx={pageContext(request)}
          {...outcome.data}
          errors={outcome.errors}
          values={request.body}
        />,
        400,
      );
    },
  );

  app.get(
    '/statistics/staff',
    {
      ...page,
      schema: {
        querystring: Type.Object({
          period: OptionalLine(7),
          unit: Type.Optional(Type.Union([Type.Literal(''), OptionalId])),
          lang: OptionalLine(5),
        }),
        response: html,
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      ensureAllowed(actor, 'statistics.read', { type: 'statistics', municipalityId: actor.municipalityId });
      const today = todayFor(app.config);
      const period = pagePeriod(request.query.period, today);
      const unitId = await checkedUnit(app.db, actor.municipalityId, request.query.unit);
      const employments = await employmentsOf(app.db, actor.municipalityId);
      const mentorships = await mentorshipsOf(app.db, actor.municipalityId);
      const day = earlier(period.to, today);
      const options = { ...defaultTurnoverOptions, unitId };
      const all = turnover(employments, period, options);
      const without = turnover(employments, period, { ...options, includeRetirements: false });
      const replacement = turnover(employments, period, { ...options, formula: 'minHiresLeavers' });
      const consultants = consultantShare(employments, day, unitId);
      const perManager = workersPerManager(employments, day, unitId);
      const mentored = newStaffWithMentor(employments, mentorships, day, unitId);
      // Figures about a handful of colleagues point at people: hidden from whoever does not see
      // the unit whole, and so is every figure that would give a hidden count back.
      const hide = !seesWhole(actor, unitId);
      const small = (n: number) => hide && isSmall(n);
      const turnoverHidden = small(all.leavers) || small(all.retirements) || small(all.hires);
      const mentoredHidden = small(mentored.mentored) || small(mentored.newcomers - mentored.mentored);
      const figures: StaffFigures = {
        day,
        turnover: {
          value: turnoverHidden ? null : all.value,
          leavers: turnoverHidden ? null : all.leavers,
          retirements: turnoverHidden ? null : all.retirements,
          hires: turnoverHidden ? null : all.hires,
          averageHeadcount: all.averageHeadcount,
        },
        withoutRetirements: turnoverHidden ? null : without.value,
        replacement: turnoverHidden ? null : replacement.value,
        consultants: small(consultants.consultants) ? null : consultants.value,
        perManager: perManager.value,
        mentored: {
          value: mentoredHidden ? null : mentored.value,
          mentored: mentoredHidden ? null : mentored.mentored,
          newcomers: mentoredHidden ? null : mentored.newcomers,
        },
      };
      const units = await unitsOf(app.db, actor.municipalityId);
      return sendPage(
        reply,
        <StaffStatisticsPage
          ctx={pageContext(request)}
          figures={figures}
          periodKey={period.key}
          unitId={unitId}
          units={units}
        />,
      );
    },
  );
}
