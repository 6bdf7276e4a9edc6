import type { ComponentChildren } from 'preact';
import { GuardWarnings } from '../../collaboration/guard-warnings.tsx';
import { collaborationTexts } from '../../collaboration/i18n/index.ts';
import { counties } from '../../collaboration/municipalities.ts';
import { countyForumTexts } from '../../forums/county-texts.ts';
import { goodPracticeTexts } from '../../good-practice/i18n/index.ts';
import { day, labelsOf } from '../../good-practice/views/shared.tsx';
import type { Lang } from '../../platform/i18n/i18n.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  TextArea,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import type { Coordinator } from '../coordinator-gate.ts';
import type { CoordinatorOverview } from '../coordinator-queries.ts';
import { actionPlanTexts, visitTexts } from '../i18n/index.ts';

/**
 * The coordinator's pages (docs/decisions/0108): a frame of their own, as the installation
 * operator's, with who is signed in and the way out; no municipal navigation.
 */

/** A table that scrolls sideways on a narrow screen, reachable with the keyboard. */
function TableWrap({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <section class="table-wrap" tabindex={0} aria-label={label}>
      {children}
    </section>
  );
}

export function CoordinatorFrame({
  ctx,
  title,
  coordinator,
  children,
}: {
  ctx: PageContext;
  title: string;
  coordinator: Coordinator;
  children: ComponentChildren;
}) {
  const c = visitTexts(ctx.lang).coordinator;
  return (
    <Layout ctx={ctx} title={title} bare>
      <div class="operator-bar no-print">
        <span>{c.signedInAs(coordinator.name)}</span>{' '}
        <form method="post" action="/operator/logout" class="inline-form">
          <CsrfField token={ctx.csrf} />
          <button type="submit" class="button button--secondary button--small">
            {c.logout}
          </button>
        </form>
      </div>
      {children}
    </Layout>
  );
}

export function scopeName(coordinator: Coordinator, lang: Lang): string {
  const c = visitTexts(lang).coordinator;
  if (coordinator.scope.kind === 'national') return c.national;
  const code = coordinator.scope.countyCode;
  return counties.find((k) => k.code === code)?.name ?? code;
}

export const coordinatorHref = (path: string, lang: Lang) =>
  lang === 'sv' ? path : `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;

const numberText = (value: number | null, lang: Lang, suppressed: string) =>
  value === null ? suppressed : value.toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE');
const shareText = (value: number | null, lang: Lang, suppressed: string) =>
  value === null
    ? suppressed
    : `${(Math.round(value * 1000) / 10).toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE')} %`;

export interface MatterAnswerState {
  matterId: string;
  value: string;
  errors: FieldErrors;
  warnings: string[];
}

export function CoordinatorOverviewPage({
  ctx,
  coordinator,
  overview,
  notice,
  answering = null,
}: {
  ctx: PageContext;
  coordinator: Coordinator;
  overview: CoordinatorOverview;
  notice?: string | undefined;
  answering?: MatterAnswerState | null;
}) {
  const { lang } = ctx;
  const c = visitTexts(lang).coordinator;
  const v = visitTexts(lang).visit;
  const p = actionPlanTexts(lang);
  const g = goodPracticeTexts(lang);
  const name = (id: string) => overview.municipalities.find((m) => m.id === id)?.name ?? '–';
  const areaNames = g.areas as Record<string, string>;
  const themeNames = g.themes as Record<string, string>;
  const { indicators } = overview;
  return (
    <CoordinatorFrame ctx={ctx} title={c.title} coordinator={coordinator}>
      <h1>{c.title}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      {answering ? <ErrorSummary t={ctx.t} errors={answering.errors} /> : null}
      <p>{c.scope(scopeName(coordinator, lang))}</p>
      <p>{c.intro}</p>
      <p>
        <a href={coordinatorHref('/coordinator/forums', lang)}>{countyForumTexts(lang).link}</a>
      </p>

      <h2>{c.plans}</h2>
      {overview.plans.length === 0 ? (
        <p>{c.noPlans}</p>
      ) : (
        <TableWrap label={c.plans}>
          <table>
            <thead>
              <tr>
                <th scope="col">{c.plan}</th>
                <th scope="col">{c.municipality}</th>
                <th scope="col">{c.status}</th>
                <th scope="col">{c.deadline}</th>
              </tr>
            </thead>
            <tbody>
              {overview.plans.map((plan) => (
                <tr key={plan.id}>
                  <td>
                    <a href={coordinatorHref(`/coordinator/plans/${plan.id}`, lang)}>{plan.title}</a>
                  </td>
                  <td>{name(plan.municipality_id)}</td>
                  <td>
                    {p.statuses[plan.status]} · {p.version(plan.version)}
                  </td>
                  <td>{day(plan.deadline)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      <h2>{c.byArea}</h2>
      {overview.work.areas.length === 0 ? (
        <p>{c.noWork}</p>
      ) : (
        <TableWrap label={c.byArea}>
          <table>
            <thead>
              <tr>
                <th scope="col">{c.area}</th>
                <th scope="col">{c.municipalitiesCount}</th>
                <th scope="col">{c.measures}</th>
                <th scope="col">{c.done}</th>
              </tr>
            </thead>
            <tbody>
              {overview.work.areas.map((a) => (
                <tr key={a.area}>
                  <th scope="row">{areaNames[a.area] ?? a.area}</th>
                  <td>{a.municipalities}</td>
                  <td>{a.measures}</td>
                  <td>{a.done}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {overview.work.themes.length ? (
        <>
          <h3>{c.byTheme}</h3>
          <TableWrap label={c.byTheme}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{c.theme}</th>
                  <th scope="col">{c.municipalitiesCount}</th>
                  <th scope="col">{c.measures}</th>
                </tr>
              </thead>
              <tbody>
                {overview.work.themes.map((t) => (
                  <tr key={t.theme}>
                    <th scope="row">{themeNames[t.theme] ?? t.theme}</th>
                    <td>{t.municipalities}</td>
                    <td>{t.measures}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}

      <h2>{c.raised}</h2>
      {overview.raised.length === 0 ? (
        <p>{c.noRaised}</p>
      ) : (
        <TableWrap label={c.raised}>
          <table>
            <thead>
              <tr>
                <th scope="col">{c.theme}</th>
                <th scope="col">{c.raisedCount}</th>
                <th scope="col">{c.municipalitiesCount}</th>
                <th scope="col">{c.unanswered}</th>
              </tr>
            </thead>
            <tbody>
              {overview.raised.map((t) => (
                <tr key={t.theme}>
                  <th scope="row">{themeNames[t.theme] ?? t.theme}</th>
                  <td>{t.raised}</td>
                  <td>{t.municipalities}</td>
                  <td>{t.unanswered}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {overview.matters.length ? (
        <>
          <h3>{c.matters}</h3>
          <ul>
            {overview.matters.map((m) => (
              <li key={m.id}>
                {m.title} – {name(m.municipality_id)}, {c.raisedOn.toLowerCase()} {day(m.raised_on)} (
                {p.matter.statuses[m.status]}; {labelsOf(themeNames, m.themes)})
                {m.status === 'raised' ? (
                  <form
                    method="post"
                    action={coordinatorHref(`/coordinator/matters/${m.id}/answer`, lang)}
                    class="stack-form"
                  >
                    <CsrfField token={ctx.csrf} />
                    <TextArea
                      id={`answer-${m.id}`}
                      name="answer"
                      label={c.answerLabel(m.title)}
                      value={answering?.matterId === m.id ? answering.value : undefined}
                      error={
                        answering?.matterId === m.id
                          ? (answering.errors.answer ?? answering.errors._form)
                          : undefined
                      }
                      rows={3}
                    />
                    {answering?.matterId === m.id && answering.warnings.length ? (
                      <>
                        <GuardWarnings ctx={ctx} warnings={answering.warnings} />
                        <Checkbox name="confirmNames" label={collaborationTexts(lang).confirmNames} />
                      </>
                    ) : null}
                    <button type="submit" class="button button--secondary">
                      {c.answer}
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{c.indicators(indicators.from, indicators.to)}</h2>
      <p class="hint">{c.indicatorsHint}</p>
      <TableWrap label={c.within14}>
        <table>
          <caption>{c.within14}</caption>
          <thead>
            <tr>
              <th scope="col">{c.municipality}</th>
              <th scope="col">{c.decided}</th>
              <th scope="col">{c.within}</th>
              <th scope="col">{c.share}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.within14.perMunicipality.map((row) => (
              <tr key={row.municipalityId}>
                <th scope="row">{name(row.municipalityId)}</th>
                <td>{numberText(row.denominator, lang, c.suppressed)}</td>
                <td>{numberText(row.numerator, lang, c.suppressed)}</td>
                <td>{shareText(row.share, lang, c.suppressed)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{c.total}</th>
              <td>{numberText(indicators.within14.total.denominator, lang, c.suppressed)}</td>
              <td>{numberText(indicators.within14.total.numerator, lang, c.suppressed)}</td>
              <td>{shareText(indicators.within14.total.share, lang, c.suppressed)}</td>
            </tr>
          </tbody>
        </table>
      </TableWrap>
      <TableWrap label={c.sipsStarted}>
        <table>
          <caption>{c.sipsStarted}</caption>
          <thead>
            <tr>
              <th scope="col">{c.municipality}</th>
              <th scope="col">{c.count}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.sipsStarted.perMunicipality.map((row) => (
              <tr key={row.municipalityId}>
                <th scope="row">{name(row.municipalityId)}</th>
                <td>{numberText(row.count, lang, c.suppressed)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{c.total}</th>
              <td>{numberText(indicators.sipsStarted.total, lang, c.suppressed)}</td>
            </tr>
          </tbody>
        </table>
      </TableWrap>

      <h2>{c.visits}</h2>
      {overview.visits.length === 0 ? (
        <p>{c.noVisits}</p>
      ) : (
        <ul>
          {overview.visits.map((visit) => (
            <li key={visit.id}>
              <a href={coordinatorHref(`/coordinator/visits/${visit.id}`, lang)}>
                {v.heading(name(visit.municipality_id), day(visit.visited_on))}
              </a>{' '}
              – {visit.planTitle} ({v.statuses[visit.status]})
            </li>
          ))}
        </ul>
      )}

      <h2>{c.municipalities}</h2>
      {overview.municipalities.length === 0 ? (
        <p>{c.noMunicipalities}</p>
      ) : (
        <ul>
          {overview.municipalities.map((m) => (
            <li key={m.id}>
              {m.name} ({m.code})
            </li>
          ))}
        </ul>
      )}
    </CoordinatorFrame>
  );
}
