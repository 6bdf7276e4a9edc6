import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { BarChart, formatValue } from './charts.tsx';
import { measurementTexts } from './i18n/measurement.ts';
import {
  type WorkloadCaseType,
  type WorkloadPhase,
  weightKeys,
  workloadCaseTypes,
  workloadPhases,
} from './workload.ts';
import type { KeptMonth, WorkloadSettings } from './workload-store.ts';

/** The workload pages: the worker's own, the manager's team, the summary without names, the settings. */

export interface Assessment {
  month: string;
  rating: number;
  comment: string;
}

const ratio = (r: number | null, lang: 'sv' | 'en', unknown: string) =>
  r === null ? unknown : formatValue(r, 'share', lang);

function MonthsTable({
  ctx,
  months,
  assessments,
  caption,
}: {
  ctx: PageContext;
  months: readonly KeptMonth[];
  assessments: readonly Assessment[];
  caption: string;
}) {
  const tx = measurementTexts(ctx.lang).workload;
  const rated = new Map(assessments.map((a) => [a.month, a]));
  return (
    <section class="table-wrap" aria-label={caption} tabindex={0}>
      <table class="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{tx.month}</th>
            <th scope="col">{tx.points}</th>
            <th scope="col">{tx.capacity}</th>
            <th scope="col">{tx.ratio}</th>
            <th scope="col">{tx.selfRating}</th>
            <th scope="col">{tx.comment}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.month}</th>
              <td>{formatValue(m.points, 'rate', ctx.lang)}</td>
              <td>{m.capacity === null ? tx.capacityUnknown : formatValue(m.capacity, 'rate', ctx.lang)}</td>
              <td>{ratio(m.ratio, ctx.lang, '–')}</td>
              <td>{rated.get(m.month)?.rating ?? '–'}</td>
              <td>{rated.get(m.month)?.comment || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function LoadNow({ ctx, month }: { ctx: PageContext; month: KeptMonth }) {
  const tx = measurementTexts(ctx.lang).workload;
  const byType = new Map<string, { caseType: string; phase: string; count: number; points: number }>();
  for (const item of month.items) {
    const key = `${item.caseType}:${item.phase}`;
    const row = byType.get(key) ?? { caseType: item.caseType, phase: item.phase, count: 0, points: 0 };
    row.count++;
    row.points += item.points;
    byType.set(key, row);
  }
  return (
    <>
      <dl class="definition-list">
        <dt>{tx.points}</dt>
        <dd>
          <strong class="figure" data-figure="points">
            {formatValue(month.points, 'rate', ctx.lang)}
          </strong>
        </dd>
        <dt>{tx.capacity}</dt>
        <dd>
          {month.capacity === null ? tx.capacityUnknown : formatValue(month.capacity, 'rate', ctx.lang)}
        </dd>
        <dt>{tx.ratio}</dt>
        <dd data-figure="ratio">{ratio(month.ratio, ctx.lang, '–')}</dd>
      </dl>
      {month.weightVersion !== null ? <p class="hint">{tx.version(month.weightVersion)}</p> : null}
      {byType.size === 0 ? (
        <p>{tx.noItems}</p>
      ) : (
        <section class="table-wrap" aria-label={tx.items} tabindex={0}>
          <table class="table">
            <caption>{tx.items}</caption>
            <thead>
              <tr>
                <th scope="col">{tx.caseType}</th>
                <th scope="col">{tx.phase}</th>
                <th scope="col">{tx.count}</th>
                <th scope="col">{tx.points}</th>
              </tr>
            </thead>
            <tbody>
              {[...byType.values()].map((r) => (
                <tr key={`${r.caseType}:${r.phase}`}>
                  <th scope="row">{tx.caseTypes[r.caseType as WorkloadCaseType]}</th>
                  <td>{tx.phases[r.phase as WorkloadPhase]}</td>
                  <td>{r.count}</td>
                  <td>{formatValue(r.points, 'rate', ctx.lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {month.unweighted.length ? <p class="hint">{tx.unweighted(month.unweighted.length)}</p> : null}
    </>
  );
}

function chartTexts(ctx: PageContext, title: string, category: string) {
  const tx = measurementTexts(ctx.lang).workload;
  return {
    lang: ctx.lang,
    title,
    category,
    suppressedMark: tx.suppressedMark,
    suppressedNote: tx.suppressedNote,
  };
}

export function OwnWorkloadPage({
  ctx,
  months,
  assessments,
  today,
  errors = {},
  values = {},
  notice,
}: {
  ctx: PageContext;
  months: readonly KeptMonth[];
  assessments: readonly Assessment[];
  today: string;
  errors?: FieldErrors;
  values?: Record<string, string | undefined>;
  notice?: string | undefined;
}) {
  const tx = measurementTexts(ctx.lang).workload;
  const current = months[0];
  const thisMonth = today.slice(0, 7);
  const monthChoices = [thisMonth, ...months.map((m) => m.month).filter((m) => m !== thisMonth)].slice(0, 3);
  const existing = assessments.find((a) => a.month === (values.month ?? thisMonth));
  return (
    <Layout ctx={ctx} title={tx.ownTitle}>
      <h1>{tx.ownTitle}</h1>
      <p class="lead">{tx.ownIntro}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      {current ? (
        <>
          <h2>{tx.thisMonth(current.month)}</h2>
          <LoadNow ctx={ctx} month={current} />
        </>
      ) : null}
      <h2>{tx.assessTitle}</h2>
      <form method="post" action="/my-workload/assessment" class="narrow">
        <CsrfField token={ctx.csrf} />
        <SelectField
          name="month"
          label={tx.monthField}
          value={values.month ?? thisMonth}
          error={errors.month}
          options={monthChoices.map((m) => [m, m] as const)}
        />
        <RadioGroup
          name="rating"
          legend={tx.rating}
          error={errors.rating}
          value={values.rating ?? (existing ? String(existing.rating) : undefined)}
          options={tx.ratings.map((label, i) => [String(i + 1), label] as const)}
        />
        <TextArea
          name="comment"
          label={tx.comment}
          hint={tx.commentHint}
          value={values.comment ?? existing?.comment}
          error={errors.comment}
          maxLength={2000}
        />
        <button type="submit" class="button">
          {tx.saveAssessment}
        </button>
      </form>
      <h2>{tx.months}</h2>
      <BarChart
        id="own-load"
        texts={chartTexts(ctx, tx.chartTitle, tx.month)}
        valueHeader={tx.ratio}
        kind="share"
        data={months.map((m) => ({ label: m.month, value: m.ratio }))}
      />
      <MonthsTable ctx={ctx} months={months} assessments={assessments} caption={tx.months} />
    </Layout>
  );
}

export interface TeamRow {
  userId: string;
  name: string;
  month: KeptMonth | null;
  assessment: Assessment | null;
  profile: { experienceSince: string; fte: number } | null;
}

export interface UnitSummaryRow {
  unitId: string;
  name: string;
  workers: number;
  medianRatio: number | null;
  overCapacity: number | null;
}

function UnitChoice({
  ctx,
  units,
  unitId,
}: {
  ctx: PageContext;
  units: readonly { id: string; name: string }[];
  unitId: string | null;
}) {
  const tx = measurementTexts(ctx.lang).workload;
  return (
    <form method="get" action="/statistics/workload" class="filter-form">
      <SelectField
        name="unit"
        label={tx.chooseUnit}
        value={unitId ?? ''}
        options={[['', tx.municipality] as const, ...units.map((u) => [u.id, u.name] as const)]}
      />
      <button type="submit" class="button">
        {tx.show}
      </button>
    </form>
  );
}

export function TeamWorkloadPage({
  ctx,
  unitName,
  rows,
  units,
  unitId,
  errors = {},
  notice,
}: {
  ctx: PageContext;
  unitName: string;
  rows: readonly TeamRow[];
  units: readonly { id: string; name: string }[];
  unitId: string;
  errors?: FieldErrors;
  notice?: string | undefined;
}) {
  const tx = measurementTexts(ctx.lang).workload;
  return (
    <Layout ctx={ctx} title={`${tx.teamTitle} – ${unitName}`}>
      <h1>
        {tx.teamTitle} – {unitName}
      </h1>
      <p class="lead">{tx.teamIntro}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <UnitChoice ctx={ctx} units={units} unitId={unitId} />
      {rows.length === 0 ? (
        <p>{tx.noWorkers}</p>
      ) : (
        <>
          <BarChart
            id="team-load"
            texts={chartTexts(ctx, tx.chartTitle, tx.worker)}
            valueHeader={tx.ratio}
            kind="share"
            data={rows.map((r) => ({ label: r.name, value: r.month?.ratio ?? null }))}
          />
          <section class="table-wrap" aria-label={tx.teamTitle} tabindex={0}>
            <table class="table">
              <caption>{tx.teamTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{tx.worker}</th>
                  <th scope="col">{tx.points}</th>
                  <th scope="col">{tx.capacity}</th>
                  <th scope="col">{tx.ratio}</th>
                  <th scope="col">{tx.selfRating}</th>
                  <th scope="col">{tx.comment}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.userId}>
                    <th scope="row">{r.name}</th>
                    <td>{r.month ? formatValue(r.month.points, 'rate', ctx.lang) : '–'}</td>
                    <td>
                      {r.month?.capacity
                        ? formatValue(r.month.capacity, 'rate', ctx.lang)
                        : tx.capacityUnknown}
                    </td>
                    <td>{ratio(r.month?.ratio ?? null, ctx.lang, '–')}</td>
                    <td>{r.assessment?.rating ?? '–'}</td>
                    <td>{r.assessment?.comment || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <h2>{tx.profile}</h2>
          {rows.map((r) => (
            <form
              key={r.userId}
              method="post"
              action={`/statistics/workload/profile/${r.userId}`}
              class="inline-form"
            >
              <CsrfField token={ctx.csrf} />
              <fieldset class="fieldset">
                <legend>{r.name}</legend>
                <TextField
                  id={`experience-${r.userId}`}
                  name="experienceSince"
                  type="date"
                  label={tx.experienceSince}
                  value={r.profile?.experienceSince}
                  error={errors[`experience-${r.userId}`]}
                />
                <TextField
                  id={`fte-${r.userId}`}
                  name="fte"
                  label={tx.fte}
                  value={r.profile ? String(r.profile.fte) : '1'}
                  error={errors[`fte-${r.userId}`]}
                  width="short"
                />
                <button type="submit" class="button button--small button--secondary">
                  {tx.saveProfile}
                </button>
              </fieldset>
            </form>
          ))}
        </>
      )}
    </Layout>
  );
}

export function WorkloadSummaryPage({
  ctx,
  rows,
  units,
  unitId,
}: {
  ctx: PageContext;
  rows: readonly UnitSummaryRow[];
  units: readonly { id: string; name: string }[];
  unitId: string | null;
}) {
  const tx = measurementTexts(ctx.lang).workload;
  const count = (n: number | null) => (n === null ? tx.suppressedMark : String(n));
  return (
    <Layout ctx={ctx} title={tx.teamTitle}>
      <h1>{tx.teamTitle}</h1>
      <p class="lead">{tx.summaryIntro}</p>
      <UnitChoice ctx={ctx} units={units} unitId={unitId} />
      <BarChart
        id="unit-load"
        texts={chartTexts(ctx, tx.medianRatio, tx.unit)}
        valueHeader={tx.medianRatio}
        kind="share"
        data={rows.map((r) => ({ label: r.name, value: r.medianRatio }))}
      />
      <section class="table-wrap" aria-label={tx.teamTitle} tabindex={0}>
        <table class="table">
          <caption>{tx.teamTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{tx.unit}</th>
              <th scope="col">{tx.workers}</th>
              <th scope="col">{tx.medianRatio}</th>
              <th scope="col">{tx.overCapacity}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unitId}>
                <th scope="row">{r.name}</th>
                <td>{r.workers}</td>
                <td>{ratio(r.medianRatio, ctx.lang, '–')}</td>
                <td data-figure="overCapacity">{count(r.overCapacity)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {rows.some((r) => r.overCapacity === null) ? <p class="hint">{tx.suppressedNote}</p> : null}
    </Layout>
  );
}

export function WorkloadSettingsPage({
  ctx,
  sets,
  current,
  today,
  errors = {},
  values = {},
  notice,
}: {
  ctx: PageContext;
  sets: readonly WorkloadSettings[];
  current: WorkloadSettings;
  today: string;
  errors?: FieldErrors;
  values?: Record<string, string | undefined>;
  notice?: string | undefined;
}) {
  const tx = measurementTexts(ctx.lang).workload;
  const next = Math.max(...sets.map((s) => s.version)) + 1;
  const latest = sets.at(-1)!;
  return (
    <Layout ctx={ctx} title={tx.settingsTitle}>
      <h1>{tx.settingsTitle}</h1>
      <p class="lead">{tx.settingsIntro}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <h2>{tx.history}</h2>
      <ul>
        {sets.map((s) => (
          <li key={s.version}>
            {tx.version(s.version)}: {tx.validFrom.toLowerCase()} {s.validFrom}
            {s.version === current.version ? ` (${tx.current.toLowerCase()})` : ''}
          </li>
        ))}
      </ul>
      <h2>{tx.newVersion}</h2>
      <form method="post" action="/admin/workload" class="narrow">
        <CsrfField token={ctx.csrf} />
        <input type="hidden" name="version" value={String(next)} />
        <TextField
          name="validFrom"
          type="date"
          label={tx.validFrom}
          value={values.validFrom ?? today}
          error={errors.validFrom}
        />
        {workloadCaseTypes.map((type) => (
          <fieldset key={type} class="fieldset">
            <legend>{tx.caseTypes[type]}</legend>
            {workloadPhases.map((phase) => {
              const key = `${type}:${phase}` as const;
              const name = `w_${type}_${phase}`;
              return (
                <TextField
                  key={key}
                  name={name}
                  label={`${tx.phases[phase]} (${tx.points.toLowerCase()})`}
                  value={values[name] ?? String(latest.weights[key] ?? '')}
                  error={errors[name]}
                  width="short"
                />
              );
            })}
          </fieldset>
        ))}
        <fieldset class="fieldset">
          <legend>{tx.capacity}</legend>
          {latest.norm.map((band) => {
            const name = `c_${band.fromYears}`;
            return (
              <TextField
                key={name}
                name={name}
                label={tx.band(band.fromYears)}
                value={values[name] ?? String(band.capacity)}
                error={errors[name]}
                width="short"
              />
            );
          })}
        </fieldset>
        <button type="submit" class="button">
          {tx.saveVersion}
        </button>
      </form>
    </Layout>
  );
}

export const weightFieldNames = weightKeys.map((key) => {
  const [type, phase] = key.split(':');
  return { key, name: `w_${type}_${phase}` };
});
