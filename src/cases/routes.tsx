import type { FastifyReply, FastifyRequest } from 'fastify';
import { type TSchema, Type } from 'typebox';
import { type Action, decide } from '../platform/access/policy.ts';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { FormId, Id, OptionalText } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import { pageContext } from '../platform/layout/page-context.ts';
import { casesTexts } from './i18n/index.ts';
import { stepErrors } from './messages.ts';
import { closeCase, decide as decideCase, recordFollowUp } from './service/decision.ts';
import { assignResponsible, decideInitialAssessment } from './service/initial-assessment.ts';
import {
  conclude,
  extendDeadline,
  recordChildsVoice,
  recordPartyCommunication,
  saveAssessment,
  waiveChildsVoice,
} from './service/investigation.ts';
import { writeNote } from './service/notes.ts';
import { readCase } from './service/read.ts';
import { caseResource, type StepOutcome } from './service/step.ts';
import { CasePage } from './views/case-page.tsx';
import type { CasePermissions } from './views/shared.tsx';

const text = (maxLength = 40_000) => OptionalText(maxLength);
const html = { 200: Type.String() };
const params = Type.Object({ id: Id });
const pageOptions = { preHandler: requireSignedInPage, config: { personalData: true } };

const notices = [
  'initialSaved',
  'assigned',
  'assessmentSaved',
  'voiceSaved',
  'partySaved',
  'extended',
  'concluded',
  'decisionSaved',
  'closedNotice',
  'followUpSaved',
  'noteSaved',
] as const;
type Notice = (typeof notices)[number];

type Values = Record<string, string | string[] | undefined>;

/** The case page and each step on it: one form per step, back to the page with a notice. */
export async function caseRoutes(app: App): Promise<void> {
  const sections = app.features.contributions('caseSections');
  const onAssigned = app.features.contributions('caseAssigned');
  async function renderCase(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { notice?: string; errors?: FieldErrors; values?: Values },
    status = 200,
  ) {
    const view = await readCase(app.db, accessContext(request), id, sections);
    if (!view) throw notFound();
    const resource = caseResource(view.case);
    const may = (action: Action) => decide(request.actor, action, resource).allowed;
    const can: CasePermissions = {
      update: may('case.update'),
      decideInitial: may('case.decideInitialAssessment'),
      assign: may('case.assign'),
      extend: may('case.extend'),
      decide: may('case.decide'),
      close: may('case.close'),
      note: may('caseNote.write'),
    };
    return sendPage(
      reply,
      <CasePage ctx={pageContext(request)} view={view} today={todayFor(app.config)} can={can} {...extra} />,
      status,
    );
  }

  app.get(
    '/cases/:id',
    {
      ...pageOptions,
      schema: { params, querystring: Type.Object({ notice: text(40), lang: text(5) }), response: html },
    },
    async (request, reply) => {
      const notice = notices.find((n) => n === request.query.notice);
      return renderCase(
        request,
        reply,
        request.params.id,
        notice ? { notice: casesTexts(request.lang)[notice] } : {},
      );
    },
  );

  /** One step's route: parse, run the step, then redirect or show the page again with errors. */
  function step<B extends Record<string, TSchema>>(
    path: string,
    body: B,
    notice: Notice,
    run: (id: string, body: Values, today: string, request: FastifyRequest) => Promise<StepOutcome | null>,
  ) {
    app.post(
      `/cases/:id/${path}`,
      { ...pageOptions, schema: { params, body: Type.Object({ ...body, _csrf: text(200) }) } },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const values = request.body as Values;
        const outcome = await run(id, values, todayFor(app.config), request);
        if (!outcome) throw notFound();
        if (outcome.ok) return reply.redirect(`/cases/${id}?notice=${notice}`, 303);
        const errors =
          'errors' in outcome
            ? stepErrors(outcome.errors, request.lang)
            : { _form: casesTexts(request.lang).refusals[outcome.refusal] ?? request.t.errors.badRequest };
        return renderCase(request, reply, id, { errors, values }, 'errors' in outcome ? 400 : 409);
      },
    );
  }

  const ctx = (request: FastifyRequest) => accessContext(request);
  const s = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

  step(
    'initial-assessment',
    {
      decision: text(40),
      reason: text(),
      childHeard: text(5),
      childNotHeardReason: text(),
      unitId: Type.Optional(FormId),
    },
    'initialSaved',
    (id, b, today, r) =>
      decideInitialAssessment(
        app.db,
        ctx(r),
        id,
        {
          decision: s(b.decision),
          reason: s(b.reason),
          childHeard: s(b.childHeard),
          childNotHeardReason: s(b.childNotHeardReason),
          unitId: s(b.unitId),
        },
        today,
      ),
  );
  step('assign', { responsibleUserId: Id }, 'assigned', (id, b, _today, r) =>
    assignResponsible(app.db, ctx(r), id, s(b.responsibleUserId) ?? '', onAssigned),
  );
  step(
    'assessment',
    { needsText: text(), parentsCapacityText: text(), familyEnvironmentText: text() },
    'assessmentSaved',
    (id, b, _today, r) =>
      saveAssessment(app.db, ctx(r), id, {
        needsText: s(b.needsText),
        parentsCapacityText: s(b.parentsCapacityText),
        familyEnvironmentText: s(b.familyEnvironmentText),
      }),
  );
  step(
    'childs-voice',
    { heldOn: text(40), circumstances: text(), account: text() },
    'voiceSaved',
    (id, b, today, r) =>
      recordChildsVoice(
        app.db,
        ctx(r),
        id,
        { heldOn: s(b.heldOn), circumstances: s(b.circumstances), account: s(b.account) },
        today,
      ),
  );
  step('childs-voice/waive', { waivedReason: text() }, 'voiceSaved', (id, b, _today, r) =>
    waiveChildsVoice(app.db, ctx(r), id, s(b.waivedReason)),
  );
  step(
    'party-communication',
    { communicatedOn: text(40), partyNote: text() },
    'partySaved',
    (id, b, today, r) =>
      recordPartyCommunication(
        app.db,
        ctx(r),
        id,
        { communicatedOn: s(b.communicatedOn), note: s(b.partyNote) },
        today,
      ),
  );
  step('extension', { extendedTo: text(40), extensionReason: text() }, 'extended', (id, b, today, r) =>
    extendDeadline(app.db, ctx(r), id, { extendedTo: s(b.extendedTo), reason: s(b.extensionReason) }, today),
  );
  step('conclusion', { conclusionText: text() }, 'concluded', (id, b, today, r) =>
    conclude(app.db, ctx(r), id, s(b.conclusionText), today),
  );
  step(
    'decision',
    {
      outcome: text(40),
      decisionText: text(),
      interventionIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
      confirmDecision: text(5),
    },
    'decisionSaved',
    (id, b, today, r) =>
      decideCase(
        app.db,
        ctx(r),
        id,
        {
          outcome: s(b.outcome),
          text: s(b.decisionText),
          interventionIds: [b.interventionIds ?? []].flat(),
          confirm: s(b.confirmDecision),
        },
        today,
      ),
  );
  step('closure', { followUpPlanned: text(5), confirmClose: text(5) }, 'closedNotice', (id, b, today, r) =>
    closeCase(
      app.db,
      ctx(r),
      id,
      { followUpPlanned: s(b.followUpPlanned), confirm: s(b.confirmClose) },
      today,
    ),
  );
  step('follow-up', { doneOn: text(40), followUpNote: text() }, 'followUpSaved', (id, b, today, r) =>
    recordFollowUp(app.db, ctx(r), id, { doneOn: s(b.doneOn), note: s(b.followUpNote) }, today),
  );
  step(
    'notes',
    { eventDate: text(40), body: text(), correctsNoteId: Type.Optional(FormId) },
    'noteSaved',
    (id, b, today, r) =>
      writeNote(
        app.db,
        ctx(r),
        id,
        { eventDate: s(b.eventDate), body: s(b.body), correctsNoteId: s(b.correctsNoteId) || undefined },
        today,
      ),
  );
}
