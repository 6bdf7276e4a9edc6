import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { sendPage } from '../platform/http/render.ts';
import { isId, Line, OptionalText as text } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { filterParams, noFilters, parseFilters } from './domain.ts';
import { guideMessages } from './i18n/index.ts';
import { guideLanguageInfo, isGuideLanguage, negotiateGuideLanguage } from './languages.ts';
import { AccessibilityPage } from './public-views/accessibility-page.tsx';
import { BrowsePage } from './public-views/browse-page.tsx';
import { ChooseMunicipalityPage } from './public-views/choose-municipality-page.tsx';
import { EntryPage } from './public-views/entry-page.tsx';
import type { GuideContext } from './public-views/layout.tsx';
import { LeafletPage } from './public-views/leaflet-page.tsx';
import { GuideNotFoundPage } from './public-views/not-found-page.tsx';
import { WorriedPage } from './public-views/worried-page.tsx';
import {
  allMunicipalities,
  type GuideMunicipality,
  guideSettings,
  municipalityForGuide,
  type PublicEntry,
  publishedEntries,
} from './queries.ts';
import type { GuideLanguage } from './schema.ts';

const css = readFileSync(new URL('./guide.css', import.meta.url));

const html = { 200: Type.String() };
// Generous at the edge: a bad value gets the guide's own page in the reader's language, not a bare 400.
const langParams = Type.Object({ lang: Line(40) });
const baseQuery = { m: text(40) };
const browseQuery = Type.Object({
  ...baseQuery,
  q: text(1000),
  age: text(40),
  situation: text(40),
  organisation: text(40),
  language: text(40),
  level: text(40),
});

/**
 * The public support guide: no login, one URL per language and page, so a link can be shared in
 * the language it was read in (decision 0020). Everything shown is published content.
 */
export async function guideRoutes(app: App): Promise<void> {
  app.get('/assets/guide.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  );

  // The way in: the browser's language picks the guide's, and the address then says it.
  app.get(
    '/guide',
    { schema: { querystring: Type.Object({ ...baseQuery, lang: text(40) }), response: html } },
    async (request, reply) => redirectToLanguage(request, reply, '', request.query),
  );
  app.get(
    '/accessibility',
    { schema: { querystring: Type.Object({ ...baseQuery, lang: text(40) }), response: html } },
    async (request, reply) => redirectToLanguage(request, reply, '/accessibility', request.query),
  );

  function redirectToLanguage(
    request: FastifyRequest,
    reply: FastifyReply,
    page: string,
    query: { m?: string | undefined; lang?: string | undefined },
  ) {
    const lang = isGuideLanguage(query.lang)
      ? query.lang
      : negotiateGuideLanguage(request.headers['accept-language']);
    const m = query.m && /^[0-9]{4}$/.test(query.m) ? `?m=${query.m}` : '';
    return reply.header('vary', 'Accept-Language').redirect(`/guide/${lang}${page}${m}`, 302);
  }

  /** Builds the page context, or answers with the chooser or a not-found page itself. */
  async function context(
    request: FastifyRequest,
    reply: FastifyReply,
    rawLang: string,
    page: string,
    query: [string, string][] = [],
  ): Promise<GuideContext | null> {
    const code = (request.query as { m?: string }).m;
    const lang: GuideLanguage = isGuideLanguage(rawLang) ? rawLang : 'sv';
    const m = guideMessages(lang);
    // A code that is not four digits cannot be a municipality: not found, like an unknown one.
    const found =
      code === undefined || /^[0-9]{4}$/.test(code) ? await municipalityForGuide(app.db, code) : null;
    if (found === null || found === 'choose') {
      await sendPage(
        reply,
        <ChooseMunicipalityPage
          lang={lang}
          m={m}
          municipalities={await allMunicipalities(app.db)}
          page={isGuideLanguage(rawLang) ? page : ''}
        />,
        found === null ? 404 : 200,
      );
      return null;
    }
    const ctx = buildContext(found, lang, code !== undefined, page, query);
    ctx.settings = await guideSettings(app.db, found.id);
    if (!isGuideLanguage(rawLang)) {
      await sendPage(reply, <GuideNotFoundPage ctx={{ ...ctx, page: '', query: [] }} />, 404);
      return null;
    }
    return ctx;
  }

  function buildContext(
    municipality: GuideMunicipality,
    lang: GuideLanguage,
    keepMunicipality: boolean,
    page: string,
    query: [string, string][],
  ): GuideContext {
    return {
      lang,
      info: guideLanguageInfo[lang],
      m: guideMessages(lang),
      municipality,
      keepMunicipality,
      settings: null,
      publicUrl: app.config.publicUrl,
      page,
      query,
    };
  }

  const sortByTitle = (lang: GuideLanguage, entries: PublicEntry[]) => {
    const collator = new Intl.Collator(guideLanguageInfo[lang].htmlLang);
    return entries.sort((a, b) => collator.compare(a.title, b.title));
  };

  app.get(
    '/guide/:lang',
    { schema: { params: langParams, querystring: browseQuery, response: html } },
    async (request, reply) => {
      const parsed = parseFilters(request.query);
      const filters = parsed.ok ? parsed.filters : noFilters;
      const ctx = await context(request, reply, request.params.lang, '', filterParams(filters));
      if (!ctx) return reply;
      const [entries, all] = await Promise.all([
        publishedEntries(app.db, ctx.municipality.id, ctx.lang, filters),
        parsed.ok && filterParams(filters).length === 0
          ? null
          : publishedEntries(app.db, ctx.municipality.id, 'sv', noFilters),
      ]);
      return sendPage(
        reply,
        <BrowsePage
          ctx={ctx}
          filters={filters}
          entries={sortByTitle(ctx.lang, entries)}
          anyPublished={(all ?? entries).length > 0}
          badFilter={!parsed.ok}
        />,
        parsed.ok ? 200 : 400,
      );
    },
  );

  app.get(
    '/guide/:lang/entry/:id',
    {
      schema: {
        params: Type.Object({ lang: Line(40), id: Line(100) }),
        querystring: Type.Object(baseQuery),
        response: html,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const ctx = await context(request, reply, request.params.lang, `/entry/${encodeURIComponent(id)}`);
      if (!ctx) return reply;
      const [entry] = isId(id)
        ? await publishedEntries(app.db, ctx.municipality.id, ctx.lang, noFilters, id)
        : [];
      if (!entry) return sendPage(reply, <GuideNotFoundPage ctx={ctx} message={ctx.m.entry.notFound} />, 404);
      return sendPage(reply, <EntryPage ctx={ctx} entry={entry} />);
    },
  );

  app.get(
    '/guide/:lang/worried',
    { schema: { params: langParams, querystring: Type.Object(baseQuery), response: html } },
    async (request, reply) => {
      const ctx = await context(request, reply, request.params.lang, '/worried');
      if (!ctx) return reply;
      return sendPage(reply, <WorriedPage ctx={ctx} />);
    },
  );

  app.get(
    '/guide/:lang/leaflet',
    { schema: { params: langParams, querystring: Type.Object(baseQuery), response: html } },
    async (request, reply) => {
      const ctx = await context(request, reply, request.params.lang, '/leaflet');
      if (!ctx) return reply;
      const entries = await publishedEntries(app.db, ctx.municipality.id, ctx.lang, noFilters);
      return sendPage(reply, <LeafletPage ctx={ctx} entries={sortByTitle(ctx.lang, entries)} />);
    },
  );

  app.get(
    '/guide/:lang/accessibility',
    { schema: { params: langParams, querystring: Type.Object(baseQuery), response: html } },
    async (request, reply) => {
      const ctx = await context(request, reply, request.params.lang, '/accessibility');
      if (!ctx) return reply;
      return sendPage(reply, <AccessibilityPage ctx={ctx} />);
    },
  );
}
