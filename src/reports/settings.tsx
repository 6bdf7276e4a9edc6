import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { type AccessScope, withAccess } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { OptionalText as text } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { CsrfField, ErrorSummary, type FieldErrors, Notice, TextField } from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import { type PageContext, pageContext } from '../platform/layout/page-context.ts';
import { reportsTexts } from './i18n/index.ts';

/** A Swedish phone number as people write it: digits, spaces, hyphens, an optional leading +. */
export function validSwitchboardPhone(raw: string): string | null {
  const phone = raw.replace(/\s+/g, ' ').trim();
  return /^\+?[0-9][0-9 ()-]{4,38}$/.test(phone) && (phone.match(/[0-9]/g)?.length ?? 0) >= 5 ? phone : null;
}

/** The municipality's switchboard number, or null if the administrator has not set it. */
export async function switchboardPhone(db: Kysely<Database>, municipalityId: string): Promise<string | null> {
  const row = await db
    .selectFrom('report_setting')
    .select('switchboard_phone')
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return row?.switchboard_phone ?? null;
}

/**
 * The administrator's settings for the report form: the switchboard number it gives for "call the
 * switchboard" outside office hours. No one's personal data; the change is audited.
 */
export async function reportSettingsRoutes(app: App): Promise<void> {
  const asAdmin = <T,>(request: FastifyRequest, work: (scope: AccessScope) => Promise<T>) =>
    withAccess(app.db, accessContext(request), async (scope) => {
      scope.authorize('caseSettings.manage', {
        type: 'administration',
        municipalityId: scope.actor.municipalityId,
      });
      return work(scope);
    });

  app.get(
    '/admin/report-settings',
    {
      preHandler: requireSignedInPage,
      schema: {
        querystring: Type.Object({ notice: text(20), lang: text(5) }),
        response: { 200: Type.String() },
      },
    },
    async (request, reply) => {
      const phone = await asAdmin(request, (scope) => switchboardPhone(scope.db, scope.actor.municipalityId));
      const tx = reportsTexts(request.lang);
      return sendPage(
        reply,
        <ReportSettingsPage
          ctx={pageContext(request)}
          phone={phone ?? ''}
          notice={request.query.notice === 'saved' ? tx.settings.saved : undefined}
        />,
      );
    },
  );

  app.post(
    '/admin/report-settings',
    {
      preHandler: requireSignedInPage,
      schema: { body: Type.Object({ switchboardPhone: text(200), _csrf: text(200) }) },
    },
    async (request, reply) => {
      const typed = request.body.switchboardPhone ?? '';
      const phone = validSwitchboardPhone(typed);
      if (!phone) {
        // Checked for permission before the form is answered, so a refusal is the same as for GET.
        await asAdmin(request, async () => undefined);
        const tx = reportsTexts(request.lang);
        return sendPage(
          reply,
          <ReportSettingsPage
            ctx={pageContext(request)}
            phone={typed}
            errors={{
              switchboardPhone: typed.trim() ? tx.settings.phoneInvalid : request.t.errors.field.required,
            }}
          />,
          400,
        );
      }
      await asAdmin(request, async (scope) => {
        await scope.db
          .insertInto('report_setting')
          .values({
            municipality_id: scope.actor.municipalityId,
            switchboard_phone: phone,
            updated_by: scope.actor.userId,
          })
          .onConflict((oc) =>
            oc.column('municipality_id').doUpdateSet({
              switchboard_phone: phone,
              updated_by: scope.actor.userId,
              updated_at: new Date(),
            }),
          )
          .execute();
        await scope.audit({ action: 'caseSettings.manage', recordType: 'reportSettings' });
      });
      return reply.redirect('/admin/report-settings?notice=saved', 303);
    },
  );
}

function ReportSettingsPage({
  ctx,
  phone,
  notice,
  errors = {},
}: {
  ctx: PageContext;
  phone: string;
  notice?: string | undefined;
  errors?: FieldErrors;
}) {
  const s = reportsTexts(ctx.lang).settings;
  return (
    <Layout ctx={ctx} title={s.title}>
      <h1>{s.title}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <p>{s.intro}</p>
      <form method="post" action="/admin/report-settings" novalidate>
        <CsrfField token={ctx.csrf} />
        <TextField
          name="switchboardPhone"
          label={s.switchboardPhone}
          hint={s.switchboardPhoneHint}
          value={phone}
          error={errors.switchboardPhone}
          width="medium"
          maxLength={40}
          autocomplete="off"
        />
        <button type="submit" class="button">
          {s.save}
        </button>
      </form>
    </Layout>
  );
}
