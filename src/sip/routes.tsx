import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { peopleTexts } from '../people/i18n/index.ts';
import { ensureAllowed } from '../platform/access/scope.ts';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import type { App } from '../platform/http/types.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import { pageContext } from '../platform/layout/page-context.ts';
import type { ContentFieldError } from './domain.ts';
import { sipTexts } from './i18n/index.ts';
import { consentErrors, contentErrors, requestErrors } from './messages.ts';
import { type SipStatus, sipStatuses } from './schema.ts';
import { consentForm, recordConsent, withdrawConsent } from './service/consent.ts';
import {
  addAction,
  addGoal,
  addNeed,
  type ContentKind,
  inviteOrganisation,
  removeContent,
  removeParticipant,
  updateFrame,
} from './service/content.ts';
import { agree, closeSip, recordFollowUp, reportActionStatus, revise } from './service/lifecycle.ts';
import { listSips } from './service/lists.ts';
import { readSip } from './service/read.ts';
import { isSocialServices } from './service/scope.ts';
import { acceptRequest, declineRequest, requestSip, startSip } from './service/start.ts';
import { ConsentPage } from './views/consent.tsx';
import { FramePage } from './views/frame-page.tsx';
import { FollowUpPage } from './views/lifecycle.tsx';
import { SipListPage } from './views/list-page.tsx';
import { SipPage } from './views/plan-page.tsx';
import { PrintPage } from './views/print-page.tsx';
import { RequestPage } from './views/request.tsx';
import type { Values } from './views/shared.tsx';

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const ids = (maxItems: number) => Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems }));
const uuid = Type.String({ format: 'uuid' });
const html = { 200: Type.String() };
const csrf = { _csrf: text(200) };
const page = { preHandler: requireSignedInPage, config: { personalData: true } };
const sipParams = Type.Object({ id: uuid });
const pageQuery = Type.Object({ notice: text(40), lang: text(5) });
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notices = (lang: Lang): Record<string, string> => {
  const tx = sipTexts(lang);
  return {
    started: tx.started,
    alreadyOpen: tx.alreadyOpen,
    saved: tx.saved,
    invited: tx.invited,
    consentSaved: tx.consentSaved,
    consentWithdrawn: tx.consentWithdrawn,
    agreed: tx.agreed,
    nowActive: tx.nowActive,
    statusSaved: tx.statusSaved,
    followUpSaved: tx.followUpSaved,
    closed: tx.closed,
    revised: tx.revised,
    requestAccepted: tx.requestAccepted,
    requestClosed: tx.requestClosed,
    requestSent: tx.requestSent,
  };
};

/**
 * Coordinated individual plans: started by social services from the child's page (or from a
 * partner's request), written in a draft, agreed by every party, followed up and closed. Partners
 * reach the same pages, and see what the policy and the family's consent let them see.
 */
export async function sipRoutes(app: App): Promise<void> {
  const noticeOf = (request: FastifyRequest, notice: string | undefined) =>
    notice ? notices(request.lang)[notice] : undefined;

  async function showPlan(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { errors?: FieldErrors; values?: Values; notice?: string | undefined },
    status = 200,
  ) {
    const view = await readSip(app.db, accessContext(request), id);
    return sendPage(reply, <SipPage ctx={pageContext(request)} view={view} {...extra} />, status);
  }

  /** After a write: back to the plan with a notice, or the plan again with the errors. */
  async function afterWrite(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    outcome: { ok: true } | { ok: false; errors: readonly ContentFieldError[] },
    notice: string,
    anchor = '',
  ) {
    if (outcome.ok) return reply.redirect(`/sips/${id}?notice=${notice}${anchor}`, 303);
    return showPlan(
      request,
      reply,
      id,
      { errors: contentErrors(outcome.errors, request.lang), values: request.body as Values },
      400,
    );
  }

  // ---- Lists ----

  app.get(
    '/sips',
    {
      ...page,
      schema: {
        querystring: Type.Object({
          child: text(60),
          status: text(20),
          mine: text(5),
          notice: text(40),
          lang: text(5),
        }),
        response: html,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const childId = q.child && uuidPattern.test(q.child) ? q.child : undefined;
      const status = sipStatuses.includes(q.status as SipStatus) ? (q.status as SipStatus) : undefined;
      const listing = await listSips(app.db, accessContext(request), {
        childId,
        status,
        mine: q.mine === 'on',
      });
      const first = childId ? listing.rows.find((r) => r.child_id === childId) : undefined;
      const ctx = pageContext(request);
      return sendPage(
        reply,
        <SipListPage
          ctx={ctx}
          listing={listing}
          filter={{ status: status ?? '', mine: q.mine === 'on', child: childId ?? '' }}
          childName={first?.given_name ? `${first.given_name} ${first.family_name}` : null}
          partner={!isSocialServices(request.actor)}
          notice={noticeOf(request, q.notice)}
        />,
      );
    },
  );

  app.post(
    '/sips',
    { ...page, schema: { body: Type.Object({ childId: uuid, caseId: Type.Optional(uuid), ...csrf }) } },
    async (request, reply) => {
      const { id, existing } = await startSip(
        app.db,
        accessContext(request),
        request.body.childId,
        request.body.caseId,
      );
      return reply.redirect(`/sips/${id}?notice=${existing ? 'alreadyOpen' : 'started'}`, 303);
    },
  );

  // ---- A partner's request ----

  // An empty form: no one's data is shown.
  app.get(
    '/sips/request',
    { preHandler: requireSignedInPage, schema: { querystring: pageQuery, response: html } },
    async (request, reply) => {
      ensureAllowed(request.actor, 'sip.request', {
        type: 'sipRegister',
        municipalityId: request.actor?.municipalityId ?? '',
      });
      return sendPage(reply, <RequestPage ctx={pageContext(request)} />);
    },
  );

  app.post(
    '/sips/requests',
    {
      ...page,
      schema: {
        body: Type.Object({
          childName: text(400),
          personalNumber: text(40),
          reason: text(8000),
          guardiansAgree: text(5),
          ...csrf,
        }),
      },
    },
    async (request, reply) => {
      const outcome = await requestSip(app.db, accessContext(request), request.body);
      if (outcome.ok) return reply.redirect('/sips?notice=requestSent', 303);
      return sendPage(
        reply,
        <RequestPage
          ctx={pageContext(request)}
          errors={requestErrors(outcome.errors, request.lang)}
          values={request.body}
        />,
        400,
      );
    },
  );

  // ---- One plan ----

  app.get(
    '/sips/:id',
    { ...page, schema: { params: sipParams, querystring: pageQuery, response: html } },
    async (request, reply) =>
      showPlan(request, reply, request.params.id, { notice: noticeOf(request, request.query.notice) }),
  );

  app.get(
    '/sips/:id/print',
    { ...page, schema: { params: sipParams, querystring: pageQuery, response: html } },
    async (request, reply) => {
      const view = await readSip(app.db, accessContext(request), request.params.id, 'print');
      if (view.kind === 'request') throw notFound();
      return sendPage(reply, <PrintPage ctx={pageContext(request)} view={view} />);
    },
  );

  app.post(
    '/sips/:id/accept',
    { ...page, schema: { params: sipParams, body: Type.Object({ personalNumber: text(40), ...csrf }) } },
    async (request, reply) => {
      const outcome = await acceptRequest(
        app.db,
        accessContext(request),
        request.params.id,
        request.body.personalNumber,
      );
      if (outcome.ok) return reply.redirect(`/sips/${request.params.id}?notice=requestAccepted`, 303);
      const tx = sipTexts(request.lang);
      return showPlan(
        request,
        reply,
        request.params.id,
        {
          errors: {
            personalNumber:
              outcome.error === 'childNotInRegister'
                ? tx.childNotInRegister
                : peopleTexts(request.lang).personalNumberHint,
          },
          values: request.body,
        },
        400,
      );
    },
  );

  app.post(
    '/sips/:id/decline',
    { ...page, schema: { params: sipParams, body: Type.Object({ declineNote: text(4000), ...csrf }) } },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await declineRequest(
          app.db,
          accessContext(request),
          request.params.id,
          request.body.declineNote ?? '',
        ),
        'requestClosed',
      ),
  );

  // ---- The frame: lead organisation, meeting, follow-up date, summary for the child ----

  const frameBody = Type.Object({
    leadOrganisationId: text(60),
    meetingOn: text(20),
    meetingTime: text(10),
    meetingPlace: text(400),
    followUpOn: text(20),
    familyParticipants: text(2000),
    summaryForChild: text(8000),
    ...csrf,
  });

  app.get(
    '/sips/:id/plan',
    { ...page, schema: { params: sipParams, querystring: pageQuery, response: html } },
    async (request, reply) => {
      const view = await readSip(app.db, accessContext(request), request.params.id);
      if (!view.can.update) throw notFound();
      return sendPage(reply, <FramePage ctx={pageContext(request)} view={view} />);
    },
  );

  app.post(
    '/sips/:id/plan',
    { ...page, schema: { params: sipParams, body: frameBody } },
    async (request, reply) => {
      const outcome = await updateFrame(app.db, accessContext(request), request.params.id, request.body);
      if (outcome.ok) return reply.redirect(`/sips/${request.params.id}?notice=saved`, 303);
      const view = await readSip(app.db, accessContext(request), request.params.id);
      return sendPage(
        reply,
        <FramePage
          ctx={pageContext(request)}
          view={view}
          errors={contentErrors(outcome.errors, request.lang)}
          values={request.body}
        />,
        400,
      );
    },
  );

  // ---- Parties ----

  app.post(
    '/sips/:id/participants',
    {
      ...page,
      schema: {
        params: sipParams,
        body: Type.Object({ organisationId: text(60), contactName: text(400), ...csrf }),
      },
    },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await inviteOrganisation(app.db, accessContext(request), request.params.id, request.body),
        'invited',
        '#participants-heading',
      ),
  );

  app.post(
    '/sips/:id/participants/:organisationId/remove',
    {
      ...page,
      schema: { params: Type.Object({ id: uuid, organisationId: uuid }), body: Type.Object(csrf) },
    },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await removeParticipant(
          app.db,
          accessContext(request),
          request.params.id,
          request.params.organisationId,
        ),
        'saved',
        '#participants-heading',
      ),
  );

  // ---- Needs, goals, actions ----

  app.post(
    '/sips/:id/needs',
    {
      ...page,
      schema: {
        params: sipParams,
        body: Type.Object({ needArea: text(40), needDescription: text(4000), ...csrf }),
      },
    },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await addNeed(app.db, accessContext(request), request.params.id, {
          area: request.body.needArea,
          description: request.body.needDescription,
        }),
        'saved',
        '#needs-heading',
      ),
  );

  app.post(
    '/sips/:id/goals',
    {
      ...page,
      schema: {
        params: sipParams,
        body: Type.Object({ goalArea: text(40), goal: text(2000), childsWords: text(2000), ...csrf }),
      },
    },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await addGoal(app.db, accessContext(request), request.params.id, {
          area: request.body.goalArea,
          goal: request.body.goal,
          childsWords: request.body.childsWords,
        }),
        'saved',
        '#goals-heading',
      ),
  );

  app.post(
    '/sips/:id/actions',
    {
      ...page,
      schema: {
        params: sipParams,
        body: Type.Object({
          actionDescription: text(2000),
          goalId: text(60),
          responsible: text(60),
          responsibleOther: text(400),
          responsiblePerson: text(400),
          dueOn: text(20),
          ...csrf,
        }),
      },
    },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await addAction(app.db, accessContext(request), request.params.id, {
          ...request.body,
          description: request.body.actionDescription,
        }),
        'saved',
        '#actions-heading',
      ),
  );

  for (const [segment, kind] of [
    ['needs', 'need'],
    ['goals', 'goal'],
    ['actions', 'action'],
  ] as const satisfies readonly (readonly [string, ContentKind])[]) {
    app.post(
      `/sips/:id/${segment}/:itemId/remove`,
      { ...page, schema: { params: Type.Object({ id: uuid, itemId: uuid }), body: Type.Object(csrf) } },
      async (request, reply) =>
        afterWrite(
          request,
          reply,
          request.params.id,
          await removeContent(app.db, accessContext(request), request.params.id, kind, request.params.itemId),
          'saved',
          `#${segment}-heading`,
        ),
    );
  }

  app.post(
    '/sips/:id/actions/:actionId/status',
    {
      ...page,
      schema: {
        params: Type.Object({ id: uuid, actionId: uuid }),
        body: Type.Object({ status: text(20), note: text(2000), ...csrf }),
      },
    },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await reportActionStatus(
          app.db,
          accessContext(request),
          request.params.id,
          request.params.actionId,
          request.body,
        ),
        'statusSaved',
        '#actions-heading',
      ),
  );

  // ---- Consent ----

  const consentBody = Type.Object({
    givenOn: text(20),
    validUntil: text(20),
    guardianIds: ids(20),
    guardiansNote: text(2000),
    childsView: text(20),
    childsViewNote: text(4000),
    organisationIds: ids(50),
    informationKinds: ids(10),
    ...csrf,
  });

  app.get(
    '/sips/:id/consent',
    { ...page, schema: { params: sipParams, querystring: pageQuery, response: html } },
    async (request, reply) => {
      const form = await consentForm(app.db, accessContext(request), request.params.id);
      return sendPage(
        reply,
        <ConsentPage
          ctx={pageContext(request)}
          sipId={request.params.id}
          today={todayFor(app.config)}
          {...form}
        />,
      );
    },
  );

  app.post(
    '/sips/:id/consent',
    { ...page, schema: { params: sipParams, body: consentBody } },
    async (request, reply) => {
      const outcome = await recordConsent(app.db, accessContext(request), request.params.id, request.body);
      if (outcome.ok)
        return reply.redirect(`/sips/${request.params.id}?notice=consentSaved#consent-heading`, 303);
      const form = await consentForm(app.db, accessContext(request), request.params.id);
      return sendPage(
        reply,
        <ConsentPage
          ctx={pageContext(request)}
          sipId={request.params.id}
          today={todayFor(app.config)}
          {...form}
          errors={consentErrors(outcome.errors, request.lang)}
          values={request.body}
        />,
        400,
      );
    },
  );

  app.post(
    '/sips/:id/consent/withdraw',
    { ...page, schema: { params: sipParams, body: Type.Object({ withdrawalNote: text(2000), ...csrf }) } },
    async (request, reply) => {
      const outcome = await withdrawConsent(
        app.db,
        accessContext(request),
        request.params.id,
        request.body.withdrawalNote ?? '',
      );
      // A partner who recorded the withdrawal can no longer open the plan: back to their list.
      if (outcome.ok && !isSocialServices(request.actor))
        return reply.redirect('/sips?notice=consentWithdrawn', 303);
      return afterWrite(request, reply, request.params.id, outcome, 'consentWithdrawn', '#consent-heading');
    },
  );

  // ---- Agreement, follow-up, closing ----

  app.post(
    '/sips/:id/agreement',
    { ...page, schema: { params: sipParams, body: Type.Object(csrf) } },
    async (request, reply) => {
      const { active } = await agree(app.db, accessContext(request), request.params.id);
      return reply.redirect(
        `/sips/${request.params.id}?notice=${active ? 'nowActive' : 'agreed'}#agreement-heading`,
        303,
      );
    },
  );

  app.post(
    '/sips/:id/revise',
    { ...page, schema: { params: sipParams, body: Type.Object(csrf) } },
    async (request, reply) => {
      await revise(app.db, accessContext(request), request.params.id);
      return reply.redirect(`/sips/${request.params.id}?notice=revised`, 303);
    },
  );

  app.get(
    '/sips/:id/follow-up',
    { ...page, schema: { params: sipParams, querystring: pageQuery, response: html } },
    async (request, reply) => {
      const view = await readSip(app.db, accessContext(request), request.params.id);
      if (!view.can.followUp) throw notFound();
      return sendPage(reply, <FollowUpPage ctx={pageContext(request)} view={view} />);
    },
  );

  app.post(
    '/sips/:id/follow-up',
    {
      ...page,
      schema: {
        params: sipParams,
        // Each action's status and note come as status-<id> and note-<id>.
        body: Type.Object(
          { heldOn: text(20), note: text(8000), nextFollowUpOn: text(20), ...csrf },
          { additionalProperties: Type.String({ maxLength: 2000 }), maxProperties: 500 },
        ),
      },
    },
    async (request, reply) => {
      const body = request.body as Record<string, string | undefined>;
      const statuses: Record<string, { status?: string; note?: string }> = {};
      for (const [key, value] of Object.entries(body)) {
        const match = /^(status|note)-([0-9a-f-]{36})$/.exec(key);
        if (!match || value === undefined) continue;
        const [, field, actionId] = match as unknown as [string, 'status' | 'note', string];
        statuses[actionId] = { ...statuses[actionId], [field]: value };
      }
      const outcome = await recordFollowUp(app.db, accessContext(request), request.params.id, {
        heldOn: body.heldOn,
        note: body.note,
        nextFollowUpOn: body.nextFollowUpOn,
        statuses,
      });
      if (outcome.ok)
        return reply.redirect(`/sips/${request.params.id}?notice=followUpSaved#follow-ups-heading`, 303);
      const view = await readSip(app.db, accessContext(request), request.params.id);
      return sendPage(
        reply,
        <FollowUpPage
          ctx={pageContext(request)}
          view={view}
          errors={contentErrors(outcome.errors, request.lang)}
          values={body}
        />,
        400,
      );
    },
  );

  app.post(
    '/sips/:id/close',
    {
      ...page,
      schema: { params: sipParams, body: Type.Object({ reason: text(40), closeNote: text(4000), ...csrf }) },
    },
    async (request, reply) =>
      afterWrite(
        request,
        reply,
        request.params.id,
        await closeSip(app.db, accessContext(request), request.params.id, {
          reason: request.body.reason,
          note: request.body.closeNote,
        }),
        'closed',
      ),
  );
}
