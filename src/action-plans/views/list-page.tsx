import { planAreas, themes } from '../../collaboration/areas.ts';
import { GuardWarnings } from '../../collaboration/guard-warnings.tsx';
import { collaborationTexts } from '../../collaboration/i18n/index.ts';
import { goodPracticeTexts } from '../../good-practice/i18n/index.ts';
import { withLang } from '../../good-practice/views/shared.tsx';
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  type FieldErrors,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { actionPlanTexts } from '../i18n/index.ts';
import type { PlanStatus } from '../plan.ts';

/** The municipality's plans. */
export function PlanListPage({
  ctx,
  plans,
  canWrite,
}: {
  ctx: PageContext;
  plans: { id: string; title: string; version: number; status: PlanStatus; deadline: string }[];
  canWrite: boolean;
}) {
  const p = actionPlanTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={p.title}>
      <h1>{p.title}</h1>
      <p>{p.intro}</p>
      {canWrite ? (
        <p>
          <a class="button" href={withLang('/action-plans/new', ctx.lang)}>
            {p.newPlan}
          </a>
        </p>
      ) : null}
      {plans.length === 0 ? <p>{p.none}</p> : null}
      <ul class="plain-list">
        {plans.map((plan) => (
          <li key={plan.id}>
            <a href={withLang(`/action-plans/${plan.id}`, ctx.lang)}>{plan.title}</a> –{' '}
            <span class="tag">{p.statuses[plan.status]}</span> {p.version(plan.version)} ·{' '}
            {p.deadlineIs(plan.deadline)}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export type PlanFormValues = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined) => [v ?? []].flat();

/** A new plan: its name, deadline, who takes part and, per area, why it is in the plan. */
export function PlanFormPage({
  ctx,
  organisations,
  values,
  errors = {},
  warnings = [],
}: {
  ctx: PageContext;
  organisations: { id: string; name: string }[];
  values: PlanFormValues;
  errors?: FieldErrors;
  warnings?: string[];
}) {
  const p = actionPlanTexts(ctx.lang);
  const g = goodPracticeTexts(ctx.lang);
  const c = collaborationTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={p.newPlan}>
      <p>
        <a href={withLang('/action-plans', ctx.lang)}>{p.title}</a>
      </p>
      <h1>{p.newPlan}</h1>
      <p>{p.intro}</p>
      <ErrorSummary t={ctx.t} errors={errors} />
      <GuardWarnings ctx={ctx} warnings={warnings} />
      <form method="post" action={withLang('/action-plans', ctx.lang)} class="stack-form">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <TextField
          name="title"
          label={p.fields.title}
          value={one(values.title)}
          error={errors.title}
          maxLength={200}
        />
        <TextField
          name="deadline"
          label={p.fields.deadline}
          value={one(values.deadline)}
          error={errors.deadline}
        />
        <CheckboxGroup
          name="organisationIds"
          legend={p.fields.organisationIds}
          error={errors.organisationIds}
          checked={many(values.organisationIds)}
          options={organisations.map((o) => [o.id, o.name] as const)}
        />
        <TextArea
          name="summary"
          label={p.fields.summary}
          value={one(values.summary)}
          error={errors.summary}
          rows={3}
        />
        <fieldset class="fieldset" id="areas">
          <legend>{p.fields.areas}</legend>
          <p class="hint">{p.fields.areasHint}</p>
          {errors.areas ? <p class="field-error">{errors.areas}</p> : null}
          {planAreas.map((area, i) => (
            <fieldset class="fieldset" key={area}>
              <legend>{g.areas[area]}</legend>
              <input type="hidden" name={`areas.${i}.area`} value={area} />
              {area === 'other' ? (
                <TextField
                  name={`areas.${i}.title`}
                  label={p.fields.areaTitle}
                  value={one(values[`areas.${i}.title`])}
                  error={errors[`areas.${i}.title`]}
                />
              ) : null}
              <TextArea
                name={`areas.${i}.rationale`}
                label={p.fields.rationale}
                value={one(values[`areas.${i}.rationale`])}
                error={errors[`areas.${i}.rationale`]}
                rows={2}
              />
              <CheckboxGroup
                name={`areas.${i}.themes`}
                legend={p.fields.themes}
                checked={many(values[`areas.${i}.themes`])}
                options={themes.map((t) => [t, g.themes[t]] as const)}
              />
            </fieldset>
          ))}
        </fieldset>
        {warnings.length > 0 ? <Checkbox name="confirmNames" label={c.confirmNames} /> : null}
        <button type="submit" class="button">
          {p.save}
        </button>
      </form>
    </Layout>
  );
}

/** The form's areas as the plan's: those with a rationale (or an own title) are in the plan. */
export function planInputOf(values: PlanFormValues) {
  const areas = planAreas
    .map((area, i) => ({
      area: one(values[`areas.${i}.area`]) ?? area,
      title: one(values[`areas.${i}.title`]),
      rationale: one(values[`areas.${i}.rationale`]),
      themes: many(values[`areas.${i}.themes`]),
    }))
    .filter((a) => a.rationale?.trim() || a.title?.trim());
  return {
    title: one(values.title),
    deadline: one(values.deadline),
    organisationIds: many(values.organisationIds),
    summary: one(values.summary),
    areas,
  };
}
