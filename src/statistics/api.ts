import { Type } from 'typebox';
import { ensureAllowed } from '../platform/access/scope.ts';
import { todayFor } from '../platform/clock.ts';
import { Id, Line } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { statisticsTexts } from './i18n/index.ts';
import { apiRow } from './present.ts';
import { apiPeriod, checkedUnit, readIndicators } from './service.ts';

const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
  }),
});
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };
const nullableNumber = Type.Union([Type.Number(), Type.Null()]);

const IndicatorRow = Type.Object({
  id: Type.String({ description: 'The indicator, as in docs/decisions/0090' }),
  label: Type.String({ description: "In the caller's language" }),
  value: Type.Union([Type.Number(), Type.Null()], {
    description: 'A share 0–1, days, a count or a rate; null when suppressed or nothing to measure',
  }),
  numerator: nullableNumber,
  denominator: nullableNumber,
  suppressed: Type.Boolean({
    description: 'Hidden by the small-number rules (counts 1–4 and what reveals them)',
  }),
});

/**
 * The indicators as JSON: `GET /api/v1/statistics/indicators?from=&to=[&unit=]` (the issue's
 * fixed contract). Aggregates only; the statistics reader reads them suppressed, a manager reads
 * their own unit's whole.
 */
export async function statisticsApiRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/statistics/indicators',
    {
      schema: {
        tags: ['statistics'],
        summary: 'The indicators for a range of days, for the municipality or one unit',
        querystring: Type.Object({
          from: Line(10),
          to: Line(10),
          unit: Type.Optional(Id),
          lang: Type.Optional(Line(5)),
        }),
        response: { 200: Type.Array(IndicatorRow), ...errors },
      },
    },
    async (request) => {
      const actor = request.actor!;
      ensureAllowed(actor, 'statistics.read', { type: 'statistics', municipalityId: actor.municipalityId });
      const period = apiPeriod(request.query.from, request.query.to);
      const unitId = await checkedUnit(app.db, actor.municipalityId, request.query.unit);
      const view = await readIndicators(app.db, actor, { period, unitId, today: todayFor(app.config) });
      const texts = statisticsTexts(request.lang);
      return view.shown.map((figure) => apiRow(figure, texts.indicators[figure.id].label));
    },
  );
}
