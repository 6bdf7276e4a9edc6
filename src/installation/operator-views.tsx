import { formatDateTime } from '../platform/dates.ts';
import { CsrfField, ErrorSummary, type FieldErrors, Notice, TextField } from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { installationTexts } from './i18n/index.ts';
import type { municipalityOverview } from './operator.ts';

type Overview = Awaited<ReturnType<typeof municipalityOverview>>;

/** The operator's frame: who is signed in and the way out; no municipal navigation. */
function OperatorFrame({
  ctx,
  title,
  operatorName,
  children,
}: {
  ctx: PageContext;
  title: string;
  operatorName: string;
  children: preact.ComponentChildren;
}) {
  const x = installationTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={title} bare>
      <div class="operator-bar">
        <span>{x.signedInAs(operatorName)}</span>{' '}
        <form method="post" action="/operator/logout" class="inline-form">
          <CsrfField token={ctx.csrf} />
          <button type="submit" class="button button--secondary button--small">
            {x.logout}
          </button>
        </form>
      </div>
      {children}
    </Layout>
  );
}

export function OverviewPage({
  ctx,
  operatorName,
  municipalities,
  notice,
  errors = {},
}: {
  ctx: PageContext;
  operatorName: string;
  municipalities: Overview;
  notice?: string | undefined;
  errors?: FieldErrors;
}) {
  const x = installationTexts(ctx.lang);
  return (
    <OperatorFrame ctx={ctx} title={x.title} operatorName={operatorName}>
      <h1>{x.title}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <p>{x.intro}</p>
      <p>
        <a class="button" href="/operator/municipalities/new">
          {x.newMunicipality}
        </a>
      </p>
      {municipalities.length === 0 ? (
        <p>{x.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{x.code}</th>
                <th scope="col">{x.name}</th>
                <th scope="col">{x.state}</th>
                <th scope="col">{x.created}</th>
                <th scope="col">{x.counts}</th>
                <th scope="col">{x.actions}</th>
              </tr>
            </thead>
            <tbody>
              {municipalities.map((m) => (
                <tr key={m.id}>
                  <td>{m.code}</td>
                  <td>{m.name}</td>
                  <td>
                    {m.active
                      ? x.active
                      : x.inactive(m.deactivated_at ? formatDateTime(m.deactivated_at) : '')}
                  </td>
                  <td>{formatDateTime(m.created_at)}</td>
                  <td>{`${m.users} / ${m.administrators} / ${m.units}`}</td>
                  <td>
                    <a href={`/operator/municipalities/${m.code}/administrators/new`}>
                      {x.newAdministrator}
                      <span class="visually-hidden">{`: ${m.name}`}</span>
                    </a>
                    <form
                      method="post"
                      action={`/operator/municipalities/${m.code}/${m.active ? 'deactivate' : 'reactivate'}`}
                      class="inline-form"
                    >
                      <CsrfField token={ctx.csrf} />
                      <label for={`confirm-${m.code}`}>{`${x.confirmCode} (${m.name})`}</label>
                      <input
                        id={`confirm-${m.code}`}
                        name="confirm"
                        class="input input--short"
                        inputmode="numeric"
                        maxLength={4}
                        autocomplete="off"
                      />
                      <button type="submit" class="button button--secondary button--small">
                        {m.active ? x.deactivate : x.reactivate}
                        <span class="visually-hidden">{`: ${m.name}`}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </OperatorFrame>
  );
}

export interface MunicipalityFormValues {
  municipality?: string | undefined;
  code?: string | undefined;
  admin?: string | undefined;
  adminName?: string | undefined;
  adminEmail?: string | undefined;
}

/** A new municipality (`action` ends in /new) or a new administrator of one (`municipalityName`). */
export function MunicipalityFormPage({
  ctx,
  operatorName,
  action,
  municipalityName,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  operatorName: string;
  action: string;
  municipalityName?: string | undefined;
  values?: MunicipalityFormValues;
  errors?: FieldErrors;
}) {
  const x = installationTexts(ctx.lang);
  const title = municipalityName ? x.newAdministratorTitle(municipalityName) : x.newTitle;
  return (
    <OperatorFrame ctx={ctx} title={title} operatorName={operatorName}>
      <h1>{title}</h1>
      <ErrorSummary t={ctx.t} errors={errors} />
      {municipalityName ? null : <p>{x.newIntro}</p>}
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrf} />
        {municipalityName ? null : (
          <>
            <TextField
              name="municipality"
              label={x.name}
              value={values.municipality}
              error={errors.municipality}
            />
            <TextField
              name="code"
              label={x.code}
              value={values.code}
              error={errors.code}
              inputmode="numeric"
              maxLength={4}
              width="short"
            />
          </>
        )}
        <TextField
          name="admin"
          label={x.adminUsername}
          hint={x.adminUsernameHint}
          value={values.admin}
          error={errors.admin}
          autocomplete="off"
        />
        <TextField name="adminName" label={x.adminName} value={values.adminName} error={errors.adminName} />
        <TextField
          name="adminEmail"
          label={x.adminEmail}
          type="email"
          value={values.adminEmail}
          error={errors.adminEmail}
        />
        <button type="submit" class="button">
          {x.create}
        </button>
      </form>
      <p>
        <a href="/operator">{x.back}</a>
      </p>
    </OperatorFrame>
  );
}

/** Shown once: the administrator's one-time password and where to use it. */
export function CreatedPage({
  ctx,
  operatorName,
  municipalityName,
  username,
  password,
  loginUrl,
}: {
  ctx: PageContext;
  operatorName: string;
  municipalityName: string;
  username: string;
  password: string;
  loginUrl: string;
}) {
  const x = installationTexts(ctx.lang);
  return (
    <OperatorFrame ctx={ctx} title={x.created_(municipalityName)} operatorName={operatorName}>
      <h1>{x.created_(municipalityName)}</h1>
      <dl class="facts">
        <dt>{x.adminUsername}</dt>
        <dd>{username}</dd>
        <dt>{x.passwordOnce}</dt>
        <dd>
          <code class="one-time-password">{password}</code>
        </dd>
      </dl>
      <p>
        {x.loginAt} <a href={loginUrl}>{loginUrl}</a> {x.afterLogin}
      </p>
      <p>
        <a href="/operator">{x.back}</a>
      </p>
    </OperatorFrame>
  );
}
