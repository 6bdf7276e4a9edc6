import { themes } from '../../collaboration/areas.ts';
import { GuardWarnings } from '../../collaboration/guard-warnings.tsx';
import { collaborationTexts } from '../../collaboration/i18n/index.ts';
import { indicatorDirections, indicatorUnits } from '../../collaboration/indicators.ts';
import { goodPracticeTexts } from '../../good-practice/i18n/index.ts';
import { withLang } from '../../good-practice/views/shared.tsx';
import {
  Checkbox,
  CheckboxGroup,
  type FieldErrors,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { actionPlanTexts } from '../i18n/index.ts';
import { liveIndicatorIds } from '../live-indicators.ts';
import { allowedNextStatuses, type MeasureStatus } from '../measures.ts';
import type { PlanPage } from '../service.ts';

/**
 * The forms of a plan's page. Each form's fields carry their own prefix in their ids (m- for a
 * measure, i- for an indicator, x- for a matter, a- for the adoption), so that one page can hold
 * them all and a refused form's error summary links to its own fields.
 */

export type FormValues = Record<string, string | string[] | undefined>;
export interface FormState {
  form: 'measure' | 'indicator' | 'matter' | 'adopt' | 'status' | 'value';
  /** The measure or indicator a status or value form is for. */
  target?: string;
  values: FormValues;
  errors: FieldErrors;
  warnings: string[];
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined) => [v ?? []].flat();

export function AdoptForm({
  ctx,
  planId,
  state,
}: {
  ctx: PageContext;
  planId: string;
  state: FormState | null;
}) {
  const p = actionPlanTexts(ctx.lang);
  const v = state?.form === 'adopt' ? state.values : {};
  const e = state?.form === 'adopt' ? state.errors : {};
  return (
    <form method="post" action={withLang(`/action-plans/${planId}/adopt`, ctx.lang)} class="stack-form">
      <h2>{p.adopt.heading}</h2>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <TextField
        id="a-adoptedByBody"
        name="adoptedByBody"
        label={p.fields.adoptedByBody}
        value={one(v.adoptedByBody)}
        error={e['a-adoptedByBody']}
      />
      <TextField
        id="a-adoptedOn"
        name="adoptedOn"
        label={p.fields.adoptedOn}
        value={one(v.adoptedOn)}
        error={e['a-adoptedOn']}
      />
      <button type="submit" class="button">
        {p.adopt.button}
      </button>
    </form>
  );
}

export function MeasureForm({
  ctx,
  page,
  state,
}: {
  ctx: PageContext;
  page: PlanPage;
  state: FormState | null;
}) {
  const p = actionPlanTexts(ctx.lang);
  const g = goodPracticeTexts(ctx.lang);
  const m = p.measure;
  const mine = state?.form === 'measure';
  const v = mine ? state.values : {};
  const e = mine ? state.errors : {};
  const taking = page.organisations.filter((o) => page.organisationIds.includes(o.id));
  return (
    <form
      method="post"
      action={withLang(`/action-plans/${page.plan.id}/measures`, ctx.lang)}
      class="stack-form"
      id="measure-form"
    >
      <h2>{m.addHeading}</h2>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      {mine ? <GuardWarnings ctx={ctx} warnings={state.warnings} /> : null}
      <SelectField
        id="m-areaIndex"
        name="areaIndex"
        label={m.area}
        value={one(v.areaIndex)}
        error={e['m-areaIndex']}
        options={page.areas.map(
          (a, i) => [String(i), a.title || g.areas[a.area as keyof typeof g.areas]] as const,
        )}
      />
      <TextField id="m-title" name="title" label={m.title} value={one(v.title)} error={e['m-title']} />
      <TextArea
        id="m-description"
        name="description"
        label={m.description}
        value={one(v.description)}
        error={e['m-description']}
        rows={2}
      />
      <SelectField
        id="m-ownerOrganisationId"
        name="ownerOrganisationId"
        label={m.owner}
        value={one(v.ownerOrganisationId)}
        error={e['m-ownerOrganisationId']}
        options={[['', '–'] as const, ...taking.map((o) => [o.id, o.name] as const)]}
      />
      <TextField
        id="m-ownerRole"
        name="ownerRole"
        label={m.ownerRole}
        value={one(v.ownerRole)}
        error={e['m-ownerRole']}
      />
      <CheckboxGroup
        name="partnerOrganisationIds"
        legend={m.partners}
        error={e.partnerOrganisationIds}
        checked={many(v.partnerOrganisationIds)}
        options={taking.map((o) => [o.id, o.name] as const)}
      />
      <TextField
        id="m-startsOn"
        name="startsOn"
        label={m.startsOn}
        value={one(v.startsOn)}
        error={e['m-startsOn']}
      />
      <TextField id="m-dueOn" name="dueOn" label={m.dueOn} value={one(v.dueOn)} error={e['m-dueOn']} />
      {page.examples.length ? (
        <CheckboxGroup
          name="citedExampleIds"
          legend={m.citedExamples}
          error={e.citedExampleIds}
          checked={many(v.citedExampleIds)}
          options={page.examples.map((x) => [x.id, x.title] as const)}
        />
      ) : null}
      {mine && state.warnings.length ? (
        <Checkbox name="confirmNames" label={collaborationTexts(ctx.lang).confirmNames} />
      ) : null}
      <button type="submit" class="button">
        {m.add}
      </button>
    </form>
  );
}

export function StatusForm({
  ctx,
  planId,
  measure,
  state,
  today,
}: {
  ctx: PageContext;
  planId: string;
  measure: { id: string; status: MeasureStatus };
  state: FormState | null;
  today: string;
}) {
  const m = actionPlanTexts(ctx.lang).measure;
  const next = allowedNextStatuses(measure.status);
  if (!next.length) return null;
  const mine = state?.form === 'status' && state.target === measure.id;
  const v = mine ? state.values : {};
  const e = mine ? state.errors : {};
  const id = (field: string) => `s-${measure.id}-${field}`;
  return (
    <details open={mine}>
      <summary>{m.changeStatus}</summary>
      <form
        method="post"
        action={withLang(`/action-plans/${planId}/measures/${measure.id}/status`, ctx.lang)}
        class="stack-form"
      >
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <SelectField
          id={id('to')}
          name="to"
          label={m.newStatus}
          value={one(v.to)}
          error={e[id('to')]}
          options={next.map((s) => [s, m.statuses[s]] as const)}
        />
        <TextField
          id={id('on')}
          name="on"
          label={m.changedOn}
          value={one(v.on) ?? today}
          error={e[id('on')]}
        />
        <TextArea
          id={id('evidence')}
          name="evidence"
          label={m.evidence}
          value={one(v.evidence)}
          error={e[id('evidence')]}
          rows={2}
        />
        <TextArea
          id={id('reason')}
          name="reason"
          label={m.reason}
          value={one(v.reason)}
          error={e[id('reason')]}
          rows={2}
        />
        <button type="submit" class="button button--secondary">
          {m.save}
        </button>
      </form>
    </details>
  );
}

export function IndicatorForm({
  ctx,
  page,
  state,
}: {
  ctx: PageContext;
  page: PlanPage;
  state: FormState | null;
}) {
  const p = actionPlanTexts(ctx.lang);
  const g = goodPracticeTexts(ctx.lang);
  const t = p.indicator;
  const mine = state?.form === 'indicator';
  const v = mine ? state.values : {};
  const e = mine ? state.errors : {};
  const field = (name: string, label: string) => (
    <TextField id={`i-${name}`} name={name} label={label} value={one(v[name])} error={e[`i-${name}`]} />
  );
  return (
    <form
      method="post"
      action={withLang(`/action-plans/${page.plan.id}/indicators`, ctx.lang)}
      class="stack-form"
      id="indicator-form"
    >
      <h2>{t.addHeading}</h2>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      {mine ? <GuardWarnings ctx={ctx} warnings={state.warnings} /> : null}
      <SelectField
        id="i-areaIndex"
        name="areaIndex"
        label={p.measure.area}
        value={one(v.areaIndex)}
        error={e['i-areaIndex']}
        options={page.areas.map(
          (a, i) => [String(i), a.title || g.areas[a.area as keyof typeof g.areas]] as const,
        )}
      />
      {field('name', t.name)}
      <TextArea
        id="i-definition"
        name="definition"
        label={t.definition}
        value={one(v.definition)}
        error={e['i-definition']}
        rows={2}
      />
      <SelectField
        id="i-unit"
        name="unit"
        label={t.unit}
        value={one(v.unit)}
        error={e['i-unit']}
        options={indicatorUnits.map((u) => [u, t.units[u]] as const)}
      />
      <SelectField
        id="i-direction"
        name="direction"
        label={t.direction}
        value={one(v.direction)}
        error={e['i-direction']}
        options={indicatorDirections.map((d) => [d, t.directions[d]] as const)}
      />
      {field('baselineValue', t.baselineValue)}
      {field('baselineOn', t.baselineOn)}
      {field('targetValue', t.targetValue)}
      {field('targetBy', t.targetBy)}
      <RadioGroup
        name="sourceKind"
        legend={t.sourceKind}
        value={one(v.sourceKind) ?? 'samtak'}
        error={e.sourceKind}
        options={(['samtak', 'manual'] as const).map((k) => [k, t.sourceKinds[k]] as const)}
      />
      <SelectField
        id="i-samtakIndicatorId"
        name="samtakIndicatorId"
        label={t.samtakIndicatorId}
        value={one(v.samtakIndicatorId)}
        error={e['i-samtakIndicatorId']}
        options={liveIndicatorIds.map((id) => [id, t.samtakIndicators[id]] as const)}
      />
      {field('sourceDescription', t.sourceDescription)}
      {mine && state.warnings.length ? (
        <Checkbox name="confirmNames" label={collaborationTexts(ctx.lang).confirmNames} />
      ) : null}
      <button type="submit" class="button">
        {t.add}
      </button>
    </form>
  );
}

export function ValueForm({
  ctx,
  planId,
  indicatorId,
  state,
  today,
}: {
  ctx: PageContext;
  planId: string;
  indicatorId: string;
  state: FormState | null;
  today: string;
}) {
  const t = actionPlanTexts(ctx.lang).indicator;
  const mine = state?.form === 'value' && state.target === indicatorId;
  const v = mine ? state.values : {};
  const e = mine ? state.errors : {};
  const id = (f: string) => `v-${indicatorId}-${f}`;
  return (
    <details open={mine}>
      <summary>{t.addValue}</summary>
      <form
        method="post"
        action={withLang(`/action-plans/${planId}/indicators/${indicatorId}/values`, ctx.lang)}
        class="stack-form"
      >
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <TextField
          id={id('value')}
          name="value"
          label={t.value}
          value={one(v.value)}
          error={e[id('value')]}
        />
        <TextField id={id('on')} name="on" label={t.on} value={one(v.on) ?? today} error={e[id('on')]} />
        <TextField
          id={id('source')}
          name="source"
          label={t.source}
          value={one(v.source)}
          error={e[id('source')]}
        />
        <button type="submit" class="button button--secondary">
          {t.saveValue}
        </button>
      </form>
    </details>
  );
}

export function MatterForm({
  ctx,
  planId,
  state,
  today,
}: {
  ctx: PageContext;
  planId: string;
  state: FormState | null;
  today: string;
}) {
  const p = actionPlanTexts(ctx.lang);
  const g = goodPracticeTexts(ctx.lang);
  const x = p.matter;
  const mine = state?.form === 'matter';
  const v = mine ? state.values : {};
  const e = mine ? state.errors : {};
  return (
    <form
      method="post"
      action={withLang(`/action-plans/${planId}/matters`, ctx.lang)}
      class="stack-form"
      id="matter-form"
    >
      <h3>{x.raiseHeading}</h3>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      {mine ? <GuardWarnings ctx={ctx} warnings={state.warnings} /> : null}
      <TextField id="x-title" name="title" label={x.title} value={one(v.title)} error={e['x-title']} />
      <TextArea
        id="x-description"
        name="description"
        label={x.description}
        value={one(v.description)}
        error={e['x-description']}
        rows={3}
      />
      <CheckboxGroup
        name="themes"
        legend={x.themes}
        error={e.themes}
        checked={many(v.themes)}
        options={themes.map((t) => [t, g.themes[t]] as const)}
      />
      <TextField
        id="x-raisedOn"
        name="raisedOn"
        label={x.raisedOn}
        value={one(v.raisedOn) ?? today}
        error={e['x-raisedOn']}
      />
      {mine && state.warnings.length ? (
        <Checkbox name="confirmNames" label={collaborationTexts(ctx.lang).confirmNames} />
      ) : null}
      <button type="submit" class="button">
        {x.raise}
      </button>
    </form>
  );
}
