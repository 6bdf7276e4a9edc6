import { Type } from 'typebox';
import { partnerOrganisationKinds } from '../partners/schema.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { UserError } from '../platform/http/errors.ts';
import { Id, OptionalText } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { messages } from '../platform/i18n/messages.ts';
import { consentState } from './domain/consent.ts';
import { contentErrors } from './messages.ts';
import {
  actionStatuses,
  childsViews,
  goalAreas,
  sipCloseReasons,
  sipInformationKinds,
  sipStatuses,
} from './schema.ts';
import { agree, reportActionStatus } from './service/lifecycle.ts';
import { listSips } from './service/lists.ts';
import { readSip, type SipView } from './service/read.ts';
import { isSocialServices } from './service/scope.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Enum([...values] as T[]);
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const date = Type.String({ format: 'date' });

const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
  }),
});
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

const SipSummarySchema = Type.Object({
  id: Id,
  status: literals(sipStatuses),
  childName: Type.String(),
  personalNumber: nullable(Type.String({ description: 'Social services only' })),
  followUpOn: nullable(date),
  leadOrganisation: nullable(Type.String()),
  coordinator: nullable(Type.String()),
});

const SipSchema = Type.Object({
  id: Id,
  status: literals(sipStatuses),
  contentVersion: Type.Integer({ description: 'Agreements count for the version they were given to' }),
  child: nullable(
    Type.Object({
      givenName: Type.String(),
      familyName: Type.String(),
      birthDate: nullable(date),
      personalNumber: nullable(Type.String({ description: 'Only when the consent covers contact details' })),
    }),
  ),
  coordinator: nullable(Type.String()),
  leadOrganisationId: nullable(Id),
  meeting: nullable(Type.Object({ on: date, time: nullable(Type.String()), place: nullable(Type.String()) })),
  familyParticipants: Type.String(),
  summaryForChild: Type.String(),
  followUpOn: nullable(date),
  agreedOn: nullable(date),
  closed: nullable(
    Type.Object({ on: date, reason: literals(sipCloseReasons), note: nullable(Type.String()) }),
  ),
  consent: nullable(
    Type.Object({
      state: literals(['valid', 'withdrawn', 'expired', 'notYetValid'] as const),
      givenOn: date,
      validUntil: date,
      childsView: literals(childsViews),
      informationKinds: Type.Array(literals(sipInformationKinds)),
      organisationIds: Type.Array(Id),
    }),
  ),
  participants: Type.Array(
    Type.Object({
      organisationId: Id,
      name: Type.String(),
      kind: literals(partnerOrganisationKinds),
      contactName: Type.String(),
      agreed: Type.Boolean({ description: 'Agreed to the current version of the plan' }),
    }),
  ),
  needs: nullable(
    Type.Array(Type.Object({ id: Type.String(), area: literals(goalAreas), description: Type.String() }), {
      description: 'null when the consent does not cover the child’s needs',
    }),
  ),
  goals: Type.Array(
    Type.Object({
      id: Type.String(),
      area: literals(goalAreas),
      goal: Type.String(),
      childsWords: Type.String(),
    }),
  ),
  actions: Type.Array(
    Type.Object({
      id: Type.String(),
      goalId: nullable(Type.String()),
      description: Type.String(),
      responsibleOrganisationId: nullable(Id),
      responsibleOther: nullable(Type.String()),
      responsiblePerson: Type.String(),
      dueOn: date,
      status: literals(actionStatuses),
      statusNote: Type.String(),
    }),
  ),
  followUps: Type.Array(
    Type.Object({
      heldOn: date,
      note: Type.String(),
      nextFollowUpOn: nullable(date),
      actions: Type.Array(
        Type.Object({ actionId: Type.String(), status: literals(actionStatuses), note: Type.String() }),
      ),
    }),
  ),
});

function toJson(view: SipView) {
  const s = view.facts.sip;
  const state = consentState(view.facts.consent, view.today);
  return {
    id: s.id,
    status: s.status,
    contentVersion: s.content_version,
    child: view.child
      ? {
          givenName: view.child.given_name,
          familyName: view.child.family_name,
          birthDate: view.child.birth_date,
          personalNumber: view.child.personal_number,
        }
      : null,
    coordinator: view.coordinatorName,
    leadOrganisationId: s.lead_organisation_id,
    meeting: s.meeting_on ? { on: s.meeting_on, time: s.meeting_time, place: s.meeting_place } : null,
    familyParticipants: s.family_participants,
    summaryForChild: s.summary_for_child,
    followUpOn: s.follow_up_on,
    agreedOn: s.agreed_on,
    closed:
      s.closed_on && s.close_reason ? { on: s.closed_on, reason: s.close_reason, note: s.close_note } : null,
    consent:
      view.consent && state !== 'none'
        ? {
            state,
            givenOn: view.consent.given_on,
            validUntil: view.consent.valid_until,
            childsView: view.consent.childs_view,
            informationKinds: view.consent.information_kinds,
            organisationIds: view.consent.organisationIds,
          }
        : null,
    participants: view.participants.map((p) => ({
      organisationId: p.organisation_id,
      name: p.name,
      kind: p.kind,
      contactName: p.contact_name,
      agreed: p.agreed_version === s.content_version,
    })),
    needs: view.visible.needs || view.socialServices ? view.needs : null,
    goals: view.goals.map((g) => ({ id: g.id, area: g.area, goal: g.goal, childsWords: g.childs_words })),
    actions: view.actions.map((a) => ({
      id: a.id,
      goalId: a.goal_id,
      description: a.description,
      responsibleOrganisationId: a.responsible_organisation_id,
      responsibleOther: a.responsible_other,
      responsiblePerson: a.responsible_person,
      dueOn: a.due_on,
      status: a.status,
      statusNote: a.status_note,
    })),
    followUps: view.followUps.map((f) => ({
      heldOn: f.held_on,
      note: f.note,
      nextFollowUpOn: f.next_follow_up_on,
      actions: f.statuses.map((st) => ({ actionId: st.action_id, status: st.status, note: st.note })),
    })),
  };
}

const params = Type.Object({ id: Id });
const personal = { config: { personalData: true } };

/**
 * Plans as JSON, for the systems of the partners (there is no national exchange format for SIP).
 * The same policy as the pages: a partner's system reads a plan only while the family's consent
 * covers its organisation, and gets 403 the moment it is withdrawn.
 */
export async function sipApiRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/sips',
    {
      ...personal,
      schema: {
        tags: ['sip'],
        summary:
          'The plans the caller may see: all of the municipality for social services, a partner’s own while consent holds',
        response: { 200: Type.Object({ sips: Type.Array(SipSummarySchema) }), ...errors },
      },
    },
    async (request) => {
      const listing = await listSips(app.db, accessContext(request));
      const social = isSocialServices(request.actor);
      return {
        sips: listing.rows.map((r) => ({
          id: r.id,
          status: r.status,
          childName: r.given_name ? `${r.given_name} ${r.family_name}` : (r.requested_child_name ?? ''),
          personalNumber: social ? (r.personal_number ?? null) : null,
          followUpOn: r.follow_up_on,
          leadOrganisation: r.lead_organisation_name,
          coordinator: r.coordinator_name,
        })),
      };
    },
  );

  app.get(
    '/api/v1/sips/:id',
    {
      ...personal,
      schema: {
        tags: ['sip'],
        summary: 'One plan, as far as the consent reaches for the caller’s organisation',
        params,
        response: { 200: SipSchema, ...errors },
      },
    },
    async (request) => {
      const view = await readSip(app.db, accessContext(request), request.params.id, 'api');
      if (view.kind === 'request')
        throw new UserError(404, 'notFound', (lang) => messages(lang).errors.notFound);
      return toJson(view);
    },
  );

  app.post(
    '/api/v1/sips/:id/agreement',
    {
      ...personal,
      schema: {
        tags: ['sip'],
        summary: 'The caller’s organisation agrees to its part of the plan as it reads now',
        params,
        response: { 200: Type.Object({ status: literals(sipStatuses) }), ...errors },
      },
    },
    async (request) => {
      const { active } = await agree(app.db, accessContext(request), request.params.id);
      return { status: active ? ('active' as const) : ('draft' as const) };
    },
  );

  app.post(
    '/api/v1/sips/:id/actions/:actionId/status',
    {
      ...personal,
      schema: {
        tags: ['sip'],
        summary: 'Reports the status of an action the caller’s organisation is responsible for',
        params: Type.Object({
          id: Id,
          actionId: Id,
        }),
        body: Type.Object({
          status: literals(actionStatuses),
          note: OptionalText(1000),
        }),
        response: { 200: Type.Object({ status: literals(actionStatuses) }), ...errors },
      },
    },
    async (request, reply) => {
      const outcome = await reportActionStatus(
        app.db,
        accessContext(request),
        request.params.id,
        request.params.actionId,
        request.body,
      );
      if (!outcome.ok)
        return reply.code(400).send({
          error: {
            code: 'invalid',
            message: request.t.errorSummaryTitle,
            fields: contentErrors(outcome.errors, request.lang),
          },
        });
      return { status: request.body.status };
    },
  );
}
