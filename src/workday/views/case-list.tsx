import { UrgencyTag } from '../../cases/components.tsx';
import { casesTexts } from '../../cases/i18n/index.ts';
import { casePhases } from '../../cases/schema.ts';
import { formatPersonalNumber } from '../../people/personal-number.ts';
import { SelectField, TextField } from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { Pager } from '../../platform/layout/pager.tsx';
import { type CaseListQuery, pageSize, sortKeys, statusFilters } from '../domain/case-list.ts';
import { workdayTexts } from '../i18n/index.ts';
import type { CaseListView } from '../service/cases.ts';

const paths = { mine: '/my-cases', unit: '/my-cases/unit', search: '/cases/search' } as const;

/** The worker filter as the select sends it. */
function workerValue(query: CaseListQuery): string {
  if (query.worker.kind === 'worker') return query.worker.userId;
  return query.worker.kind === 'unassigned' ? 'unassigned' : '';
}

/** The query string of a list with one thing changed (the page links). */
function hrefWith(path: string, query: CaseListQuery, page: number): string {
  const params = new URLSearchParams();
  params.set('status', query.status);
  if (query.phase) params.set('phase', query.phase);
  params.set('sort', query.sort);
  if (workerValue(query)) params.set('worker', workerValue(query));
  if (query.text) params.set('q', query.text.raw);
  params.set('page', String(page));
  return `${path}?${params}`;
}

export function CaseListPage({
  ctx,
  view,
  searchError,
  typed,
}: {
  ctx: PageContext;
  view: CaseListView;
  /** The search box's error (too little typed), shown at the field. */
  searchError?: string | undefined;
  typed?: string | undefined;
}) {
  const tx = workdayTexts(ctx.lang);
  const c = casesTexts(ctx.lang);
  const { mode, query } = view;
  const title = { mine: tx.myCasesTitle, unit: tx.unitCasesTitle, search: tx.searchTitle }[mode];
  const intro = { mine: tx.myCasesIntro, unit: tx.unitCasesIntro, search: tx.searchIntro }[mode];
  const path = paths[mode];
  const showWorker = mode !== 'mine' || ctx.actor?.role !== 'socialWorker';
  const pages = Math.max(1, Math.ceil(view.total / pageSize));
  const searched = mode !== 'search' || query.text !== null;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{intro}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for some screen readers. */}
      <form method="get" action={path} class="filter-form" role="search" aria-label={tx.filters}>
        <TextField
          name="q"
          type="search"
          label={tx.searchLabel}
          hint={tx.searchHint}
          value={typed ?? query.text?.raw ?? ''}
          error={searchError}
          maxLength={100}
        />
        {mode !== 'search' ? (
          <>
            <SelectField
              name="status"
              label={tx.status}
              value={query.status}
              options={statusFilters.map((s) => [s, tx.statuses[s]] as const)}
            />
            <SelectField
              name="phase"
              label={tx.phase}
              value={query.phase ?? ''}
              options={[['', tx.anyPhase] as const, ...casePhases.map((p) => [p, c.phase[p]] as const)]}
            />
            {view.workers ? (
              <SelectField
                name="worker"
                label={tx.worker}
                value={workerValue(query)}
                options={[
                  ['', tx.anyWorker] as const,
                  ['unassigned', tx.unassignedWorker] as const,
                  ...view.workers.map(
                    (w) => [w.id, tx.workerOption(w.display_name, Number(w.open_cases ?? 0))] as const,
                  ),
                ]}
              />
            ) : null}
            <SelectField
              name="sort"
              label={tx.sort}
              value={query.sort}
              options={sortKeys.map((s) => [s, tx.sorts[s]] as const)}
            />
          </>
        ) : null}
        <button type="submit" class="button">
          {mode === 'search' ? tx.search : tx.show}
        </button>
      </form>
      {view.truncated ? <p class="notice">{tx.truncated}</p> : null}
      {!searched ? (
        <p>{tx.noSearchYet}</p>
      ) : view.cases.length === 0 ? (
        <p>{tx.noCases}</p>
      ) : (
        <>
          {mode === 'search' && view.total > view.cases.length ? (
            <p class="hint">{tx.moreThanShown(view.cases.length)}</p>
          ) : null}
          <CaseTable ctx={ctx} view={view} showWorker={showWorker} />
          {mode !== 'search' ? (
            <Pager
              lang={ctx.lang}
              page={query.page}
              pages={pages}
              href={(page) => hrefWith(path, query, page)}
            />
          ) : null}
        </>
      )}
    </Layout>
  );
}

function CaseTable({ ctx, view, showWorker }: { ctx: PageContext; view: CaseListView; showWorker: boolean }) {
  const tx = workdayTexts(ctx.lang);
  const c = casesTexts(ctx.lang);
  return (
    <div class="table-wrap">
      <table class="table" data-testid="case-list">
        <caption>{tx.listCaption(view.cases.length, view.total)}</caption>
        <thead>
          <tr>
            <th scope="col">{tx.columns.child}</th>
            <th scope="col">{tx.columns.reference}</th>
            <th scope="col">{tx.columns.phase}</th>
            {showWorker ? <th scope="col">{tx.columns.responsible}</th> : null}
            <th scope="col">{tx.columns.nextStep}</th>
            <th scope="col">{tx.columns.deadline}</th>
            <th scope="col">{tx.columns.left}</th>
          </tr>
        </thead>
        <tbody>
          {view.cases.map(({ c: k, nextStep, deadline }) => (
            <tr
              key={k.id}
              data-case={k.id}
              class={k.immediate_protection && k.phase !== 'closed' ? 'row--urgent' : undefined}
            >
              <td>
                <a href={`/cases/${k.id}`}>
                  {k.family_name}, {k.given_name}
                </a>
                {k.personal_number ? <> {formatPersonalNumber(k.personal_number)}</> : null}
                {k.immediate_protection && k.phase !== 'closed' ? (
                  <span class="tag tag--urgent">{c.immediate}</span>
                ) : null}
              </td>
              <td>{k.reports.map((r) => r.reference).join(', ') || tx.noDeadline}</td>
              <td>{c.phase[k.phase]}</td>
              {showWorker ? (
                <td>
                  {k.responsible_name ?? (
                    <span class={k.phase === 'investigation' ? 'tag tag--warning' : undefined}>
                      {tx.nobody}
                    </span>
                  )}
                </td>
              ) : null}
              <td>{nextStep ? tx.nextSteps[nextStep] : tx.done}</td>
              <td>
                {deadline ? (
                  <>
                    {c.rules[deadline.deadline.ruleId]}: {deadline.deadline.dueDate}
                  </>
                ) : (
                  tx.noDeadline
                )}
              </td>
              <td>{deadline ? <UrgencyTag lang={ctx.lang} item={deadline} /> : tx.noDeadline}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
