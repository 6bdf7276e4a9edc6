import type { Lang } from '../platform/i18n/i18n.ts';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { type IndicatorId, indicatorCatalogue, legalReferencesOn } from './catalogue.ts';
import { BarChart, type ChartTexts, LineChart } from './charts.tsx';
import { cellLabel, chartKindOf, formatCount, formatFigure, headline, partCells } from './format.ts';
import { statisticsTexts } from './i18n/index.ts';
import type { ShownFigure } from './present.ts';
import { ReportingLinks } from './reporting-links.tsx';
import type { IndicatorView, SeriesView } from './service.ts';

export interface Selection {
  periodKey: string;
  unitId: string | null;
  units: readonly { id: string; name: string }[];
}

export const query = (s: { periodKey: string; unitId: string | null }, extra: Record<string, string> = {}) =>
  new URLSearchParams({ period: s.periodKey, ...(s.unitId ? { unit: s.unitId } : {}), ...extra }).toString();

function chartTexts(lang: Lang, title: string, category: string): ChartTexts {
  const tx = statisticsTexts(lang);
  return { lang, title, category, suppressedMark: tx.suppressedMark, suppressedNote: tx.suppressedNote };
}

/** Period and unit, chosen with a plain GET form: works without JavaScript. */
function SelectionForm({ lang, action, s }: { lang: Lang; action: string; s: Selection }) {
  const tx = statisticsTexts(lang);
  return (
    <form method="get" action={action} class="filter-form">
      <div class="field">
        <label for="period">{tx.period}</label>
        <p class="hint" id="period-hint">
          {tx.periodHint}
        </p>
        <input
          id="period"
          name="period"
          class="input input--short"
          value={s.periodKey}
          aria-describedby="period-hint"
          maxLength={7}
        />
      </div>
      <div class="field">
        <label for="unit">{tx.unit}</label>
        <select id="unit" name="unit" class="input">
          <option value="">{tx.wholeMunicipality}</option>
          {s.units.map((u) => (
            <option key={u.id} value={u.id} selected={u.id === s.unitId}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button">
        {tx.show}
      </button>
    </form>
  );
}

function Downloads({ lang, s, table, what }: { lang: Lang; s: Selection; table: string; what: string }) {
  const tx = statisticsTexts(lang);
  const q = query(s, { table });
  return (
    <p class="button-row">
      <span>{tx.downloadTable(what)}:</span> <a href={`/statistics/export.csv?${q}`}>{tx.downloadCsv}</a>{' '}
      <a href={`/statistics/export.xlsx?${q}`}>{tx.downloadXlsx}</a>
    </p>
  );
}

function Ratio({ lang, f }: { lang: Lang; f: ShownFigure }) {
  const tx = statisticsTexts(lang);
  const kind = indicatorCatalogue[f.id].valueKind;
  if (kind === 'table' || kind === 'count') return null;
  if (kind === 'days')
    return (
      <p class="hint">
        {tx.median}: {f.median === null ? tx.suppressedMark : formatCount(f.median, lang)} · {tx.denominator}:{' '}
        {formatCount(f.denominator, lang)}
      </p>
    );
  return <p class="hint">{tx.ofTotal(formatCount(f.numerator, lang), formatCount(f.denominator, lang))}</p>;
}

export function StatisticsPage({ ctx, view, s }: { ctx: PageContext; view: IndicatorView; s: Selection }) {
  const { lang } = ctx;
  const tx = statisticsTexts(lang);
  const label = (id: IndicatorId) => tx.indicators[id].label;
  const bySource = view.shown.find((f) => f.id === 'reportsBySource');
  const byAge = view.shown.find((f) => f.id === 'reportsByAgeAndSex');
  return (
    <Layout ctx={ctx} title={tx.title}>
      <h1>{tx.title}</h1>
      <p class="lead">{tx.intro}</p>
      <SelectionForm lang={lang} action="/statistics" s={s} />
      <h2>{tx.summaryTable}</h2>
      <ul class="card-list">
        {view.shown.map((f) => (
          <li key={f.id}>
            <a class="card" href={`/statistics/indicators/${f.id}?${query(s)}`}>
              <span>{label(f.id)}</span>
              <strong class="figure" data-indicator={f.id}>
                {' '}
                {formatFigure(f, lang)}
              </strong>
            </a>
            <Ratio lang={lang} f={f} />
          </li>
        ))}
      </ul>
      <Downloads lang={lang} s={s} table="summary" what={tx.summaryTable.toLowerCase()} />
      {bySource ? (
        <BarChart
          id="chart-source"
          texts={chartTexts(lang, label('reportsBySource'), tx.part)}
          valueHeader={tx.count}
          kind="count"
          data={partCells(bySource).map((c) => ({
            label: cellLabel(c, lang),
            value: bySource.cells[c] ?? null,
            suppressed: bySource.cells[c] === null,
          }))}
        />
      ) : null}
      {byAge ? (
        <BarChart
          id="chart-age"
          texts={chartTexts(lang, label('reportsByAgeAndSex'), tx.part)}
          valueHeader={tx.count}
          kind="count"
          data={Object.keys(byAge.cells)
            .filter((c) => c.endsWith('|*') && c !== '*|*')
            .map((c) => ({
              label: cellLabel(c.slice(0, -2), lang),
              value: byAge.cells[c] ?? null,
              suppressed: byAge.cells[c] === null,
            }))}
        />
      ) : null}
      {view.units.length ? <UnitTable lang={lang} view={view} s={s} /> : null}
      {view.unavailable.length ? (
        <section>
          <h2>{tx.unavailableTitle}</h2>
          <ul>
            {view.unavailable.map((id) => (
              <li key={id}>{tx.unavailable(label(id))}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <ReportingLinks ctx={ctx} s={s} />
    </Layout>
  );
}

function UnitTable({ lang, view, s }: { lang: Lang; view: IndicatorView; s: Selection }) {
  const tx = statisticsTexts(lang);
  const ids = view.shown.map((f) => f.id);
  return (
    <section>
      <h2 id="per-unit">{tx.perUnitTitle}</h2>
      {/* Wide: scrolls sideways on a phone, so it takes focus and the keyboard scrolls it. */}
      <section class="table-wrap" aria-labelledby="per-unit" tabindex={0}>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{tx.unitColumn}</th>
              {ids.map((id) => (
                <th scope="col" key={id}>
                  {tx.indicators[id].label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.units.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.name}</th>
                {u.shown.map((f) => (
                  <td key={f.id}>{formatFigure(f, lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Downloads lang={lang} s={s} table="units" what={tx.perUnitTitle.toLowerCase()} />
    </section>
  );
}

export function IndicatorPage({
  ctx,
  id,
  series,
  previous,
  s,
  mayDrillDown,
}: {
  ctx: PageContext;
  id: IndicatorId;
  series: SeriesView;
  previous: ShownFigure | undefined;
  s: Selection;
  mayDrillDown: boolean;
}) {
  const { lang } = ctx;
  const tx = statisticsTexts(lang);
  const text = tx.indicators[id];
  const def = indicatorCatalogue[id];
  const laws = legalReferencesOn(id, series.period.to);
  const total = series.total;
  const kind = chartKindOf(id);
  const parts = total ? partCells(total) : [];
  return (
    <Layout ctx={ctx} title={text.label}>
      <p>
        <a href={`/statistics?${query(s)}`}>{tx.backToStatistics}</a>
      </p>
      <h1>{text.label}</h1>
      <SelectionForm lang={lang} action={`/statistics/indicators/${id}`} s={s} />
      {total ? (
        <p class="lead">
          <strong class="figure" data-indicator={id}>
            {formatFigure(total, lang)}
          </strong>
          {previous ? ` · ${tx.previousPeriod}: ${formatFigure(previous, lang)}` : ''}
        </p>
      ) : (
        <p>{tx.unavailable(text.label)}</p>
      )}
      <dl class="definition-list">
        <dt>{tx.definition}</dt>
        <dd>{text.definition}</dd>
        <dt>{tx.numerator}</dt>
        <dd>
          {text.numerator}
          {total && def.valueKind !== 'table' ? ` (${formatCount(total.numerator, lang)})` : ''}
        </dd>
        <dt>{tx.denominator}</dt>
        <dd>
          {text.denominator}
          {total ? ` (${formatCount(total.denominator, lang)})` : ''}
        </dd>
        <dt>{tx.periodDate}</dt>
        <dd>{text.periodDate}</dd>
        <dt>{tx.law}</dt>
        <dd>{laws.length ? laws.join('; ') : tx.noLaw}</dd>
      </dl>
      {total && parts.length ? (
        <>
          <BarChart
            id="chart-parts"
            texts={chartTexts(lang, `${text.label}: ${tx.part.toLowerCase()}`, tx.part)}
            valueHeader={tx.count}
            kind="count"
            data={parts.map((c) => ({
              label: cellLabel(c, lang),
              value: total.cells[c] ?? null,
              suppressed: total.cells[c] === null,
            }))}
          />
          {mayDrillDown ? (
            <ul>
              {parts.map((c) => (
                <li key={c}>
                  <a href={`/statistics/indicators/${id}/rows?${query(s, { cell: c })}`}>
                    {tx.showRows}: {cellLabel(c, lang)} ({formatCount(total.cells[c] ?? null, lang)})
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          <Downloads lang={lang} s={s} table={id} what={tx.part.toLowerCase()} />
        </>
      ) : null}
      {series.months.length > 1 && total ? (
        <>
          <LineChart
            id="chart-months"
            texts={chartTexts(lang, `${text.label}: ${tx.byMonth.toLowerCase()}`, tx.month)}
            categories={series.months.map((m) => m.period.key)}
            kind={kind}
            series={[
              {
                name: text.label,
                values: series.months.map((m) => (m.shown ? headline(m.shown) : null)),
                suppressed: series.months.map((m) => !!m.shown?.suppressed && headline(m.shown) === null),
              },
            ]}
          />
          <Downloads lang={lang} s={s} table={`${id}.months`} what={tx.byMonth.toLowerCase()} />
        </>
      ) : null}
    </Layout>
  );
}

export interface DrillRow {
  personId: string | null;
  name: string;
  personalNumber: string | null;
  href: string | null;
  date: string | null;
  /** An archived child's row: counted, not shown (decision 0117). */
  archived?: boolean;
}

export function RowsPage({
  ctx,
  id,
  cell,
  rows,
  s,
}: {
  ctx: PageContext;
  id: IndicatorId;
  cell: string;
  rows: readonly DrillRow[];
  s: Selection;
}) {
  const { lang } = ctx;
  const tx = statisticsTexts(lang);
  const title = tx.rowsTitle(`${tx.indicators[id].label} – ${cellLabel(cell, lang)}`);
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/statistics/indicators/${id}?${query(s)}`}>{tx.backToIndicator}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{tx.rowsIntro}</p>
      {rows.length === 0 ? (
        <p>{tx.rowsEmpty}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{tx.child}</th>
                <th scope="col">{tx.personalNumber}</th>
                <th scope="col">{tx.caseOrRecord}</th>
                <th scope="col">{tx.date}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={`${r.href ?? ''}${i}`}>
                  <td>
                    {r.archived ? (
                      tx.archivedFile
                    ) : r.personId ? (
                      <a href={`/people/${r.personId}`}>{r.name}</a>
                    ) : (
                      r.name
                    )}
                  </td>
                  <td>{r.personalNumber ?? '–'}</td>
                  <td>{r.href ? <a href={r.href}>{tx.caseOrRecord}</a> : '–'}</td>
                  <td>{r.date ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
