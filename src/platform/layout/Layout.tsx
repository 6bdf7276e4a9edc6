import type { ComponentChildren } from 'preact';
import { adminTexts } from '../../admin/i18n/index.ts';
import { casesTexts } from '../../cases/i18n/index.ts';
import { guideEditorTexts } from '../../guide/i18n/editor/index.ts';
import { intakeTexts } from '../../intake/i18n/index.ts';
import { partnersTexts } from '../../partners/i18n/index.ts';
import { peopleTexts } from '../../people/i18n/index.ts';
import { sipTexts } from '../../sip/i18n/index.ts';
import { worklistsTexts } from '../../worklists/i18n/index.ts';
import { permittedActions } from '../access/policy.ts';
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
        <link rel="stylesheet" href="/assets/app.css" />
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
  const allowed = permittedActions(actor.role);
  const links: [string, string][] = [['/', t.nav.home]];
  if (allowed.includes('worklist.read')) links.push(['/worklist', worklistsTexts(ctx.lang).nav.worklist]);
  if (allowed.includes('worklist.readUnit'))
    links.push(['/worklist/unit', worklistsTexts(ctx.lang).nav.unitWorklist]);
  if (allowed.includes('report.list')) links.push(['/intake', intakeTexts(ctx.lang).nav]);
  if (allowed.includes('person.search')) links.push(['/people', peopleTexts(ctx.lang).nav]);
  if (allowed.includes('sip.read')) links.push(['/sips', sipTexts(ctx.lang).nav]);
  if (allowed.includes('auditLog.review')) links.push(['/log-review', t.nav.logReview]);
  if (allowed.includes('unit.manage')) links.push(['/admin/units', adminTexts(ctx.lang).nav.units]);
  if (allowed.includes('user.manage')) links.push(['/admin/users', adminTexts(ctx.lang).nav.users]);
  if (allowed.includes('caseSettings.manage')) links.push(['/admin/case-settings', casesTexts(ctx.lang).nav]);
  if (allowed.includes('guide.edit')) links.push(['/guide-editor', guideEditorTexts(ctx.lang).nav]);
  if (allowed.includes('partnerOrganisation.manage'))
    links.push(['/admin/organisations', partnersTexts(ctx.lang).nav]);
  else if (actor.administersOrganisation && actor.partnerOrganisationId)
    links.push([
      `/admin/organisations/${actor.partnerOrganisationId}`,
      partnersTexts(ctx.lang).myOrganisation,
    ]);
  const path = ctx.url.split('?')[0];
  return (
    <nav class="main-nav" aria-label={t.mainNav}>
      <ul>
        {links.map(([href, label]) => (
          <li key={href}>
            <a href={href} aria-current={isCurrent(path, href) ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function isCurrent(path: string | undefined, href: string): boolean {
  // '/worklist' is not current on '/worklist/unit': the longer link owns its own pages.
  return href === '/'
    ? path === '/'
    : path === href || (!!path?.startsWith(`${href}/`) && href !== '/worklist');
}

function switchLanguageHref(ctx: PageContext): string {
  const url = new URL(ctx.url, 'http://x');
  url.searchParams.set('lang', ctx.t.languageSwitchLang);
  return `${url.pathname}?${url.searchParams.toString()}`;
}
