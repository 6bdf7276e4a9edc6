import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type AccessScope, withAccess } from '../platform/access/scope.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { Id, OptionalName as name, OptionalText as text } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextField,
} from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import { type PageContext, pageContext } from '../platform/layout/page-context.ts';
import { reportsTexts } from '../reports/i18n/index.ts';
import { organisationKinds } from '../reports/schema.ts';
import { hashApiToken } from '../reports/service.ts';
import { casesTexts } from './i18n/index.ts';

const pageOptions = { preHandler: requireSignedInPage };
const idParams = Type.Object({ id: Id });

/**
 * The administrator's lists for cases: the interventions a decision may grant (with KSI codes),
 * and the API clients whose systems may file concern reports. No children's data here.
 */
export async function caseSettingsRoutes(app: App): Promise<void> {
  const asAdmin = <T,>(request: FastifyRequest, work: (scope: AccessScope) => Promise<T>) =>
    withAccess(app.db, accessContext(request), async (scope) => {
      scope.authorize('caseSettings.manage', {
        type: 'administration',
        municipalityId: scope.actor.municipalityId,
      });
      return work(scope);
    });

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      notice?: string;
      token?: string;
      errors?: FieldErrors;
      values?: Record<string, string | undefined>;
    },
    status = 200,
  ) {
    const data = await asAdmin(request, async (scope) => {
      const m = scope.actor.municipalityId;
      const [interventions, clients] = await Promise.all([
        scope.db
          .selectFrom('intervention_type')
          .select(['id', 'name', 'ksi_code', 'active'])
          .where('municipality_id', '=', m)
          .orderBy('name')
          .execute(),
        scope.db
          .selectFrom('api_client')
          .select(['id', 'name', 'organisation_kind', 'active'])
          .where('municipality_id', '=', m)
          .orderBy('name')
          .execute(),
      ]);
      return { interventions, clients };
    });
    return sendPage(reply, <SettingsPage ctx={pageContext(request)} {...data} {...extra} />, status);
  }

  app.get(
    '/admin/case-settings',
    {
      ...pageOptions,
      schema: {
        querystring: Type.Object({ notice: text(20), lang: text(5) }),
        response: { 200: Type.String() },
      },
    },
    async (request, reply) =>
      render(
        request,
        reply,
        request.query.notice === 'added' ? { notice: casesTexts(request.lang).interventionAdded } : {},
      ),
  );

  app.post(
    '/admin/case-settings/interventions',
    {
      ...pageOptions,
      schema: { body: Type.Object({ name: name(1000), ksiCode: text(100), _csrf: text(200) }) },
    },
    async (request, reply) => {
      const name = (request.body.name ?? '').trim();
      const ksi = (request.body.ksiCode ?? '').trim().toUpperCase();
      const errors: FieldErrors = {};
      const t = request.t;
      const tx = casesTexts(request.lang);
      if (!name) errors.name = t.errors.field.required;
      else if (name.length > 200) errors.name = t.errors.field.tooLong(200);
      if (ksi && !/^[A-Z0-9.]{1,20}$/.test(ksi)) errors.ksiCode = tx.ksiHint;
      if (Object.keys(errors).length) return render(request, reply, { errors, values: request.body }, 400);
      const added = await asAdmin(request, async (scope) => {
        const row = await scope.db
          .insertInto('intervention_type')
          .values({ municipality_id: scope.actor.municipalityId, name, ksi_code: ksi || null })
          .onConflict((oc) => oc.columns(['municipality_id', 'name']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (row)
          await scope.audit({
            action: 'caseSettings.manage',
            recordType: 'interventionType',
            recordId: row.id,
          });
        return !!row;
      });
      if (!added)
        return render(request, reply, { errors: { name: tx.interventionExists }, values: request.body }, 409);
      return reply.redirect('/admin/case-settings?notice=added', 303);
    },
  );

  app.post(
    '/admin/case-settings/interventions/:id/deactivate',
    { ...pageOptions, schema: { params: idParams, body: Type.Object({ _csrf: text(200) }) } },
    async (request, reply) => {
      await asAdmin(request, async (scope) => {
        await scope.db
          .updateTable('intervention_type')
          .set({ active: false })
          .where('municipality_id', '=', scope.actor.municipalityId)
          .where('id', '=', request.params.id)
          .execute();
        await scope.audit({
          action: 'caseSettings.manage',
          recordType: 'interventionType',
          recordId: request.params.id,
        });
      });
      return reply.redirect('/admin/case-settings', 303);
    },
  );

  app.post(
    '/admin/case-settings/api-clients',
    {
      ...pageOptions,
      schema: { body: Type.Object({ clientName: name(1000), organisationKind: text(40), _csrf: text(200) }) },
    },
    async (request, reply) => {
      const name = (request.body.clientName ?? '').trim();
      const kind = request.body.organisationKind ?? '';
      const t = request.t;
      const tx = casesTexts(request.lang);
      const errors: FieldErrors = {};
      if (!name) errors.clientName = t.errors.field.required;
      else if (name.length > 200) errors.clientName = t.errors.field.tooLong(200);
      if (!(organisationKinds as readonly string[]).includes(kind))
        errors.organisationKind = t.errors.field.required;
      if (Object.keys(errors).length) return render(request, reply, { errors, values: request.body }, 400);
      // The token is shown once; only its hash is stored, like a password.
      const token = randomBytes(32).toString('base64url');
      await asAdmin(request, async (scope) => {
        const row = await scope.db
          .insertInto('api_client')
          .values({
            municipality_id: scope.actor.municipalityId,
            name,
            organisation_kind: kind as (typeof organisationKinds)[number],
            token_hash: hashApiToken(token),
            created_by: scope.actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await scope.audit({ action: 'caseSettings.manage', recordType: 'apiClient', recordId: row.id });
      });
      return render(request, reply, { notice: tx.apiClientCreated, token });
    },
  );

  app.post(
    '/admin/case-settings/api-clients/:id/deactivate',
    { ...pageOptions, schema: { params: idParams, body: Type.Object({ _csrf: text(200) }) } },
    async (request, reply) => {
      await asAdmin(request, async (scope) => {
        await scope.db
          .updateTable('api_client')
          .set({ active: false })
          .where('municipality_id', '=', scope.actor.municipalityId)
          .where('id', '=', request.params.id)
          .execute();
        await scope.audit({
          action: 'caseSettings.manage',
          recordType: 'apiClient',
          recordId: request.params.id,
        });
      });
      return reply.redirect('/admin/case-settings', 303);
    },
  );
}

function SettingsPage({
  ctx,
  interventions,
  clients,
  notice,
  token,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  interventions: { id: string; name: string; ksi_code: string | null; active: boolean }[];
  clients: { id: string; name: string; organisation_kind: string; active: boolean }[];
  notice?: string | undefined;
  token?: string | undefined;
  errors?: FieldErrors;
  values?: Record<string, string | undefined>;
}) {
  const { t } = ctx;
  const c = casesTexts(ctx.lang);
  const kinds = reportsTexts(ctx.lang).organisationKinds as Record<string, string>;
  return (
    <Layout ctx={ctx} title={c.settingsTitle}>
      <h1>{c.settingsTitle}</h1>
      {notice ? (
        <Notice>
          {notice} {token ? <code class="secret">{token}</code> : null}
        </Notice>
      ) : null}
      <ErrorSummary t={t} errors={errors} />
      <h2>{c.interventionTypes}</h2>
      <ul class="plain-list">
        {interventions.map((i) => (
          <li key={i.id}>
            {i.name}
            {i.ksi_code ? ` (KSI ${i.ksi_code})` : ''} – {i.active ? c.active : c.deactivated}
            {i.active ? (
              <form
                method="post"
                action={`/admin/case-settings/interventions/${i.id}/deactivate`}
                class="inline-form"
              >
                <CsrfField token={ctx.csrf} />
                <button
                  type="submit"
                  class="button button--secondary button--small"
                  aria-label={`${c.deactivate}: ${i.name}`}
                >
                  {c.deactivate}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      <form method="post" action="/admin/case-settings/interventions" class="panel" novalidate>
        <CsrfField token={ctx.csrf} />
        <TextField
          name="name"
          label={c.interventionName}
          value={values.name}
          error={errors.name}
          maxLength={200}
        />
        <TextField
          name="ksiCode"
          label={c.ksiCode}
          hint={c.ksiHint}
          value={values.ksiCode}
          error={errors.ksiCode}
          width="medium"
          maxLength={20}
        />
        <button type="submit" class="button">
          {c.addIntervention}
        </button>
      </form>
      <h2>{c.apiClients}</h2>
      <p>{c.apiClientsIntro}</p>
      <ul class="plain-list">
        {clients.map((k) => (
          <li key={k.id}>
            {k.name} ({kinds[k.organisation_kind]}) – {k.active ? c.active : c.deactivated}
            {k.active ? (
              <form
                method="post"
                action={`/admin/case-settings/api-clients/${k.id}/deactivate`}
                class="inline-form"
              >
                <CsrfField token={ctx.csrf} />
                <button
                  type="submit"
                  class="button button--secondary button--small"
                  aria-label={`${c.deactivate}: ${k.name}`}
                >
                  {c.deactivate}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      <form method="post" action="/admin/case-settings/api-clients" class="panel" novalidate>
        <CsrfField token={ctx.csrf} />
        <TextField
          name="clientName"
          label={c.apiClientName}
          value={values.clientName}
          error={errors.clientName}
          maxLength={200}
        />
        <SelectField
          name="organisationKind"
          label={c.apiClientKind}
          value={values.organisationKind ?? ''}
          error={errors.organisationKind}
          options={[['', '–'], ...organisationKinds.map((k) => [k, kinds[k] ?? k] as const)]}
        />
        <button type="submit" class="button">
          {c.addApiClient}
        </button>
      </form>
    </Layout>
  );
}
