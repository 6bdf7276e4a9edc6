import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextField,
} from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { formatValue } from './charts.tsx';
import { statisticsTexts } from './i18n/index.ts';
import { endReasons, staffRoles } from './staff.ts';
import type { mentorshipListing, staffListing } from './staff-register.ts';

type Employments = Awaited<ReturnType<typeof staffListing>>;
type Mentorships = Awaited<ReturnType<typeof mentorshipListing>>;

export function StaffAdminPage({
  ctx,
  employments,
  mentorships,
  units,
  errors = {},
  values = {},
  notice,
}: {
  ctx: PageContext;
  employments: Employments;
  mentorships: Mentorships;
  units: readonly { id: string; name: string }[];
  errors?: FieldErrors;
  values?: Record<string, string | undefined>;
  notice?: string | undefined;
}) {
  const { lang, t } = ctx;
  const tx = statisticsTexts(lang).staff;
  const members = [...new Map(employments.map((e) => [e.staff_member_id, e.name])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1], 'sv'),
  );
  return (
    <Layout ctx={ctx} title={tx.adminTitle}>
      <h1>{tx.adminTitle}</h1>
      <p class="lead">{tx.adminIntro}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={t} errors={errors} />
      <h2>{tx.employments}</h2>
      {employments.length === 0 ? (
        <p>{tx.none}</p>
      ) : (
        <section class="table-wrap" aria-label={tx.employments} tabindex={0}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{tx.name}</th>
                <th scope="col">{tx.unit}</th>
                <th scope="col">{tx.role}</th>
                <th scope="col">{tx.startedOn}</th>
                <th scope="col">{tx.endedOn}</th>
              </tr>
            </thead>
            <tbody>
              {employments.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    {e.name}
                    {e.consultant ? ` (${tx.consultant.toLowerCase()})` : ''}
                  </th>
                  <td>{e.unit_name}</td>
                  <td>{tx.roles[e.role]}</td>
                  <td>{e.started_on}</td>
                  <td>
                    {e.ended_on ? (
                      `${e.ended_on} (${tx.endReasons[e.end_reason!]})`
                    ) : (
                      <form method="post" action={`/admin/staff/${e.id}/end`} class="inline-form">
                        <CsrfField token={ctx.csrf} />
                        <label for={`end-${e.id}`}>{tx.endedOn}</label>{' '}
                        <input id={`end-${e.id}`} name="endedOn" type="date" class="input input--short" />{' '}
                        <label for={`reason-${e.id}`}>{tx.endReason}</label>{' '}
                        <select id={`reason-${e.id}`} name="endReason" class="input">
                          {endReasons.map((r) => (
                            <option key={r} value={r}>
                              {tx.endReasons[r]}
                            </option>
                          ))}
                        </select>{' '}
                        <button type="submit" class="button button--small button--secondary">
                          {tx.endEmployment}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <h2>{tx.addEmployment}</h2>
      <form method="post" action="/admin/staff" class="narrow">
        <CsrfField token={ctx.csrf} />
        <TextField name="name" label={tx.name} value={values.name} error={errors.name} maxLength={200} />
        <SelectField
          name="unitId"
          label={tx.unit}
          value={values.unitId}
          error={errors.unitId}
          options={units.map((u) => [u.id, u.name] as const)}
        />
        <SelectField
          name="role"
          label={tx.role}
          value={values.role}
          error={errors.role}
          options={staffRoles.map((r) => [r, tx.roles[r]] as const)}
        />
        <TextField
          name="startedOn"
          type="date"
          label={tx.startedOn}
          value={values.startedOn}
          error={errors.startedOn}
        />
        <TextField name="fte" label={tx.fte} value={values.fte ?? '1'} error={errors.fte} width="short" />
        <div class="checkbox">
          <input
            type="checkbox"
            id="consultant"
            name="consultant"
            value="on"
            checked={values.consultant === 'on'}
          />
          <label for="consultant">{tx.consultant}</label>
        </div>
        <button type="submit" class="button">
          {tx.addEmployment}
        </button>
      </form>
      <h2>{tx.mentorships}</h2>
      {mentorships.length === 0 ? (
        <p>{tx.none}</p>
      ) : (
        <ul>
          {mentorships.map((m) => (
            <li key={m.id}>
              {m.mentee} – {tx.mentor.toLowerCase()} {m.mentor}, {tx.from.toLowerCase()} {m.from_on},{' '}
              {formatValue(Number(m.hours_per_week), 'rate', lang)} {tx.hoursPerWeek.toLowerCase()}
            </li>
          ))}
        </ul>
      )}
      {members.length > 1 ? (
        <form method="post" action="/admin/staff/mentorships" class="narrow">
          <CsrfField token={ctx.csrf} />
          <SelectField
            name="menteeId"
            label={tx.mentee}
            value={values.menteeId}
            error={errors.menteeId}
            options={members}
          />
          <SelectField
            name="mentorId"
            label={tx.mentor}
            value={values.mentorId}
            error={errors.mentorId}
            options={members}
          />
          <TextField name="fromOn" type="date" label={tx.from} value={values.fromOn} error={errors.fromOn} />
          <TextField
            name="hoursPerWeek"
            label={tx.hoursPerWeek}
            value={values.hoursPerWeek}
            error={errors.hoursPerWeek}
            width="short"
          />
          <button type="submit" class="button">
            {tx.addMentorship}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

export interface StaffFigures {
  day: string;
  turnover: {
    value: number | null;
    leavers: number | null;
    retirements: number | null;
    hires: number | null;
    averageHeadcount: number;
  };
  withoutRetirements: number | null;
  replacement: number | null;
  consultants: number | null;
  perManager: number | null;
  mentored: { value: number | null; mentored: number | null; newcomers: number | null };
}

export function StaffStatisticsPage({
  ctx,
  figures,
  periodKey,
  unitId,
  units,
}: {
  ctx: PageContext;
  figures: StaffFigures;
  periodKey: string;
  unitId: string | null;
  units: readonly { id: string; name: string }[];
}) {
  const { lang } = ctx;
  const all = statisticsTexts(lang);
  const tx = all.staff;
  const share = (v: number | null) => (v === null ? all.suppressedMark : formatValue(v, 'share', lang));
  const count = (v: number | null) => (v === null ? all.suppressedMark : formatValue(v, 'count', lang));
  const rate = (v: number | null) => (v === null ? all.suppressedMark : formatValue(v, 'rate', lang));
  const f = figures;
  return (
    <Layout ctx={ctx} title={tx.statsTitle}>
      <p>
        <a href="/statistics">{all.backToStatistics}</a>
      </p>
      <h1>{tx.statsTitle}</h1>
      <form method="get" action="/statistics/staff" class="filter-form">
        <TextField name="period" label={all.period} hint={all.periodHint} value={periodKey} width="short" />
        <SelectField
          name="unit"
          label={all.unit}
          value={unitId ?? ''}
          options={[['', all.wholeMunicipality] as const, ...units.map((u) => [u.id, u.name] as const)]}
        />
        <button type="submit" class="button">
          {all.show}
        </button>
      </form>
      <p class="hint">{tx.scopeNote}</p>
      <dl class="definition-list">
        <dt>{tx.turnover}</dt>
        <dd>
          <strong class="figure" data-figure="turnover">
            {share(f.turnover.value)}
          </strong>{' '}
          ({tx.formulaLeavers}): {tx.leavers} {count(f.turnover.leavers)}, {tx.retirements}{' '}
          {count(f.turnover.retirements)}; {tx.hires} {count(f.turnover.hires)}; {tx.averageHeadcount}{' '}
          {rate(f.turnover.averageHeadcount)}
        </dd>
        <dt>{tx.turnoverWithout}</dt>
        <dd>{share(f.withoutRetirements)}</dd>
        <dt>{tx.replacement}</dt>
        <dd>
          {share(f.replacement)} ({tx.formulaMin})
        </dd>
        <dt>{tx.consultantShare}</dt>
        <dd>
          {share(f.consultants)} {tx.onDay(f.day)}
        </dd>
        <dt>{tx.workersPerManager}</dt>
        <dd>
          {rate(f.perManager)} {tx.onDay(f.day)}
        </dd>
        <dt>{tx.newWithMentor}</dt>
        <dd>
          {share(f.mentored.value)} ({all.ofTotal(count(f.mentored.mentored), count(f.mentored.newcomers))}){' '}
          {tx.onDay(f.day)}
        </dd>
      </dl>
    </Layout>
  );
}
