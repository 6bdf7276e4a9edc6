import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { decide } from '../platform/access/policy.ts';
import { AccessDenied, ensureAllowed } from '../platform/access/scope.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { Id, OptionalName as name, OptionalText as text } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { entryFor } from '../platform/lookup.ts';
import { peopleTexts } from './i18n/index.ts';
import { personFieldErrors } from './messages.ts';
import { addGuardian, createPerson, readPerson, searchPeople, setCountryOfBirth } from './service.ts';
import { NewPersonPage, PersonPage, SearchPage } from './views.tsx';

const html = { 200: Type.String() };
const personParams = Type.Object({ id: Id });
const pageOptions = { preHandler: requireSignedInPage, config: { personalData: true } };

export const newPersonBody = Type.Object({
  givenName: name(300),
  familyName: name(300),
  personalNumber: text(40),
  noPersonalNumber: text(5),
  birthDate: text(40),
  streetAddress: text(500),
  postalCode: text(40),
  city: name(300),
  protectedIdentity: text(40),
  countryOfBirth: text(10),
  _csrf: text(200),
});

const register = (request: FastifyRequest) => ({
  type: 'personRegister' as const,
  municipalityId: request.actor?.municipalityId ?? '',
});

export async function peopleRoutes(app: App): Promise<void> {
  // What other features show on a person's page (coordinated plans today).
  const sections = app.features.contributions('personSections');
  app.get(
    '/people',
    { ...pageOptions, schema: { querystring: Type.Object({ q: text(200), lang: text(5) }), response: html } },
    async (request, reply) => {
      const q = request.query.q;
      if (q === undefined) {
        // The empty search page shows no one; it still needs the right to search.
        ensureAllowed(request.actor, 'person.search', register(request));
        return sendPage(
          reply,
          <SearchPage ctx={pageContext(request)} q="" results={null} more={false} tooShort={false} />,
        );
      }
      const { query, results, more } = await searchPeople(app.db, accessContext(request), q);
      const tooShort = query.kind === 'tooShort';
      return sendPage(
        reply,
        <SearchPage
          ctx={pageContext(request)}
          q={q}
          results={tooShort ? null : results}
          more={more}
          tooShort={tooShort}
        />,
        tooShort ? 400 : 200,
      );
    },
  );

  // An empty form: no one's data is shown, so nothing to audit.
  const formOptions = { ...pageOptions, config: { personalData: false } };
  app.get('/people/new', { ...formOptions, schema: { response: html } }, async (request, reply) => {
    ensureAllowed(request.actor, 'person.create', register(request));
    return sendPage(reply, <NewPersonPage ctx={pageContext(request)} />);
  });

  app.post('/people', { ...pageOptions, schema: { body: newPersonBody } }, async (request, reply) => {
    const outcome = await createPerson(app.db, accessContext(request), request.body);
    if (outcome.ok) return reply.redirect(`/people/${outcome.id}?notice=created`, 303);
    const ctx = pageContext(request);
    if ('duplicateOf' in outcome) {
      return sendPage(
        reply,
        <NewPersonPage
          ctx={ctx}
          values={request.body}
          errors={{ personalNumber: peopleTexts(ctx.lang).duplicate }}
          duplicateId={outcome.duplicateOf.id}
        />,
        409,
      );
    }
    return sendPage(
      reply,
      <NewPersonPage
        ctx={ctx}
        values={request.body}
        errors={personFieldErrors(outcome.errors, ctx.t, ctx.lang)}
      />,
      400,
    );
  });

  app.get(
    '/people/:id',
    {
      ...pageOptions,
      schema: {
        params: personParams,
        querystring: Type.Object({ notice: text(40), lang: text(5) }),
        response: html,
      },
    },
    async (request, reply) => {
      const view = await readPerson(app.db, accessContext(request), request.params.id, undefined, sections);
      if (!view) throw notFound();
      const tx = peopleTexts(request.lang);
      const notice = entryFor(
        { created: tx.created, relationAdded: tx.relationAdded, countrySaved: tx.countryOfBirthSaved },
        request.query.notice,
      );
      return sendPage(reply, personPage(request, view, { notice }));
    },
  );

  app.post(
    '/people/:id/protected-details',
    {
      ...pageOptions,
      schema: { params: personParams, body: Type.Object({ reason: text(1000), _csrf: text(200) }) },
    },
    async (request, reply) => {
      const reason = request.body.reason ?? '';
      try {
        const view = await readPerson(app.db, accessContext(request), request.params.id, reason, sections);
        if (!view) throw notFound();
        return sendPage(reply, personPage(request, view, {}));
      } catch (error) {
        if (error instanceof AccessDenied && error.reason === 'reasonRequired') {
          const view = await readPerson(
            app.db,
            accessContext(request),
            request.params.id,
            undefined,
            sections,
          );
          if (!view) throw notFound();
          return sendPage(
            reply,
            personPage(request, view, { revealError: request.t.errors.denyReasons.reasonRequired }),
            400,
          );
        }
        throw error;
      }
    },
  );

  app.post(
    '/people/:id/guardians',
    {
      ...pageOptions,
      schema: {
        params: personParams,
        body: Type.Object({
          guardianNumber: text(40),
          kind: Type.Optional(Type.Union([Type.Literal('guardian'), Type.Literal('appointedGuardian')])),
          _csrf: text(200),
        }),
      },
    },
    async (request, reply) => {
      const outcome = await addGuardian(
        app.db,
        accessContext(request),
        request.params.id,
        request.body.guardianNumber ?? '',
        request.body.kind ?? 'guardian',
      );
      if (outcome === 'notFound') throw notFound();
      if (outcome === 'added')
        return reply.redirect(`/people/${request.params.id}?notice=relationAdded`, 303);
      const tx = peopleTexts(request.lang);
      const message = {
        invalidNumber: tx.personalNumberHint,
        guardianNotFound: tx.guardianNotFound,
        self: tx.relationSelf,
        exists: tx.relationExists,
      }[outcome];
      const view = await readPerson(app.db, accessContext(request), request.params.id, undefined, sections);
      if (!view) throw notFound();
      return sendPage(
        reply,
        personPage(request, view, { relationError: message }),
        outcome === 'exists' ? 409 : 400,
      );
    },
  );

  app.post(
    '/people/:id/country-of-birth',
    {
      ...pageOptions,
      schema: { params: personParams, body: Type.Object({ countryOfBirth: text(10), _csrf: text(200) }) },
    },
    async (request, reply) => {
      const outcome = await setCountryOfBirth(
        app.db,
        accessContext(request),
        request.params.id,
        request.body.countryOfBirth,
      );
      if (outcome === 'notFound') throw notFound();
      if (outcome !== 'invalid')
        return reply.redirect(`/people/${request.params.id}?notice=countrySaved`, 303);
      const view = await readPerson(app.db, accessContext(request), request.params.id, undefined, sections);
      if (!view) throw notFound();
      return sendPage(
        reply,
        personPage(request, view, { countryError: peopleTexts(request.lang).countryOfBirthInvalid }),
        400,
      );
    },
  );

  function personPage(
    request: FastifyRequest,
    view: NonNullable<Awaited<ReturnType<typeof readPerson>>>,
    extra: {
      notice?: string | undefined;
      revealError?: string;
      relationError?: string;
      countryError?: string;
    },
  ) {
    const actor = request.actor!;
    const resource = {
      type: 'person' as const,
      municipalityId: view.person.municipality_id,
      protectedIdentity: view.person.protected_identity,
    };
    return (
      <PersonPage
        ctx={pageContext(request)}
        view={view}
        {...extra}
        canUpdate={decide(actor, 'person.update', resource).allowed}
        canReviewLog={
          decide(actor, 'auditLog.review', { type: 'auditLog', municipalityId: actor.municipalityId }).allowed
        }
      />
    );
  }
}
