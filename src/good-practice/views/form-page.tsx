import { planAreas, targetGroups, themes } from '../../collaboration/areas.ts';
import { GuardWarnings } from '../../collaboration/guard-warnings.tsx';
import { collaborationTexts } from '../../collaboration/i18n/index.ts';
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  type FieldErrors,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { evidenceLevels, exampleKinds } from '../examples.ts';
import { type ExampleFormValues, linkRows, resultRows } from '../form-values.ts';
import { goodPracticeTexts } from '../i18n/index.ts';
import { withLang } from './shared.tsx';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined) => [v ?? []].flat();

/** Writing or changing an example. Every text is read by the guard; a warning must be confirmed. */
export function ExampleFormPage({
  ctx,
  exampleId,
  values,
  errors = {},
  warnings = [],
  action: startedFrom,
  intro,
}: {
  ctx: PageContext;
  exampleId: string | null;
  values: ExampleFormValues;
  errors?: FieldErrors;
  warnings?: string[];
  /** Where a draft prefilled from elsewhere (a visit's report, decision 0139) is sent; its kind is fixed. */
  action?: string;
  /** What the page says first, when the draft comes from elsewhere. */
  intro?: string;
}) {
  const g = goodPracticeTexts(ctx.lang);
  const c = collaborationTexts(ctx.lang);
  const f = g.fields;
  const title = exampleId ? g.editor.editTitle : g.editor.newTitle;
  const action = startedFrom ?? (exampleId ? `/examples/editor/${exampleId}/edit` : '/examples/editor');
  const text = (name: string, label: string, extra: { type?: 'email' | 'text'; maxLength?: number } = {}) => (
    <TextField name={name} label={label} value={one(values[name])} error={errors[name]} {...extra} />
  );
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={withLang('/examples/editor', ctx.lang)}>{g.editor.title}</a>
      </p>
      <h1>{title}</h1>
      <p>{intro ?? g.editor.intro}</p>
      <p class="notice">{g.notARecommendation}</p>
      <ErrorSummary t={ctx.t} errors={errors} />
      <GuardWarnings ctx={ctx} warnings={warnings} />
      <form method="post" action={withLang(action, ctx.lang)} class="stack-form">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        {exampleId || startedFrom ? (
          <input type="hidden" name="kind" value={one(values.kind)} />
        ) : (
          <RadioGroup
            name="kind"
            legend={f.kind}
            value={one(values.kind) ?? 'example'}
            error={errors.kind}
            options={exampleKinds.map((k) => [k, g.kinds[k]] as const)}
          />
        )}
        {text('title', f.title, { maxLength: 200 })}
        <SelectField
          name="area"
          label={f.area}
          value={one(values.area)}
          error={errors.area}
          options={[['', '–'] as const, ...planAreas.map((a) => [a, g.areas[a]] as const)]}
        />
        <CheckboxGroup
          name="themes"
          legend={f.themes}
          error={errors.themes}
          checked={many(values.themes)}
          options={themes.map((t) => [t, g.themes[t]] as const)}
        />
        <CheckboxGroup
          name="targetGroups"
          legend={f.targetGroups}
          error={errors.targetGroups}
          checked={many(values.targetGroups)}
          options={targetGroups.map((t) => [t, g.targetGroups[t]] as const)}
        />
        <TextArea
          name="problem"
          label={f.problem}
          value={one(values.problem)}
          error={errors.problem}
          rows={5}
        />
        <TextArea
          name="whatWasDone"
          label={f.whatWasDone}
          value={one(values.whatWasDone)}
          error={errors.whatWasDone}
          rows={6}
        />
        <TextArea
          name="results"
          label={f.results}
          value={one(values.results)}
          error={errors.results}
          rows={4}
        />
        <fieldset class="fieldset" id="resultValues">
          <legend>{f.resultValues}</legend>
          {errors.resultValues ? <p class="field-error">{errors.resultValues}</p> : null}
          {Array.from({ length: resultRows }, (_, i) => (
            <fieldset class="fieldset" key={i}>
              <legend>{`${f.resultValues} ${i + 1}`}</legend>
              {text(`resultValues.${i}.label`, f.resultLabel)}
              {text(`resultValues.${i}.value`, f.resultValue)}
              {text(`resultValues.${i}.unit`, f.resultUnit)}
              {text(`resultValues.${i}.on`, f.resultOn)}
              {text(`resultValues.${i}.source`, f.resultSource)}
            </fieldset>
          ))}
        </fieldset>
        {text('periodFrom', f.periodFrom)}
        {text('periodTo', f.periodTo)}
        <TextArea name="cost" label={f.cost} value={one(values.cost)} error={errors.cost} rows={2} />
        <fieldset class="fieldset" id="contact">
          <legend>{f.contact}</legend>
          {text('contactName', f.contactName)}
          {text('contactRole', f.contactRole)}
          {text('contactEmail', f.contactEmail, { type: 'email' })}
          {text('contactPhone', f.contactPhone)}
        </fieldset>
        <fieldset class="fieldset" id="links">
          <legend>{f.links}</legend>
          {errors.links ? <p class="field-error">{errors.links}</p> : null}
          {Array.from({ length: linkRows }, (_, i) => (
            <fieldset class="fieldset" key={i}>
              <legend>{`${f.links} ${i + 1}`}</legend>
              {text(`links.${i}.title`, f.linkTitle)}
              {text(`links.${i}.url`, f.linkUrl)}
            </fieldset>
          ))}
        </fieldset>
        <TextField
          name="tags"
          label={f.tags}
          hint={f.tagsHint}
          value={one(values.tags)}
          error={errors.tags}
        />
        <RadioGroup
          name="evidence"
          legend={f.evidence}
          value={one(values.evidence)}
          error={errors.evidence}
          options={evidenceLevels.map((e) => [e, g.evidence[e]] as const)}
        />
        <TextArea
          name="evidenceReference"
          label={f.evidenceReference}
          value={one(values.evidenceReference)}
          error={errors.evidenceReference}
          rows={2}
        />
        {text('evidenceUrl', f.evidenceUrl)}
        {warnings.length > 0 ? <Checkbox name="confirmNames" label={c.confirmNames} /> : null}
        <button type="submit" class="button">
          {g.editor.save}
        </button>
      </form>
    </Layout>
  );
}
