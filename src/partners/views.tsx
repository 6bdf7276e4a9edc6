import { accountState } from '../admin/domain.ts';
import { adminTexts } from '../admin/i18n/index.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextField,
} from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { partnerKindsForAdministration } from './domain.ts';
import { partnersTexts } from './i18n/index.ts';
import type { OrganisationRecord, OrganisationUser } from './queries.ts';

type Values = Record<string, string | undefined>;

export function OrganisationsPage({
  ctx,
  organisations,
  errors = {},
  values = {},
  notice,
}: {
  ctx: PageContext;
  organisations: (OrganisationRecord & { user_count: number })[];
  errors?: FieldErrors;
  values?: Values;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const p = partnersTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={p.listTitle}>
      <h1>{p.listTitle}</h1>
      <p>{p.listIntro}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={t} errors={errors} />
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{p.name}</th>
            <th scope="col">{p.kind}</th>
            <th scope="col">{p.users}</th>
            <th scope="col">{p.status}</th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr key={o.id}>
              <td>
                <a href={`/admin/organisations/${o.id}`}>{o.name}</a>
              </td>
              <td>{p.kinds[o.kind]}</td>
              <td>{p.userCount(Number(o.user_count))}</td>
              <td>{o.active ? p.active : p.inactive}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{p.add}</h2>
      <form method="post" action="/admin/organisations" novalidate>
        <CsrfField token={ctx.csrf} />
        <OrganisationFields ctx={ctx} values={values} errors={errors} />
        <button type="submit" class="button">
          {p.add}
        </button>
      </form>
    </Layout>
  );
}

function OrganisationFields({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: Values;
  errors: FieldErrors;
}) {
  const p = partnersTexts(ctx.lang);
  return (
    <>
      <TextField name="name" label={p.name} value={values.name} error={errors.name} maxLength={200} />
      <SelectField
        name="kind"
        label={p.kind}
        value={values.kind}
        error={errors.kind}
        options={partnerKindsForAdministration.map((k) => [k, p.kinds[k]] as const)}
      />
      <TextField
        name="externalId"
        label={p.externalId}
        hint={p.externalIdHint}
        value={values.externalId}
        error={errors.externalId}
        width="medium"
        maxLength={100}
      />
    </>
  );
}

export function OrganisationPage({
  ctx,
  organisation,
  users,
  canEditOrganisation,
  errors = {},
  values,
  notice,
}: {
  ctx: PageContext;
  organisation: OrganisationRecord;
  users: OrganisationUser[];
  canEditOrganisation: boolean;
  errors?: FieldErrors;
  values?: Values | undefined;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const p = partnersTexts(ctx.lang);
  const a = adminTexts(ctx.lang);
  const now = new Date();
  const organisationValues: Values = values ?? {
    name: organisation.name,
    kind: organisation.kind,
    externalId: organisation.external_id ?? '',
  };
  const userValues = values ?? {};
  return (
    <Layout ctx={ctx} title={organisation.name}>
      <h1>{organisation.name}</h1>
      <p class="lead">
        {p.kinds[organisation.kind]}
        {organisation.active ? '' : ` – ${p.inactive}`}
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={t} errors={errors} />
      <h2>{p.usersOf}</h2>
      {users.length === 0 ? (
        <p>{p.noUsers}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{a.displayName}</th>
                <th scope="col">{a.username}</th>
                <th scope="col">{a.secondFactor}</th>
                <th scope="col">{a.status}</th>
                <th scope="col">{p.actions}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.display_name}
                    {u.administers_organisation ? <span class="tag">{p.administrator}</span> : null}
                  </td>
                  <td>{u.username}</td>
                  <td>{u.has_second_factor ? a.enrolled : a.notEnrolled}</td>
                  <td>{a[accountState(u, now)]}</td>
                  <td>
                    <UserActions ctx={ctx} organisationId={organisation.id} user={u} errors={errors} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section class="panel" aria-labelledby="add-user">
        <h2 id="add-user">{p.addUser}</h2>
        <form method="post" action={`/admin/organisations/${organisation.id}/users`} novalidate>
          <CsrfField token={ctx.csrf} />
          <TextField
            name="username"
            label={a.username}
            hint={a.usernameHint}
            value={userValues.username}
            error={errors.username}
            maxLength={64}
            autocomplete="off"
          />
          <TextField
            name="displayName"
            label={a.displayName}
            value={userValues.displayName}
            error={errors.displayName}
            maxLength={100}
            autocomplete="off"
          />
          <TextField
            name="email"
            type="email"
            label={a.email}
            value={userValues.email}
            error={errors.email}
            maxLength={200}
            autocomplete="off"
          />
          <TextField
            name="staffId"
            label={a.staffId}
            value={userValues.staffId}
            error={errors.staffId}
            maxLength={200}
          />
          <TextField
            name="externalSubject"
            label={a.externalSubject}
            value={userValues.externalSubject}
            error={errors.externalSubject}
            maxLength={200}
          />
          <Checkbox
            name="administersOrganisation"
            label={`${p.administrator}: ${p.administratorHint}`}
            checked={userValues.administersOrganisation === 'on'}
          />
          <TextField
            name="temporaryPassword"
            type="password"
            label={a.temporaryPassword}
            hint={a.temporaryPasswordHint}
            error={errors.temporaryPassword}
            autocomplete="new-password"
          />
          <button type="submit" class="button">
            {p.addUser}
          </button>
        </form>
      </section>
      {canEditOrganisation ? (
        <section class="panel" aria-labelledby="edit-organisation">
          <h2 id="edit-organisation">{p.edit}</h2>
          <form method="post" action={`/admin/organisations/${organisation.id}`} novalidate>
            <CsrfField token={ctx.csrf} />
            <OrganisationFields ctx={ctx} values={organisationValues} errors={errors} />
            <Checkbox
              name="active"
              label={p.active}
              checked={values ? values.active === 'on' : organisation.active}
            />
            <p class="hint">{p.deactivateHint}</p>
            <button type="submit" class="button">
              {t.save}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

function UserActions({
  ctx,
  organisationId,
  user,
  errors,
}: {
  ctx: PageContext;
  organisationId: string;
  user: OrganisationUser;
  errors: FieldErrors;
}) {
  const p = partnersTexts(ctx.lang);
  const action = `/admin/organisations/${organisationId}/users/${user.id}`;
  const button = (value: string, label: string) => (
    <button
      type="submit"
      name="action"
      value={value}
      class="button button--secondary button--small"
      aria-label={`${label}: ${user.display_name}`}
    >
      {label}
    </button>
  );
  const passwordField = `temporaryPassword-${user.id}`;
  return (
    <>
      <form method="post" action={action} class="inline-form">
        <CsrfField token={ctx.csrf} />
        {button(user.active ? 'deactivate' : 'activate', user.active ? p.deactivate : p.activate)}
        {button(
          user.administers_organisation ? 'revokeAdmin' : 'grantAdmin',
          user.administers_organisation ? p.revokeAdmin : p.grantAdmin,
        )}
        {user.has_second_factor ? button('resetSecondFactor', p.resetSecondFactor) : null}
        {user.locked_until ? button('unlock', p.unlock) : null}
      </form>
      <form method="post" action={action} class="inline-form" novalidate>
        <CsrfField token={ctx.csrf} />
        <TextField
          name="temporaryPassword"
          id={passwordField}
          type="password"
          label={`${adminTexts(ctx.lang).temporaryPassword} (${user.display_name})`}
          error={errors[passwordField]}
          autocomplete="new-password"
          width="medium"
        />
        {button('resetPassword', p.resetPassword)}
      </form>
    </>
  );
}
