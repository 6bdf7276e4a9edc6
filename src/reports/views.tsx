import { peopleTexts } from '../people/i18n/index.ts';
import { formatDateTime } from '../platform/dates.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextArea,
  TextField,
  useFieldLabel,
} from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { limits, type ReportInput, type ReportStage } from './domain.ts';
import { type ReportsTexts, reportsTexts } from './i18n/index.ts';

export function Radios({
  name,
  legend,
  hint,
  error,
  value,
  options,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  options: readonly (readonly [string, string])[];
}) {
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  useFieldLabel(name, legend);
  return (
    <fieldset
      id={name}
      tabindex={-1}
      class={error ? 'field radios field--error' : 'field radios'}
      aria-describedby={described || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      {options.map(([v, label]) => (
        <div class="radio" key={v}>
          <input type="radio" id={`${name}-${v}`} name={name} value={v} checked={value === v} />
          <label for={`${name}-${v}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
}

function Guidance({ r, switchboard }: { r: ReportsTexts; switchboard: string | null }) {
  return (
    <>
      <div class="notice notice--urgent">
        <p>
          <strong>{r.emergency}</strong> {switchboard ? r.outsideHoursPhone(switchboard) : r.outsideHours}
        </p>
      </div>
      <details class="guidance">
        <summary>{r.whatToWriteTitle}</summary>
        <ul>
          {r.whatToWrite.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
      <details class="guidance">
        <summary>{r.whatHappensTitle}</summary>
        <ul>
          {r.whatHappens.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
    </>
  );
}

export function ReportFormPage({
  ctx,
  kind,
  municipality,
  values = {},
  errors = {},
  switchboard = null,
  dropped = [],
}: {
  ctx: PageContext;
  kind: 'public' | 'professional';
  municipality: { code: string; name: string };
  values?: ReportInput;
  errors?: FieldErrors;
  /** The municipality's switchboard number, when the administrator has set it. */
  switchboard?: string | null;
  /** Contact details typed before choosing to be anonymous: said to be dropped, sent on confirmation. */
  dropped?: readonly ('reporterName' | 'reporterPhone' | 'reporterEmail')[];
}) {
  const { t } = ctx;
  const r = reportsTexts(ctx.lang);
  const title = kind === 'public' ? r.title : r.professionalTitle;
  const action = `/report${kind === 'professional' ? '/professional' : ''}?m=${municipality.code}`;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">
        {municipality.name}. {kind === 'public' ? r.intro : r.professionalIntro}
      </p>
      <ErrorSummary t={t} errors={errors} />
      {dropped.length ? (
        <div
          class="notice notice--warning"
          role="alert"
          tabindex={-1}
          autofocus
          aria-labelledby="dropped-heading"
        >
          <h2 id="dropped-heading">{r.anonymousDropsTitle}</h2>
          <p>{r.anonymousDrops(dropped.map((field) => r[field]).join(', '))}</p>
        </div>
      ) : null}
      <Guidance r={r} switchboard={switchboard} />
      <p>
        {kind === 'public' ? (
          <a href={`/report/professional?m=${municipality.code}`}>{r.professionalLink}</a>
        ) : (
          <a href={`/report?m=${municipality.code}`}>{r.publicLink}</a>
        )}
      </p>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrf} />
        {dropped.length ? <input type="hidden" name="confirmAnonymous" value="on" /> : null}
        <div class="hp">
          <label for="website">{r.honeypot}</label>
          <input type="text" id="website" name="website" tabindex={-1} autocomplete="off" />
        </div>
        <h2>{r.aboutChild}</h2>
        <TextField
          name="childGivenName"
          label={r.childGivenName}
          value={values.childGivenName}
          error={errors.childGivenName}
          maxLength={limits.name}
          autocomplete="off"
        />
        <TextField
          name="childFamilyName"
          label={r.childFamilyName}
          value={values.childFamilyName}
          error={errors.childFamilyName}
          maxLength={limits.name}
          autocomplete="off"
        />
        <TextField
          name="childPersonalNumber"
          label={r.childPersonalNumber}
          hint={peopleTexts(ctx.lang).personalNumberHint}
          value={values.childPersonalNumber}
          error={errors.childPersonalNumber}
          width="medium"
          maxLength={20}
          autocomplete="off"
        />
        <TextField
          name="childBirthDate"
          label={r.childBirthDate}
          hint={r.childBirthDateHint}
          value={values.childBirthDate}
          error={errors.childBirthDate}
          width="medium"
          maxLength={10}
          autocomplete="off"
        />
        <TextArea
          name="childWhereabouts"
          label={r.childWhereabouts}
          value={values.childWhereabouts}
          error={errors.childWhereabouts}
          maxLength={limits.whereabouts}
          rows={2}
        />
        <TextArea
          name="concern"
          label={r.concern}
          hint={r.concernHint}
          value={values.concern}
          error={errors.concern}
          maxLength={limits.concern}
          rows={10}
        />
        <Radios
          name="guardiansInformed"
          legend={r.guardiansInformed}
          value={values.guardiansInformed ?? 'unknown'}
          options={(['unknown', 'yes', 'no'] as const).map(
            (v) => [v, r.guardiansInformedOptions[v]] as const,
          )}
        />
        <h2>{r.aboutYou}</h2>
        {kind === 'public' ? (
          <Radios
            name="reporterKind"
            legend={r.reporterKind}
            hint={r.anonymousHint}
            value={values.reporterKind ?? 'anonymous'}
            options={[
              ['anonymous', r.reporterKindAnonymous],
              ['private', r.reporterKindPrivate],
            ]}
          />
        ) : null}
        <TextField
          name="reporterName"
          label={r.reporterName}
          value={values.reporterName}
          error={errors.reporterName}
          maxLength={limits.name}
          autocomplete="name"
        />
        {kind === 'professional' ? (
          <>
            <TextField
              name="reporterOrganisation"
              label={r.reporterOrganisation}
              value={values.reporterOrganisation}
              error={errors.reporterOrganisation}
              maxLength={limits.organisation}
              autocomplete="organization"
            />
            <SelectField
              name="reporterOrganisationKind"
              label={r.reporterOrganisationKind}
              value={values.reporterOrganisationKind ?? ''}
              error={errors.reporterOrganisationKind}
              options={[
                ['', '–'],
                ...(['school', 'healthCare', 'dentalCare', 'police', 'other'] as const).map(
                  (k) => [k, r.organisationKinds[k]] as const,
                ),
              ]}
            />
            <TextField
              name="reporterTitle"
              label={r.reporterTitle}
              value={values.reporterTitle}
              error={errors.reporterTitle}
              maxLength={limits.title}
              autocomplete="organization-title"
            />
          </>
        ) : null}
        <TextField
          name="reporterPhone"
          label={r.reporterPhone}
          value={values.reporterPhone}
          error={errors.reporterPhone}
          width="medium"
          maxLength={limits.phone}
          autocomplete="tel"
        />
        <TextField
          name="reporterEmail"
          type="email"
          label={r.reporterEmail}
          value={values.reporterEmail}
          error={errors.reporterEmail}
          maxLength={limits.email}
          autocomplete="email"
        />
        {kind === 'professional' ? (
          <Checkbox
            name="feedbackRequested"
            label={r.feedbackRequested}
            checked={str(values.feedbackRequested) === 'on'}
          />
        ) : null}
        <button type="submit" class="button">
          {r.submit}
        </button>
      </form>
    </Layout>
  );
}

/**
 * The receipt: the reference, when the report was received (date and time), and the status
 * page's address written out, so that a printed receipt still says where to look.
 */
export function ReceiptPage({
  ctx,
  reference,
  receivedAt,
  statusUrl,
}: {
  ctx: PageContext;
  reference: string;
  receivedAt: Date | null;
  statusUrl: string;
}) {
  const r = reportsTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={r.receiptTitle}>
      <div class="receipt" role="status">
        <h1>{r.receiptTitle}</h1>
        <p>{r.receiptReference}</p>
        <p class="reference" data-reference={reference}>
          {reference}
        </p>
        {receivedAt ? <p class="received-at">{r.receiptReceivedAt(formatDateTime(receivedAt))}</p> : null}
      </div>
      <p>{r.receiptKeep}</p>
      <p>{r.receiptNext}</p>
      <p>
        {r.receiptStatusAddress}
        <br />
        <a class="status-address" href={statusUrl}>
          {statusUrl}
        </a>
      </p>
      <p class="hint">{r.receiptPrint}</p>
    </Layout>
  );
}

export function StatusPage({
  ctx,
  reference,
  stage,
  error,
}: {
  ctx: PageContext;
  reference: string;
  stage: ReportStage | null;
  error?: string | undefined;
}) {
  const r = reportsTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={r.statusTitle}>
      <h1>{r.statusTitle}</h1>
      <ErrorSummary t={ctx.t} errors={error ? { reference: error } : {}} />
      <form method="get" action="/report/status" class="search-form" novalidate>
        <TextField
          name="reference"
          label={r.statusReference}
          hint={r.statusReferenceHint}
          value={reference}
          error={error}
          width="medium"
          maxLength={12}
          autocomplete="off"
        />
        <button type="submit" class="button">
          {r.statusCheck}
        </button>
      </form>
      {stage ? (
        <div class="notice" role="status">
          <p>{r.stage[stage]}</p>
        </div>
      ) : null}
      <p class="hint">{r.statusPrivacy}</p>
    </Layout>
  );
}

export function ChooseMunicipalityPage({
  ctx,
  municipalities,
  path,
}: {
  ctx: PageContext;
  municipalities: { code: string; name: string }[];
  path: string;
}) {
  const r = reportsTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={r.chooseMunicipality}>
      <h1>{r.chooseMunicipality}</h1>
      <ul class="plain-list">
        {municipalities.map((m) => (
          <li key={m.code}>
            <a href={`${path}?m=${m.code}`}>{m.name}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
