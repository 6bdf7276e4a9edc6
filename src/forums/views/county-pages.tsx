import type { Coordinator } from '../../action-plans/coordinator-gate.ts';
import { CoordinatorFrame, coordinatorHref } from '../../action-plans/views/coordinator-pages.tsx';
import { GuardWarnings } from '../../collaboration/guard-warnings.tsx';
import { counties } from '../../collaboration/municipalities.ts';
import { day } from '../../good-practice/views/shared.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import type { CoordinatorForumPage, CountyForumOptions } from '../county-service.ts';
import { countyForumTexts } from '../county-texts.ts';
import type { ForumReach } from '../forum.ts';
import { forumTexts } from '../i18n/index.ts';
import { type FormValues, ForumForm } from './forum-pages.tsx';
import { AgendaList } from './meeting-page.tsx';

/**
 * The coordinator's pages of the forums above the municipality (docs/decisions/0129), in the
 * coordinator's own frame: the list, the form and a forum with its meetings and open actions.
 */

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const countyName = (code: string | null) => counties.find((c) => c.code === code)?.name ?? code ?? '';

function reachLine(lang: PageContext['lang'], forum: { reach: ForumReach; county_code: string | null }) {
  const k = countyForumTexts(lang);
  return forum.reach === 'county'
    ? `${k.reaches.county}, ${countyName(forum.county_code)}`
    : k.reaches[forum.reach];
}

export function CountyForumListPage({
  ctx,
  coordinator,
  forums,
}: {
  ctx: PageContext;
  coordinator: Coordinator;
  forums: { id: string; name: string; reach: ForumReach; county_code: string | null }[];
}) {
  const k = countyForumTexts(ctx.lang);
  return (
    <CoordinatorFrame ctx={ctx} title={k.title} coordinator={coordinator}>
      <p>
        <a href={coordinatorHref('/coordinator', ctx.lang)}>{k.back}</a>
      </p>
      <h1>{k.title}</h1>
      <p>{k.intro}</p>
      <p>
        <a class="button" href={coordinatorHref('/coordinator/forums/new', ctx.lang)}>
          {k.newForum}
        </a>
      </p>
      {forums.length === 0 ? <p>{k.none}</p> : null}
      <ul class="plain-list">
        {forums.map((f) => (
          <li key={f.id}>
            <a href={coordinatorHref(`/coordinator/forums/${f.id}`, ctx.lang)}>{f.name}</a> –{' '}
            {reachLine(ctx.lang, f)}
          </li>
        ))}
      </ul>
    </CoordinatorFrame>
  );
}

export function CountyForumFormPage({
  ctx,
  coordinator,
  options,
  values,
  errors = {},
  warnings = [],
}: {
  ctx: PageContext;
  coordinator: Coordinator;
  options: CountyForumOptions;
  values: FormValues;
  errors?: FieldErrors;
  warnings?: string[];
}) {
  const k = countyForumTexts(ctx.lang);
  const countyOptions =
    coordinator.scope.kind === 'county'
      ? counties.filter((c) => coordinator.scope.kind === 'county' && c.code === coordinator.scope.countyCode)
      : counties;
  return (
    <CoordinatorFrame ctx={ctx} title={k.newForum} coordinator={coordinator}>
      <p>
        <a href={coordinatorHref('/coordinator/forums', ctx.lang)}>{k.backToList}</a>
      </p>
      <h1>{k.newForum}</h1>
      <p>{k.intro}</p>
      <p>{k.membersHint}</p>
      <ErrorSummary t={ctx.t} errors={errors} />
      <GuardWarnings ctx={ctx} warnings={warnings} />
      <ForumForm
        ctx={ctx}
        options={options}
        values={values}
        errors={errors}
        warnings={warnings}
        action={coordinatorHref('/coordinator/forums', ctx.lang)}
        extra={
          <>
            <SelectField
              name="reach"
              label={k.reach}
              value={one(values.reach) ?? 'county'}
              error={errors.reach}
              options={(coordinator.scope.kind === 'national'
                ? (['county', 'national'] as const)
                : (['county'] as const)
              ).map((r) => [r, k.reaches[r]] as const)}
            />
            <SelectField
              name="countyCode"
              label={k.county}
              value={
                one(values.countyCode) ??
                (coordinator.scope.kind === 'county' ? coordinator.scope.countyCode : '')
              }
              error={errors.countyCode}
              options={[
                ...(coordinator.scope.kind === 'national' ? [['', k.chooseCounty] as const] : []),
                ...countyOptions.map((c) => [c.code, c.name] as const),
              ]}
            />
          </>
        }
      />
    </CoordinatorFrame>
  );
}

export function CountyForumView({
  ctx,
  coordinator,
  page,
  notice,
  errors = {},
}: {
  ctx: PageContext;
  coordinator: Coordinator;
  page: CoordinatorForumPage;
  notice?: string | undefined;
  errors?: FieldErrors;
}) {
  const f = forumTexts(ctx.lang);
  const k = countyForumTexts(ctx.lang);
  const { forum } = page;
  const repsOf = (orgId: string) => page.members.representatives.filter((r) => r.organisationId === orgId);
  return (
    <CoordinatorFrame ctx={ctx} title={forum.name} coordinator={coordinator}>
      <p>
        <a href={coordinatorHref('/coordinator/forums', ctx.lang)}>{k.backToList}</a>
      </p>
      <h1>{forum.name}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <p>
        {reachLine(ctx.lang, forum)} · {f.levels[forum.level]} · {f.cadences[forum.cadence]}
        {page.parent ? ` · ${f.underForum(page.parent.name)}` : ''}
      </p>
      {page.chair ? <p>{k.chairedBy(page.chair.name, page.chair.office)}</p> : null}
      {forum.purpose ? <p class="pre-line">{forum.purpose}</p> : null}
      <p>
        {k.municipalities}: {page.municipalities.join(', ')}
      </p>
      <h2>{f.members}</h2>
      <ul class="plain-list">
        {page.members.organisations.map((o) => (
          <li key={o.id}>
            <strong>{k.organisationIn(o.name, o.municipality)}</strong>
            {repsOf(o.id).length
              ? `: ${repsOf(o.id)
                  .map((r) => `${r.name}${r.title ? `, ${r.title}` : ''} (${f.roles[r.role]})`)
                  .join('; ')}`
              : ''}
          </li>
        ))}
      </ul>
      {page.localGroups.length ? (
        <>
          <h2>{k.localGroups}</h2>
          <ul class="plain-list">
            {page.localGroups.map((g) => (
              <li key={g.id}>
                {g.name}
                {g.municipalityName ? ` (${g.municipalityName})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{f.openActions}</h2>
      {page.openActions.length === 0 ? <p>{f.noOpenActions}</p> : null}
      <ul class="plain-list">
        {page.openActions.map((a) => (
          <li key={a.id}>
            {f.actionLine(a.description, a.organisationName, a.dueOn)}
            {a.dueOn < page.today ? (
              <>
                {' '}
                <span class="tag tag--warning">{f.meeting.overdue}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <h2>{f.meetings}</h2>
      {page.meetings.length === 0 ? <p>{f.noMeetings}</p> : null}
      <ul class="plain-list">
        {page.meetings.map((m) => (
          <li key={m.id}>
            {f.meeting.title(m.plannedOn)} <span class="tag">{f.meeting.statuses[m.status]}</span>
            {m.place ? ` · ${m.place}` : ''}
          </li>
        ))}
      </ul>
      {page.latest ? (
        <section aria-labelledby="latest-agenda">
          <h2 id="latest-agenda">
            {f.meeting.agenda}: {f.meeting.title(page.latest.meeting.planned_on)}
          </h2>
          <AgendaList
            ctx={ctx}
            agenda={page.latest.agenda}
            actions={page.actions}
            plannedOn={page.latest.meeting.planned_on}
          />
        </section>
      ) : null}
      <form
        method="post"
        action={coordinatorHref(`/coordinator/forums/${forum.id}/meetings`, ctx.lang)}
        class="stack-form"
      >
        <h2>{f.meeting.plan}</h2>
        <CsrfField token={ctx.csrf} />
        <TextField name="plannedOn" label={f.meeting.plannedOn} value={page.today} error={errors.plannedOn} />
        <TextField name="place" label={f.meeting.place} error={errors.place} />
        <TextArea name="newItems" label={f.meeting.newItems} error={errors.newItems} rows={3} />
        <button type="submit" class="button">
          {f.meeting.planButton}
        </button>
      </form>
      <section aria-labelledby="history">
        <h2 id="history">{f.history}</h2>
        <ol class="plain-list">
          {page.changes.map((c) => (
            <li key={`${c.occurredAt.toISOString()}${c.action}${c.note}`}>
              {day(c.occurredAt)} – {c.actorName}:{' '}
              {f.actionsDone[c.action as keyof typeof f.actionsDone] ?? c.action}
              {c.note ? ` (${c.note})` : ''}
            </li>
          ))}
        </ol>
      </section>
    </CoordinatorFrame>
  );
}
