import type { ComponentChildren } from 'preact';
import { GuardWarnings } from '../../collaboration/guard-warnings.tsx';
import { collaborationTexts } from '../../collaboration/i18n/index.ts';
import { day, withLang } from '../../good-practice/views/shared.tsx';
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { goalAreas } from '../../sip/schema.ts';
import { agreementTexts } from '../agreement-texts.ts';
import { countyForumTexts } from '../county-texts.ts';
import { deviationTexts } from '../deviation-texts.ts';
import { cadenceIds, type ForumReach, forumLevels, representativeRoles } from '../forum.ts';
import { forumTexts } from '../i18n/index.ts';
import type { ForumFormOptions, ForumPage } from '../service.ts';

export type FormValues = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined) => [v ?? []].flat();
export const representativeRows = 6;

export function ForumListPage({
  ctx,
  forums,
  canCreate,
}: {
  ctx: PageContext;
  forums: {
    id: string;
    name: string;
    level: keyof ReturnType<typeof forumTexts>['levels'];
    reach?: ForumReach;
  }[];
  canCreate: boolean;
}) {
  const f = forumTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={f.title}>
      <h1>{f.title}</h1>
      <p>{f.intro}</p>
      {canCreate ? (
        <p>
          <a class="button" href={withLang('/forums/new', ctx.lang)}>
            {f.newForum}
          </a>
        </p>
      ) : null}
      {forums.length === 0 ? <p>{f.none}</p> : null}
      <ul class="plain-list">
        {forums.map((forum) => (
          <li key={forum.id}>
            <a href={withLang(`/forums/${forum.id}`, ctx.lang)}>{forum.name}</a> – {f.levels[forum.level]}
            {forum.reach && forum.reach !== 'municipal'
              ? ` · ${countyForumTexts(ctx.lang).reaches[forum.reach]}`
              : ''}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** A new forum: what it is for, how often it meets, who takes part and who represents them. */
export function ForumFormPage({
  ctx,
  options,
  values,
  errors = {},
  warnings = [],
}: {
  ctx: PageContext;
  options: ForumFormOptions;
  values: FormValues;
  errors?: FieldErrors;
  warnings?: string[];
}) {
  const f = forumTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={f.newForum}>
      <p>
        <a href={withLang('/forums', ctx.lang)}>{f.title}</a>
      </p>
      <h1>{f.newForum}</h1>
      <p>{f.intro}</p>
      <ErrorSummary t={ctx.t} errors={errors} />
      <GuardWarnings ctx={ctx} warnings={warnings} />
      <ForumForm
        ctx={ctx}
        options={options}
        values={values}
        errors={errors}
        warnings={warnings}
        action={withLang('/forums', ctx.lang)}
      />
    </Layout>
  );
}

/** The form of a forum, for the municipality's managers and (with the reach first) the coordinator. */
export function ForumForm({
  ctx,
  options,
  values,
  errors,
  warnings,
  action,
  extra,
}: {
  ctx: PageContext;
  options: {
    organisations: readonly { id: string; name: string }[];
    users: readonly { id: string; name: string }[];
    forums: readonly { id: string; name: string }[];
  };
  values: FormValues;
  errors: FieldErrors;
  warnings: string[];
  action: string;
  extra?: ComponentChildren;
}) {
  const f = forumTexts(ctx.lang);
  const c = collaborationTexts(ctx.lang);
  return (
    <form method="post" action={action} class="stack-form">
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      {extra}
      <TextField
        name="name"
        label={f.fields.name}
        value={one(values.name)}
        error={errors.name}
        maxLength={200}
      />
      <TextArea
        name="purpose"
        label={f.fields.purpose}
        value={one(values.purpose)}
        error={errors.purpose}
        rows={3}
      />
      <SelectField
        name="level"
        label={f.fields.level}
        value={one(values.level)}
        error={errors.level}
        options={forumLevels.map((l) => [l, f.levels[l]] as const)}
      />
      <SelectField
        name="cadence"
        label={f.fields.cadence}
        value={one(values.cadence) ?? 'monthly'}
        error={errors.cadence}
        options={cadenceIds.map((k) => [k, f.cadences[k]] as const)}
      />
      <SelectField
        name="parentForumId"
        label={f.fields.parentForumId}
        value={one(values.parentForumId)}
        error={errors.parentForumId}
        options={[['', f.fields.noParent] as const, ...options.forums.map((x) => [x.id, x.name] as const)]}
      />
      <CheckboxGroup
        name="goalAreas"
        legend={f.fields.goalAreas}
        checked={many(values.goalAreas)}
        options={goalAreas.map((g) => [g, f.goalAreas[g]] as const)}
      />
      <CheckboxGroup
        name="organisationIds"
        legend={f.fields.members}
        error={errors.members}
        checked={many(values.organisationIds)}
        options={options.organisations.map((o) => [o.id, o.name] as const)}
      />
      <fieldset class="fieldset" id="representatives">
        <legend>{f.fields.representatives}</legend>
        {Array.from({ length: representativeRows }, (_, i) => (
          <fieldset class="fieldset" key={i}>
            <legend>{f.fields.representative(i + 1)}</legend>
            <SelectField
              id={`reps.${i}.organisationId`}
              name={`reps.${i}.organisationId`}
              label={f.fields.organisation}
              value={one(values[`reps.${i}.organisationId`])}
              error={errors[`reps.${i}.organisationId`]}
              options={[['', '–'] as const, ...options.organisations.map((o) => [o.id, o.name] as const)]}
            />
            <SelectField
              id={`reps.${i}.userId`}
              name={`reps.${i}.userId`}
              label={f.fields.account}
              value={one(values[`reps.${i}.userId`])}
              options={[
                ['', f.fields.noAccount] as const,
                ...options.users.map((u) => [u.id, u.name] as const),
              ]}
            />
            <TextField
              id={`reps.${i}.name`}
              name={`reps.${i}.name`}
              label={f.fields.repName}
              value={one(values[`reps.${i}.name`])}
              error={errors[`reps.${i}.name`]}
            />
            <TextField
              id={`reps.${i}.title`}
              name={`reps.${i}.title`}
              label={f.fields.repTitle}
              value={one(values[`reps.${i}.title`])}
            />
            <SelectField
              id={`reps.${i}.role`}
              name={`reps.${i}.role`}
              label={f.fields.role}
              value={one(values[`reps.${i}.role`]) ?? 'member'}
              options={representativeRoles.map((r) => [r, f.roles[r]] as const)}
            />
          </fieldset>
        ))}
      </fieldset>
      {warnings.length ? <Checkbox name="confirmNames" label={c.confirmNames} /> : null}
      <button type="submit" class="button">
        {f.save}
      </button>
    </form>
  );
}

export function ForumOverviewPage({
  ctx,
  page,
  notice,
  errors = {},
}: {
  ctx: PageContext;
  page: ForumPage;
  notice?: string | undefined;
  errors?: FieldErrors;
}) {
  const f = forumTexts(ctx.lang);
  const { forum } = page;
  const repsOf = (orgId: string) => page.members.representatives.filter((r) => r.organisationId === orgId);
  return (
    <Layout ctx={ctx} title={forum.name}>
      <p>
        <a href={withLang('/forums', ctx.lang)}>{f.title}</a>
      </p>
      <h1>{forum.name}</h1>
      {notice ? (
        <div class="notice" role="status">
          {notice}
        </div>
      ) : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <p>
        {forum.reach !== 'municipal' ? `${countyForumTexts(ctx.lang).reaches[forum.reach]} · ` : ''}
        {f.levels[forum.level]} · {f.cadences[forum.cadence]}
        {page.parent ? ` · ${f.underForum(page.parent.name)}` : ''}
      </p>
      {page.chair ? <p>{countyForumTexts(ctx.lang).chairedBy(page.chair.name, page.chair.office)}</p> : null}
      {forum.purpose ? <p class="pre-line">{forum.purpose}</p> : null}
      {forum.goal_areas.length ? (
        <p>{forum.goal_areas.map((g) => f.goalAreas[g as keyof typeof f.goalAreas] ?? g).join(', ')}</p>
      ) : null}
      {page.nextDue ? (
        <p class={page.nextDue < page.today ? 'notice notice--urgent' : ''}>
          {page.nextDue < page.today ? f.behindCadence(page.nextDue) : f.nextDue(page.nextDue)}
        </p>
      ) : null}
      <h2>{f.members}</h2>
      <ul class="plain-list">
        {page.members.organisations.map((o) => (
          <li key={o.id}>
            <strong>{o.name}</strong>
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
          <h2>{countyForumTexts(ctx.lang).localGroups}</h2>
          <ul class="plain-list">
            {page.localGroups.map((g) => (
              <li key={g.id}>
                <a href={withLang(`/forums/${g.id}`, ctx.lang)}>{g.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={withLang(`/forums/${forum.id}/deviations`, ctx.lang)}>{deviationTexts(ctx.lang).link}</a>
      </p>
      <p>
        <a href={withLang(`/forums/${forum.id}/agreements`, ctx.lang)}>{agreementTexts(ctx.lang).link}</a>
        {page.agreementsDue > 0 ? (
          <>
            {' '}
            <span class="tag tag--warning">{agreementTexts(ctx.lang).reminder(page.agreementsDue)}</span>
          </>
        ) : null}
      </p>
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
            <a href={withLang(`/forums/${forum.id}/meetings/${m.id}`, ctx.lang)}>
              {f.meeting.title(m.plannedOn)}
            </a>{' '}
            <span class="tag">{f.meeting.statuses[m.status]}</span>
            {m.place ? ` · ${m.place}` : ''}
          </li>
        ))}
      </ul>
      {page.canRecord ? (
        <form method="post" action={withLang(`/forums/${forum.id}/meetings`, ctx.lang)} class="stack-form">
          <h2>{f.meeting.plan}</h2>
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <TextField
            name="plannedOn"
            label={f.meeting.plannedOn}
            value={page.today}
            error={errors.plannedOn}
          />
          <TextField name="place" label={f.meeting.place} error={errors.place} />
          <TextArea name="newItems" label={f.meeting.newItems} error={errors.newItems} rows={3} />
          <button type="submit" class="button">
            {f.meeting.planButton}
          </button>
        </form>
      ) : null}
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
    </Layout>
  );
}
