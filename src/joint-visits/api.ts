import { Type } from 'typebox';
import { accessContext } from '../platform/http/access-context.ts';
import { Id } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import type { PoliceSummary } from './domain.ts';
import { supportResponses } from './schema.ts';
import { policeSummaries, summaryForPolice } from './service.ts';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
  }),
});
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

const SummarySchema = Type.Object({
  id: Id,
  policeReference: Type.String(),
  incidentAt: Type.String({ format: 'date-time' }),
  visitAt: Type.String({ format: 'date-time' }),
  place: Type.String(),
  socialServicesParticipants: Type.String(),
  policeParticipants: Type.String(),
  summary: Type.Optional(nullable(Type.String({ description: 'Only when the consent covers the summary' }))),
  support: Type.Optional(
    Type.Object(
      { offered: Type.String(), response: nullable(Type.Enum([...supportResponses])) },
      { description: 'Only when the consent covers the support offered' },
    ),
  ),
  followUpOn: Type.Optional(Type.String({ format: 'date', description: 'Only when the consent covers it' })),
});

const toJson = (s: PoliceSummary) => ({
  ...s,
  incidentAt: s.incidentAt.toISOString(),
  visitAt: s.visitAt.toISOString(),
});

const personal = { config: { personalData: true } };

/**
 * The police's systems read the summaries of their joint visits as JSON: the same policy as the
 * pages, so a visit without the family's consent, or whose consent was withdrawn, is a 404.
 */
export async function jointVisitApiRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/joint-visits',
    {
      ...personal,
      schema: {
        tags: ['joint-visits'],
        summary: 'The police: summaries of the joint home visits the family’s consent lets the caller read',
        response: { 200: Type.Object({ visits: Type.Array(SummarySchema) }), ...errors },
      },
    },
    async (request) => ({ visits: (await policeSummaries(app.db, accessContext(request))).map(toJson) }),
  );

  app.get(
    '/api/v1/joint-visits/:id',
    {
      ...personal,
      schema: {
        tags: ['joint-visits'],
        summary: 'The police: one joint home visit’s summary, as far as the consent reaches',
        params: Type.Object({ id: Id }),
        response: { 200: SummarySchema, ...errors },
      },
    },
    async (request) => toJson(await summaryForPolice(app.db, accessContext(request), request.params.id)),
  );
}
