import { formatDateTime } from '../../platform/dates.ts';
import {
  CsrfField,
  type FieldErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { sipTexts } from '../i18n/index.ts';
import type { Action } from '../queries/plan.ts';
import { actionStatuses, goalAreas } from '../schema.ts';
import type { SipView } from '../service/read.ts';
import { areaOptions, DueTag, RemoveButton, Section, type SectionProps, str } from './shared.tsx';

export function NeedsSection({ ctx, view, errors, values }: SectionProps) {
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  if (!view.visible.needs && !view.socialServices)
    return (
      <Section id="needs" title={s.needs}>
        <p>{s.needsHidden}</p>
      </Section>
    );
  return (
    <Section id="needs" title={s.needs}>
      {view.needs.length === 0 ? (
        <p>{s.noNeeds}</p>
      ) : (
        <ul class="item-list">
          {view.needs.map((n) => (
            <li key={n.id}>
              <span class="tag">{s.areas[n.area]}</span> <span class="pre-line">{n.description}</span>{' '}
              {view.can.update ? (
                <RemoveButton
                  ctx={ctx}
                  action={`/sips/${sip.id}/needs/${n.id}/remove`}
                  label={`${s.remove}: ${n.description.slice(0, 40)}`}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {view.can.update ? (
        <form method="post" action={`/sips/${sip.id}/needs`} class="panel" novalidate>
          <h3>{s.addNeed}</h3>
          <CsrfField token={ctx.csrf} />
          <SelectField
            name="needArea"
            label={s.area}
            value={str(values, 'needArea')}
            error={errors.needArea}
            options={areaOptions(s)}
          />
          <TextArea
            name="needDescription"
            label={s.needDescription}
            value={str(values, 'needDescription')}
            error={errors.needDescription}
            maxLength={2000}
            rows={3}
          />
          <button type="submit" class="button button--secondary">
            {s.addNeed}
          </button>
        </form>
      ) : null}
    </Section>
  );
}

export function GoalsSection({ ctx, view, errors, values }: SectionProps) {
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  return (
    <Section id="goals" title={s.goals}>
      <p class="hint">{s.goalsIntro}</p>
      {view.goals.length === 0 ? <p>{s.noGoals}</p> : null}
      {goalAreas.map((area) => {
        const goals = view.goals.filter((g) => g.area === area);
        if (goals.length === 0) return null;
        return (
          <div key={area} class="goal-area">
            <h3>{s.areas[area]}</h3>
            <ul class="item-list">
              {goals.map((g) => (
                <li key={g.id}>
                  <span class="pre-line">{g.goal}</span>
                  {g.childs_words ? (
                    <blockquote class="childs-words">
                      <span class="visually-hidden">{s.childsWords}: </span>
                      {g.childs_words}
                    </blockquote>
                  ) : null}
                  {view.can.update ? (
                    <RemoveButton
                      ctx={ctx}
                      action={`/sips/${sip.id}/goals/${g.id}/remove`}
                      label={`${s.remove}: ${g.goal.slice(0, 40)}`}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {view.can.update ? (
        <form method="post" action={`/sips/${sip.id}/goals`} class="panel" novalidate>
          <h3>{s.addGoal}</h3>
          <CsrfField token={ctx.csrf} />
          <SelectField
            name="goalArea"
            label={s.area}
            value={str(values, 'goalArea')}
            error={errors.goalArea}
            options={areaOptions(s)}
          />
          <TextArea
            name="goal"
            label={s.goal}
            value={str(values, 'goal')}
            error={errors.goal}
            maxLength={1000}
            rows={2}
          />
          <TextArea
            name="childsWords"
            label={s.childsWords}
            hint={s.childsWordsHint}
            value={str(values, 'childsWords')}
            error={errors.childsWords}
            maxLength={1000}
            rows={2}
          />
          <button type="submit" class="button button--secondary">
            {s.addGoal}
          </button>
        </form>
      ) : null}
    </Section>
  );
}

export function responsibleName(view: SipView, a: Action): string {
  return (
    view.participants.find((p) => p.organisation_id === a.responsible_organisation_id)?.name ??
    a.responsible_other ??
    '–'
  );
}

function ActionsTable({
  ctx,
  view,
  actions,
  errors,
}: {
  ctx: PageContext;
  view: SipView;
  actions: Action[];
  errors: FieldErrors;
}) {
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  const goalOf = (id: string | null) => view.goals.find((g) => g.id === id);
  const mayReport = (a: Action) =>
    view.can.reportActionStatus &&
    (view.socialServices || a.responsible_organisation_id === view.actingOrganisationId);
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{s.action}</th>
            <th scope="col">{s.responsible}</th>
            <th scope="col">{s.dueOn}</th>
            <th scope="col">{s.actionStatusLabel}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id}>
              <td>
                <span class="pre-line">{a.description}</span>
                {goalOf(a.goal_id) ? (
                  <span class="hint">
                    <br />
                    {s.forGoal}: {goalOf(a.goal_id)?.goal}
                  </span>
                ) : null}
                {view.can.update ? (
                  <>
                    {' '}
                    <RemoveButton
                      ctx={ctx}
                      action={`/sips/${sip.id}/actions/${a.id}/remove`}
                      label={`${s.remove}: ${a.description.slice(0, 40)}`}
                    />
                  </>
                ) : null}
              </td>
              <td>
                {responsibleName(view, a)}
                {a.responsible_person ? (
                  <span class="hint">
                    <br />
                    {a.responsible_person}
                  </span>
                ) : null}
              </td>
              <td>
                {a.due_on}{' '}
                {sip.status === 'active' && (a.status === 'planned' || a.status === 'ongoing') ? (
                  <DueTag s={s} date={a.due_on} today={view.today} />
                ) : null}
              </td>
              <td>
                {/* What was last reported stands as text, for the coordinator as for everyone. */}
                {a.status_changed_at ? (
                  <p class="status-report">
                    <strong>{s.actionStatus[a.status]}</strong>{' '}
                    <span class="hint">{s.statusReportedAt(formatDateTime(a.status_changed_at))}</span>
                    {a.status_note ? (
                      <>
                        <br />
                        {s.statusComment}: ”{a.status_note}”
                      </>
                    ) : null}
                  </p>
                ) : null}
                {mayReport(a) ? (
                  <form
                    method="post"
                    action={`/sips/${sip.id}/actions/${a.id}/status`}
                    class="stack-form"
                    novalidate
                  >
                    <CsrfField token={ctx.csrf} />
                    <SelectField
                      name="status"
                      id={`status-${a.id}`}
                      label={`${s.actionStatusLabel}: ${a.description.slice(0, 40)}`}
                      value={a.status}
                      error={errors[`status-${a.id}`]}
                      options={actionStatuses.map((st) => [st, s.actionStatus[st]] as const)}
                    />
                    <TextField
                      name="note"
                      id={`note-${a.id}`}
                      label={s.statusNote}
                      value={a.status_note}
                      error={errors[`note-${a.id}`]}
                      maxLength={1000}
                    />
                    <button type="submit" class="button button--secondary button--small">
                      {s.reportStatus}
                    </button>
                  </form>
                ) : a.status_changed_at ? null : (
                  <>
                    {s.actionStatus[a.status]}
                    {a.status_note ? <span class="hint"> – {a.status_note}</span> : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ActionsSection({ ctx, view, errors, values }: SectionProps) {
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  const parties = view.actions.filter((a) => a.responsible_organisation_id);
  const others = view.actions.filter((a) => !a.responsible_organisation_id);
  return (
    <>
      <Section id="actions" title={s.actions}>
        <p class="hint">{s.actionsIntro}</p>
        {parties.length === 0 ? (
          <p>{s.noActions}</p>
        ) : (
          <ActionsTable ctx={ctx} view={view} actions={parties} errors={errors} />
        )}
      </Section>
      <Section id="others" title={s.othersActions}>
        <p class="hint">{s.othersIntro}</p>
        {others.length === 0 ? (
          <p>{s.noActions}</p>
        ) : (
          <ActionsTable ctx={ctx} view={view} actions={others} errors={errors} />
        )}
        {view.can.update ? (
          <form method="post" action={`/sips/${sip.id}/actions`} class="panel" novalidate>
            <h3>{s.addAction}</h3>
            <CsrfField token={ctx.csrf} />
            <TextArea
              name="actionDescription"
              label={s.action}
              value={str(values, 'actionDescription')}
              error={errors.actionDescription}
              maxLength={1000}
              rows={2}
            />
            <SelectField
              name="goalId"
              label={s.forGoal}
              value={str(values, 'goalId')}
              error={errors.goalId}
              options={[
                ['', s.noGoal] as const,
                ...view.goals.map((g) => [g.id, g.goal.slice(0, 80)] as const),
              ]}
            />
            <SelectField
              name="responsible"
              label={s.responsible}
              value={str(values, 'responsible')}
              error={errors.responsible}
              options={[
                ['', '–'] as const,
                ...view.participants.map((p) => [p.organisation_id, p.name] as const),
                ['other', s.responsibleOtherOption] as const,
              ]}
            />
            <TextField
              name="responsibleOther"
              label={s.responsibleOther}
              hint={s.responsibleOtherHint}
              value={str(values, 'responsibleOther')}
              error={errors.responsibleOther}
              maxLength={200}
            />
            <TextField
              name="responsiblePerson"
              label={s.responsiblePerson}
              value={str(values, 'responsiblePerson')}
              error={errors.responsiblePerson}
              maxLength={200}
            />
            <TextField
              name="dueOn"
              type="date"
              label={s.dueOn}
              value={str(values, 'dueOn')}
              error={errors.dueOn}
              width="medium"
            />
            <button type="submit" class="button button--secondary">
              {s.addAction}
            </button>
          </form>
        ) : null}
      </Section>
    </>
  );
}
