import { GuardWarnings } from '../../collaboration/guard-warnings.tsx';
import { collaborationTexts } from '../../collaboration/i18n/index.ts';
import { day, withLang } from '../../good-practice/views/shared.tsx';
import { formatDateTime } from '../../platform/dates.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { LineChart } from '../../statistics/charts.tsx';
import { agreementTexts } from '../agreement-texts.ts';
import { forumTexts } from '../i18n/index.ts';
import type { ProjectPage } from '../project-service.ts';
import { projectTexts } from '../project-texts.ts';
import { ProjectFormFields, projectGoalRows } from './project-form.tsx';

export interface ProjectFormState {
  /** 'edit', or the id of the goal whose value was refused. */
  form: string;
  values: Record<string, string | string[] | undefined>;
  errors: FieldErrors;
  warnings: string[];
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function formatNumber(value: number, lang: 'sv' | 'en') {
  return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}

/** The project as its form shows it for a change. */
export function editValues(page: ProjectPage): Record<string, string | string[] | undefined> {
  const p = page.project;
  const values: Record<string, string | string[] | undefined> = {
    title: p.title,
    description: p.description,
    organisationIds: p.organisation_ids,
    leadOrganisationId: p.lead_organisation_id,
    startsOn: p.starts_on ? String(p.starts_on) : '',
    endsOn: p.ends_on ? String(p.ends_on) : '',
  };
  for (const g of page.goals.slice(0, projectGoalRows)) {
    const i = g.position;
    values[`goals.${i}.area`] = g.area;
    values[`goals.${i}.goal`] = g.goal;
    values[`indicators.${i}.kind`] = g.indicator_kind;
    values[`indicators.${i}.samtakIndicatorId`] = g.samtak_indicator_id ?? '';
    values[`indicators.${i}.manual`] = g.manual_indicator;
    values[`goals.${i}.target`] = g.target_value === null ? '' : String(g.target_value);
  }
  return values;
}

/**
 * A joint project's page (docs/decisions/0138): what it is, each goal with its target and its
 * values over time as a chart with the same figures in a table under it (the chart is hidden
 * from assistive technology, the table is not), the officers' forms for a value and for a change,
 * and the project's history.
 */
export function ProjectPageView({
  ctx,
  page,
  notice,
  state = null,
}: {
  ctx: PageContext;
  page: ProjectPage;
  notice?: string | undefined;
  state?: ProjectFormState | null;
}) {
  const a = agreementTexts(ctx.lang);
  const f = forumTexts(ctx.lang);
  const t = projectTexts(ctx.lang);
  const base = `/forums/${page.forum.id}/projects/${page.project.id}`;
  const p = page.project;
  const org = (id: string) => page.organisations.find((o) => o.id === id)?.name ?? '–';
  const warned = (s: ProjectFormState | null) =>
    s?.warnings.length ? (
      <>
        <GuardWarnings ctx={ctx} warnings={s.warnings} />
        <Checkbox name="confirmNames" label={collaborationTexts(ctx.lang).confirmNames} />
      </>
    ) : null;
  const editState = state?.form === 'edit' ? state : null;
  return (
    <Layout ctx={ctx} title={`${p.title} – ${page.forum.name}`}>
      <p>
        <a href={withLang(`/forums/${page.forum.id}/agreements#projects`, ctx.lang)}>{t.back}</a>
      </p>
      <h1>{p.title}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      {state ? <ErrorSummary t={ctx.t} errors={state.errors} /> : null}
      <section aria-labelledby="details">
        <h2 id="details">{t.details}</h2>
        <p>
          <span class="tag">{a.projectStatuses[p.status]}</span> {a.lead}: {org(p.lead_organisation_id)}
          {p.starts_on ? ` · ${a.fields.startsOn} ${p.starts_on}` : ''}
          {p.ends_on ? ` · ${a.fields.endsOn} ${p.ends_on}` : ''}
        </p>
        <p>
          {t.organisations}: {p.organisation_ids.map(org).join(', ')}
        </p>
        {p.description ? <p class="pre-line">{p.description}</p> : null}
      </section>

      <section aria-labelledby="goals-heading">
        <h2 id="goals-heading">{t.goals}</h2>
        {page.goals.map((g, n) => {
          const goalState = state?.form === g.id ? state : null;
          const gv = goalState?.values ?? {};
          const ge = goalState?.errors ?? {};
          const field = (name: string) => `${name}-${g.id}`;
          const unit = g.unit ? ` (${t.units[g.unit]})` : '';
          const label = `${f.goalAreas[g.area as 'goodHealth'] ?? g.area}: ${g.goal}`;
          const shown = (v: { value: number | null; suppressed: boolean }) =>
            v.suppressed || v.value === null ? t.suppressed : formatNumber(v.value, ctx.lang);
          return (
            <article key={g.id} class="goal" aria-labelledby={`goal-${n}`}>
              <h3 id={`goal-${n}`}>{label}</h3>
              <p>
                {g.indicator_kind === 'samtak'
                  ? `${t.follows}: ${a.indicators[g.samtak_indicator_id ?? ''] ?? g.samtak_indicator_id}${unit}`
                  : g.indicator_kind === 'manual'
                    ? `${t.follows}: ${g.manual_indicator}`
                    : t.noIndicator}
                {g.indicator_kind !== 'none'
                  ? ` · ${g.target_value === null ? t.noTarget : `${t.target}: ${formatNumber(g.target_value, ctx.lang)}`}`
                  : ''}
              </p>
              {g.indicator_kind !== 'none' && g.periods.length === 0 ? <p>{t.noValues}</p> : null}
              {g.periods.length > 0 ? (
                <>
                  <LineChart
                    id={`chart-${n}`}
                    kind="rate"
                    texts={{
                      lang: ctx.lang,
                      title: t.chartTitle(label),
                      category: t.periodColumn,
                      suppressedMark: t.suppressed,
                      suppressedNote: t.suppressedNote,
                    }}
                    categories={g.periods.map((x) => x.periodKey)}
                    series={[
                      {
                        name: `${t.valueSeries}${unit}`,
                        values: g.periods.map((x) => x.latest.value),
                        suppressed: g.periods.map((x) => x.latest.suppressed),
                      },
                      ...(g.target_value !== null
                        ? [{ name: t.targetSeries, values: g.periods.map(() => g.target_value) }]
                        : []),
                    ]}
                  />
                  <section class="table-wrap" tabindex={0} aria-label={`${t.goals}: ${label}`}>
                    <table class="table">
                      <caption>{`${t.goals}: ${label}`}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t.periodColumn}</th>
                          <th scope="col">{`${t.valueColumn}${unit}`}</th>
                          <th scope="col">{t.kindColumn}</th>
                          <th scope="col">{t.sourceColumn}</th>
                          <th scope="col">{t.recordedColumn}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {g.periods.map((x) => (
                          <tr key={x.periodKey}>
                            <th scope="row">{x.periodKey}</th>
                            <td>
                              {shown(x.latest)}
                              {x.earlier.length > 0 ? (
                                <>
                                  {' '}
                                  <span class="tag">{t.corrected(x.earlier.length)}</span>
                                  <details>
                                    <summary>{t.earlier}</summary>
                                    <ul>
                                      {x.earlier.map((e) => (
                                        <li key={e.id}>
                                          {shown(e)}
                                          {e.source ? ` (${e.source})` : ''} – {e.recordedBy},{' '}
                                          {formatDateTime(e.recordedAt)}
                                        </li>
                                      ))}
                                    </ul>
                                  </details>
                                </>
                              ) : null}
                            </td>
                            <td>{t.kinds[x.latest.kind]}</td>
                            <td>{x.latest.source || '–'}</td>
                            <td>
                              {x.latest.recordedBy}, {formatDateTime(x.latest.recordedAt)}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </section>
                </>
              ) : null}
              {page.canRecord && g.indicator_kind !== 'none' ? (
                <form
                  method="post"
                  action={withLang(`${base}/goals/${g.id}/values`, ctx.lang)}
                  class="stack-form"
                  aria-label={`${g.indicator_kind === 'manual' ? t.recordManual : t.recordSnapshot}: ${label}`}
                >
                  <CsrfField token={ctx.csrf} />
                  <TextField
                    id={field('period')}
                    name="period"
                    label={t.fields.period}
                    hint={g.indicator_kind === 'manual' ? t.manualHint : t.snapshotHint}
                    value={one(gv.period)}
                    error={ge[field('period')]}
                    width="short"
                  />
                  {g.indicator_kind === 'manual' ? (
                    <>
                      <TextField
                        id={field('value')}
                        name="value"
                        label={t.fields.value}
                        value={one(gv.value)}
                        error={ge[field('value')]}
                        width="short"
                      />
                      <TextField
                        id={field('source')}
                        name="source"
                        label={t.fields.source}
                        value={one(gv.source)}
                        error={ge[field('source')]}
                      />
                    </>
                  ) : null}
                  {warned(goalState)}
                  <button type="submit" class="button">
                    {g.indicator_kind === 'manual' ? t.recordManual : t.recordSnapshot}
                  </button>
                </form>
              ) : null}
            </article>
          );
        })}
      </section>

      {page.canEdit ? (
        <details open={editState ? true : undefined}>
          <summary>{t.edit}</summary>
          <form method="post" action={withLang(`${base}/edit`, ctx.lang)} class="stack-form">
            <CsrfField token={ctx.csrf} />
            <ProjectFormFields
              ctx={ctx}
              values={editState?.values ?? editValues(page)}
              errors={editState?.errors ?? {}}
              organisations={page.organisations}
              indicatorIds={page.indicatorIds}
            />
            {warned(editState)}
            <button type="submit" class="button">
              {t.save}
            </button>
          </form>
        </details>
      ) : page.canRecord ? (
        <p>{t.notEditableNote}</p>
      ) : null}

      <section aria-labelledby="history">
        <h2 id="history">{t.history}</h2>
        <ol class="plain-list">
          {page.changes.map((c) => (
            <li key={`${c.occurredAt.toISOString()}${c.action}${c.note}`}>
              {day(c.occurredAt)} – {c.actorName}: {t.historyActions[c.action] ?? c.action}
              {c.note ? ` (${c.note})` : ''}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
