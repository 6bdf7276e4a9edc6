import { Type } from 'typebox';
import { plansCitingExample } from '../action-plans/queries.ts';
import type { FieldError } from '../collaboration/form.ts';
import { fieldErrorTexts } from '../collaboration/messages.ts';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound } from '../platform/http/errors.ts';
import { sendPage } from '../platform/http/render.ts';
import {
  allowTextRefusals,
  isId,
  Line,
  OptionalLine as line,
  OptionalText as text,
} from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import { pageContext } from '../platform/layout/page-context.ts';
import type { CommentRefusal } from './comments.ts';
import { countFacets, filterByFacets } from './facets.ts';
import { goodPracticeTexts } from './i18n/index.ts';
import { approvedComments, publishedExample, publishedMatching } from './queries.ts';
import { pageOfHits, parseExampleSearch } from './search.ts';
import { postComment } from './service.ts';
import { type CommentForm, ExamplePage } from './views/example-page.tsx';
import { ExampleListPage } from './views/list-page.tsx';

const html = { 200: Type.String() };

// Generous at the edge: a bad facet value gets the list's own 400 page, not a bare schema refusal.
const listQuery = Type.Object({
  q: line(1000),
  area: line(100),
  targetGroup: line(100),
  theme: line(100),
  county: line(100),
  size: line(100),
  evidence: line(100),
  kind: line(100),
  page: line(10),
  lang: line(5),
});

const commentBody = Type.Object({
  name: text(1000),
  email: text(1000),
  body: text(60_000),
  website: text(1000),
  _csrf: text(200),
});

/** A person may post a few comments in a while from one address; floods get 429. */
const commentLimit = { rateLimit: { max: 5, timeWindow: '10 minutes' } };

/** A comment's refusals: the common texts, with the public form's own words where it has them. */
export function commentErrorTexts(errors: readonly FieldError<CommentRefusal>[], lang: Lang): FieldErrors {
  const c = goodPracticeTexts(lang).comments.errors;
  const texts = fieldErrorTexts(errors, lang, (code) => c[code]);
  for (const e of errors) {
    if (e.field === 'email' && e.code === 'invalid') texts.email = c.email;
    // A comment is public: the public is told to contact social services, not to write a SIP.
    if (e.code === 'personalIdentityNumber' || e.code === 'coordinationNumber')
      texts[e.field] = c.identityNumber;
  }
  return texts;
}

/**
 * Good examples for everyone, without an account: the list with Swedish search and facets, each
 * published example with its approved comments, and the comment form (the fixed contract points
 * of issue 18). Reads show published content only and are not audited; a comment is.
 */
export async function goodPracticeRoutes(app: App): Promise<void> {
  app.get('/examples', { schema: { querystring: listQuery, response: html } }, async (request, reply) => {
    const ctx = pageContext(request);
    const parsed = parseExampleSearch(request.query);
    const filters = parsed.ok ? parsed.filters : parseExampleSearchEmpty();
    const matching = await publishedMatching(app.db, filters);
    const hits = filterByFacets(matching, filters);
    return sendPage(
      reply,
      <ExampleListPage
        ctx={ctx}
        filters={filters}
        total={hits.length}
        hits={pageOfHits(hits, parsed.ok ? parsed.page : 1)}
        facets={countFacets(matching, filters)}
        badFilter={!parsed.ok}
        today={todayFor(app.config)}
      />,
      parsed.ok ? 200 : 400,
    );
  });

  /** What the example's page shows besides the form, or null when no published example has the id. */
  async function examplePage(id: string) {
    const example = isId(id) ? await publishedExample(app.db, id) : null;
    if (!example) return null;
    return {
      example,
      comments: await approvedComments(app.db, id),
      citedBy: await plansCitingExample(app.db, id),
      today: todayFor(app.config),
    };
  }

  app.get(
    '/examples/:id',
    {
      schema: {
        params: Type.Object({ id: Line(100) }),
        querystring: Type.Object({ lang: line(5), commented: line(5) }),
        response: html,
      },
    },
    async (request, reply) => {
      const ctx = pageContext(request);
      const page = await examplePage(request.params.id);
      if (!page) throw notFound();
      return sendPage(
        reply,
        <ExamplePage
          {...page}
          ctx={ctx}
          form={{ values: {}, errors: {} }}
          received={request.query.commented === '1'}
        />,
      );
    },
  );

  app.post(
    '/examples/:id/comments',
    {
      schema: {
        params: Type.Object({ id: Line(100) }),
        querystring: Type.Object({ lang: line(5) }),
        body: commentBody,
      },
      config: { ...commentLimit, personalData: true },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const ctx = pageContext(request);
      const { id } = request.params;
      if (!isId(id)) throw notFound();
      const outcome = await postComment(
        app.db,
        accessContext(request),
        id,
        request.body,
        todayFor(app.config),
      );
      const langParam = ctx.lang === 'sv' ? '' : `&lang=${ctx.lang}`;
      if (outcome.ok) return reply.redirect(`/examples/${id}?commented=1${langParam}#comment-form`, 303);
      const page = await examplePage(id);
      if (!page) throw notFound();
      const form: CommentForm = {
        values: { name: request.body.name, email: request.body.email, body: request.body.body },
        errors: commentErrorTexts(outcome.errors, ctx.lang),
      };
      return sendPage(reply, <ExamplePage {...page} ctx={ctx} form={form} received={false} />, 400);
    },
  );
}

function parseExampleSearchEmpty() {
  const empty = parseExampleSearch({});
  if (!empty.ok) throw new Error('the empty search is always valid');
  return empty.filters;
}
