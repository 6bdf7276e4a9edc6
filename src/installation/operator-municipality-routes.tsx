import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { sendPage } from '../platform/http/render.ts';
import { OptionalName as name, OptionalText as text } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { checkSetupArgs } from './domain.ts';
import { installationTexts } from './i18n/index.ts';
import type { OperatorGate } from './operator-gate.ts';
import { CreatedPage, MunicipalityFormPage, type MunicipalityFormValues } from './operator-views.tsx';
import { insertAdministrator, oneTimePassword, setupMunicipality } from './setup.ts';

const html = { 200: Type.String() };
const formBody = Type.Object({
  municipality: name(200),
  code: text(20),
  admin: name(100),
  adminName: name(200),
  adminEmail: name(200),
  _csrf: text(200),
});
const codeParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{4}$' }) });

/** Which field a setup problem is about: the checks name the command's argument first. */
function fieldOf(problem: string): string {
  const argument = /^--([a-z-]+)/.exec(problem)?.[1] ?? '';
  return (
    {
      municipality: 'municipality',
      code: 'code',
      admin: 'admin',
      'admin-name': 'adminName',
      'admin-email': 'adminEmail',
    }[argument] ?? '_form'
  );
}

/**
 * The operator makes a municipality, or a new first administrator of one (when the last one has
 * gone): the same checks and the same transaction as `npm run setup`, audited in the
 * municipality's chain with the operator's id as the reason (decision 0086).
 */
export async function municipalityRoutes(app: App, gate: OperatorGate): Promise<void> {
  const loginUrl = (code: string) => `${app.config.publicUrl.replace(/\/$/, '')}/login?m=${code}`;
  const check = (values: MunicipalityFormValues) =>
    checkSetupArgs({
      municipality: values.municipality,
      code: values.code,
      admin: values.admin,
      'admin-name': values.adminName,
      'admin-email': values.adminEmail,
    });
  const municipalityOf = (code: string) =>
    app.db
      .selectFrom('municipality')
      .select(['id', 'code', 'name'])
      .where('code', '=', code)
      .executeTakeFirst();

  app.get('/operator/municipalities/new', { schema: { response: html } }, async (request, reply) => {
    const session = await gate.require(request, reply);
    if (!session) return reply;
    return sendPage(
      reply,
      <MunicipalityFormPage
        ctx={pageContext(request)}
        operatorName={session.displayName}
        action="/operator/municipalities/new"
      />,
    );
  });

  app.post('/operator/municipalities/new', { schema: { body: formBody } }, async (request, reply) => {
    const session = await gate.require(request, reply);
    if (!session) return reply;
    const values = request.body;
    const x = installationTexts(request.lang);
    const refuse = (errors: Record<string, string>, status = 400) =>
      sendPage(
        reply,
        <MunicipalityFormPage
          ctx={pageContext(request)}
          operatorName={session.displayName}
          action="/operator/municipalities/new"
          values={values}
          errors={errors}
        />,
        status,
      );
    const checked = check(values);
    if (!checked.ok) {
      const field = fieldOf(checked.problem);
      return refuse({ [field]: problemText(request, field, checked.problem) });
    }
    const outcome = await setupMunicipality(
      app.db,
      checked.input,
      new Date(),
      `operator:${session.operatorId}`,
    );
    if (!outcome.ok) return refuse({ code: x.exists(outcome.existingName) }, 409);
    return sendPage(
      reply,
      <CreatedPage
        ctx={pageContext(request)}
        operatorName={session.displayName}
        municipalityName={checked.input.municipality}
        username={checked.input.admin}
        password={outcome.oneTimePassword ?? ''}
        loginUrl={loginUrl(checked.input.code)}
      />,
    );
  });

  app.get(
    '/operator/municipalities/:code/administrators/new',
    { schema: { params: codeParams, response: html } },
    async (request, reply) => {
      const session = await gate.require(request, reply);
      if (!session) return reply;
      const municipality = await municipalityOf(request.params.code);
      if (!municipality) return reply.callNotFound();
      return sendPage(
        reply,
        <MunicipalityFormPage
          ctx={pageContext(request)}
          operatorName={session.displayName}
          action={`/operator/municipalities/${municipality.code}/administrators/new`}
          municipalityName={municipality.name}
        />,
      );
    },
  );

  app.post(
    '/operator/municipalities/:code/administrators/new',
    { schema: { params: codeParams, body: formBody } },
    async (request, reply) => {
      const session = await gate.require(request, reply);
      if (!session) return reply;
      const municipality = await municipalityOf(request.params.code);
      if (!municipality) return reply.callNotFound();
      const values = { ...request.body, municipality: municipality.name, code: municipality.code };
      const x = installationTexts(request.lang);
      const refuse = (errors: Record<string, string>, status = 400) =>
        sendPage(
          reply,
          <MunicipalityFormPage
            ctx={pageContext(request)}
            operatorName={session.displayName}
            action={`/operator/municipalities/${municipality.code}/administrators/new`}
            municipalityName={municipality.name}
            values={values}
            errors={errors}
          />,
          status,
        );
      const checked = check(values);
      if (!checked.ok) {
        const field = fieldOf(checked.problem);
        return refuse({ [field]: problemText(request, field, checked.problem) });
      }
      const secret = await oneTimePassword(new Date());
      const created = await app.db.transaction().execute(async (trx) => {
        const taken = await trx
          .selectFrom('user_account')
          .select('id')
          .where('municipality_id', '=', municipality.id)
          .where('username', '=', checked.input.admin)
          .executeTakeFirst();
        if (taken) return null;
        const unit = await trx
          .selectFrom('unit')
          .select('id')
          .where('municipality_id', '=', municipality.id)
          .where('kind', '=', 'administration')
          .where('active', '=', true)
          .orderBy('created_at')
          .executeTakeFirst();
        return insertAdministrator(
          trx,
          municipality.id,
          unit?.id ?? null,
          checked.input,
          secret,
          `operator:${session.operatorId}`,
        );
      });
      if (!created) return refuse({ admin: x.usernameTaken }, 409);
      return sendPage(
        reply,
        <CreatedPage
          ctx={pageContext(request)}
          operatorName={session.displayName}
          municipalityName={municipality.name}
          username={checked.input.admin}
          password={secret.password}
          loginUrl={loginUrl(municipality.code)}
        />,
      );
    },
  );
}

/** The setup checks speak English (they are the command's); the page says it in the user's language. */
function problemText(request: FastifyRequest, field: string, problem: string): string {
  if (problem.endsWith('is required')) return request.t.errors.field.required;
  const x = installationTexts(request.lang);
  const texts: Record<string, string> = {
    municipality: x.invalidName,
    code: x.invalidCode,
    admin: x.adminUsernameHint,
    adminName: x.invalidName,
    adminEmail: x.invalidEmail,
  };
  return texts[field] ?? request.t.errors.field.invalid;
}
