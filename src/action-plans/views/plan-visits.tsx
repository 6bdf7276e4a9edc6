import { day, withLang } from '../../good-practice/views/shared.tsx';
import { CsrfField } from '../../platform/layout/forms.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { visitTexts } from '../i18n/index.ts';
import type { PlanPage } from '../service.ts';
import { visitExampleTexts } from '../visit-example-texts.ts';

/**
 * The plan's follow-up visits and the tasks their next steps became, on the plan's page: each
 * task with its owner and date; its owner organisation (or the municipality's manager) marks it
 * done. The visit's own page is the coordinator's.
 */
export function PlanVisits({ ctx, page }: { ctx: PageContext; page: PlanPage }) {
  const t = visitTexts(ctx.lang);
  const x = visitExampleTexts(ctx.lang);
  const { visits, tasks } = page.visitWork;
  const orgName = (id: string) => page.organisations.find((o) => o.id === id)?.name ?? '–';
  const mayClose = (ownerId: string) => page.movesMeasuresOf === 'all' || page.movesMeasuresOf === ownerId;
  return (
    <section aria-labelledby="visits">
      <h2 id="visits">{t.planSection.visits}</h2>
      {visits.length === 0 ? (
        <p>{t.planSection.noVisits}</p>
      ) : (
        <ul class="item-list">
          {visits.map((v) => (
            <li key={v.id}>
              <p>
                <strong>{day(v.visited_on)}</strong> <span class="tag">{t.visit.statuses[v.status]}</span>
              </p>
              {v.status === 'reported' && v.report ? <p class="pre-line">{v.report}</p> : null}
              {v.status === 'reported' && page.canWrite ? (
                <p>
                  {v.exampleId ? (
                    <a href={withLang(`/examples/editor/${v.exampleId}`, ctx.lang)}>{x.started}</a>
                  ) : (
                    <a href={withLang(`/action-plans/${page.plan.id}/visits/${v.id}/example`, ctx.lang)}>
                      {x.start}
                    </a>
                  )}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{t.planSection.tasks}</h3>
      {tasks.length === 0 ? (
        <p>{t.visit.noTasks}</p>
      ) : (
        <ul class="item-list">
          {tasks.map((task) => (
            <li key={task.id}>
              <p>
                {task.description} – {orgName(task.owner_organisation_id)} ({task.owner_role}),{' '}
                {t.visit.taskDue(day(task.due_on))}{' '}
                <span class="tag">{t.visit.taskStatuses[task.status]}</span>
              </p>
              {task.status === 'open' && mayClose(task.owner_organisation_id) ? (
                <form
                  method="post"
                  action={withLang(`/action-plans/${page.plan.id}/tasks/${task.id}/done`, ctx.lang)}
                  class="inline-form"
                >
                  <CsrfField token={ctx.csrf} />
                  <button type="submit" class="button button--secondary button--small">
                    {t.visit.taskDone}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
