import type { ComponentChildren } from 'preact';
import { permittedActions } from '../access/policy.ts';
import { linksFor, type ResolvedLink } from './links.ts';
import type { PageContext } from './page-context.ts';

interface LayoutProps {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  /** Pages before login show no navigation. */
  bare?: boolean;
}

export function Layout({ ctx, title, children, bare }: LayoutProps) {
  const { t, lang, actor } = ctx;
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t.appName}`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/forms.js" defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="brand" href="/">
              {t.appName}
            </a>
            <a
              class="lang-switch"
              href={switchLanguageHref(ctx)}
              lang={t.languageSwitchLang}
              hreflang={t.languageSwitchLang}
            >
              {t.languageSwitch}
            </a>
            {actor && !bare ? <AccountBox ctx={ctx} /> : null}
          </div>
          {actor && !bare ? <MainNav ctx={ctx} /> : null}
        </header>
        <main id="main" tabindex={-1} class="main">
          {children}
        </main>
        <footer class="site-footer">
          <p>
            {t.footer.text} <a href={`/accessibility?lang=${lang}`}>{t.footer.accessibility}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

function AccountBox({ ctx }: { ctx: PageContext }) {
  const { t, actor } = ctx;
  if (!actor) return null;
  return (
    <div class="account">
      <span>{t.signedInAs(actor.displayName, t.roles[actor.role])}</span>
      <form method="post" action="/logout" class="inline-form">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <button type="submit" class="button button--secondary button--small">
          {t.logout}
        </button>
      </form>
    </div>
  );
}

function MainNav({ ctx }: { ctx: PageContext }) {
  const { t, actor } = ctx;
  if (!actor) return null;
  // Start first, then what each feature puts here for this user (src/features.ts).
  const home: ResolvedLink = { href: '/', label: t.nav.home, exact: true };
  const links = [home, ...linksFor(ctx.nav, actor, permittedActions(actor.role), ctx.lang)];
  const path = ctx.url.split('?')[0];
  return (
    <nav class="main-nav" aria-label={t.mainNav}>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={isCurrent(path, link) ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A link is current on its own page, and on the pages below it unless it is `exact`. */
function isCurrent(path: string | undefined, link: ResolvedLink): boolean {
  return path === link.href || (!link.exact && !!path?.startsWith(`${link.href}/`));
}

function switchLanguageHref(ctx: PageContext): string {
  const url = new URL(ctx.url, 'http://x');
  url.searchParams.set('lang', ctx.t.languageSwitchLang);
  return `${url.pathname}?${url.searchParams.toString()}`;
}
