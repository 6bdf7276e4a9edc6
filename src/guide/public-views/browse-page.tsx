import { ageGroups, type GuideFilters, hasFilters } from '../domain.ts';
import { offeredLanguageInfo } from '../languages.ts';
import type { PublicEntry } from '../queries.ts';
import { guideLevels, guideOrganisationKinds, guideSituations, offeredLanguages } from '../schema.ts';
import { type GuideContext, GuideLayout, guideHref, textAttrs } from './layout.tsx';

// --- Browse, filter and search ---------------------------------------------------------------

function Select({
  name,
  label,
  anyLabel,
  value,
  options,
}: {
  name: string;
  label: string;
  anyLabel: string;
  value: string | null;
  options: { value: string; label: string; lang?: string; dir?: 'ltr' | 'rtl' }[];
}) {
  return (
    <div class="field guide-filter">
      <label for={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} class="input">
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value} lang={o.lang} dir={o.dir}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function BrowsePage({
  ctx,
  filters,
  entries,
  anyPublished,
  badFilter,
}: {
  ctx: GuideContext;
  filters: GuideFilters;
  entries: PublicEntry[];
  anyPublished: boolean;
  badFilter: boolean;
}) {
  const { m } = ctx;
  const untranslated = entries.filter((e) => !e.translated).length;
  return (
    <GuideLayout ctx={ctx} title={m.guideTitle}>
      <h1>{m.guideTitle}</h1>
      <p class="lead">{m.intro}</p>
      {badFilter ? (
        <div class="notice" role="status">
          {m.results.badFilter}
        </div>
      ) : null}
      <section class="guide-filters" aria-labelledby="filter-heading">
        <h2 id="filter-heading">{m.filters.heading}</h2>
        <form method="get" action={`/guide/${ctx.lang}`} class="guide-filter-form">
          {ctx.keepMunicipality ? <input type="hidden" name="m" value={ctx.municipality.code} /> : null}
          <div class="field guide-filter guide-filter--wide">
            <label for="filter-q">{m.filters.q}</label>
            <p class="hint" id="filter-q-hint">
              {m.filters.qHint}
            </p>
            <input
              id="filter-q"
              name="q"
              type="search"
              class="input"
              value={filters.q}
              maxLength={100}
              aria-describedby="filter-q-hint"
            />
          </div>
          <Select
            name="age"
            label={m.filters.age}
            anyLabel={m.filters.anyAge}
            value={filters.age?.id ?? null}
            options={ageGroups.map((g) => ({ value: g.id, label: m.filters.ageGroup(g.from, g.to) }))}
          />
          <Select
            name="situation"
            label={m.filters.situation}
            anyLabel={m.filters.anySituation}
            value={filters.situation}
            options={guideSituations.map((s) => ({ value: s, label: m.situations[s] }))}
          />
          <Select
            name="organisation"
            label={m.filters.organisation}
            anyLabel={m.filters.anyOrganisation}
            value={filters.organisation}
            options={guideOrganisationKinds.map((o) => ({ value: o, label: m.organisations[o] }))}
          />
          <Select
            name="language"
            label={m.filters.language}
            anyLabel={m.filters.anyLanguage}
            value={filters.language}
            options={offeredLanguages.map((l) => ({
              value: l,
              label: offeredLanguageInfo[l].autonym,
              lang: offeredLanguageInfo[l].htmlLang,
              dir: offeredLanguageInfo[l].dir,
            }))}
          />
          <Select
            name="level"
            label={m.filters.level}
            anyLabel={m.filters.anyLevel}
            value={filters.level}
            options={guideLevels.map((l) => ({ value: l, label: m.levels[l] }))}
          />
          <div class="guide-filter-actions">
            <button type="submit" class="button">
              {m.filters.submit}
            </button>
            {hasFilters(filters) ? <a href={guideHref(ctx, ctx.lang)}>{m.filters.reset}</a> : null}
          </div>
        </form>
      </section>
      <section aria-labelledby="results-heading" class="guide-results">
        <h2 id="results-heading">{m.results.heading(entries.length)}</h2>
        {untranslated > 0 ? <p class="fallback-note">{m.fallback.list(untranslated)}</p> : null}
        {entries.length === 0 ? <p>{anyPublished ? m.results.none : m.results.nothingPublished}</p> : null}
        <ul class="entry-list">
          {entries.map((e) => (
            <li key={e.id}>
              <EntryCard ctx={ctx} entry={e} />
            </li>
          ))}
        </ul>
      </section>
    </GuideLayout>
  );
}

export function EntryTags({ ctx, entry }: { ctx: GuideContext; entry: PublicEntry }) {
  const { m } = ctx;
  return (
    <p class="entry-tags">
      <span class={`guide-tag guide-tag--${entry.level}`}>{m.levels[entry.level]}</span>{' '}
      <span class="guide-tag">{m.organisations[entry.organisationKind]}</span>{' '}
      <span class="guide-tag">{m.entry.ages(entry.ageFrom, entry.ageTo)}</span>
    </p>
  );
}

function EntryCard({ ctx, entry }: { ctx: GuideContext; entry: PublicEntry }) {
  const attrs = textAttrs(ctx, entry);
  return (
    <article class="entry-card" aria-labelledby={`entry-${entry.id}`}>
      <h3 id={`entry-${entry.id}`} {...attrs}>
        <a href={guideHref(ctx, ctx.lang, `/entry/${entry.id}`)}>{entry.title}</a>
      </h3>
      <EntryTags ctx={ctx} entry={entry} />
      <p {...attrs}>{entry.summary.split(/\n{2,}/)[0]}</p>
      {entry.translated ? null : <p class="fallback-badge">{ctx.m.fallback.badge}</p>}
    </article>
  );
}
