import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { placementTexts } from '../i18n/index.ts';
import { moreTexts } from '../i18n/more.ts';
import { placementTypes } from '../model.ts';
import type { PlacementSettingsView } from '../service/settings.ts';
import { type Values, value } from './shared.tsx';

/** The administrator's settings for placements: which interventions are placements, the guideline. */
export function PlacementSettingsPage({
  ctx,
  view,
  notice,
  errors = {},
  values,
}: {
  ctx: PageContext;
  view: PlacementSettingsView;
  notice?: string | undefined;
  errors?: FieldErrors;
  values?: Values | undefined;
}) {
  const p = placementTexts(ctx.lang);
  const m = moreTexts(ctx.lang);
  const active = view.interventions.filter((i) => i.active);
  const number = (name: keyof PlacementSettingsView['settings']) =>
    value(values, name) ?? String(view.settings[name]);
  return (
    <Layout ctx={ctx} title={m.settingsTitle}>
      <h1>{m.settingsTitle}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <form method="post" action="/admin/placement-settings" novalidate>
        <CsrfField token={ctx.csrf} />
        <h2 id="placements">{m.interventionsHeading}</h2>
        <p>{m.settingsIntro}</p>
        {errors.placements ? (
          <p class="field-error" id="placements-error">
            {errors.placements}
          </p>
        ) : null}
        {active.length === 0 ? (
          <p>
            {m.noInterventions} <a href="/admin/case-settings">{m.interventionColumn}</a>
          </p>
        ) : (
          <section class="table-wrap" tabindex={0} aria-labelledby="placements">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{m.interventionColumn}</th>
                  <th scope="col">{m.isPlacement}</th>
                  <th scope="col">{p.form}</th>
                </tr>
              </thead>
              <tbody>
                {active.map((i) => (
                  <tr key={i.id} data-intervention={i.id}>
                    <th scope="row">{i.name}</th>
                    <td>
                      <input
                        type="checkbox"
                        id={`placement-${i.id}`}
                        name="placements"
                        value={i.id}
                        checked={i.placement}
                        aria-label={m.isPlacementOf(i.name)}
                      />
                    </td>
                    <td>
                      <select id={`form-${i.id}`} name="forms" class="input" aria-label={m.formOf(i.name)}>
                        <option value={`${i.id}:`} selected={i.form === null}>
                          {m.anyForm}
                        </option>
                        {placementTypes.map((f) => (
                          <option key={f} value={`${i.id}:${f}`} selected={i.form === f}>
                            {p.forms[f]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        <h2>{m.guidelineHeading}</h2>
        <p>{m.guidelineIntro}</p>
        <TextField
          name="visitsPerYear"
          label={m.visitsPerYear}
          value={number('visitsPerYear')}
          error={errors.visitsPerYear}
          maxLength={3}
          inputmode="numeric"
          width="short"
        />
        <TextField
          name="privateTalksPerYear"
          label={m.privateTalksPerYear}
          value={number('privateTalksPerYear')}
          error={errors.privateTalksPerYear}
          maxLength={3}
          inputmode="numeric"
          width="short"
        />
        <TextField
          name="registerExtractMaxAgeMonths"
          label={m.extractMaxAge}
          hint={m.extractMaxAgeHint}
          value={number('registerExtractMaxAgeMonths')}
          error={errors.registerExtractMaxAgeMonths}
          maxLength={3}
          inputmode="numeric"
          width="short"
        />
        <button type="submit" class="button">
          {m.save}
        </button>
      </form>
    </Layout>
  );
}
