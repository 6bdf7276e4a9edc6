import type { ComponentChildren } from 'preact';
import { todayInSweden } from '../platform/dates.ts';
import { ageGroups, type GuideFilters, hasFilters, telHref } from './domain.ts';
import type { GuideMessages } from './i18n/index.ts';
import { guideLanguageInfo, isOfferedLanguage, type LanguageInfo, offeredLanguageInfo } from './languages.ts';
import type { GuideMunicipality, GuideSettings, PublicEntry } from './queries.ts';
import {
  type GuideLanguage,
  guideLanguages,
  guideLevels,
  guideOrganisationKinds,
  guideSituations,
  offeredLanguages,
} from './schema.ts';

/** Everything a public guide page needs: its language, the municipality, and how to link. */
export interface GuideContext {
  lang: GuideLanguage;
  info: LanguageInfo;
  m: GuideMessages;
  municipality: GuideMunicipality;
  /** True when the visitor came with ?m=: links keep it (several municipalities on one site). */
  keepMunicipality: boolean;
  settings: GuideSettings | null;
  publicUrl: string;
  /** This page's path after /guide/:lang, e.g. '' or '/worried'. */
  page: string;
  /** This page's own query parameters (filters), kept when switching language. */
  query: [string, string][];
}

export function guideHref(
  ctx: Pick<GuideContext, 'keepMunicipality' | 'municipality'>,
  lang: GuideLanguage,
  page = '',
  params: [string, string][] = [],
): string {
  const all: [string, string][] = ctx.keepMunicipality ? [['m', ctx.municipality.code], ...params] : params;
  const query = new URLSearchParams(all).toString();
  return `/guide/${lang}${page}${query ? `?${query}` : ''}`;
}

/** The concern-report form of the cases feature; it speaks Swedish and English. */
export function reportHref(ctx: GuideContext): string {
  const formLang = ctx.lang === 'en' ? 'en' : ctx.lang === 'sv' || ctx.lang === 'sv-x-lattlast' ? 'sv' : null;
  const params = new URLSearchParams({ m: ctx.municipality.code, ...(formLang ? { lang: formLang } : {}) });
  return `/report?${params.toString()}`;
}

const isSwedish = (lang: GuideLanguage) => lang === 'sv' || lang === 'sv-x-lattlast';

/** Marks Swedish words (names, addresses, untranslated text) on a page in another language. */
function swedishAttrs(ctx: GuideContext): { lang?: string; dir?: 'ltr' } {
  return isSwedish(ctx.lang) ? {} : { lang: 'sv', dir: 'ltr' };
}

function textAttrs(ctx: GuideContext, entry: PublicEntry) {
  return entry.translated ? {} : swedishAttrs(ctx);
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .filter(Boolean)
        .map((p) => (
          <p key={p}>{p}</p>
        ))}
    </>
  );
}

export function Phone({ number }: { number: string }) {
  // Digits read left to right also inside Arabic text: dir="ltr" isolates the number.
  return (
    <a class="phone" href={telHref(number)} dir="ltr">
      {number}
    </a>
  );
}

export function GuideLayout({
  ctx,
  title,
  children,
  leaflet,
}: {
  ctx: GuideContext;
  title: string;
  children: ComponentChildren;
  leaflet?: boolean;
}) {
  const { m, info, municipality } = ctx;
  return (
    <html lang={info.htmlLang} dir={info.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${municipality.name}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="stylesheet" href="/assets/guide.css" />
        {guideLanguages
          .filter((l) => l !== 'sv-x-lattlast')
          .map((l) => (
            <link
              key={l}
              rel="alternate"
              hreflang={guideLanguageInfo[l].htmlLang}
              href={`${ctx.publicUrl}${guideHref(ctx, l, ctx.page, ctx.query)}`}
            />
          ))}
      </head>
      <body class={leaflet ? 'guide guide--leaflet' : 'guide'}>
        <a class="skip-link" href="#main">
          {m.skipToContent}
        </a>
        <header class="guide-header">
          <div class="guide-header__inner">
            <a class="guide-brand" href={guideHref(ctx, ctx.lang)}>
              <span class="guide-brand__municipality" {...swedishAttrs(ctx)}>
                {municipality.name}
              </span>
              <span class="guide-brand__title">{m.guideTitle}</span>
            </a>
          </div>
          <nav class="guide-languages" aria-label={m.chooseLanguage}>
            <ul>
              {guideLanguages.map((l) => {
                const target = guideLanguageInfo[l];
                return (
                  <li key={l}>
                    <a
                      href={guideHref(ctx, l, ctx.page, ctx.query)}
                      lang={target.htmlLang}
                      dir={target.dir}
                      hreflang={target.htmlLang}
                      aria-current={l === ctx.lang ? 'page' : undefined}
                    >
                      {target.autonym}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        </header>
        <aside class="guide-urgent" aria-label={m.urgent.label}>
          <p>
            <strong>{m.urgent.danger}</strong>
          </p>
          <p>
            {m.urgent.worried} <a href={reportHref(ctx)}>{m.urgent.report}</a>
            {' · '}
            <a href={guideHref(ctx, ctx.lang, '/worried')}>{m.urgent.whatHappens}</a>
          </p>
        </aside>
        <main id="main" tabindex={-1} class="main guide-main">
          {children}
        </main>
        <footer class="guide-footer">
          <div class="guide-footer__inner">
            <EmergencyNumbers ctx={ctx} id="footer-numbers" />
            <ul class="guide-footer__links">
              <li>
                <a href={guideHref(ctx, ctx.lang, '/accessibility')}>{m.footer.accessibility}</a>
              </li>
              <li>
                <a href={guideHref(ctx, ctx.lang, '/leaflet')}>{m.footer.print}</a>
              </li>
              <li>
                <a href="/login">{m.footer.staff}</a>
              </li>
            </ul>
            <p>{m.footer.responsible(municipality.name)}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

export function EmergencyNumbers({ ctx, id }: { ctx: GuideContext; id: string }) {
  const { m, settings } = ctx;
  const rows: [string, string][] = [
    ['112', m.emergency.n112],
    ['114 14', m.emergency.police],
    ['116 111', m.emergency.bris],
    ['1177', m.emergency.health],
  ];
  if (settings) {
    rows.push([settings.intakePhone, m.emergency.intake], [settings.afterHoursPhone, m.emergency.afterHours]);
  }
  return (
    <section class="emergency" aria-labelledby={id}>
      <h2 id={id}>{m.emergency.heading}</h2>
      <ul class="phone-list">
        {rows.map(([number, label]) => (
          <li key={number}>
            <Phone number={number} /> <span>{label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

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

function EntryTags({ ctx, entry }: { ctx: GuideContext; entry: PublicEntry }) {
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

function LanguageList({ codes }: { codes: string[] }) {
  return (
    <ul class="inline-list">
      {codes.filter(isOfferedLanguage).map((code) => (
        <li key={code} lang={offeredLanguageInfo[code].htmlLang} dir={offeredLanguageInfo[code].dir}>
          {offeredLanguageInfo[code].autonym}
        </li>
      ))}
    </ul>
  );
}

export function EntryPage({ ctx, entry }: { ctx: GuideContext; entry: PublicEntry }) {
  const { m } = ctx;
  const attrs = textAttrs(ctx, entry);
  const sv = swedishAttrs(ctx);
  return (
    <GuideLayout ctx={ctx} title={entry.title}>
      <p>
        <a href={guideHref(ctx, ctx.lang)}>{m.entry.back}</a>
      </p>
      <article class="entry">
        <h1 {...attrs}>{entry.title}</h1>
        {entry.translated ? null : (
          <p class="notice fallback-note" role="note">
            {m.fallback.entry}
          </p>
        )}
        <EntryTags ctx={ctx} entry={entry} />
        <h2>{m.entry.whatItIs}</h2>
        <div {...attrs}>
          <Paragraphs text={entry.summary} />
        </div>
        <h2>{m.entry.forWhom}</h2>
        <p>{m.entry.ages(entry.ageFrom, entry.ageTo)}</p>
        {entry.forWhom ? (
          <div {...attrs}>
            <Paragraphs text={entry.forWhom} />
          </div>
        ) : null}
        {entry.situations.length ? (
          <>
            <p>{m.entry.situations}:</p>
            <ul class="inline-list">
              {guideSituations
                .filter((s) => entry.situations.includes(s))
                .map((s) => (
                  <li key={s}>{m.situations[s]}</li>
                ))}
            </ul>
          </>
        ) : null}
        <h2>{m.entry.howToGet}</h2>
        <p>
          <strong>{m.access[entry.access]}</strong>
        </p>
        {entry.howToGet ? (
          <div {...attrs}>
            <Paragraphs text={entry.howToGet} />
          </div>
        ) : null}
        {entry.interpreter ? <p>{m.entry.interpreter}</p> : null}
        <h2>{m.entry.contact}</h2>
        <dl class="summary-list">
          <dt>{m.entry.provider}</dt>
          <dd {...sv}>{entry.provider}</dd>
          {entry.phone ? (
            <>
              <dt>{m.entry.phone}</dt>
              <dd>
                <Phone number={entry.phone} />
              </dd>
            </>
          ) : null}
          {entry.email ? (
            <>
              <dt>{m.entry.email}</dt>
              <dd>
                <a href={`mailto:${entry.email}`} dir="ltr">
                  {entry.email}
                </a>
              </dd>
            </>
          ) : null}
          {entry.website ? (
            <>
              <dt>{m.entry.website}</dt>
              <dd>
                <a href={entry.website} dir="ltr">
                  {entry.website.replace(/^https?:\/\//, '')}
                </a>
              </dd>
            </>
          ) : null}
          {entry.address ? (
            <>
              <dt>{m.entry.address}</dt>
              <dd {...sv}>{entry.address}</dd>
            </>
          ) : null}
          {entry.hours ? (
            <>
              <dt>{m.entry.hours}</dt>
              <dd {...attrs}>{entry.hours}</dd>
            </>
          ) : null}
          <dt>{m.entry.languages}</dt>
          <dd>
            <LanguageList codes={entry.languages} />
          </dd>
        </dl>
        <p class="updated">{m.entry.updated(isoDate(entry.publishedAt))}</p>
      </article>
    </GuideLayout>
  );
}

export function isoDate(date: Date): string {
  // The shared formatter: toLocaleDateString with options builds a new one on every call.
  return todayInSweden(date);
}

// --- From worry to action ----------------------------------------------------------------------

export function WorriedPage({ ctx }: { ctx: GuideContext }) {
  const { m, settings } = ctx;
  const w = m.worried;
  return (
    <GuideLayout ctx={ctx} title={w.title}>
      <h1>{w.title}</h1>
      <p class="lead">{w.intro}</p>
      <section class="panel panel--danger" aria-labelledby="danger-heading">
        <h2 id="danger-heading">{w.dangerHeading}</h2>
        <p>{w.dangerText}</p>
      </section>
      <h2>{w.reportHeading}</h2>
      <p>{w.reportText}</p>
      <p>
        <a class="button" href={reportHref(ctx)}>
          {w.reportButton}
        </a>
      </p>
      <p>{w.formLanguages}</p>
      {settings ? (
        <p>
          {w.call}: <Phone number={settings.intakePhone} /> ({m.emergency.intake}){' '}
          <Phone number={settings.afterHoursPhone} /> ({m.emergency.afterHours})
        </p>
      ) : null}
      <h2>{w.afterHeading}</h2>
      <ol class="steps">
        {w.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p>{w.confidentiality}</p>
      <h2>{w.childHeading}</h2>
      <p>{w.childText}</p>
    </GuideLayout>
  );
}

// --- The printable leaflet ----------------------------------------------------------------------

export function LeafletPage({ ctx, entries }: { ctx: GuideContext; entries: PublicEntry[] }) {
  const { m, settings } = ctx;
  const url = `${ctx.publicUrl}${guideHref(ctx, ctx.lang)}`;
  return (
    <GuideLayout ctx={ctx} title={m.leaflet.title} leaflet>
      <p class="print-hint">{m.leaflet.howToPrint}</p>
      <div class="leaflet">
        <h1>
          {m.leaflet.title}
          <span class="leaflet__municipality" {...swedishAttrs(ctx)}>
            {ctx.municipality.name}
          </span>
        </h1>
        <p>
          {m.leaflet.intro}{' '}
          <a href={guideHref(ctx, ctx.lang)} dir="ltr">
            {url}
          </a>
        </p>
        <div class="leaflet__urgent">
          <p>
            <strong>{m.worried.dangerText}</strong>
          </p>
          <p>{m.leaflet.report}</p>
          <ul class="phone-list phone-list--compact">
            <li>
              <Phone number="114 14" /> {m.emergency.police}
            </li>
            <li>
              <Phone number="116 111" /> {m.emergency.bris}
            </li>
            <li>
              <Phone number="1177" /> {m.emergency.health}
            </li>
            {settings ? (
              <>
                <li>
                  <Phone number={settings.intakePhone} /> {m.emergency.intake}
                </li>
                <li>
                  <Phone number={settings.afterHoursPhone} /> {m.emergency.afterHours}
                </li>
              </>
            ) : null}
          </ul>
        </div>
        {entries.length === 0 ? <p>{m.results.nothingPublished}</p> : null}
        {guideOrganisationKinds.map((kind) => {
          const group = entries.filter((e) => e.organisationKind === kind);
          if (group.length === 0) return null;
          return (
            <section key={kind} class="leaflet__group" aria-labelledby={`group-${kind}`}>
              <h2 id={`group-${kind}`}>{m.organisations[kind]}</h2>
              {group.map((e) => (
                <div class="leaflet__entry" key={e.id}>
                  <h3 {...textAttrs(ctx, e)}>{e.title}</h3>
                  <p class="leaflet__meta">
                    {m.levels[e.level]} · {m.entry.ages(e.ageFrom, e.ageTo)} · {m.access[e.access]}
                  </p>
                  <p {...textAttrs(ctx, e)}>{e.summary.split(/\n{2,}/)[0]}</p>
                  <p class="leaflet__contact">
                    {e.phone ? <Phone number={e.phone} /> : null}
                    {e.phone && e.email ? ' · ' : null}
                    {e.email ? <span dir="ltr">{e.email}</span> : null}
                  </p>
                  {e.translated ? null : <p class="fallback-badge">{m.fallback.badge}</p>}
                </div>
              ))}
            </section>
          );
        })}
      </div>
    </GuideLayout>
  );
}

// --- Accessibility statement ------------------------------------------------------------------------

/** When the service was last assessed and the statement last changed (DIGG's model asks for both). */
export const accessibilityAssessed = '2026-11-24';
export const accessibilityUpdated = '2026-11-24';

export function AccessibilityPage({ ctx }: { ctx: GuideContext }) {
  const { m, settings, municipality } = ctx;
  const a = m.accessibility;
  return (
    <GuideLayout ctx={ctx} title={a.title}>
      <h1>{a.title}</h1>
      <p class="lead">{a.intro(municipality.name)}</p>
      <h2>{a.statusHeading}</h2>
      <p>{a.status}</p>
      <h3>{a.issuesHeading}</h3>
      <ul>
        {a.issues.map((issue) => (
          <li key={issue}>{issue}</li>
        ))}
      </ul>
      <h2>{a.otherFormatHeading}</h2>
      <p>{a.otherFormat}</p>
      <h2>{a.reportHeading}</h2>
      <p>{a.report}</p>
      {settings ? (
        <ul>
          <li>
            <a href={`mailto:${settings.contactEmail}`} dir="ltr">
              {settings.contactEmail}
            </a>
          </li>
          <li>
            <Phone number={settings.contactPhone} />
          </li>
        </ul>
      ) : null}
      <h2>{a.supervisionHeading}</h2>
      <p>{a.supervision}</p>
      <p>
        <a href="https://www.digg.se/tdosanmalan">{a.supervisionLink}</a>
      </p>
      <h2>{a.technicalHeading}</h2>
      <p>{a.technical}</p>
      <h2>{a.methodHeading}</h2>
      <p>{a.method}</p>
      <p>{a.assessed(accessibilityAssessed)}</p>
      <p>{a.updated(accessibilityUpdated)}</p>
    </GuideLayout>
  );
}

// --- Pages without a municipality or entry -----------------------------------------------------------

export function GuideNotFoundPage({ ctx, message }: { ctx: GuideContext; message?: string }) {
  const { m } = ctx;
  return (
    <GuideLayout ctx={ctx} title={m.notFound.title}>
      <h1>{m.notFound.title}</h1>
      <p class="lead">{message ?? m.notFound.text}</p>
      <p>
        <a href={guideHref(ctx, ctx.lang)}>{m.notFound.back}</a>
      </p>
    </GuideLayout>
  );
}

/** Shown when one installation serves several municipalities and the link did not say which. */
export function ChooseMunicipalityPage({
  lang,
  m,
  municipalities,
  page,
}: {
  lang: GuideLanguage;
  m: GuideMessages;
  municipalities: GuideMunicipality[];
  page: string;
}) {
  const info = guideLanguageInfo[lang];
  return (
    <html lang={info.htmlLang} dir={info.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${m.chooseMunicipality.title} – ${m.guideTitle}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="stylesheet" href="/assets/guide.css" />
      </head>
      <body class="guide">
        <header class="guide-header">
          <div class="guide-header__inner">
            <span class="guide-brand">{m.guideTitle}</span>
          </div>
        </header>
        <main id="main" class="main guide-main">
          <h1>{m.chooseMunicipality.title}</h1>
          <p>{m.chooseMunicipality.intro}</p>
          <ul class="card-list">
            {municipalities.map((mu) => (
              <li key={mu.code}>
                <a class="card" href={`/guide/${lang}${page}?m=${mu.code}`} lang="sv">
                  {mu.name}
                </a>
              </li>
            ))}
          </ul>
          <p>
            <strong>{m.emergency.n112}</strong>
          </p>
        </main>
      </body>
    </html>
  );
}
