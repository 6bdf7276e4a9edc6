import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { Pager } from '../../platform/layout/pager.tsx';
import { isStale } from '../examples.ts';
import type { FacetCounts } from '../facets.ts';
import { goodPracticeTexts } from '../i18n/index.ts';
import type { ExampleListRow } from '../queries.ts';
import { type ExampleFilters, filterParams, toggleFacet } from '../search.ts';
import { day, facetValueLabel, queryString } from './shared.tsx';

/** The public list of published examples: search in Swedish, facets as links, no JavaScript. */
export function ExampleListPage({
  ctx,
  filters,
  total,
  hits,
  facets,
  badFilter,
  today,
}: {
  ctx: PageContext;
  filters: ExampleFilters;
  total: number;
  hits: { shown: ExampleListRow[]; page: number; pages: number };
  facets: FacetCounts[];
  badFilter: boolean;
  today: string;
}) {
  const g = goodPracticeTexts(ctx.lang);
  const langParam: [string, string][] = ctx.lang === 'sv' ? [] : [['lang', ctx.lang]];
  const chosen = filterParams(filters).filter(([k]) => k !== 'q');
  return (
    <Layout ctx={ctx} title={g.title}>
      <h1>{g.title}</h1>
      <p class="lead">{g.intro}</p>
      <p class="notice">{g.notARecommendation}</p>
      {badFilter ? (
        <div class="error-summary" role="alert">
          <p>{g.badFilter}</p>
        </div>
      ) : null}
      <form method="get" action="/examples" class="search-form">
        <div class="field">
          <label for="q">{g.searchLabel}</label>
          <input
            id="q"
            name="q"
            type="search"
            class="input input--medium"
            value={filters.q}
            maxLength={100}
          />
        </div>
        {chosen.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {ctx.lang === 'sv' ? null : <input type="hidden" name="lang" value={ctx.lang} />}
        <button type="submit" class="button">
          {g.searchButton}
        </button>
      </form>
      <h2 id="narrow">{g.narrow}</h2>
      {facets.map(({ facet, values }) => (
        <nav key={facet} aria-labelledby={`facet-${facet}`} class="facet">
          <h3 id={`facet-${facet}`}>{g.facets[facet]}</h3>
          <ul class="plain-list">
            {values.map(({ value, count }) => {
              const isChosen = filters[facet] === value;
              return (
                <li key={value}>
                  <a
                    href={`/examples${queryString([...toggleFacet(filters, facet, value), ...langParam])}`}
                    aria-current={isChosen ? 'true' : undefined}
                  >
                    {isChosen ? (
                      <strong>{facetValueLabel(g, facet, value)}</strong>
                    ) : (
                      facetValueLabel(g, facet, value)
                    )}{' '}
                    ({count}){isChosen ? <span class="visually-hidden">, {g.chosen}</span> : null}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      ))}
      {filterParams(filters).length > 0 ? (
        <p>
          <a href={`/examples${queryString(langParam)}`}>{g.clearFilters}</a>
        </p>
      ) : null}
      <h2 id="results" aria-live="polite">
        {g.results(total)}
      </h2>
      {total === 0 ? <p>{g.noResults}</p> : null}
      <ul class="item-list">
        {hits.shown.map((row) => (
          <li key={row.id}>
            <h3>
              <a href={`/examples/${row.id}${queryString(langParam)}`}>{row.title}</a>
            </h3>
            <p>
              {g.kinds[row.kind]} · {row.organisationName}
              {row.organisationName === row.municipalityName ? '' : `, ${row.municipalityName}`} ·{' '}
              {g.areas[row.area as keyof typeof g.areas] ?? row.area} · {g.evidenceShort[row.evidence]} ·{' '}
              {g.fields.published} {day(row.publishedOn)}
              {isStale({ state: 'published', lastReviewedOn: row.lastReviewedOn }, today) ? (
                <>
                  {' '}
                  <span class="tag tag--warning">{g.staleShort}</span>
                </>
              ) : null}
            </p>
            <p>{row.problem.length > 240 ? `${row.problem.slice(0, 240)}…` : row.problem}</p>
          </li>
        ))}
      </ul>
      <Pager
        lang={ctx.lang}
        page={hits.page}
        pages={hits.pages}
        href={(page) =>
          `/examples${queryString([...filterParams(filters), ...langParam, ['page', String(page)]])}#results`
        }
      />
    </Layout>
  );
}
