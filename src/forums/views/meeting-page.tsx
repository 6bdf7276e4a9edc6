import { GuardWarnings } from '../../collaboration/guard-warnings.tsx';
import { collaborationTexts } from '../../collaboration/i18n/index.ts';
import { withLang } from '../../good-practice/views/shared.tsx';
import {
  Checkbox,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { forumTexts } from '../i18n/index.ts';
import { presences } from '../meetings.ts';
import type { MeetingPage } from '../service.ts';

export type FormValues = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
export const actionRows = 3;

/** A meeting: its agenda (open actions carried), the minutes form or the minutes, approval, actions. */
export function ForumMeetingPage({
  ctx,
  page,
  notice,
  values = {},
  errors = {},
  warnings = [],
}: {
  ctx: PageContext;
  page: MeetingPage;
  notice?: string | undefined;
  values?: FormValues;
  errors?: FieldErrors;
  warnings?: string[];
}) {
  const f = forumTexts(ctx.lang);
  const m = f.meeting;
  const c = collaborationTexts(ctx.lang);
  const { forum, meeting } = page;
  const repName = (id: string) => page.members.representatives.find((r) => r.id === id)?.name ?? '–';
  const base = `/forums/${forum.id}/meetings/${meeting.id}`;
  return (
    <Layout ctx={ctx} title={`${forum.name} – ${m.title(meeting.planned_on)}`}>
      <p>
        <a href={withLang(`/forums/${forum.id}`, ctx.lang)}>{forum.name}</a>
      </p>
      <h1>{m.title(meeting.planned_on)}</h1>
      {notice ? (
        <div class="notice" role="status">
          {notice}
        </div>
      ) : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <p>
        <span class="tag">{m.statuses[meeting.status]}</span>
        {meeting.place ? ` · ${meeting.place}` : ''}
      </p>
      <h2>{m.agenda}</h2>
      <AgendaList ctx={ctx} agenda={page.agenda} actions={page.actions} plannedOn={meeting.planned_on} />
      {meeting.status === 'planned' && page.canRecord ? (
        meeting.planned_on > page.today ? (
          <p>{m.notYet}</p>
        ) : (
          <form method="post" action={withLang(`${base}/record`, ctx.lang)} class="stack-form">
            <h2>{m.record}</h2>
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <GuardWarnings ctx={ctx} warnings={warnings} />
            <TextField
              name="heldOn"
              label={m.heldOn}
              value={one(values.heldOn) ?? meeting.planned_on}
              error={errors.heldOn}
            />
            <fieldset class="fieldset" id="attendance">
              <legend>{m.attendance}</legend>
              {errors.attendance ? <p class="field-error">{errors.attendance}</p> : null}
              {page.members.representatives.map((r, i) => (
                <div key={r.id}>
                  <input type="hidden" name={`attendance.${i}.representativeId`} value={r.id} />
                  <SelectField
                    id={`attendance.${i}.presence`}
                    name={`attendance.${i}.presence`}
                    label={r.name}
                    value={one(values[`attendance.${i}.presence`]) ?? 'present'}
                    error={errors[`attendance.${i}`]}
                    options={presences.map((p) => [p, m.presences[p]] as const)}
                  />
                  <TextField
                    id={`attendance.${i}.substituteName`}
                    name={`attendance.${i}.substituteName`}
                    label={`${m.substituteName} (${r.name})`}
                    value={one(values[`attendance.${i}.substituteName`])}
                  />
                </div>
              ))}
            </fieldset>
            <TextArea
              name="minutes"
              label={m.minutes}
              value={one(values.minutes)}
              error={errors.minutes}
              rows={6}
            />
            <TextArea
              name="decisions"
              label={m.decisions}
              value={one(values.decisions)}
              error={errors.decisions}
              rows={3}
            />
            <fieldset class="fieldset" id="actions">
              <legend>{m.actions}</legend>
              {Array.from({ length: actionRows }, (_, i) => (
                <fieldset class="fieldset" key={i}>
                  <legend>{m.action(i + 1)}</legend>
                  <TextField
                    id={`actions.${i}.description`}
                    name={`actions.${i}.description`}
                    label={m.actionDescription}
                    value={one(values[`actions.${i}.description`])}
                    error={errors[`actions.${i}.description`]}
                  />
                  <SelectField
                    id={`actions.${i}.organisationId`}
                    name={`actions.${i}.organisationId`}
                    label={m.actionOrganisation}
                    value={one(values[`actions.${i}.organisationId`])}
                    error={errors[`actions.${i}.organisationId`]}
                    options={[
                      ['', '–'] as const,
                      ...page.members.organisations.map((o) => [o.id, o.name] as const),
                    ]}
                  />
                  <TextField
                    id={`actions.${i}.person`}
                    name={`actions.${i}.person`}
                    label={m.actionPerson}
                    value={one(values[`actions.${i}.person`])}
                  />
                  <TextField
                    id={`actions.${i}.dueOn`}
                    name={`actions.${i}.dueOn`}
                    label={m.actionDueOn}
                    value={one(values[`actions.${i}.dueOn`])}
                    error={errors[`actions.${i}.dueOn`]}
                  />
                </fieldset>
              ))}
            </fieldset>
            {warnings.length ? <Checkbox name="confirmNames" label={c.confirmNames} /> : null}
            <button type="submit" class="button">
              {m.recordButton}
            </button>
          </form>
        )
      ) : null}
      {meeting.status === 'held' || meeting.status === 'approved' ? (
        <>
          <h2>{m.attendance}</h2>
          <ul class="plain-list">
            {page.attendance.map((a) => (
              <li key={a.representative_id}>
                {repName(a.representative_id)}: {m.presences[a.presence]}
                {a.substitute_name ? ` (${a.substitute_name})` : ''}
              </li>
            ))}
          </ul>
          <h2>{m.minutes}</h2>
          <p class="pre-line">{meeting.minutes}</p>
          {page.decisions.length ? (
            <>
              <h2>{m.decisions}</h2>
              <ol>
                {page.decisions.map((d) => (
                  <li key={d.position}>{d.text}</li>
                ))}
              </ol>
            </>
          ) : null}
          {meeting.approved_at ? <p>{m.approvedBy(meeting.approved_at.toISOString().slice(0, 10))}</p> : null}
          {meeting.status === 'held' && page.canApprove ? (
            <form method="post" action={withLang(`${base}/approve`, ctx.lang)}>
              <input type="hidden" name="_csrf" value={ctx.csrf} />
              <button type="submit" class="button">
                {m.approve}
              </button>
            </form>
          ) : null}
        </>
      ) : null}
      {page.decidedHere.length ? (
        <>
          <h2>{m.actions}</h2>
          <ul class="item-list">
            {page.decidedHere.map((a) => (
              <li key={a.id}>
                <p>
                  {f.actionLine(a.description, a.organisationName, a.dueOn)}{' '}
                  <span class="tag">{f.actionStatuses[a.status]}</span>
                </p>
                {a.status === 'open' ? (
                  <form
                    method="post"
                    action={withLang(`/forums/${forum.id}/actions/${a.id}`, ctx.lang)}
                    class="stack-form"
                  >
                    <input type="hidden" name="_csrf" value={ctx.csrf} />
                    <input type="hidden" name="back" value={meeting.id} />
                    <div class="field">
                      <label for={`note-${a.id}`}>{f.closeNote}</label>
                      <input id={`note-${a.id}`} name="note" class="input" type="text" />
                    </div>
                    <div class="button-row">
                      <button type="submit" name="to" value="done" class="button button--secondary">
                        {f.closeAction}
                      </button>
                      <button type="submit" name="to" value="dropped" class="button button--secondary">
                        {f.dropAction}
                      </button>
                    </div>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

/** A meeting's agenda: the standing items, every action carried from earlier meetings, the new items. */
export function AgendaList({
  ctx,
  agenda,
  actions,
  plannedOn,
}: {
  ctx: PageContext;
  agenda: MeetingPage['agenda'];
  actions: MeetingPage['actions'];
  plannedOn: string;
}) {
  const f = forumTexts(ctx.lang);
  const m = f.meeting;
  const actionById = new Map(actions.map((a) => [a.id, a]));
  return (
    <ol class="agenda">
      {agenda.map((item) => {
        if (item.kind === 'carriedAction') {
          const a = item.action_id ? actionById.get(item.action_id) : undefined;
          if (!a) return null;
          return (
            <li key={item.position} class="agenda-carried">
              {m.carried(a.description, a.organisationName, a.dueOn)}
              {a.dueOn < plannedOn ? (
                <>
                  {' '}
                  <span class="tag tag--warning">{m.overdue}</span>
                </>
              ) : null}
              {a.status !== 'open' ? ` – ${f.actionStatuses[a.status]}` : ''}
            </li>
          );
        }
        if (item.kind === 'item') return <li key={item.position}>{item.title}</li>;
        if (item.kind === 'deviations')
          return <li key={item.position}>{m.deviations(item.quarter ?? '')}</li>;
        return (
          <li key={item.position}>{m.agendaItems[item.kind as keyof typeof m.agendaItems] ?? item.kind}</li>
        );
      })}
    </ol>
  );
}
