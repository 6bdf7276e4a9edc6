import {
  CheckboxGroup,
  type FieldErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { goalAreas } from '../../sip/schema.ts';
import { agreementTexts } from '../agreement-texts.ts';
import { forumTexts } from '../i18n/index.ts';
import { projectTexts } from '../project-texts.ts';

/** How many goal rows the project form offers. */
export const projectGoalRows = 3;

type Values = Record<string, string | string[] | undefined>;
const many = (v: string | string[] | undefined) => [v ?? []].flat();
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * A joint project's fields, as a new project (on the agreements page) and as a change (on the
 * project's own page) have them: name, description, organisations, lead, dates, and up to three
 * goals with their area, the indicator they follow and their target (docs/decisions/0136, 0138).
 */
export function ProjectFormFields({
  ctx,
  values,
  errors,
  organisations,
  indicatorIds,
}: {
  ctx: PageContext;
  values: Values;
  errors: FieldErrors;
  organisations: readonly { id: string; name: string }[];
  indicatorIds: readonly string[];
}) {
  const a = agreementTexts(ctx.lang);
  const f = forumTexts(ctx.lang);
  const p = projectTexts(ctx.lang);
  const pv = values;
  const pe = errors;
  const orgOptions = organisations.map((o) => [o.id, o.name] as const);
  return (
    <>
      <TextField
        id="title-project"
        name="title"
        label={a.fields.projectTitle}
        value={one(pv.title)}
        error={pe['title-project']}
      />
      <TextArea
        id="description"
        name="description"
        label={a.fields.description}
        value={one(pv.description)}
        error={pe.description}
        rows={3}
      />
      <CheckboxGroup
        name="organisationIds"
        legend={a.fields.organisationIds}
        options={orgOptions}
        checked={many(pv.organisationIds)}
        error={pe.organisationIds}
      />
      <SelectField
        id="leadOrganisationId"
        name="leadOrganisationId"
        label={a.fields.leadOrganisationId}
        value={one(pv.leadOrganisationId)}
        options={[['', a.chooseOne], ...orgOptions]}
        error={pe.leadOrganisationId}
      />
      {(['startsOn', 'endsOn'] as const).map((name) => (
        <TextField
          key={name}
          id={name}
          name={name}
          type="date"
          label={a.fields[name]}
          value={one(pv[name])}
          error={pe[name]}
        />
      ))}
      <div id="goals">
        {Array.from({ length: projectGoalRows }, (_, i) => (
          <fieldset class="fieldset" key={i}>
            <legend>{a.fields.goal(i + 1)}</legend>
            <SelectField
              id={`goals.${i}.area`}
              name={`goals.${i}.area`}
              label={a.fields.goalArea(i + 1)}
              value={one(pv[`goals.${i}.area`])}
              options={[['', a.chooseOne], ...goalAreas.map((g) => [g, f.goalAreas[g]] as const)]}
              error={pe[`goals.${i}.area`] ?? (i === 0 ? pe.goals : undefined)}
            />
            <TextArea
              id={`goals.${i}.goal`}
              name={`goals.${i}.goal`}
              label={a.fields.goal(i + 1)}
              value={one(pv[`goals.${i}.goal`])}
              error={pe[`goals.${i}.goal`]}
              rows={2}
            />
            <SelectField
              id={`indicators.${i}.kind`}
              name={`indicators.${i}.kind`}
              label={a.fields.indicatorKind(i + 1)}
              value={one(pv[`indicators.${i}.kind`])}
              options={(['none', 'samtak', 'manual'] as const).map((k) => [k, a.indicatorKinds[k]] as const)}
              error={pe[`indicators.${i}.kind`]}
            />
            <SelectField
              id={`indicators.${i}.samtakIndicatorId`}
              name={`indicators.${i}.samtakIndicatorId`}
              label={a.fields.samtakIndicatorId(i + 1)}
              value={one(pv[`indicators.${i}.samtakIndicatorId`])}
              options={[
                ['', a.chooseOne],
                ...indicatorIds.map((id) => [id, a.indicators[id] ?? id] as const),
              ]}
              error={pe[`indicators.${i}.samtakIndicatorId`]}
            />
            <TextField
              id={`indicators.${i}.manual`}
              name={`indicators.${i}.manual`}
              label={a.fields.manual(i + 1)}
              value={one(pv[`indicators.${i}.manual`])}
              error={pe[`indicators.${i}.manual`]}
            />
            <TextField
              id={`goals.${i}.target`}
              name={`goals.${i}.target`}
              label={p.fields.target(i + 1)}
              value={one(pv[`goals.${i}.target`])}
              error={pe[`goals.${i}.target`]}
              inputmode="text"
              width="short"
            />
          </fieldset>
        ))}
      </div>
    </>
  );
}
