import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type Action, decide } from '../../platform/access/policy.ts';
import { todayFor } from '../../platform/clock.ts';
import { accessContext } from '../../platform/http/access-context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { requireSignedInPage } from '../../platform/http/guards.ts';
import { sendPage } from '../../platform/http/render.ts';
import { Id, Line, OptionalText } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import type { FieldErrors } from '../../platform/layout/forms.tsx';
import { pageContext } from '../../platform/layout/page-context.ts';
import { placementTexts } from '../i18n/index.ts';
import { moreTexts } from '../i18n/more.ts';
import { temporaryBanTexts } from '../i18n/temporary-bans.ts';
import {
  endPlacement,
  movePlacement,
  readHomeAddress,
  recordContact,
  recordFollowUp,
  recordStep,
} from '../service/actions.ts';
import { createPlacement, placementForm } from '../service/create.ts';
import { listPlacements, readPlacement } from '../service/read.ts';
import { recordMovingBan, recordRestriction, recordReview } from '../service/restrictions.ts';
import type { Outcome } from '../service/scope.ts';
import { placementResource } from '../service/scope.ts';
import { recordTemporaryBan, recordTemporaryBanStep } from '../service/temporary-bans.ts';
import { PlacementListPage as ListPageFor } from '../views/list-page.tsx';
import { NewPlacementPage } from '../views/new-placement.tsx';
import { PlacementPage } from '../views/placement-page.tsx';
import { errorTexts, type Values } from '../views/shared.tsx';

const text = (maxLength = 20_000) => OptionalText(maxLength);
const params = Type.Object({ id: Id });
const html = { 200: Type.String() };
export const pageOptions = { preHandler: requireSignedInPage, config: { personalData: true } };
const choices = (maxItems: number) => Type.Optional(Type.Array(Line(60), { maxItems }));
const pageQuery = Type.Object({ notice: text(40), lang: text(5), unit: text(5) });

const notices = [
  'created',
  'contactSaved',
  'stepSaved',
  'moved',
  'endedNotice',
  'followUpSaved',
  'considerationSaved',
] as const;
/** The notices of the restriction forms, in the further texts (src/placements/i18n/more.ts). */
const moreNotices = ['restrictionSaved', 'movingBanSaved', 'reviewSaved'] as const;
/** The notices of the temporary moving ban forms (src/placements/i18n/temporary-bans.ts). */
const banNotices = { temporaryBanSaved: 'saved', temporaryBanStepSaved: 'stepSaved' } as const;
type BanNotice = keyof typeof banNotices;
const isBanNotice = (n: string | undefined): n is BanNotice => !!n && Object.hasOwn(banNotices, n);
type Notice = (typeof notices)[number] | (typeof moreNotices)[number] | BanNotice;

/** The placement pages: the list, the placement from the case's decision, the placement and its forms. */
export async function placementPageRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);

  async function renderPlacement(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { notice?: string; errors?: FieldErrors; values?: Values; address?: string | null },
    status = 200,
  ) {
    const view = await readPlacement(app.db, accessContext(request), id, today());
    if (!view) throw notFound();
    const resource = placementResource(view);
    // Whether to show each form; the address form asks for the reason itself, so any will do here.
    const may = (action: Action) =>
      decide(request.actor, action, resource, { reason: 'x'.repeat(10) }).allowed;
    const can = {
      contact: may('placement.recordContact'),
      update: may('placement.update'),
      end: may('placement.end'),
      consider: may('placement.recordConsideration'),
      readAddress: may('placement.readHomeAddress'),
    };
    return sendPage(
      reply,
      <PlacementPage ctx={pageContext(request)} view={view} can={can} {...extra} />,
      status,
    );
  }

  app.get(
    '/placements',
    { ...pageOptions, schema: { querystring: pageQuery, response: html } },
    async (request, reply) => {
      const unit = request.query.unit === '1';
      const unitId = unit ? (request.actor?.unitId ?? null) : null;
      const listing = await listPlacements(app.db, accessContext(request), { unitId }, today());
      const mayExport = decide(request.actor, 'ivoList.export', {
        type: 'placementRegister',
        municipalityId: request.actor?.municipalityId ?? '',
        unitId: null,
      }).allowed;
      // Only what the user can do: the unit's list is offered to those the policy lets see it.
      const mayListUnit =
        !!request.actor?.unitId &&
        decide(request.actor, 'placement.list', {
          type: 'placementRegister',
          municipalityId: request.actor.municipalityId,
          unitId: request.actor.unitId,
        }).allowed;
      return sendPage(
        reply,
        <ListPageFor
          mayListUnit={mayListUnit}
          ctx={pageContext(request)}
          rows={listing.rows}
          today={today()}
          unit={unit}
          mayExport={mayExport}
        />,
      );
    },
  );

  app.get(
    '/cases/:id/placements/new',
    { ...pageOptions, schema: { params, querystring: pageQuery, response: html } },
    async (request, reply) => {
      const form = await placementForm(app.db, accessContext(request), request.params.id);
      if (!form) throw notFound();
      return sendPage(reply, <NewPlacementPage ctx={pageContext(request)} form={form} />);
    },
  );

  app.post(
    '/cases/:id/placements',
    {
      ...pageOptions,
      schema: {
        params,
        body: Type.Object({
          interventionTypeId: text(40),
          basis: text(10),
          form: text(40),
          homeId: text(40),
          decidedOn: text(40),
          decidedByKind: text(20),
          decidedByName: text(200),
          protocolReference: text(100),
          executedOn: text(40),
          designatedWorkerId: text(40),
          specialReasons: text(2000),
          withGuardian: text(5),
          consultedOn: text(40),
          _csrf: text(200),
        }),
      },
    },
    async (request, reply) => {
      const courtName = placementTexts(request.lang).makers.court;
      const outcome = await createPlacement(
        app.db,
        accessContext(request),
        request.params.id,
        request.body,
        today(),
        courtName,
      );
      if (!outcome) throw notFound();
      if (outcome.ok) return reply.redirect(`/placements/${outcome.id}?notice=created`, 303);
      const form = await placementForm(app.db, accessContext(request), request.params.id);
      if (!form) throw notFound();
      return sendPage(
        reply,
        <NewPlacementPage
          ctx={pageContext(request)}
          form={form}
          values={request.body}
          errors={errorTexts(outcome.errors, request.lang)}
        />,
        400,
      );
    },
  );

  app.get(
    '/placements/:id',
    { ...pageOptions, schema: { params, querystring: pageQuery, response: html } },
    async (request, reply) => {
      const notice = notices.find((n) => n === request.query.notice);
      const more = moreNotices.find((n) => n === request.query.notice);
      const ban = request.query.notice;
      const text = notice
        ? placementTexts(request.lang)[notice]
        : more
          ? moreTexts(request.lang)[more]
          : isBanNotice(ban)
            ? temporaryBanTexts(request.lang)[banNotices[ban]]
            : undefined;
      return renderPlacement(request, reply, request.params.id, text ? { notice: text } : {});
    },
  );

  app.post(
    '/placements/:id/address',
    { ...pageOptions, schema: { params, body: Type.Object({ reason: text(500), _csrf: text(200) }) } },
    async (request, reply) => {
      const reason = request.body.reason?.trim() ?? '';
      if (reason.length < 10)
        return renderPlacement(
          request,
          reply,
          request.params.id,
          { errors: errorTexts({ reason: 'reasonTooShort' }, request.lang) },
          400,
        );
      const address = await readHomeAddress(app.db, accessContext(request), request.params.id, reason);
      return renderPlacement(request, reply, request.params.id, { address });
    },
  );

  /** One form's route: run it, then back to the page with a notice, or the page with the errors. */
  function form(
    path: string,
    body: Parameters<typeof Type.Object>[0],
    notice: Notice,
    run: (id: string, body: Values, today: string, request: FastifyRequest) => Promise<Outcome | null>,
  ) {
    app.post(
      `/placements/:id/${path}`,
      { ...pageOptions, schema: { params, body: Type.Object({ ...body, _csrf: text(200) }) } },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const values = request.body as Values;
        const outcome = await run(id, values, today(), request);
        if (!outcome) throw notFound();
        if (outcome.ok) return reply.redirect(`/placements/${id}?notice=${notice}`, 303);
        return renderPlacement(
          request,
          reply,
          id,
          { errors: errorTexts(outcome.errors, request.lang), values },
          400,
        );
      },
    );
  }

  form(
    'contacts',
    {
      on: text(40),
      kind: text(40),
      place: text(40),
      outcome: text(20),
      childAlone: text(5),
      notAloneReason: text(40),
      attendedTo: choices(10),
      note: text(),
    },
    'contactSaved',
    (id, b, t, r) => recordContact(app.db, accessContext(r), id, b, t),
  );
  form(
    'steps',
    { stepKind: text(60), stepOn: text(40), extendedTo: text(40), stepNote: text() },
    'stepSaved',
    (id, b, t, r) => recordStep(app.db, accessContext(r), id, b, t),
  );
  form(
    'move',
    {
      moveHomeId: text(40),
      moveForm: text(40),
      moveDecidedOn: text(40),
      moveDecidedByKind: text(20),
      moveDecidedByName: text(200),
      moveStartedOn: text(40),
    },
    'moved',
    (id, b, t, r) => movePlacement(app.db, accessContext(r), id, b, t),
  );
  form(
    'end',
    { endedOn: text(40), endOutcome: text(40), reunionPrepared: text(5) },
    'endedNotice',
    (id, b, t, r) => endPlacement(app.db, accessContext(r), id, b, t),
  );
  form(
    'follow-up',
    { followUpStep: text(10), followUpOn: text(40), followUpNote: text() },
    'followUpSaved',
    (id, b, t, r) => recordFollowUp(app.db, accessContext(r), id, b, t),
  );

  // The committee's LVU 14 § decisions, moving bans and their reviews (docs/decisions/0120).
  const decidedBy = (form: string) => ({
    [`${form}ByKind`]: text(20),
    [`${form}ByName`]: text(200),
    [`${form}Protocol`]: text(100),
  });
  form(
    'restrictions',
    { restrictionKind: text(40), restrictionOn: text(40), ...decidedBy('restriction') },
    'restrictionSaved',
    (id, b, t, r) => recordRestriction(app.db, accessContext(r), id, b, t),
  );
  form(
    'moving-bans',
    {
      appliedOn: text(40),
      courtDecidedOn: text(40),
      banId: text(40),
      banCourtOn: text(40),
      ...decidedBy('ban'),
    },
    'movingBanSaved',
    (id, b, t, r) => recordMovingBan(app.db, accessContext(r), id, b, t),
  );
  form(
    'reviews',
    { subject: text(40), reviewedOn: text(40), reviewOutcome: text(20), ...decidedBy('review') },
    'reviewSaved',
    (id, b, t, r) => recordReview(app.db, accessContext(r), id, b, t),
  );

  // Temporary moving bans (27–30 §§ LVU; docs/decisions/0113).
  form(
    'temporary-bans',
    { temporaryOn: text(40), ...decidedBy('temporary') },
    'temporaryBanSaved',
    (id, b, t, r) => recordTemporaryBan(app.db, accessContext(r), id, b, t),
  );
  form(
    'temporary-bans/steps',
    {
      banStepId: text(40),
      banStep: text(20),
      banStepOn: text(40),
      banStepApplicationId: text(40),
      banStepReason: text(2000),
      ...decidedBy('banStep'),
    },
    'temporaryBanStepSaved',
    (id, b, t, r) => recordTemporaryBanStep(app.db, accessContext(r), id, b, t),
  );
}
