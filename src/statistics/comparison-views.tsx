import type { FieldErrors } from '../platform/layout/forms.tsx';
import { CsrfField, ErrorSummary, Notice, SelectField } from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { indicatorIds } from './catalogue.ts';
import type { ComparisonKpi, ComparisonSource } from './comparison.ts';
import { formatFigure } from './format.ts';
import { statisticsTexts } from './i18n/index.ts';
import { registerReportingTexts } from './i18n/register-reporting.ts';

const day = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeZone: 'Europe/Stockholm' }).format(d);

export function ComparisonPage({
  ctx,
  kpis,
  municipalityCode,
  mayImport,
  errors = {},
  indicator,
  notice,
}: {
  ctx: PageContext;
  kpis: readonly ComparisonKpi[];
  municipalityCode: string;
  mayImport: boolean;
  errors?: FieldErrors;
  indicator?: string | undefined;
  notice?: string | undefined;
}) {
  const { lang, t } = ctx;
  const tx = registerReportingTexts(lang).comparison;
  const st = statisticsTexts(lang);
  const number = (n: number) =>
    new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 }).format(n);
  const sources = (list: (ComparisonSource | undefined)[]) => [
    ...new Set(
      list.filter((s) => s).map((s) => tx.sourceText(s!.fileName, day(s!.importedAt), s!.importedByName)),
    ),
  ];
  return (
    <Layout ctx={ctx} title={tx.title}>
      <p>
        <a href="/statistics">{st.title}</a>
      </p>
      <h1>{tx.title}</h1>
      <p class="lead">{tx.intro}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={t} errors={errors} />
      {kpis.length === 0 ? <p>{tx.none}</p> : null}
      {kpis.map((k) => {
        const caption = k.indicatorId
          ? `${k.kpi} – ${tx.comparedWith(st.indicators[k.indicatorId].label)}`
          : k.kpi;
        return (
          <div key={k.kpi} class="comparison" data-kpi={k.kpi}>
            <h2 id={`kpi-${k.kpi}`}>{caption}</h2>
            <section class="table-wrap" tabindex={0} aria-labelledby={`kpi-${k.kpi}`}>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{tx.year}</th>
                    {k.indicatorId ? <th scope="col">{tx.own}</th> : null}
                    <th scope="col">
                      {tx.ownInKolada} ({municipalityCode})
                    </th>
                    <th scope="col">{tx.national}</th>
                  </tr>
                </thead>
                <tbody>
                  {k.years.map((y) => (
                    <tr key={y.year} data-year={y.year}>
                      <th scope="row">{y.year}</th>
                      {k.indicatorId ? (
                        <td data-own>{y.own ? formatFigure(y.own, lang) : st.noValue}</td>
                      ) : null}
                      <td data-own-kolada>{y.ownInKolada ? number(y.ownInKolada.value) : '–'}</td>
                      <td data-national>{y.national ? number(y.national.value) : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            {sources(k.years.flatMap((y) => [y.national?.source, y.ownInKolada?.source])).map((s) => (
              <p key={s} class="hint">
                {tx.source}: {s}
              </p>
            ))}
          </div>
        );
      })}
      {mayImport ? (
        <>
          <h2>{tx.importTitle}</h2>
          <form method="post" action="/statistics/comparison" enctype="multipart/form-data" class="narrow">
            <CsrfField token={ctx.csrf} />
            <div class={errors.file ? 'field field--error' : 'field'}>
              <label for="file">{tx.file}</label>
              <p class="hint" id="file-hint">
                {tx.importHint}
              </p>
              {errors.file ? (
                <p class="field-error" id="file-error">
                  {errors.file}
                </p>
              ) : null}
              <input
                id="file"
                name="file"
                type="file"
                accept=".json,application/json"
                class="input"
                aria-describedby={errors.file ? 'file-hint file-error' : 'file-hint'}
                aria-invalid={errors.file ? 'true' : undefined}
              />
            </div>
            <SelectField
              name="indicator"
              label={tx.indicator}
              value={indicator}
              error={errors.indicator}
              options={[
                ['', tx.noIndicator] as const,
                ...indicatorIds.map((id) => [id, st.indicators[id].label] as const),
              ]}
            />
            <button type="submit" class="button">
              {tx.import}
            </button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}
