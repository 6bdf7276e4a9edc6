import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { adminTexts } from '../admin/i18n/index.ts';
import { clearAccountThrottle } from '../auth/throttle.ts';
import { decide, type Resource } from '../platform/access/policy.ts';
import { type AccessScope, withAccess } from '../platform/access/scope.ts';
import { checkNewPassword, hashPassword } from '../platform/auth/passwords.ts';
import { destroySessionsOfUser } from '../platform/auth/sessions.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { Id, OptionalName as name, OptionalText as text } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { type Messages, messages } from '../platform/i18n/messages.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import { pageContext } from '../platform/layout/page-context.ts';
import {
  type OrganisationFieldError,
  type PartnerUserFieldError,
  partnerKindOf,
  validateOrganisation,
  validatePartnerUser,
} from './domain.ts';
import { partnersTexts } from './i18n/index.ts';
import {
  externalSubjectTaken,
  insertOrganisation,
  insertPartnerUser,
  isOrganisationUser,
  type OrganisationRecord,
  organisationById,
  organisationNameTaken,
  organisationsWithUserCounts,
  updateOrganisation,
  updateOrganisationUser,
  usersOfOrganisation,
} from './queries.ts';
import { OrganisationPage, OrganisationsPage } from './views.tsx';

const html = { 200: Type.String() };
const pageOptions = { preHandler: requireSignedInPage };
const organisationParams = Type.Object({ id: Id });
const organisationBody = Type.Object({
  name: name(400),
  kind: text(40),
  externalId: text(200),
  active: text(5),
  _csrf: text(200),
});
const userBody = Type.Object({
  username: name(200),
  displayName: name(300),
  email: text(300),
  staffId: text(300),
  externalSubject: text(300),
  administersOrganisation: text(5),
  temporaryPassword: text(1000),
  _csrf: text(200),
});
const userActions = [
  'deactivate',
  'activate',
  'unlock',
  'resetSecondFactor',
  'resetPassword',
  'grantAdmin',
  'revokeAdmin',
] as const;
type UserAction = (typeof userActions)[number];

const administration = (request: FastifyRequest): Resource => ({
  type: 'administration',
  municipalityId: request.actor?.municipalityId ?? '',
});
const organisationResource = (request: FastifyRequest, organisationId: string): Resource => ({
  type: 'partnerOrganisation',
  municipalityId: request.actor?.municipalityId ?? '',
  organisationId,
});

/**
 * Partner organisations and their users. The municipality's administrators set up organisations;
 * each organisation's users are administered by the municipality's administrators or by the
 * organisation's own administrators (docs/decisions/0030). Staff data: audited, not personal data
 * of a child.
 */
export async function partnerRoutes(app: App): Promise<void> {
  const canManageOrganisations = (request: FastifyRequest) =>
    decide(request.actor, 'partnerOrganisation.manage', administration(request)).allowed;

  app.get(
    '/admin/organisations',
    {
      ...pageOptions,
      schema: { querystring: Type.Object({ notice: text(20), lang: text(5) }), response: html },
    },
    async (request, reply) => {
      const organisations = await withAccess(app.db, accessContext(request), async (scope) => {
        scope.authorize('partnerOrganisation.manage', administration(request));
        return organisationsWithUserCounts(scope);
      });
      const notice = request.query.notice === 'added' ? partnersTexts(request.lang).added : undefined;
      return sendPage(
        reply,
        <OrganisationsPage ctx={pageContext(request)} organisations={organisations} notice={notice} />,
      );
    },
  );

  app.post(
    '/admin/organisations',
    { ...pageOptions, schema: { body: organisationBody } },
    async (request, reply) => {
      const t = request.t;
      const tx = partnersTexts(request.lang);
      const outcome = await withAccess(app.db, accessContext(request), async (scope) => {
        scope.authorize('partnerOrganisation.manage', administration(request));
        const valid = validateOrganisation(request.body);
        if (!valid.ok)
          return {
            errors: organisationErrors(valid.errors, t),
            organisations: await organisationsWithUserCounts(scope),
            status: 400,
          };
        const id = await insertOrganisation(scope, valid.value);
        if (!id)
          return {
            errors: { name: tx.exists },
            organisations: await organisationsWithUserCounts(scope),
            status: 409,
          };
        await scope.audit({
          action: 'partnerOrganisation.create',
          recordType: 'partnerOrganisation',
          recordId: id,
        });
        return { id };
      });
      if ('id' in outcome) return reply.redirect('/admin/organisations?notice=added', 303);
      return sendPage(
        reply,
        <OrganisationsPage
          ctx={pageContext(request)}
          organisations={outcome.organisations}
          errors={outcome.errors}
          values={request.body}
        />,
        outcome.status,
      );
    },
  );

  /** Loads the organisation after the policy has allowed managing its users; 404 when unknown. */
  const withOrganisation = <T,>(
    request: FastifyRequest,
    organisationId: string,
    work: (scope: AccessScope, organisation: OrganisationRecord) => Promise<T>,
  ) =>
    withAccess(app.db, accessContext(request), async (scope) => {
      scope.authorize('partnerOrganisation.manageUsers', organisationResource(request, organisationId), {
        audit: { recordType: 'partnerOrganisation', recordId: organisationId },
      });
      const organisation = await organisationById(scope, organisationId);
      if (!organisation) throw notFound();
      return work(scope, organisation);
    });

  const renderOrganisation = async (
    request: FastifyRequest,
    organisation: OrganisationRecord,
    scope: AccessScope,
    extra: { errors?: FieldErrors; values?: Record<string, string | undefined>; notice?: string | undefined },
  ) => {
    const users = await usersOfOrganisation(scope, organisation.id);
    await scope.audit({
      action: 'partnerOrganisation.read',
      recordType: 'partnerOrganisation',
      recordId: organisation.id,
    });
    return (
      <OrganisationPage
        ctx={pageContext(request)}
        organisation={organisation}
        users={users}
        canEditOrganisation={canManageOrganisations(request)}
        {...extra}
      />
    );
  };

  app.get(
    '/admin/organisations/:id',
    {
      ...pageOptions,
      schema: {
        params: organisationParams,
        querystring: Type.Object({ notice: text(20), lang: text(5) }),
        response: html,
      },
    },
    async (request, reply) => {
      const tx = partnersTexts(request.lang);
      const notices: Record<string, string> = {
        saved: tx.saved,
        userAdded: tx.userAdded,
        userSaved: tx.userSaved,
      };
      const page = await withOrganisation(request, request.params.id, (scope, organisation) =>
        renderOrganisation(request, organisation, scope, {
          notice: request.query.notice ? notices[request.query.notice] : undefined,
        }),
      );
      return sendPage(reply, page);
    },
  );

  app.post(
    '/admin/organisations/:id',
    { ...pageOptions, schema: { params: organisationParams, body: organisationBody } },
    async (request, reply) => {
      const t = request.t;
      const tx = partnersTexts(request.lang);
      const outcome = await withAccess(app.db, accessContext(request), async (scope) => {
        scope.authorize('partnerOrganisation.manage', administration(request));
        const organisation = await organisationById(scope, request.params.id);
        if (!organisation) throw notFound();
        const valid = validateOrganisation(request.body);
        let errors: FieldErrors | null = null;
        if (!valid.ok) errors = organisationErrors(valid.errors, t);
        else if (await organisationNameTaken(scope, valid.value.name, organisation.id))
          errors = { name: tx.exists };
        if (errors || !valid.ok)
          return renderOrganisation(request, organisation, scope, {
            errors: errors ?? {},
            values: request.body,
          }).then((page) => ({ page }));
        await updateOrganisation(
          scope,
          organisation.id,
          { ...valid.value, active: request.body.active === 'on' },
          partnerKindOf(valid.value.kind),
        );
        await scope.audit({
          action: 'partnerOrganisation.update',
          recordType: 'partnerOrganisation',
          recordId: organisation.id,
        });
        return null;
      });
      if (!outcome) return reply.redirect(`/admin/organisations/${request.params.id}?notice=saved`, 303);
      return sendPage(reply, outcome.page, 400);
    },
  );

  app.post(
    '/admin/organisations/:id/users',
    { ...pageOptions, schema: { params: organisationParams, body: userBody } },
    async (request, reply) => {
      const t = request.t;
      const tx = partnersTexts(request.lang);
      const outcome = await withOrganisation(request, request.params.id, async (scope, organisation) => {
        const valid = validatePartnerUser(request.body);
        let errors: FieldErrors = valid.ok ? {} : userErrors(valid.errors, request.lang);
        const kind = partnerKindOf(organisation.kind);
        if (!organisation.active || !kind) errors._form = tx.deactivateHint;
        if (
          valid.ok &&
          valid.value.externalSubject &&
          (await externalSubjectTaken(scope, valid.value.externalSubject))
        )
          errors = { ...errors, externalSubject: t.errors.conflict };
        let status = 400;
        if (valid.ok && kind && Object.keys(errors).length === 0) {
          const id = await insertPartnerUser(scope, organisation, kind, {
            ...valid.value,
            passwordHash: await hashPassword(valid.value.password),
          });
          if (id) {
            await scope.audit({ action: 'user.create', recordType: 'user', recordId: id });
            return null;
          }
          errors = { username: adminTexts(request.lang).usernameTaken };
          status = 409;
        }
        const { temporaryPassword: _omitted, ...values } = request.body;
        return { page: await renderOrganisation(request, organisation, scope, { errors, values }), status };
      });
      if (!outcome) return reply.redirect(`/admin/organisations/${request.params.id}?notice=userAdded`, 303);
      return sendPage(reply, outcome.page, outcome.status);
    },
  );

  app.post(
    '/admin/organisations/:id/users/:userId',
    {
      ...pageOptions,
      schema: {
        params: Type.Object({ id: Id, userId: Id }),
        body: Type.Object({
          action: Type.Union(userActions.map((a) => Type.Literal(a))),
          temporaryPassword: text(1000),
          _csrf: text(200),
        }),
      },
    },
    async (request, reply) => {
      const t = request.t;
      const tx = partnersTexts(request.lang);
      const { action } = request.body;
      const outcome = await withOrganisation(request, request.params.id, async (scope, organisation) => {
        const userId = request.params.userId;
        const self = userId === scope.actor.userId;
        if (self && (action === 'deactivate' || action === 'revokeAdmin'))
          return renderOrganisation(request, organisation, scope, {
            errors: { _form: tx.cannotChangeSelf },
          }).then((page) => ({ page }));
        if (action === 'resetPassword') {
          const problem = checkNewPassword(request.body.temporaryPassword ?? '');
          if (problem)
            return renderOrganisation(request, organisation, scope, {
              errors: { [`temporaryPassword-${userId}`]: t.passwordProblems[problem] },
            }).then((page) => ({ page }));
        }
        const changes = await changesFor(action, request.body.temporaryPassword ?? '');
        // An unlock changes no column: it forgets the account's failed attempts (src/auth/throttle.ts).
        const changed = changes
          ? await updateOrganisationUser(scope, organisation.id, userId, changes)
          : await isOrganisationUser(scope, organisation.id, userId);
        if (changed && !changes) await clearAccountThrottle(scope.db, userId);
        if (!changed) throw notFound();
        // Anything that changes what the account may do ends its sessions.
        if (action !== 'activate' && action !== 'unlock' && action !== 'grantAdmin')
          await destroySessionsOfUser(scope.db, userId);
        await scope.audit({ action: `user.${action}`, recordType: 'user', recordId: userId });
        return null;
      });
      if (!outcome) return reply.redirect(`/admin/organisations/${request.params.id}?notice=userSaved`, 303);
      return sendPage(reply, outcome.page, 400);
    },
  );
}

async function changesFor(action: UserAction, temporaryPassword: string) {
  switch (action) {
    case 'deactivate':
      return { active: false };
    case 'activate':
      return { active: true };
    case 'unlock':
      return null;
    case 'resetSecondFactor':
      return { totp_secret_enc: null, totp_last_step: null };
    case 'resetPassword':
      return { password_hash: await hashPassword(temporaryPassword), must_change_password: true };
    case 'grantAdmin':
      return { administers_organisation: true };
    case 'revokeAdmin':
      return { administers_organisation: false };
  }
}

function organisationErrors(errors: OrganisationFieldError[], t: Messages): FieldErrors {
  return Object.fromEntries(
    errors.map((e) => [
      e.field,
      {
        required: t.errors.field.required,
        tooLong: t.errors.field.tooLong(e.field === 'name' ? 200 : 100),
        invalid: t.errors.field.invalid,
      }[e.code],
    ]),
  );
}

function userErrors(errors: PartnerUserFieldError[], lang: Lang): FieldErrors {
  return Object.fromEntries(errors.map((e) => [e.field, userErrorMessage(e, lang)]));
}

function userErrorMessage(e: PartnerUserFieldError, lang: Lang): string {
  const t = messages(lang);
  switch (e.code) {
    case 'usernameInvalid':
      return adminTexts(lang).usernameInvalid;
    case 'emailInvalid':
      return adminTexts(lang).emailInvalid;
    case 'required':
      return t.errors.field.required;
    case 'tooShort':
      return t.passwordProblems.tooShort;
    case 'tooLong':
      return e.field === 'temporaryPassword'
        ? t.passwordProblems.tooLong
        : t.errors.field.tooLong(e.field === 'displayName' ? 100 : 200);
  }
}
