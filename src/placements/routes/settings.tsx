import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { accessContext } from '../../platform/http/access-context.ts';
import { requireSignedInPage } from '../../platform/http/guards.ts';
import { sendPage } from '../../platform/http/render.ts';
import { Line, OptionalText } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import type { FieldErrors } from '../../platform/layout/forms.tsx';
import { pageContext } from '../../platform/layout/page-context.ts';
import { moreTexts } from '../i18n/more.ts';
import { readPlacementSettings, savePlacementSettings, settingLimits } from '../service/settings.ts';
import { PlacementSettingsPage } from '../views/settings.tsx';
import type { Values } from '../views/shared.tsx';

const text = (maxLength: number) => OptionalText(maxLength);
const pageOptions = { preHandler: requireSignedInPage };
const many = Type.Optional(Type.Array(Line(80), { maxItems: 500 }));

/** The administrator's settings for placements (docs/decisions/0121); no child's data. */
export async function placementSettingsRoutes(app: App): Promise<void> {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string; errors?: FieldErrors; values?: Values },
    status = 200,
  ) {
    const view = await readPlacementSettings(app.db, accessContext(request));
    return sendPage(
      reply,
      <PlacementSettingsPage ctx={pageContext(request)} view={view} {...extra} />,
      status,
    );
  }

  app.get(
    '/admin/placement-settings',
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
        request.query.notice === 'saved' ? { notice: moreTexts(request.lang).settingsSaved } : {},
      ),
  );

  app.post(
    '/admin/placement-settings',
    {
      ...pageOptions,
      schema: {
        body: Type.Object({
          placements: many,
          forms: many,
          visitsPerYear: text(10),
          privateTalksPerYear: text(10),
          registerExtractMaxAgeMonths: text(10),
          _csrf: text(200),
        }),
      },
    },
    async (request, reply) => {
      const body = request.body as Values;
      const outcome = await savePlacementSettings(app.db, accessContext(request), body);
      if (outcome.ok) return reply.redirect('/admin/placement-settings?notice=saved', 303);
      const m = moreTexts(request.lang);
      const errors: FieldErrors = Object.fromEntries(
        Object.keys(outcome.errors).map((field) => {
          const limits = settingLimits[field as keyof typeof settingLimits];
          return [field, limits ? m.numberOutOfRange(limits[0], limits[1]) : m.unknownIntervention];
        }),
      );
      return render(request, reply, { errors, values: body }, 400);
    },
  );
}
