import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  TextArea,
  TextField,
} from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { BarChart } from './charts.tsx';
import { reportingTexts } from './i18n/reporting.ts';
import { waitingBands } from './ivo-report.ts';
import type { CouncilTable, IvoQuarter } from './ivo-service.ts';

/** The IVO pages: preparing the quarter's report, the report as sent, the council's statistics. */

function QuarterChoice({
  ctx,
  action,
  quarterKey,
}: {
  ctx: PageContext;
  action: string;
  quarterKey: string;
}) {
  const tx = reportingTexts(ctx.lang).ivo;
  return (
    <form method="get" action={action} class="filter-form">
      <TextField name="quarter" label={tx.quarter} hint={tx.quarterHint} value={quarterKey} width="short" />
      <button type="submit" class="button">
        {tx.show}
      </button>
    </form>
  );
}

const q = (key: string) => `quarter=${encodeURIComponent(key)}`;

export function IvoPage({
  ctx,
  data,
  over,
  errors = {},
  values = {},
  editing,
  notice,
}: {
  ctx: PageContext;
  data: IvoQuarter;
  over: boolean;
  errors?: FieldErrors;
  values?: Record<string, string | undefined>;
  /** The decision whose form was refused, shown open with its values. */
  editing?: string | undefined;
  notice?: string | undefined;
}) {
  const tx = reportingTexts(ctx.lang).ivo;
  const key = data.quarter.key;
  return (
    <Layout ctx={ctx} title={tx.title}>
      <p>
        <a href="/statistics/submissions">{reportingTexts(ctx.lang).submissions.title}</a>
      </p>
      <h1>{tx.title}</h1>
      <p class="lead">{tx.intro}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <QuarterChoice ctx={ctx} action="/statistics/ivo" quarterKey={key} />
      <ul>
        <li>
          <a href={`/statistics/ivo/report?${q(key)}`}>{tx.printable}</a>
        </li>
        <li>
          <a href={`/statistics/ivo/report.csv?${q(key)}`}>{tx.csv}</a>
        </li>
        <li>
          <a href={`/statistics/ivo/council?${q(key)}`}>{tx.council}</a>
        </li>
      </ul>
      {data.rows.length === 0 ? (
        <p>{tx.none}</p>
      ) : (
        <section class="table-wrap" aria-label={tx.title} tabindex={0}>
          <table class="table">
            <caption>{tx.reportTitle(key)}</caption>
            <thead>
              <tr>
                <th scope="col">{tx.child}</th>
                <th scope="col">{tx.decidedOn}</th>
                <th scope="col">{tx.intervention}</th>
                <th scope="col">{tx.kind}</th>
                <th scope="col">{tx.eventOn}</th>
                <th scope="col">{tx.daysWaited}</th>
                <th scope="col">{tx.reason}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={`${r.decisionId}-${r.kind}`}>
                  <th scope="row">{data.decisions.get(r.decisionId)?.childName}</th>
                  <td>{r.decidedOn}</td>
                  <td>{r.interventionKind}</td>
                  <td>{tx.kinds[r.kind]}</td>
                  <td>{r.eventOn ?? '–'}</td>
                  <td>{r.daysWaited}</td>
                  <td>{r.delayReason ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {[...new Set(data.rows.map((r) => r.decisionId))].map((id) => {
        const d = data.decisions.get(id)!;
        const open = editing === id;
        const v = (field: string, stored: string | null) =>
          (open ? values[field] : undefined) ?? stored ?? '';
        const err = (field: string) => (open ? errors[field] : undefined);
        return (
          <details key={id} open={open}>
            <summary>
              {tx.record}: {d.childName}, {d.interventionKind} ({d.decidedOn})
            </summary>
            <form
              method="post"
              action={`/statistics/ivo/decisions/${d.caseId}/${d.interventionTypeId}?${q(key)}`}
            >
              <CsrfField token={ctx.csrf} />
              <TextField
                id={`carried-${id}`}
                name="carriedOutOn"
                type="date"
                label={tx.carriedOutOn}
                value={v('carriedOutOn', d.carriedOutOn)}
                error={err('carriedOutOn')}
              />
              <TextField
                id={`interrupted-${id}`}
                name="interruptedOn"
                type="date"
                label={tx.interruptedOn}
                value={v('interruptedOn', d.interruptedOn)}
                error={err('interruptedOn')}
              />
              <TextField
                id={`resumed-${id}`}
                name="resumedOn"
                type="date"
                label={tx.resumedOn}
                value={v('resumedOn', d.resumedOn)}
                error={err('resumedOn')}
              />
              <TextField
                id={`ended-${id}`}
                name="endedOn"
                type="date"
                label={tx.endedOn}
                value={v('endedOn', d.endedOn)}
                error={err('endedOn')}
              />
              <TextArea
                id={`reason-${id}`}
                name="delayReason"
                label={tx.reason}
                value={v('delayReason', d.delayReason)}
                error={err('delayReason')}
                maxLength={2000}
              />
              <button type="submit" class="button button--secondary">
                {tx.save}
              </button>
            </form>
          </details>
        );
      })}
      {data.missingReasons.length ? (
        <p class="field-error">{tx.missingReasons(data.missingReasons.length)}</p>
      ) : null}
      {!over ? <p class="hint">{tx.notOver}</p> : null}
      <form method="post" action={`/statistics/ivo/submit?${q(key)}`}>
        <CsrfField token={ctx.csrf} />
        <p class="hint">{tx.submitHint}</p>
        <button type="submit" class="button">
          {tx.submit}
        </button>
      </form>
    </Layout>
  );
}

export function IvoReportPage({ ctx, data }: { ctx: PageContext; data: IvoQuarter }) {
  const tx = reportingTexts(ctx.lang).ivo;
  return (
    <Layout ctx={ctx} title={tx.reportTitle(data.quarter.key)}>
      <h1>{tx.reportTitle(data.quarter.key)}</h1>
      <p class="lead">{tx.reportFor}</p>
      {data.rows.length === 0 ? (
        <p>{tx.none}</p>
      ) : (
        <section class="table-wrap" aria-label={tx.reportTitle(data.quarter.key)} tabindex={0}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{tx.decidedOn}</th>
                <th scope="col">{tx.intervention}</th>
                <th scope="col">{tx.kind}</th>
                <th scope="col">{tx.interruptedOn}</th>
                <th scope="col">{tx.eventOn}</th>
                <th scope="col">{tx.daysWaited}</th>
                <th scope="col">{tx.reason}</th>
                <th scope="col">{tx.sex}</th>
                <th scope="col">{tx.birthYear}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={`${r.decisionId}-${r.kind}`}>
                  <th scope="row">{r.decidedOn}</th>
                  <td>{r.interventionKind}</td>
                  <td>{tx.kinds[r.kind]}</td>
                  <td>{r.interruptedOn ?? '–'}</td>
                  <td>{r.eventOn ?? '–'}</td>
                  <td>{r.daysWaited}</td>
                  <td>{r.delayReason ?? '–'}</td>
                  <td>{tx.sexes[r.sex]}</td>
                  <td>{r.birthYear ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Layout>
  );
}

function CouncilTableView({
  ctx,
  caption,
  table,
}: {
  ctx: PageContext;
  caption: string;
  table: CouncilTable;
}) {
  const tx = reportingTexts(ctx.lang).ivo;
  const shown = (n: number | null) => (n === null ? tx.suppressedMark : String(n));
  if (table.kinds.length === 0)
    return (
      <>
        <h2>{caption}</h2>
        <p>{tx.none}</p>
      </>
    );
  const totals = table.cells.at(-1)!;
  return (
    <>
      <h2>{caption}</h2>
      <BarChart
        id={`council-${caption.length}`}
        texts={{ lang: ctx.lang, title: caption, category: tx.daysWaited, suppressedMark: tx.suppressedMark }}
        valueHeader={tx.total}
        kind="count"
        data={waitingBands.map((b, c) => ({
          label: tx.bands[b],
          value: totals[c] ?? null,
          suppressed: totals[c] === null,
        }))}
      />
      <section class="table-wrap" aria-label={caption} tabindex={0}>
        <table class="table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{tx.intervention}</th>
              {waitingBands.map((b) => (
                <th scope="col" key={b}>
                  {tx.bands[b]}
                </th>
              ))}
              <th scope="col">{tx.total}</th>
            </tr>
          </thead>
          <tbody>
            {table.cells.map((row, r) => (
              <tr key={table.kinds[r] ?? 'total'}>
                <th scope="row">{table.kinds[r] ?? tx.total}</th>
                {row.map((n, c) => (
                  <td key={String(c)} data-cell={`${r},${c}`}>
                    {shown(n)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

export function CouncilPage({
  ctx,
  quarterKey,
  tables,
}: {
  ctx: PageContext;
  quarterKey: string;
  tables: { notCarriedOut: CouncilTable; notResumed: CouncilTable };
}) {
  const tx = reportingTexts(ctx.lang).ivo;
  return (
    <Layout ctx={ctx} title={tx.councilTitle(quarterKey)}>
      <h1>{tx.councilTitle(quarterKey)}</h1>
      <p class="lead">{tx.councilIntro}</p>
      <QuarterChoice ctx={ctx} action="/statistics/ivo/council" quarterKey={quarterKey} />
      <CouncilTableView ctx={ctx} caption={tx.notCarriedOutTable} table={tables.notCarriedOut} />
      <CouncilTableView ctx={ctx} caption={tx.notResumedTable} table={tables.notResumed} />
      <p class="hint">{tx.suppressedNote}</p>
    </Layout>
  );
}
