import { type RawBuilder, sql } from 'kysely';
import { planAreas, targetGroups, themes } from '../collaboration/areas.ts';
import { counties, municipalitySizeBandIds } from '../collaboration/municipalities.ts';
import { evidenceLevels, exampleKinds } from './examples.ts';

/**
 * Searching the published good examples in Swedish, with facets. The text search is PostgreSQL's
 * (the same on PGlite and PostgreSQL: search.db.test.ts): a stored tsvector in the 'swedish'
 * configuration, queried with each stemmed term as a prefix. The Swedish Snowball stemmer keeps a
 * doubled consonant ("familjehemmen" → familjehemm, "familjehem" → familjehem), so a plain match
 * misses what a reader expects; a prefix of the stem, and of the stem without its doubled last
 * consonant, finds "familjehemmen" from "familjehem" and the other way round, and compounds such as
 * "familjehemsplacerade" too. docs/decisions/0103.
 */

/** The facets a reader narrows by, each with the values it allows (a GET form; links keep them). */
export const exampleFacets = {
  area: planAreas,
  targetGroup: targetGroups,
  theme: themes,
  county: counties.map((c) => c.code),
  size: municipalitySizeBandIds,
  evidence: evidenceLevels,
  kind: exampleKinds,
} as const;
export type ExampleFacet = keyof typeof exampleFacets;
export const exampleFacetNames = Object.keys(exampleFacets) as ExampleFacet[];

export type ExampleFilters = { q: string; terms: string[] } & {
  [F in ExampleFacet]: (typeof exampleFacets)[F][number] | null;
};

export const maxQueryLength = 100;
export const maxTerms = 8;
/** Examples a page lists: a common word matches hundreds at a national installation. */
export const examplesPerPage = 20;

/**
 * Reads the search form. An empty field means "all"; a value that is not one of the facet's is a
 * broken or forged link and is refused as a whole (the route answers 400, as the guide does).
 */
export function parseExampleSearch(
  raw: Partial<Record<'q' | 'page' | ExampleFacet, string | undefined>>,
): { ok: true; filters: ExampleFilters; page: number } | { ok: false } {
  const q = (raw.q ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (q.length > maxQueryLength) return { ok: false };
  const pageText = raw.page || '1';
  const page = Number(pageText);
  if (!/^[0-9]{1,5}$/.test(pageText) || page < 1) return { ok: false };
  const filters = { q, terms: searchTerms(q) } as ExampleFilters;
  for (const facet of exampleFacetNames) {
    const value = raw[facet] ?? '';
    const allowed: readonly string[] = exampleFacets[facet];
    if (value && !allowed.includes(value)) return { ok: false };
    (filters as Record<string, unknown>)[facet] = value || null;
  }
  return { ok: true, filters, page };
}

/** One page of the hits, the page number kept within them (a page past the end shows the last). */
export function pageOfHits<T>(
  hits: readonly T[],
  asked: number,
): { shown: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(hits.length / examplesPerPage));
  const page = Math.min(asked, pages);
  return { shown: hits.slice((page - 1) * examplesPerPage, page * examplesPerPage), page, pages };
}

/**
 * The words of a query as the database gets them: lower case, letters and digits only (so nothing
 * in them is tsquery syntax), two characters or more, each once, at most eight. Diacritics stay:
 * å, ä and ö are letters of their own in Swedish.
 */
export function searchTerms(query: string): string[] {
  const words = query
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => [...w].length >= 2);
  return [...new Set(words)].slice(0, maxTerms);
}

/** The filters as query parameters, in a fixed order, to keep them in links. */
export function filterParams(filters: ExampleFilters): [string, string][] {
  const params: [string, string][] = filters.q ? [['q', filters.q]] : [];
  for (const facet of exampleFacetNames) {
    const value = filters[facet];
    if (value) params.push([facet, value]);
  }
  return params;
}

/** The link for a facet value: chooses it, or clears it when it is already chosen. */
export function toggleFacet(filters: ExampleFilters, facet: ExampleFacet, value: string): [string, string][] {
  const next = { ...filters, [facet]: filters[facet] === value ? null : value } as ExampleFilters;
  return filterParams(next);
}

// ---- SQL, the same on both engines ----

/**
 * The stored search document of an example (a generated column): title and tags weigh most, then
 * the problem and what was done, then the results. `tags_text` is the tags joined by spaces, kept
 * as a column because array_to_string is not immutable and cannot feed a generated column.
 */
export const exampleSearchVectorSql = `
  setweight(to_tsvector('swedish', coalesce(title, '') || ' ' || coalesce(tags_text, '')), 'A') ||
  setweight(to_tsvector('swedish', coalesce(problem, '') || ' ' || coalesce(what_was_done, '')), 'B') ||
  setweight(to_tsvector('swedish', coalesce(results, '')), 'C')`;

/**
 * The query for the terms: every term must match (AND); each is stemmed by the Swedish stemmer
 * and matched as a prefix, with a second prefix without a doubled last consonant. Stop words
 * ("och", "för") drop out. Null when nothing is left, which matches nothing.
 */
export function stemmedPrefixQuery(terms: readonly string[]): RawBuilder<string | null> {
  return sql<string | null>`(
    select to_tsquery('simple', string_agg(
      '(' || stem || ':*' ||
        case when stem ~ '([bcdfghjklmnpqrstvwxz])\\1$' then ' | ' || left(stem, -1) || ':*' else '' end ||
      ')', ' & ' order by term_order))
    from unnest(cast(${[...terms]} as text[])) with ordinality as t(term, term_order),
      lateral unnest(ts_lexize('swedish_stem', t.term)) as stem
  )`;
}

/** Whether a row's search document matches the terms (for a where clause). */
export function matchesTerms(vectorColumn: string, terms: readonly string[]): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(vectorColumn)} @@ ${stemmedPrefixQuery(terms)}`;
}

/** How well a row matches, for ordering the hits (title and tags count most). */
export function matchRank(vectorColumn: string, terms: readonly string[]): RawBuilder<number> {
  return sql<number>`ts_rank_cd(${sql.ref(vectorColumn)}, ${stemmedPrefixQuery(terms)})`;
}
