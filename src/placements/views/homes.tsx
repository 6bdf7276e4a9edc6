import {
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import type { HomeAlert } from '../homes.ts';
import { registers } from '../homes.ts';
import { placementTexts } from '../i18n/index.ts';
import { placementTypes } from '../model.ts';
import type { LoadedHome } from '../queries/homes.ts';
import type { HomeView } from '../service/homes.ts';
import { IvoNotice } from './ivo-notice.tsx';
import { type Values, value } from './shared.tsx';

type Texts = ReturnType<typeof placementTexts>;

function alertText(p: Texts, alert: HomeAlert, carers: readonly { id: string; name: string }[]): string {
  const carer = (id: string) => carers.find((c) => c.id === id)?.name ?? '–';
  switch (alert.code) {
    case 'registerExtractMissing':
      return p.homeAlerts.registerExtractMissing(carer(alert.carerId), p.registers[alert.register]);
    case 'registerExtractOld':
      return p.homeAlerts.registerExtractOld(
        carer(alert.carerId),
        p.registers[alert.register],
        alert.renewBy,
      );
    case 'trainingMissing':
      return p.homeAlerts.trainingMissing(carer(alert.carerId));
    case 'homeNotInvestigated':
      return p.homeAlerts.homeNotInvestigated;
    case 'providerPermitMissing':
      return p.homeAlerts.providerPermitMissing;
  }
}

export function AlertList({
  p,
  alerts,
  carers,
}: {
  p: Texts;
  alerts: readonly HomeAlert[];
  carers: LoadedHome['carers'];
}) {
  if (alerts.length === 0) return <p>{p.noAlerts}</p>;
  return (
    <ul class="plain-list">
      {alerts.map((a, i) => (
        <li key={i} data-alert={a.code}>
          <span class="tag tag--warning">{alertText(p, a, carers)}</span>
        </li>
      ))}
    </ul>
  );
}

export function HomesPage({
  ctx,
  homes,
  mayManage,
}: {
  ctx: PageContext;
  homes: (LoadedHome & { alerts: HomeAlert[] })[];
  mayManage: boolean;
}) {
  const p = placementTexts(ctx.lang);
  const withAlerts = homes.filter((h) => h.alerts.length > 0);
  return (
    <Layout ctx={ctx} title={p.homesTitle}>
      <h1>{p.homesTitle}</h1>
      <p>{p.homesIntro}</p>
      {mayManage ? (
        <p>
          <a class="button" href="/homes/new">
            {p.newHome}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">{p.homesWithAlerts}</h2>
        {withAlerts.length === 0 ? (
          <p>{p.noAlerts}</p>
        ) : (
          <ul class="plain-list">
            {withAlerts.map((h) => (
              <li key={h.row.id}>
                <a href={`/homes/${h.row.id}`}>{h.row.name}</a>
                <AlertList p={p} alerts={h.alerts} carers={h.carers} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="homes-heading">
        <h2 id="homes-heading">{p.homes}</h2>
        <section class="table-wrap" tabindex={0} aria-label={p.homesTitle}>
          <table class="table">
            <caption class="visually-hidden">{p.homes}</caption>
            <thead>
              <tr>
                <th scope="col">{p.homeName}</th>
                <th scope="col">{p.homeForms}</th>
                <th scope="col">{p.investigation}</th>
              </tr>
            </thead>
            <tbody>
              {homes.map((h) => (
                <tr key={h.row.id}>
                  <td>
                    <a href={`/homes/${h.row.id}`}>{h.row.name}</a>
                  </td>
                  <td>{h.row.forms.map((f) => p.forms[f]).join(', ')}</td>
                  <td>
                    {h.home.kind === 'privateHome'
                      ? h.home.investigation
                        ? `${p.investigationResults[h.home.investigation.result]} ${h.home.investigation.completedOn}`
                        : p.notInvestigated
                      : h.home.ivoPermit
                        ? `${p.ivoPermitReference}: ${h.home.ivoPermit.reference}`
                        : p.ownerships[h.home.ownership]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
    </Layout>
  );
}

export function NewHomePage({
  ctx,
  values,
  errors = {},
}: {
  ctx: PageContext;
  values?: Values;
  errors?: FieldErrors;
}) {
  const p = placementTexts(ctx.lang);
  const forms = [values?.forms ?? []].flat();
  return (
    <Layout ctx={ctx} title={p.newHome}>
      <h1>{p.newHome}</h1>
      <ErrorSummary t={ctx.t} errors={errors} />
      <form method="post" action="/homes" novalidate>
        <CsrfField token={ctx.csrf} />
        <RadioGroup
          name="kind"
          legend={p.homeKind}
          value={value(values, 'kind') ?? 'privateHome'}
          error={errors.kind}
          options={[
            ['privateHome', p.homeKinds.privateHome],
            ['provider', p.homeKinds.provider],
          ]}
        />
        <TextField
          name="name"
          label={p.homeName}
          value={value(values, 'name')}
          error={errors.name}
          maxLength={200}
        />
        <CheckboxGroup
          name="forms"
          legend={p.homeForms}
          error={errors.forms}
          checked={forms}
          options={placementTypes.map((f) => [f, p.forms[f]] as const)}
        />
        <TextField
          name="municipalityCode"
          label={p.homeMunicipalityCode}
          value={value(values, 'municipalityCode')}
          error={errors.municipalityCode}
          inputmode="numeric"
          width="short"
          maxLength={4}
        />
        <TextField
          name="streetAddress"
          label={p.streetAddress}
          value={value(values, 'streetAddress')}
          maxLength={200}
        />
        <TextField
          name="postalCode"
          label={p.postalCode}
          value={value(values, 'postalCode')}
          width="short"
          maxLength={20}
        />
        <TextField name="city" label={p.city} value={value(values, 'city')} maxLength={100} />
        <TextArea
          name="carerNames"
          label={p.carers}
          hint={p.carerName}
          value={value(values, 'carerNames')}
          rows={2}
        />
        <SelectField
          name="ownership"
          label={p.ownership}
          value={value(values, 'ownership')}
          error={errors.ownership}
          options={[
            ['', '–'],
            ...(['private', 'public', 'state'] as const).map((o) => [o, p.ownerships[o]] as const),
          ]}
        />
        <TextField
          name="ivoPermitReference"
          label={p.ivoPermitReference}
          value={value(values, 'ivoPermitReference')}
          maxLength={100}
        />
        <TextField
          name="ivoPermitGrantedOn"
          label={p.ivoPermitGrantedOn}
          type="date"
          value={value(values, 'ivoPermitGrantedOn')}
          error={errors.ivoPermitGrantedOn}
        />
        <TextField
          name="ivoNotifiedOn"
          label={p.ivoNotifiedOn}
          type="date"
          value={value(values, 'ivoNotifiedOn')}
          error={errors.ivoNotifiedOn}
        />
        <button type="submit" class="button">
          {p.save}
        </button>
      </form>
    </Layout>
  );
}

export function HomePage({
  ctx,
  view,
  notice,
  errors = {},
  values,
}: {
  ctx: PageContext;
  view: HomeView;
  notice?: string | undefined;
  errors?: FieldErrors;
  values?: Values;
}) {
  const p = placementTexts(ctx.lang);
  const { row, home } = view;
  const carerName = (id: string) => view.carers.find((c) => c.id === id)?.name ?? '–';
  const carerOptions = view.carers.map((c) => [c.id, c.name] as const);
  return (
    <Layout ctx={ctx} title={row.name}>
      <p>
        <a href="/homes">{p.homesTitle}</a>
      </p>
      <h1>{row.name}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <dl class="facts">
        <dt>{p.homeKind}</dt>
        <dd>{p.homeKinds[row.kind]}</dd>
        <dt>{p.homeForms}</dt>
        <dd>{row.forms.map((f) => p.forms[f]).join(', ')}</dd>
        <dt>{p.homeMunicipalityCode}</dt>
        <dd>{row.home_municipality_code}</dd>
        <dt>{p.address}</dt>
        <dd>
          {view.mayManage
            ? [row.street_address, row.postal_code, row.city].filter(Boolean).join(', ') || '–'
            : p.addressHidden}
        </dd>
        {home.kind === 'provider' ? (
          <>
            <dt>{p.ownership}</dt>
            <dd>{p.ownerships[home.ownership]}</dd>
            <dt>{p.ivoPermitReference}</dt>
            <dd>{home.ivoPermit ? `${home.ivoPermit.reference} (${home.ivoPermit.grantedOn})` : '–'}</dd>
            <dt>{p.ivoNotifiedOn}</dt>
            <dd>{home.ivoNotifiedOn ?? '–'}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">{p.alerts}</h2>
        {view.ivoNotice ? <IvoNotice ctx={ctx} notice={view.ivoNotice} /> : null}
        {view.alerts.length || !view.ivoNotice ? (
          <AlertList p={p} alerts={view.alerts} carers={view.carers} />
        ) : null}
      </section>
      <section aria-labelledby="children-heading">
        <h2 id="children-heading">{p.childrenPlaced}</h2>
        {view.children.length === 0 ? (
          <p>{p.none}</p>
        ) : (
          <ul class="plain-list">
            {view.children.map((c) => (
              <li key={c.placementId}>
                <a href={`/placements/${c.placementId}`}>{`${c.given_name} ${c.family_name}`}</a> –{' '}
                {p.startedOn} {c.started_on}
              </li>
            ))}
          </ul>
        )}
      </section>
      {home.kind === 'privateHome' ? (
        <>
          <section aria-labelledby="carers-heading">
            <h2 id="carers-heading">{p.carers}</h2>
            <ul class="plain-list">
              {view.carers.map((c) => (
                <li key={c.id}>{c.name}</li>
              ))}
            </ul>
            <h3>{p.investigation}</h3>
            <ul class="plain-list">
              {view.investigations.map((i, n) => (
                <li key={n}>
                  {i.completedOn}: {p.investigationResults[i.result]}
                </li>
              ))}
            </ul>
            <h3>{p.registerExtracts}</h3>
            <p class="hint">{p.registerExtractsIntro}</p>
            <ul class="plain-list">
              {view.extracts.map((e, n) => (
                <li key={n}>
                  {carerName(e.carerId)}: {p.registers[e.register]} {e.obtainedOn}
                  {e.assessment ? ` – ${e.assessment}` : ''}
                </li>
              ))}
            </ul>
            <h3>{p.training}</h3>
            <ul class="plain-list">
              {view.training.map((t, n) => (
                <li key={n}>
                  {carerName(t.carerId)}: {t.completedOn}
                </li>
              ))}
            </ul>
          </section>
          {view.mayManage ? (
            <HomeForms ctx={ctx} id={row.id} carerOptions={carerOptions} errors={errors} values={values} />
          ) : null}
        </>
      ) : null}
    </Layout>
  );
}

function HomeForms({
  ctx,
  id,
  carerOptions,
  errors,
  values,
}: {
  ctx: PageContext;
  id: string;
  carerOptions: readonly (readonly [string, string])[];
  errors: FieldErrors;
  values?: Values | undefined;
}) {
  const p = placementTexts(ctx.lang);
  const what = value(values, 'what');
  const err = (w: string, field: string) => (what === w ? errors[field] : undefined);
  const val = (w: string, field: string) => (what === w ? value(values, field) : undefined);
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">{p.recordStep}</h2>
      <form method="post" action={`/homes/${id}/records`} class="stacked-form">
        <CsrfField token={ctx.csrf} />
        <input type="hidden" name="what" value="carer" />
        <h3>{p.addCarer}</h3>
        <TextField
          id="carer-name"
          name="carerName"
          label={p.carerName}
          error={err('carer', 'carerName')}
          maxLength={200}
        />
        <button type="submit" class="button button--secondary">
          {p.addCarer}
        </button>
      </form>
      <form method="post" action={`/homes/${id}/records`} class="stacked-form">
        <CsrfField token={ctx.csrf} />
        <input type="hidden" name="what" value="investigation" />
        <h3>{p.recordInvestigation}</h3>
        <TextField
          id="inv-on"
          name="on"
          type="date"
          label={p.completedOn}
          value={val('investigation', 'on')}
          error={err('investigation', 'on')}
        />
        <SelectField
          id="inv-result"
          name="result"
          label={p.investigationResult}
          error={err('investigation', 'result')}
          options={[
            ['approved', p.investigationResults.approved],
            ['notApproved', p.investigationResults.notApproved],
          ]}
        />
        <button type="submit" class="button button--secondary">
          {p.recordInvestigation}
        </button>
      </form>
      {carerOptions.length ? (
        <>
          <form method="post" action={`/homes/${id}/records`} class="stacked-form">
            <CsrfField token={ctx.csrf} />
            <input type="hidden" name="what" value="extract" />
            <h3>{p.recordExtract}</h3>
            <SelectField
              id="ext-carer"
              name="carerId"
              label={p.carer}
              options={carerOptions}
              error={err('extract', 'carerId')}
            />
            <SelectField
              id="ext-register"
              name="register"
              label={p.register}
              error={err('extract', 'register')}
              options={registers.map((r) => [r, p.registers[r]] as const)}
            />
            <TextField
              id="ext-on"
              name="on"
              type="date"
              label={p.obtainedOn}
              value={val('extract', 'on')}
              error={err('extract', 'on')}
            />
            <TextField id="ext-assessment" name="assessment" label={p.assessment} maxLength={2000} />
            <button type="submit" class="button button--secondary">
              {p.recordExtract}
            </button>
          </form>
          <form method="post" action={`/homes/${id}/records`} class="stacked-form">
            <CsrfField token={ctx.csrf} />
            <input type="hidden" name="what" value="training" />
            <h3>{p.recordTraining}</h3>
            <SelectField
              id="tr-carer"
              name="carerId"
              label={p.carer}
              options={carerOptions}
              error={err('training', 'carerId')}
            />
            <TextField
              id="tr-on"
              name="on"
              type="date"
              label={p.completedOn}
              value={val('training', 'on')}
              error={err('training', 'on')}
            />
            <button type="submit" class="button button--secondary">
              {p.recordTraining}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
