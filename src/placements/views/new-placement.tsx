import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { placementTexts } from '../i18n/index.ts';
import { decisionMakerKinds, legalBases, placementTypes } from '../model.ts';
import type { PlacementForm } from '../service/create.ts';
import { type Values, value } from './shared.tsx';

/** The placement from the case's decision: the intervention, the basis, the home, the dates. */
export function NewPlacementPage({
  ctx,
  form,
  values,
  errors = {},
}: {
  ctx: PageContext;
  form: PlacementForm;
  values?: Values | undefined;
  errors?: FieldErrors;
}) {
  const p = placementTexts(ctx.lang);
  const c = form.case;
  const title = `${p.newPlacement}: ${c.given_name} ${c.family_name}`;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/cases/${c.id}`}>{p.caseLink}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={ctx.t} errors={errors} />
      {form.interventions.length === 0 ? <p>{p.noPlacementIntervention}</p> : null}
      <form method="post" action={`/cases/${c.id}/placements`} novalidate>
        <CsrfField token={ctx.csrf} />
        <SelectField
          name="interventionTypeId"
          label={p.intervention}
          value={value(values, 'interventionTypeId')}
          error={errors.interventionTypeId}
          options={form.interventions.map((i) => [i.id, i.name] as const)}
        />
        <RadioGroup
          name="basis"
          legend={p.legalBasis}
          value={value(values, 'basis') ?? 'sol'}
          error={errors.basis}
          options={legalBases.map((b) => [b, p.bases[b]] as const)}
        />
        <SelectField
          name="form"
          label={p.form}
          value={value(values, 'form') ?? form.interventions.find((i) => i.form)?.form ?? undefined}
          error={errors.form}
          options={placementTypes.map((f) => [f, p.forms[f]] as const)}
        />
        <SelectField
          name="homeId"
          label={p.home}
          value={value(values, 'homeId')}
          error={errors.homeId}
          options={[
            ['', '–'],
            ...form.homes.map(
              (h) => [h.row.id, `${h.row.name} (${h.row.forms.map((f) => p.forms[f]).join(', ')})`] as const,
            ),
          ]}
        />
        <TextField
          name="decidedOn"
          type="date"
          label={p.decidedOn}
          value={value(values, 'decidedOn')}
          error={errors.decidedOn}
        />
        <SelectField
          name="decidedByKind"
          label={p.decidedBy}
          value={value(values, 'decidedByKind') ?? 'committee'}
          error={errors.decidedByKind}
          options={decisionMakerKinds.filter((k) => k !== 'court').map((k) => [k, p.makers[k]] as const)}
        />
        <TextField
          name="decidedByName"
          label={p.decidedByName}
          value={value(values, 'decidedByName')}
          error={errors.decidedByName}
          maxLength={200}
        />
        <TextField
          name="protocolReference"
          label={p.protocolReference}
          value={value(values, 'protocolReference')}
          maxLength={100}
        />
        <TextField
          name="executedOn"
          type="date"
          label={p.executedOn}
          hint={p.executedHint}
          value={value(values, 'executedOn')}
          error={errors.executedOn}
        />
        <SelectField
          name="designatedWorkerId"
          label={p.designatedWorker}
          value={value(values, 'designatedWorkerId') ?? c.responsible_user_id ?? ''}
          error={errors.designatedWorkerId}
          options={[['', p.noDesignatedWorker], ...form.workers.map((w) => [w.id, w.display_name] as const)]}
        />
        <TextArea
          name="specialReasons"
          label={p.specialReasons}
          value={value(values, 'specialReasons')}
          error={errors.specialReasons}
          rows={2}
        />
        <Checkbox
          name="withGuardian"
          label={p.withGuardian}
          checked={value(values, 'withGuardian') === 'on'}
        />
        <TextField
          name="consultedOn"
          type="date"
          label={p.consultedOn}
          value={value(values, 'consultedOn')}
          error={errors.consultedOn}
        />
        <button type="submit" class="button">
          {p.save}
        </button>
      </form>
    </Layout>
  );
}
