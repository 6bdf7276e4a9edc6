import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import type { CalendarEntry } from '../calendar-sources.ts';
import { nextWeek, previousWeek, stockholmClock, type Week, weekKey, weekOf } from '../domain/week.ts';
import { workdayTexts } from '../i18n/index.ts';

export interface CalendarPageProps {
  ctx: PageContext;
  week: Week;
  today: string;
  entries: readonly CalendarEntry[];
  /** The cases the user may book a visit for (their own), as [id, label]. */
  caseOptions: readonly (readonly [string, string])[];
  feed: { since: Date | null; newUrl?: string };
  errors?: FieldErrors;
  values?: Record<string, string | undefined>;
  notice?: string | undefined;
}

const dayNames = {
  sv: new Intl.DateTimeFormat('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
};

function ConfirmBox({ id, label, error }: { id: string; label: string; error?: string | undefined }) {
  return (
    <div class={error ? 'checkbox field--error' : 'checkbox'}>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        type="checkbox"
        id={id}
        name="confirm"
        value="on"
        required
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? 'true' : undefined}
      />
      <label for={id}>{label}</label>
    </div>
  );
}

function Entry({ ctx, entry, errors }: { ctx: PageContext; entry: CalendarEntry; errors: FieldErrors }) {
  const tx = workdayTexts(ctx.lang);
  const time =
    entry.start && entry.end
      ? `${stockholmClock(entry.start)[1]}–${stockholmClock(entry.end)[1]}`
      : tx.allDay;
  const confirmId = `confirm-${entry.appointmentId}`;
  return (
    <li data-kind={entry.kind}>
      <p>
        <strong>{time}</strong> <span class="tag">{tx.kinds[entry.kind]}</span>{' '}
        {entry.href ? <a href={entry.href}>{entry.title || tx.kinds[entry.kind]}</a> : entry.title}
        {entry.place ? <> · {entry.place}</> : null}
      </p>
      {entry.appointmentId ? (
        <form
          method="post"
          action={`/calendar/appointments/${entry.appointmentId}/cancel`}
          class="inline-form"
        >
          <CsrfField token={ctx.csrf} />
          <ConfirmBox id={confirmId} label={tx.confirmCancel} error={errors[confirmId]} />
          <button type="submit" class="button button--secondary button--small">
            {tx.cancel}
          </button>
        </form>
      ) : null}
    </li>
  );
}

export function CalendarPage(props: CalendarPageProps) {
  const { ctx, week, entries } = props;
  const tx = workdayTexts(ctx.lang);
  const errors = props.errors ?? {};
  const v = props.values ?? {};
  const title = tx.weekTitle(week.week, week.year);
  const current = weekOf(props.today);
  return (
    <Layout ctx={ctx} title={`${tx.calendarTitle}: ${title}`}>
      <h1>{tx.calendarTitle}</h1>
      <ErrorSummary t={ctx.t} errors={errors} />
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <nav aria-label={tx.calendarTitle}>
        <ul class="inline-list">
          <li>
            <a href={`/calendar?week=${weekKey(previousWeek(week))}`} rel="prev">
              {tx.previousWeek}
            </a>
          </li>
          {weekKey(current) !== weekKey(week) ? (
            <li>
              <a href={`/calendar?week=${weekKey(current)}`}>{tx.thisWeek}</a>
            </li>
          ) : null}
          <li>
            <a href={`/calendar?week=${weekKey(nextWeek(week))}`} rel="next">
              {tx.nextWeek}
            </a>
          </li>
        </ul>
      </nav>
      <h2>{title}</h2>
      {week.days.map((day) => {
        const own = entries.filter((e) => e.date === day);
        return (
          <section key={day} aria-labelledby={`day-${day}`} data-day={day}>
            <h3 id={`day-${day}`}>
              {dayNames[ctx.lang === 'en' ? 'en' : 'sv'].format(new Date(`${day}T00:00:00Z`))}
            </h3>
            {own.length ? (
              <ul class="calendar-day">
                {own.map((entry) => (
                  <Entry key={entry.uid} ctx={ctx} entry={entry} errors={errors} />
                ))}
              </ul>
            ) : (
              <p class="hint">{tx.nothingThisDay}</p>
            )}
          </section>
        );
      })}

      <section aria-labelledby="book-heading" class="panel">
        <h2 id="book-heading">{tx.book}</h2>
        <form method="post" action={`/calendar/appointments?week=${weekKey(week)}`} novalidate>
          <CsrfField token={ctx.csrf} />
          <SelectField
            name="kind"
            label={tx.bookKind}
            value={v.kind ?? 'visit'}
            error={errors.kind}
            options={[
              ['visit', tx.kinds.visit],
              ['meeting', tx.kinds.meeting],
            ]}
          />
          <TextField
            name="date"
            label={tx.bookDate}
            hint={tx.bookDateHint}
            value={v.date}
            error={errors.date}
            width="medium"
            maxLength={10}
          />
          <TextField
            name="start"
            label={tx.bookStart}
            hint={tx.bookTimeHint}
            value={v.start}
            error={errors.start}
            width="short"
            maxLength={5}
          />
          <TextField
            name="end"
            label={tx.bookEnd}
            hint={tx.bookTimeHint}
            value={v.end}
            error={errors.end}
            width="short"
            maxLength={5}
          />
          <TextField name="place" label={tx.bookPlace} value={v.place} error={errors.place} maxLength={200} />
          {props.caseOptions.length ? (
            <SelectField
              name="caseId"
              label={tx.bookCase}
              value={v.caseId ?? ''}
              error={errors.caseId}
              options={[['', tx.noCase] as const, ...props.caseOptions]}
            />
          ) : null}
          <TextArea name="note" label={tx.bookNote} value={v.note} error={errors.note} rows={2} />
          <button type="submit" class="button">
            {tx.bookSave}
          </button>
        </form>
      </section>

      <section aria-labelledby="feed-heading" class="panel">
        <h2 id="feed-heading">{tx.feedTitle}</h2>
        <p>{tx.feedIntro}</p>
        {props.feed.newUrl ? (
          <div class="notice" role="status">
            <p>{tx.feedNew}</p>
            <p class="secret" data-testid="feed-url">
              {props.feed.newUrl}
            </p>
          </div>
        ) : null}
        {props.feed.since ? (
          <p>{tx.feedExists(stockholmClock(props.feed.since)[0])}</p>
        ) : (
          <p>{tx.feedNone}</p>
        )}
        <form method="post" action="/calendar/feed">
          <CsrfField token={ctx.csrf} />
          {props.feed.since ? (
            <ConfirmBox id="confirm-feed" label={tx.feedConfirm} error={errors['confirm-feed']} />
          ) : null}
          <button type="submit" class="button">
            {props.feed.since ? tx.feedRegenerate : tx.feedCreate}
          </button>
        </form>
        {props.feed.since ? (
          <form method="post" action="/calendar/feed/revoke">
            <CsrfField token={ctx.csrf} />
            <ConfirmBox id="confirm-revoke" label={tx.feedConfirm} error={errors['confirm-revoke']} />
            <button type="submit" class="button button--secondary">
              {tx.feedRevoke}
            </button>
          </form>
        ) : null}
      </section>
    </Layout>
  );
}
