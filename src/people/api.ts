import { Type } from 'typebox';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound, UserError } from '../platform/http/errors.ts';
import { Id, linePattern } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { peopleTexts } from './i18n/index.ts';
import { personFieldErrors } from './messages.ts';
import type { PersonSummary } from './queries.ts';
import { searchLimit } from './queries.ts';
import { newPersonBody } from './routes.tsx';
import { createPerson, readPerson, searchPeople } from './service.ts';

const PersonSummarySchema = Type.Object({
  id: Id,
  personalNumber: Type.Union([Type.String(), Type.Null()]),
  isCoordinationNumber: Type.Boolean(),
  givenName: Type.String(),
  familyName: Type.String(),
  birthDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  protectedIdentity: Type.String(),
});

const RelativeSchema = Type.Intersect([PersonSummarySchema, Type.Object({ relation: Type.String() })]);

const PersonSchema = Type.Intersect([
  PersonSummarySchema,
  Type.Object({
    countryOfBirth: Type.Union([Type.String({ description: 'ISO 3166-1 alpha-2' }), Type.Null()]),
    address: Type.Union([
      Type.Object({
        streetAddress: Type.Union([Type.String(), Type.Null()]),
        postalCode: Type.Union([Type.String(), Type.Null()]),
        city: Type.Union([Type.String(), Type.Null()]),
      }),
      Type.Null(),
    ]),
    guardians: Type.Array(RelativeSchema),
    children: Type.Array(RelativeSchema),
  }),
]);

const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
  }),
});
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

function summary(p: PersonSummary) {
  return {
    id: p.id,
    personalNumber: p.personal_number,
    isCoordinationNumber: p.is_coordination_number,
    givenName: p.given_name,
    familyName: p.family_name,
    birthDate: p.birth_date,
    protectedIdentity: p.protected_identity,
  };
}

/** The people register as JSON, for other systems of the municipality. Same policy, same audit. */
export async function peopleApiRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['session'],
        summary: 'The signed-in user, and the CSRF token to send as x-csrf-token on writes',
        response: {
          200: Type.Object({
            userId: Type.String(),
            displayName: Type.String(),
            role: Type.String(),
            municipalityId: Type.String(),
            csrfToken: Type.String(),
          }),
          401: ErrorSchema,
        },
      },
    },
    async (request) => {
      const actor = request.actor!;
      return {
        userId: actor.userId,
        displayName: actor.displayName,
        role: actor.role,
        municipalityId: actor.municipalityId,
        csrfToken: request.csrf,
      };
    },
  );

  app.get(
    '/api/v1/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Search people by personal identity number, birth date (YYYYMMDD) or name',
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 200, pattern: linePattern }) }),
        response: {
          200: Type.Object({
            people: Type.Array(PersonSummarySchema, { maxItems: searchLimit }),
            more: Type.Boolean({ description: 'More people match than are listed: refine the query' }),
          }),
          ...errors,
        },
      },
      config: { personalData: true },
    },
    async (request) => {
      const { query, results, more } = await searchPeople(app.db, accessContext(request), request.query.q);
      if (query.kind === 'tooShort')
        throw new UserError(400, 'queryTooShort', (lang) => peopleTexts(lang).tooShort);
      return { people: results.map(summary), more };
    },
  );

  app.get(
    '/api/v1/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'One person with guardians and children; protected whereabouts are left out',
        params: Type.Object({ id: Id }),
        response: { 200: PersonSchema, ...errors },
      },
      config: { personalData: true },
    },
    async (request) => {
      const view = await readPerson(app.db, accessContext(request), request.params.id);
      if (!view) throw notFound();
      const p = view.person;
      return {
        ...summary(p),
        countryOfBirth: p.country_of_birth,
        address: view.revealed
          ? { streetAddress: p.street_address, postalCode: p.postal_code, city: p.city }
          : null,
        guardians: view.guardians.map((r) => ({ ...summary(r), relation: r.kind })),
        children: view.children.map((r) => ({ ...summary(r), relation: r.kind })),
      };
    },
  );

  app.post(
    '/api/v1/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Register a person',
        body: Type.Omit(newPersonBody, ['_csrf']),
        response: { 201: Type.Object({ id: Id }), ...errors },
      },
      config: { personalData: true },
    },
    async (request, reply) => {
      const outcome = await createPerson(app.db, accessContext(request), request.body);
      if (outcome.ok) return reply.code(201).send({ id: outcome.id });
      const t = request.t;
      if ('duplicateOf' in outcome) {
        return reply
          .code(409)
          .send({ error: { code: 'duplicate', message: peopleTexts(request.lang).duplicate } });
      }
      return reply.code(400).send({
        error: {
          code: 'invalid',
          message: t.errorSummaryTitle,
          fields: personFieldErrors(outcome.errors, t, request.lang),
        },
      });
    },
  );
}
