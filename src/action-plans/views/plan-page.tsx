import { goodPracticeTexts } from '../../good-practice/i18n/index.ts';
import { day, labelsOf, withLang } from '../../good-practice/views/shared.tsx';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { ErrorSummary } from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { actionPlanTexts } from '../i18n/index.ts';
import { isLate } from '../measures.ts';
import type { IndicatorShown, PlanPage } from '../service.ts';
import {
  AdoptForm,
  type FormState,
  IndicatorForm,
  MatterForm,
  MeasureForm,
  StatusForm,
  ValueForm,
} from './plan-forms.tsx';
import { PlanVisits } from './plan-visits.tsx';

const number = (value: number, lang: Lang) => value.toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE');

/** An action plan: its areas with measures and indicators (live figures), matters raised, history. */
export function ActionPlanPage({
  ctx,
  page,
  state = null,
  notice,
  today,
}: {
  ctx: PageContext;
  page: PlanPage;
  state?: FormState | null;
  notice?: string | undefined;
  today: string;
}) {
  const p = actionPlanTexts(ctx.lang);
  const g = goodPracticeTexts(ctx.lang);
  const { plan } = page;
  const orgName = (id: string) => page.organisations.find((o) => o.id === id)?.name ?? '–';
  const draft = plan.status === 'draft';
  const movable = (ownerId: string) =>
    (plan.status === 'draft' || plan.status === 'adopted') &&
    (page.movesMeasuresOf === 'all' || page.movesMeasuresOf === ownerId);
  return (
    <Layout ctx={ctx} title={plan.title}>
      <p>
        <a href={withLang('/action-plans', ctx.lang)}>{p.title}</a>
      </p>
      <h1>{plan.title}</h1>
      {notice ? (
        <div class="notice" role="status">
          {notice}
        </div>
      ) : null}
      {state ? <ErrorSummary t={ctx.t} errors={state.errors} /> : null}
      <p>
        <span class="tag">{p.statuses[plan.status]}</span> {p.version(plan.version)} ·{' '}
        {p.deadlineIs(plan.deadline)}
        {plan.adopted_on ? ` · ${p.adoptedBy(plan.adopted_by_body, plan.adopted_on)}` : ''}
      </p>
      {plan.summary ? <p class="pre-line">{plan.summary}</p> : null}
      <p>
        <strong>{p.organisations}:</strong> {page.organisationIds.map(orgName).join(', ') || '–'}
      </p>
      {page.canWrite && draft ? <AdoptForm ctx={ctx} planId={plan.id} state={state} /> : null}
      {page.areas.map((area, i) => {
        const measures = page.measures.filter((m) => m.areaPosition === area.position);
        const indicators = page.indicators.filter((x) => x.areaPosition === area.position);
        return (
          <section key={area.position} aria-labelledby={`area-${area.position}`}>
            <h2 id={`area-${area.position}`}>
              {p.areaHeading(i + 1, area.title || g.areas[area.area as keyof typeof g.areas])}
            </h2>
            <p class="pre-line">{area.rationale}</p>
            {area.themes.length ? (
              <p>
                <strong>{p.fields.themes}:</strong> {labelsOf(g.themes, area.themes)}
              </p>
            ) : null}
            <h3>{p.measures}</h3>
            {measures.length === 0 ? <p>{p.noMeasures}</p> : null}
            <ul class="item-list">
              {measures.map((m) => (
                <li key={m.id}>
                  <p>
                    <strong>{m.title}</strong> <span class="tag">{p.measure.statuses[m.status]}</span>
                    {isLate(m, today) ? (
                      <>
                        {' '}
                        <span class="tag tag--warning">{p.measure.late(m.dueOn)}</span>
                      </>
                    ) : null}
                  </p>
                  {m.description ? <p class="pre-line">{m.description}</p> : null}
                  <p>
                    {orgName(m.ownerOrganisationId)}, {m.ownerRole} · {p.measure.due(m.dueOn)}
                    {m.partnerIds.length
                      ? ` · ${p.measure.partners}: ${m.partnerIds.map(orgName).join(', ')}`
                      : ''}
                  </p>
                  {m.examples.length ? (
                    <p>
                      {p.measure.citedExamples}:{' '}
                      {m.examples.map((x, k) => (
                        <span key={x.id}>
                          {k > 0 ? ', ' : ''}
                          <a href={withLang(`/examples/${x.id}`, ctx.lang)}>{x.title}</a>
                        </span>
                      ))}
                    </p>
                  ) : null}
                  {m.evidence ? <p class="pre-line">{`${p.measure.evidence}: ${m.evidence}`}</p> : null}
                  {m.dropReason ? <p class="pre-line">{`${p.measure.reason}: ${m.dropReason}`}</p> : null}
                  {m.history.length > 1 ? (
                    <details>
                      <summary>{p.measure.history}</summary>
                      <ul class="plain-list">
                        {m.history.slice(1).map((h) => (
                          <li key={`${h.on}${h.to}`}>
                            {p.measure.historyRow(
                              h.from ? p.measure.statuses[h.from] : '–',
                              p.measure.statuses[h.to],
                              h.on,
                            )}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                  {movable(m.ownerOrganisationId) ? (
                    <StatusForm ctx={ctx} planId={plan.id} measure={m} state={state} today={today} />
                  ) : null}
                </li>
              ))}
            </ul>
            {indicators.length ? <h3>{p.indicators}</h3> : null}
            <ul class="item-list">
              {indicators.map((x) => (
                <IndicatorItem
                  key={x.id}
                  ctx={ctx}
                  x={x}
                  planId={plan.id}
                  canWrite={page.canWrite}
                  state={state}
                  today={today}
                />
              ))}
            </ul>
          </section>
        );
      })}
      {page.canWrite && draft ? (
        <>
          <MeasureForm ctx={ctx} page={page} state={state} />
          <IndicatorForm ctx={ctx} page={page} state={state} />
        </>
      ) : null}
      <section aria-labelledby="matters">
        <h2 id="matters">{p.matters}</h2>
        {page.matters.length === 0 ? <p>{p.noMatters}</p> : null}
        <ul class="item-list">
          {page.matters.map((x) => (
            <li key={x.id}>
              <p>
                <strong>{x.title}</strong> <span class="tag">{p.matter.statuses[x.status]}</span> ·{' '}
                {x.raisedOn}
              </p>
              <p class="pre-line">{x.description}</p>
              <p>{labelsOf(g.themes, x.themes)}</p>
              {x.answer ? (
                <p class="pre-line">{`${p.matter.answer(x.answeredBy, x.answeredOn ?? '')}: ${x.answer}`}</p>
              ) : null}
            </li>
          ))}
        </ul>
        {page.canWrite ? <MatterForm ctx={ctx} planId={plan.id} state={state} today={today} /> : null}
      </section>
      <PlanVisits ctx={ctx} page={page} />
      <section aria-labelledby="history">
        <h2 id="history">{p.history}</h2>
        {page.changes.length === 0 ? <p>{p.noHistory}</p> : null}
        <ol class="plain-list">
          {page.changes.map((c) => (
            <li key={`${c.occurredAt.toISOString()}${c.action}${c.note}`}>
              {day(c.occurredAt)} – {c.actorName}: {p.actions[c.action as keyof typeof p.actions] ?? c.action}
              {c.note ? ` (${c.note})` : ''}
              {c.confirmedWarnings ? ` – ${p.warningsConfirmed}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}

function IndicatorItem({
  ctx,
  x,
  planId,
  canWrite,
  state,
  today,
}: {
  ctx: PageContext;
  x: IndicatorShown;
  planId: string;
  canWrite: boolean;
  state: FormState | null;
  today: string;
}) {
  const t = actionPlanTexts(ctx.lang).indicator;
  const unit = x.indicator.unit === 'percent' ? ' %' : '';
  const live = x.live;
  let now: string;
  if (live?.kind === 'suppressed') now = t.suppressed;
  else if (x.current) now = `${number(x.current.value, ctx.lang)}${unit}`;
  else now = t.noValue;
  const source =
    x.indicator.source.kind === 'samtak' && live
      ? t.live(live.from, live.on)
      : x.current
        ? `${x.current.source}, ${x.current.on}`
        : x.indicator.source.kind === 'manual'
          ? x.indicator.source.description
          : '';
  return (
    <li class="indicator">
      <p>
        <strong>{x.indicator.name}</strong>
      </p>
      <p class="pre-line">{x.indicator.definition}</p>
      <dl class="summary-list">
        <dt>{t.current}</dt>
        <dd>
          <strong class="indicator-value">{now}</strong>{' '}
          <span class="tag">{t.progress[live?.kind === 'suppressed' ? 'noValue' : x.progress.state]}</span>
          <br />
          {source}
        </dd>
        <dt>{t.baselineValue}</dt>
        <dd>
          {t.baseline(`${number(x.indicator.baseline.value, ctx.lang)}${unit}`, x.indicator.baseline.on)}
        </dd>
        <dt>{t.targetValue}</dt>
        <dd>{t.target(`${number(x.indicator.target.value, ctx.lang)}${unit}`, x.indicator.target.by)}</dd>
      </dl>
      {canWrite && x.indicator.source.kind === 'manual' ? (
        <ValueForm ctx={ctx} planId={planId} indicatorId={x.id} state={state} today={today} />
      ) : null}
    </li>
  );
}
