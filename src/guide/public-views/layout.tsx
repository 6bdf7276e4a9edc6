import type { ComponentChildren } from 'preact';
import { telHref } from '../domain.ts';
import type { GuideMessages } from '../i18n/index.ts';
import { guideLanguageInfo, type LanguageInfo } from '../languages.ts';
import type { GuideMunicipality, GuideSettings, PublicEntry } from '../queries.ts';
import { type GuideLanguage, guideLanguages } from '../schema.ts';

/** The concern-report form's language for each of the guide's (it is in Swedish and English). */
const reportFormLanguage: Record<GuideLanguage, 'sv' | 'en' | null> = {
  sv: 'sv',
  'sv-x-lattlast': 'sv',
  en: 'en',
  ar: null,
  so: null,
  fa: null,
  ti: null,
  uk: null,
  fi: null,
};

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
  const formLang = reportFormLanguage[ctx.lang];
  const params = new URLSearchParams({ m: ctx.municipality.code, ...(formLang ? { lang: formLang } : {}) });
  return `/report?${params.toString()}`;
}

const isSwedish = (lang: GuideLanguage) => lang === 'sv' || lang === 'sv-x-lattlast';

/** Marks Swedish words (names, addresses, untranslated text) on a page in another language. */
export function swedishAttrs(ctx: GuideContext): { lang?: string; dir?: 'ltr' } {
  return isSwedish(ctx.lang) ? {} : { lang: 'sv', dir: 'ltr' };
}

export function textAttrs(ctx: GuideContext, entry: PublicEntry) {
  return entry.translated ? {} : swedishAttrs(ctx);
}

export function Paragraphs({ text }: { text: string }) {
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
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
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
