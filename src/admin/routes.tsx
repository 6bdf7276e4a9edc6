import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { clearAccountThrottle } from '../auth/throttle.ts';
import { partnerKindOf } from '../partners/domain.ts';
import type { Resource } from '../platform/access/policy.ts';
import { type AccessScope, withAccess } from '../platform/access/scope.ts';
import { checkNewPassword, hashPassword } from '../platform/auth/passwords.ts';
import { destroySessionsOfUser } from '../platform/auth/sessions.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { FormId, Id, OptionalName as name, OptionalText as text } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { type Messages, messages } from '../platform/i18n/messages.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import { pageContext } from '../platform/layout/page-context.ts';
import { entryFor } from '../platform/lookup.ts';
import { type UserFieldError, type UserFormInput, validateUnit, validateUserForm } from './domain.ts';
import { adminTexts } from './i18n/index.ts';
import {
  type AdminUser,
  columnsOf,
  externalSubjectTaken,
  insertUnit,
  insertUser,
  partnerOrganisationsOfMunicipality,
  unitBelongsToMunicipality,
  unitNameTaken,
  unitsOfMunicipality,
  updateUnit,
  updateUser,
  userById,
  usersWithUnits,
} from './queries.ts';
import { UnitsPage, UserFormPage, UsersPage } from './views.tsx';

const html = { 200: Type.String() };
const idParams = Type.Object({ id: Id });
const pageOptions = { preHandler: requireSignedInPage };
const userBody = Type.Object({
  username: name(200),
  displayName: name(300),
  email: text(300),
  role: text(40),
  unitId: Type.Optional(FormId),
  partnerOrganisationId: Type.Optional(FormId),
  administersOrganisation: text(5),
  organisationName: name(300),
  externalSubject: text(300),
  staffId: text(300),
  temporaryPassword: text(1000),
  _csrf: text(200),
});

const administration = (request: FastifyRequest): Resource => ({
  type: 'administration',
  municipalityId: request.actor?.municipalityId ?? '',
});

/** Administration of units and user accounts, for the municipality's administrators only. */
export async function adminRoutes(app: App): Promise<void> {
  const asAdmin = <T,>(
    request: FastifyRequest,
    action: 'unit.manage' | 'user.manage',
    work: (scope: AccessScope) => Promise<T>,
  ) =>
    withAccess(app.db, accessContext(request), async (scope) => {
      scope.authorize(action, administration(request));
      return work(scope);
    });

  // ---- Units ----
  app.get(
    '/admin/units',
    {
      ...pageOptions,
      schema: { querystring: Type.Object({ notice: text(20), lang: text(5) }), response: html },
    },
    async (request, reply) => {
      const units = await asAdmin(request, 'unit.manage', unitsOfMunicipality);
      const tx = adminTexts(request.lang);
      const notice = entryFor({ added: tx.unitAdded, saved: tx.unitSaved }, request.query.notice);
      return sendPage(reply, <UnitsPage ctx={pageContext(request)} units={units} notice={notice} />);
    },
  );

  app.post(
    '/admin/units',
    { ...pageOptions, schema: { body: Type.Object({ name: name(400), kind: text(40), _csrf: text(200) }) } },
    async (request, reply) => {
      const t = request.t;
      const tx = adminTexts(request.lang);
      const { name, kind, errors } = validateUnit(request.body.name, request.body.kind);
      const outcome = await asAdmin(request, 'unit.manage', async (scope) => {
        if (Object.keys(errors).length)
          return { errors: fieldTexts(errors, t), units: await unitsOfMunicipality(scope) };
        const id = await insertUnit(scope, name, kind);
        if (!id)
          return {
            errors: { name: tx.unitExists },
            units: await unitsOfMunicipality(scope),
            status: 409,
          };
        await scope.audit({ action: 'unit.create', recordType: 'unit', recordId: id });
        return null;
      });
      if (!outcome) return reply.redirect('/admin/units?notice=added', 303);
      return sendPage(
        reply,
        <UnitsPage
          ctx={pageContext(request)}
          units={outcome.units}
          errors={outcome.errors}
          values={request.body}
        />,
        outcome.status ?? 400,
      );
    },
  );

  app.post(
    '/admin/units/:id',
    {
      ...pageOptions,
      schema: {
        params: idParams,
        body: Type.Object({
          name: name(400),
          action: Type.Optional(
            Type.Union([Type.Literal('rename'), Type.Literal('activate'), Type.Literal('deactivate')]),
          ),
          _csrf: text(200),
        }),
      },
    },
    async (request, reply) => {
      const t = request.t;
      const tx = adminTexts(request.lang);
      const action = request.body.action ?? 'rename';
      const outcome = await asAdmin(request, 'unit.manage', async (scope) => {
        if (action !== 'rename') {
          if (!(await updateUnit(scope, request.params.id, { active: action === 'activate' })))
            throw notFound();
        } else {
          const { name, errors } = validateUnit(request.body.name, undefined);
          if (Object.keys(errors).length)
            return { errors: fieldTexts(errors, t), units: await unitsOfMunicipality(scope), status: 400 };
          if (await unitNameTaken(scope, name, request.params.id))
            return {
              errors: { name: tx.unitExists },
              units: await unitsOfMunicipality(scope),
              status: 409,
            };
          if (!(await updateUnit(scope, request.params.id, { name }))) throw notFound();
        }
        await scope.audit({ action: `unit.${action}`, recordType: 'unit', recordId: request.params.id });
        return null;
      });
      if (!outcome) return reply.redirect('/admin/units?notice=saved', 303);
      return sendPage(
        reply,
        <UnitsPage ctx={pageContext(request)} units={outcome.units} errors={outcome.errors} />,
        outcome.status,
      );
    },
  );

  // ---- Users ----
  app.get(
    '/admin/users',
    {
      ...pageOptions,
      schema: { querystring: Type.Object({ notice: text(20), lang: text(5) }), response: html },
    },
    async (request, reply) => {
      const users = await asAdmin(request, 'user.manage', async (scope) => {
        const list = await usersWithUnits(scope);
        await scope.audit({ action: 'user.list', recordType: 'user' });
        return list;
      });
      const notice = noticeText(request.query.notice, request.lang);
      return sendPage(reply, <UsersPage ctx={pageContext(request)} users={users} notice={notice} />);
    },
  );

  app.get('/admin/users/new', { ...pageOptions, schema: { response: html } }, async (request, reply) => {
    const lists = await asAdmin(request, 'user.manage', userFormLists);
    return sendPage(
      reply,
      <UserFormPage ctx={pageContext(request)} user={null} lists={lists} values={{ role: 'socialWorker' }} />,
    );
  });

  app.post('/admin/users', { ...pageOptions, schema: { body: userBody } }, async (request, reply) => {
    const tx = adminTexts(request.lang);
    const outcome = await asAdmin(request, 'user.manage', async (scope) => {
      const lists = await userFormLists(scope);
      const errors = await checkUser(scope, request.body, null, request.lang);
      if (errors.fieldErrors) return { lists, errors: errors.fieldErrors, status: 400 };
      const { username, fields, password } = errors.value;
      const id = await insertUser(scope, username, fields, await hashPassword(password));
      if (!id) return { lists, errors: { username: tx.usernameTaken }, status: 409 };
      await scope.audit({ action: 'user.create', recordType: 'user', recordId: id });
      return { id };
    });
    if ('id' in outcome) return reply.redirect(`/admin/users/${outcome.id}?notice=created`, 303);
    return sendPage(
      reply,
      <UserFormPage
        ctx={pageContext(request)}
        user={null}
        lists={outcome.lists}
        values={request.body}
        errors={outcome.errors}
      />,
      outcome.status,
    );
  });

  app.get(
    '/admin/users/:id',
    {
      ...pageOptions,
      schema: {
        params: idParams,
        querystring: Type.Object({ notice: text(30), lang: text(5) }),
        response: html,
      },
    },
    async (request, reply) => {
      const { user, lists } = await asAdmin(request, 'user.manage', async (scope) => {
        const found = await userById(scope, request.params.id);
        if (!found) throw notFound();
        await scope.audit({ action: 'user.read', recordType: 'user', recordId: found.id });
        return { user: found, lists: await userFormLists(scope) };
      });
      return sendPage(
        reply,
        <UserFormPage
          ctx={pageContext(request)}
          user={user}
          lists={lists}
          values={formValues(user)}
          notice={noticeText(request.query.notice, request.lang)}
        />,
      );
    },
  );

  app.post(
    '/admin/users/:id',
    { ...pageOptions, schema: { params: idParams, body: userBody } },
    async (request, reply) => {
      const outcome = await asAdmin(request, 'user.manage', async (scope) => {
        const user = await userById(scope, request.params.id);
        if (!user) throw notFound();
        const checked = await checkUser(scope, request.body, user.id, request.lang);
        if (checked.fieldErrors)
          return { user, lists: await userFormLists(scope), errors: checked.fieldErrors };
        await updateUser(scope, user.id, columnsOf(checked.value.fields));
        // A changed role or unit must not live on in sessions opened with the old rights.
        if (checked.value.fields.role !== user.role || checked.value.fields.unitId !== user.unit_id)
          await destroySessionsOfUser(scope.db, user.id);
        await scope.audit({ action: 'user.update', recordType: 'user', recordId: user.id });
        return null;
      });
      if (!outcome) return reply.redirect(`/admin/users/${request.params.id}?notice=saved`, 303);
      return sendPage(
        reply,
        <UserFormPage
          ctx={pageContext(request)}
          user={outcome.user}
          lists={outcome.lists}
          values={request.body}
          errors={outcome.errors}
        />,
        400,
      );
    },
  );

  const accountAction = (
    path: string,
    notice: string,
    apply: (
      scope: AccessScope,
      user: AdminUser,
      body: { temporaryPassword?: string | undefined },
      lang: Lang,
    ) => Promise<FieldErrors | null>,
  ) =>
    app.post(
      `/admin/users/:id/${path}`,
      {
        ...pageOptions,
        schema: { params: idParams, body: Type.Object({ temporaryPassword: text(1000), _csrf: text(200) }) },
      },
      async (request, reply) => {
        const outcome = await asAdmin(request, 'user.manage', async (scope) => {
          const user = await userById(scope, request.params.id);
          if (!user) throw notFound();
          const errors = await apply(scope, user, request.body, request.lang);
          if (errors) return { user, lists: await userFormLists(scope), errors };
          await scope.audit({ action: `user.${path}`, recordType: 'user', recordId: user.id });
          return null;
        });
        if (!outcome) return reply.redirect(`/admin/users/${request.params.id}?notice=${notice}`, 303);
        return sendPage(
          reply,
          <UserFormPage
            ctx={pageContext(request)}
            user={outcome.user}
            lists={outcome.lists}
            values={formValues(outcome.user)}
            errors={outcome.errors}
          />,
          400,
        );
      },
    );

  accountAction('deactivate', 'saved', async (scope, user, _body, lang) => {
    if (user.id === scope.actor.userId) return { _form: adminTexts(lang).cannotDeactivateSelf };
    await updateUser(scope, user.id, { active: false });
    await destroySessionsOfUser(scope.db, user.id);
    return null;
  });
  accountAction('activate', 'saved', async (scope, user) => {
    await updateUser(scope, user.id, { active: true });
    return null;
  });
  accountAction('unlock', 'unlocked', async (scope, user) => {
    await clearAccountThrottle(scope.db, user.id);
    return null;
  });
  accountAction('reset-second-factor', 'secondFactorReset', async (scope, user) => {
    await updateUser(scope, user.id, { totp_secret_enc: null, totp_last_step: null });
    await destroySessionsOfUser(scope.db, user.id);
    return null;
  });
  accountAction('reset-password', 'passwordReset', async (scope, user, body, lang) => {
    const problem = checkNewPassword(body.temporaryPassword ?? '');
    if (problem) return { temporaryPassword: messages(lang).passwordProblems[problem] };
    await updateUser(scope, user.id, {
      password_hash: await hashPassword(body.temporaryPassword ?? ''),
      must_change_password: true,
    });
    await destroySessionsOfUser(scope.db, user.id);
    return null;
  });
}

async function userFormLists(scope: AccessScope) {
  const [units, organisations] = await Promise.all([
    unitsOfMunicipality(scope),
    partnerOrganisationsOfMunicipality(scope),
  ]);
  return { units, organisations };
}

async function checkUser(scope: AccessScope, body: UserFormInput, userId: string | null, lang: Lang) {
  const t = messages(lang);
  const valid = validateUserForm(body, userId === null);
  const fieldErrors: FieldErrors = valid.ok
    ? {}
    : Object.fromEntries(valid.errors.map((e) => [e.field, userFieldMessage(e, lang)]));
  if (body.unitId && !(await unitBelongsToMunicipality(scope, body.unitId)))
    fieldErrors.unitId = t.errors.field.invalid;
  if (valid.ok && valid.value.fields.partnerOrganisationId) {
    const organisation = (await partnerOrganisationsOfMunicipality(scope)).find(
      (o) => o.id === valid.value.fields.partnerOrganisationId && o.active,
    );
    if (!organisation) fieldErrors.partnerOrganisationId = t.errors.field.invalid;
    else {
      // The user's partner kind and organisation name follow the organisation's record.
      valid.value.fields.partnerKind = partnerKindOf(organisation.kind);
      valid.value.fields.organisationName = organisation.name;
    }
  }
  const subject = body.externalSubject?.trim();
  if (subject && (await externalSubjectTaken(scope, subject, userId)))
    fieldErrors.externalSubject = t.errors.conflict;
  if (!valid.ok || Object.keys(fieldErrors).length) return { fieldErrors } as const;
  return { fieldErrors: null, value: valid.value } as const;
}

function userFieldMessage(error: UserFieldError, lang: Lang): string {
  const t = messages(lang);
  const tx = adminTexts(lang);
  switch (error.code) {
    case 'usernameInvalid':
      return tx.usernameInvalid;
    case 'emailInvalid':
      return tx.emailInvalid;
    case 'partnerKindRequired':
      return tx.partnerKindRequired;
    case 'partnerKindOnlyForPartner':
      return tx.partnerKindOnlyForPartner;
    case 'tooShort':
      return t.passwordProblems.tooShort;
    case 'tooLong':
      return error.field === 'temporaryPassword'
        ? t.passwordProblems.tooLong
        : t.errors.field.tooLong(error.field === 'displayName' ? 100 : 200);
    case 'required':
      return t.errors.field.required;
    default:
      return t.errors.field.invalid;
  }
}

function fieldTexts(errors: Record<string, 'required' | 'tooLong' | 'invalid'>, t: Messages): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, code]) => [
      field,
      {
        required: t.errors.field.required,
        tooLong: t.errors.field.tooLong(200),
        invalid: t.errors.field.invalid,
      }[code],
    ]),
  );
}

function formValues(user: AdminUser): UserFormInput {
  return {
    displayName: user.display_name,
    email: user.email ?? '',
    role: user.role,
    unitId: user.unit_id ?? '',
    partnerOrganisationId: user.partner_organisation_id ?? '',
    administersOrganisation: user.administers_organisation ? 'on' : '',
    organisationName: user.organisation_name ?? '',
    externalSubject: user.external_subject ?? '',
    staffId: user.staff_id ?? '',
  };
}

function noticeText(notice: string | undefined, lang: Lang): string | undefined {
  const tx = adminTexts(lang);
  const texts: Record<string, string> = {
    created: tx.created,
    saved: tx.saved,
    unlocked: tx.unlocked,
    secondFactorReset: tx.secondFactorReset,
    passwordReset: tx.passwordReset,
  };
  return notice ? texts[notice] : undefined;
}
