import { Type } from 'typebox';
import { type Actor, permittedActions } from '../platform/access/policy.ts';
import { withAccess } from '../platform/access/scope.ts';
import { todayFor } from '../platform/clock.ts';
import { type LoadedSection, loadSections } from '../platform/features.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { OptionalLine } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { Layout } from '../platform/layout/Layout.tsx';
import { linksFor, type ResolvedLink } from '../platform/layout/links.ts';
import { type PageContext, pageContext } from '../platform/layout/page-context.ts';
import { homeTexts } from './i18n/index.ts';
import type { HomeSection } from './sections.ts';

/**
 * The start page: what this role does here (each feature's links), and the parts other features
 * put on it for this user (the deadlines due, plans due, the children a social worker holds).
 */
export async function homeRoutes(app: App): Promise<void> {
  const sections = app.features.contributions('homeSections');
  const links = app.features.contributions('homeLinks');
  app.get(
    '/',
    {
      preHandler: requireSignedInPage,
      schema: {
        querystring: Type.Object({ lang: OptionalLine(5) }),
        response: { 200: Type.String() },
      },
      config: { personalData: true },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const context = accessContext(request);
      const applying = sections.filter((section) => section.applies(context));
      // One scope for the page's parts: one transaction and one write to the audit trail.
      const loaded = applying.length
        ? await withAccess(app.db, context, (scope) =>
            loadSections(scope, applying, { today: todayFor(app.config) }),
          )
        : [];
      const ctx = pageContext(request);
      return sendPage(
        reply,
        <HomePage
          ctx={ctx}
          actor={actor}
          links={linksFor(links, actor, permittedActions(actor.role), ctx.lang)}
          sections={loaded}
        />,
      );
    },
  );
}

function HomePage({
  ctx,
  actor,
  links,
  sections,
}: {
  ctx: PageContext;
  actor: Actor;
  links: ResolvedLink[];
  sections: LoadedSection<HomeSection>[];
}) {
  const { t } = ctx;
  const tx = homeTexts(ctx.lang);
  const placed = (placement: HomeSection['placement']) =>
    sections.filter((s) => s.section.placement === placement).map((s) => s.render(ctx));
  return (
    <Layout ctx={ctx} title={tx.title}>
      <h1>{tx.welcome(actor.displayName)}</h1>
      <p class="lead">{t.roles[actor.role]}</p>
      {placed('beforeLinks')}
      {links.length ? (
        <ul class="card-list">
          {links.map(({ href, label }) => (
            <li key={href}>
              <a class="card" href={href}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {actor.role === 'partnerProfessional' ? <p>{tx.partnerInfo}</p> : null}
      {actor.role === 'statisticsReader' ? <p>{tx.statisticsInfo}</p> : null}
      {placed('afterLinks')}
    </Layout>
  );
}
