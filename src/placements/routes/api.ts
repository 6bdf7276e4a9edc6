import { Type } from 'typebox';
import { todayFor } from '../../platform/clock.ts';
import { accessContext } from '../../platform/http/access-context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { Id } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { legalBases, placementTypes } from '../model.ts';
import { placementRuleIds } from '../rules.ts';
import { placementResource as contractOf } from '../schedule.ts';
import { listPlacements, readPlacement } from '../service/read.ts';

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
const errors = { 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

/** The fixed contract: a placement with its open duties, each with the clock's rule id. */
const PlacementSchema = Type.Object({
  id: Id,
  childId: Id,
  form: nullable(literals(placementTypes)),
  legalBasis: literals(legalBases),
  decidedOn: date,
  startedOn: nullable(date),
  endedOn: nullable(date),
  lastReconsideredOn: nullable(date),
  duties: Type.Array(
    Type.Object({
      rule: literals(placementRuleIds),
      dueOn: date,
      reference: Type.String({
        description: 'The provision in force on the due date, e.g. "SoL (2025:400) 22 kap. 13 §"',
      }),
    }),
  ),
});

const personal = { config: { personalData: true } };

/** Placements as JSON: the same policy and audit as the pages; partners get nothing. */
export async function placementApiRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/placements',
    {
      ...personal,
      schema: {
        tags: ['placements'],
        summary: 'The ongoing placements the caller may see: their own as designated or responsible worker',
        response: { 200: Type.Object({ placements: Type.Array(PlacementSchema) }), ...errors },
      },
    },
    async (request) => {
      const listing = await listPlacements(
        app.db,
        accessContext(request),
        { unitId: null },
        todayFor(app.config),
      );
      return { placements: listing.rows.map((r) => contractOf(r.facts)) };
    },
  );

  app.get(
    '/api/v1/placements/:id',
    {
      ...personal,
      schema: {
        tags: ['placements'],
        summary: 'One placement with its legal basis, dates and open duties',
        params: Type.Object({ id: Id }),
        response: { 200: PlacementSchema, ...errors },
      },
    },
    async (request) => {
      const view = await readPlacement(
        app.db,
        accessContext(request),
        request.params.id,
        todayFor(app.config),
      );
      if (!view) throw notFound();
      return contractOf(view.facts);
    },
  );
}
