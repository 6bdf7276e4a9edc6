import { Type } from 'typebox';
import { adminTexts } from '../admin/i18n/index.ts';
import { casesTexts } from '../cases/i18n/index.ts';
import { guideEditorTexts } from '../guide/i18n/editor/index.ts';
import { intakeTexts } from '../intake/i18n/index.ts';
import { partnersTexts } from '../partners/i18n/index.ts';
import { peopleTexts } from '../people/i18n/index.ts';
import { formatPersonalNumber } from '../people/personal-number.ts';
import { childrenAssignedTo, type PersonSummary } from '../people/queries.ts';
import { seenInList } from '../people/service.ts';
import { type Actor, permittedActions } from '../platform/access/policy.ts';
import { type AccessScope, withAccess } from '../platform/access/scope.ts';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import type { App } from '../platform/http/types.ts';
import { Layout } from '../platform/layout/Layout.tsx';
import { type PageContext, pageContext } from '../platform/layout/page-context.ts';
import { reportsTexts } from '../reports/i18n/index.ts';
import { sipTexts } from '../sip/i18n/index.ts';
import { mayHaveSipWorklist, type Worklist as SipWorklist, sipWorklistIn } from '../sip/service.ts';
import { SipWorklistSection } from '../sip/views.tsx';
import { worklistsTexts } from '../worklists/i18n/index.ts';
import type { WorklistItem } from '../worklists/queries.ts';
import { readWorklistIn } from '../worklists/service.ts';
import { Reminders, WorklistTable } from '../worklists/views.tsx';

/** The start page: what this role does here, and for social workers the children they hold. */
export async function homeRoutes(app: App): Promise<void> {
  app.get(
    '/',
    {
      preHandler: requireSignedInPage,
      schema: {
        querystring: Type.Object({ lang: Type.Optional(Type.String({ maxLength: 5 })) }),
        response: { 200: Type.String() },
      },
      config: { personalData: true },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const context = accessContext(request);
      const mayRead = permittedActions(actor.role).includes('person.read');
      const hasWorklist = permittedActions(actor.role).includes('worklist.read');
      const hasSips = mayHaveSipWorklist(context);
      // One scope for the page's parts: one transaction and one write to the audit trail.
      const parts =
        mayRead || hasWorklist || hasSips
          ? await withAccess(app.db, context, async (scope) => ({
              children: mayRead ? await assignedChildren(scope) : null,
              // Reminders in the app: the user's own worklist, most urgent first.
              worklist: hasWorklist ? await readWorklistIn(scope, 'own', todayFor(app.config)) : null,
              sips: hasSips ? await sipWorklistIn(scope) : null,
            }))
          : { children: null, worklist: null, sips: null };
      return sendPage(
        reply,
        <HomePage
          ctx={pageContext(request)}
          actor={actor}
          children={parts.children}
          worklist={parts.worklist?.items ?? null}
          sipWorklist={parts.sips}
        />,
      );
    },
  );
}

/** The children a social worker holds; each one listed is audited as seen. */
async function assignedChildren(scope: AccessScope): Promise<PersonSummary[]> {
  scope.authorize('person.search', { type: 'personRegister', municipalityId: scope.actor.municipalityId });
  const list = await childrenAssignedTo(scope);
  await scope.audit(...seenInList(list));
  return list;
}

const homeWorklistLength = 8;

function HomePage({
  ctx,
  actor,
  children,
  worklist,
  sipWorklist,
}: {
  ctx: PageContext;
  actor: Actor;
  children: PersonSummary[] | null;
  worklist: WorklistItem[] | null;
  /** Follow-ups and actions due in coordinated plans, for social services and partners alike. */
  sipWorklist: SipWorklist | null;
}) {
  const { t } = ctx;
  const allowed = permittedActions(actor.role);
  const links: [string, string][] = [];
  if (allowed.includes('report.list')) links.push(['/intake', intakeTexts(ctx.lang).nav]);
  if (allowed.includes('worklist.readUnit'))
    links.push(['/worklist/unit', worklistsTexts(ctx.lang).nav.unitWorklist]);
  if (allowed.includes('person.search')) links.push(['/people', peopleTexts(ctx.lang).searchPeople]);
  if (allowed.includes('person.create')) links.push(['/people/new', peopleTexts(ctx.lang).registerPerson]);
  if (allowed.includes('auditLog.review')) links.push(['/log-review', t.home.reviewLog]);
  if (allowed.includes('unit.manage')) links.push(['/admin/units', adminTexts(ctx.lang).adminUnits]);
  if (allowed.includes('user.manage')) links.push(['/admin/users', adminTexts(ctx.lang).adminUsers]);
  if (allowed.includes('caseSettings.manage'))
    links.push(['/admin/case-settings', casesTexts(ctx.lang).settingsTitle]);
  if (actor.role === 'partnerProfessional')
    links.push(['/report/professional', reportsTexts(ctx.lang).professionalTitle]);
  if (allowed.includes('guide.edit')) links.push(['/guide-editor', guideEditorTexts(ctx.lang).homeLink]);
  if (allowed.includes('partnerOrganisation.manage'))
    links.push(['/admin/organisations', partnersTexts(ctx.lang).listTitle]);
  else if (actor.administersOrganisation && actor.partnerOrganisationId)
    links.push([
      `/admin/organisations/${actor.partnerOrganisationId}`,
      partnersTexts(ctx.lang).myOrganisation,
    ]);
  if (allowed.includes('sip.list')) links.push(['/sips', sipTexts(ctx.lang).title]);
  if (allowed.includes('sip.request')) {
    links.push(['/sips', sipTexts(ctx.lang).myPlans]);
    links.push(['/sips/request', sipTexts(ctx.lang).requestSip]);
  }
  return (
    <Layout ctx={ctx} title={t.home.title}>
      <h1>{t.home.welcome(actor.displayName)}</h1>
      <p class="lead">{t.roles[actor.role]}</p>
      {worklist ? (
        <section aria-labelledby="worklist-heading">
          <h2 id="worklist-heading">{worklistsTexts(ctx.lang).worklistTitle}</h2>
          <Reminders lang={ctx.lang} items={worklist} />
          <WorklistTable lang={ctx.lang} items={worklist.slice(0, homeWorklistLength)} />
          {worklist.length > homeWorklistLength ? (
            <p>
              <a href="/worklist">{worklistsTexts(ctx.lang).allItems}</a>
            </p>
          ) : null}
        </section>
      ) : null}
      {links.length ? (
        <ul class="card-list">
          {links.map(([href, label]) => (
            <li key={href}>
              <a class="card" href={href}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {actor.role === 'partnerProfessional' ? <p>{t.home.partnerInfo}</p> : null}
      {actor.role === 'statisticsReader' ? <p>{t.home.statisticsInfo}</p> : null}
      {sipWorklist ? <SipWorklistSection ctx={ctx} worklist={sipWorklist} /> : null}
      {children ? (
        <section aria-labelledby="my-children">
          <h2 id="my-children">{peopleTexts(ctx.lang).assignedChildren}</h2>
          {children.length === 0 ? (
            <p>{peopleTexts(ctx.lang).noAssignedChildren}</p>
          ) : (
            <ul class="plain-list">
              {children.map((c) => (
                <li key={c.id}>
                  <a href={`/people/${c.id}`}>
                    {c.given_name} {c.family_name}
                  </a>{' '}
                  ({c.personal_number ? formatPersonalNumber(c.personal_number) : c.birth_date})
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </Layout>
  );
}
