import { partnersTexts } from '../partners/i18n/index.ts';
import { roles, unitKinds } from '../platform/db/schema.ts';
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
import type { UserFormInput } from './domain.ts';
import { accountState } from './domain.ts';
import { adminTexts } from './i18n/index.ts';
import type { AdminUser, OrganisationOption } from './queries.ts';

type Unit = { id: string; name: string; kind: string; active: boolean };

export function UnitsPage({
  ctx,
  units,
  errors = {},
  values = {},
  notice,
}: {
  ctx: PageContext;
  units: Unit[];
  errors?: FieldErrors;
  values?: { name?: string | undefined; kind?: string | undefined };
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const a = adminTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={a.unitsTitle}>
      <h1>{a.unitsTitle}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={t} errors={errors} />
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{a.unitName}</th>
            <th scope="col">{a.unitKind}</th>
            <th scope="col">{a.status}</th>
            <th scope="col">
              <span class="visually-hidden">{a.rename}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.id}>
              <td>{unit.name}</td>
              <td>{a.unitKinds[unit.kind as keyof typeof a.unitKinds]}</td>
              <td>{unit.active ? a.active : a.inactive}</td>
              <td>
                <form method="post" action={`/admin/units/${unit.id}`} class="inline-form">
                  <CsrfField token={ctx.csrf} />
                  <label class="visually-hidden" for={`name-${unit.id}`}>
                    {`${a.unitName}: ${unit.name}`}
                  </label>
                  <input
                    id={`name-${unit.id}`}
                    name="name"
                    class="input input--medium"
                    value={unit.name}
                    maxLength={200}
                  />
                  <button
                    type="submit"
                    name="action"
                    value="rename"
                    class="button button--secondary button--small"
                  >
                    {a.rename}
                  </button>
                  <button
                    type="submit"
                    name="action"
                    value={unit.active ? 'deactivate' : 'activate'}
                    class="button button--secondary button--small"
                  >
                    {unit.active ? a.deactivate : a.activate}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{a.addUnit}</h2>
      <form method="post" action="/admin/units" novalidate>
        <CsrfField token={ctx.csrf} />
        <TextField name="name" label={a.unitName} value={values.name} error={errors.name} maxLength={200} />
        <SelectField
          name="kind"
          label={a.unitKind}
          value={values.kind}
          error={errors.kind}
          options={unitKinds.map((k) => [k, a.unitKinds[k]] as const)}
        />
        <button type="submit" class="button">
          {a.addUnit}
        </button>
      </form>
    </Layout>
  );
}

export function UsersPage({
  ctx,
  users,
  notice,
}: {
  ctx: PageContext;
  users: AdminUser[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const a = adminTexts(ctx.lang);
  const now = new Date();
  return (
    <Layout ctx={ctx} title={a.usersTitle}>
      <h1>{a.usersTitle}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <p>
        <a class="button" href="/admin/users/new">
          {a.newUser}
        </a>
      </p>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{a.displayName}</th>
            <th scope="col">{a.username}</th>
            <th scope="col">{a.role}</th>
            <th scope="col">{a.unit}</th>
            <th scope="col">{a.secondFactor}</th>
            <th scope="col">{a.status}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <a href={`/admin/users/${u.id}`}>{u.display_name}</a>
              </td>
              <td>{u.username}</td>
              <td>
                {t.roles[u.role]}
                {u.partner_kind ? ` (${a.partnerKinds[u.partner_kind]})` : ''}
              </td>
              <td>{u.unit_name ?? '–'}</td>
              <td>{u.totp_secret_enc ? a.enrolled : a.notEnrolled}</td>
              <td>{a[accountState(u, now)]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export function UserFormPage({
  ctx,
  user,
  lists,
  values,
  errors = {},
  notice,
}: {
  ctx: PageContext;
  user: AdminUser | null;
  lists: { units: Unit[]; organisations: OrganisationOption[] };
  values: UserFormInput;
  errors?: FieldErrors;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const a = adminTexts(ctx.lang);
  const title = user ? a.editUser(user.display_name) : a.newUser;
  const action = user ? `/admin/users/${user.id}` : '/admin/users';
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrf} />
        {user ? (
          <p>
            {a.username}: <strong>{user.username}</strong>
          </p>
        ) : (
          <TextField
            name="username"
            label={a.username}
            hint={a.usernameHint}
            value={values.username}
            error={errors.username}
            maxLength={64}
            autocomplete="off"
          />
        )}
        <TextField
          name="displayName"
          label={a.displayName}
          value={values.displayName}
          error={errors.displayName}
          maxLength={100}
          autocomplete="off"
        />
        <TextField
          name="email"
          type="email"
          label={a.email}
          value={values.email}
          error={errors.email}
          maxLength={200}
          autocomplete="off"
        />
        <SelectField
          name="role"
          label={a.role}
          value={values.role}
          error={errors.role}
          options={roles.map((r) => [r, t.roles[r]] as const)}
        />
        <SelectField
          name="unitId"
          label={a.unit}
          value={values.unitId}
          error={errors.unitId}
          options={[
            ['', a.noUnit] as const,
            ...lists.units.filter((u) => u.active).map((u) => [u.id, u.name] as const),
          ]}
        />
        <SelectField
          name="partnerOrganisationId"
          label={a.partnerKind}
          hint={a.partnerOrganisationHint}
          value={values.partnerOrganisationId}
          error={errors.partnerOrganisationId}
          options={[
            ['', '–'] as const,
            ...lists.organisations
              .filter((o) => o.active || o.id === values.partnerOrganisationId)
              .map((o) => [o.id, `${o.name} (${partnersTexts(ctx.lang).kinds[o.kind]})`] as const),
          ]}
        />
        <Checkbox
          name="administersOrganisation"
          label={a.administersOrganisation}
          checked={values.administersOrganisation === 'on'}
        />
        <TextField
          name="organisationName"
          label={a.organisation}
          hint={a.organisationHint}
          value={values.organisationName}
          error={errors.organisationName}
          maxLength={200}
        />
        <TextField
          name="staffId"
          label={a.staffId}
          value={values.staffId}
          error={errors.staffId}
          maxLength={200}
        />
        <TextField
          name="externalSubject"
          label={a.externalSubject}
          value={values.externalSubject}
          error={errors.externalSubject}
          maxLength={200}
        />
        {user ? null : (
          <TextField
            name="temporaryPassword"
            type="password"
            label={a.temporaryPassword}
            hint={a.temporaryPasswordHint}
            error={errors.temporaryPassword}
            autocomplete="new-password"
          />
        )}
        <button type="submit" class="button">
          {t.save}
        </button>
      </form>
      {user ? <UserActions ctx={ctx} user={user} errors={errors} /> : null}
    </Layout>
  );
}

function UserActions({ ctx, user, errors }: { ctx: PageContext; user: AdminUser; errors: FieldErrors }) {
  const a = adminTexts(ctx.lang);
  const action = (name: string, label: string) => (
    <form method="post" action={`/admin/users/${user.id}/${name}`} class="inline-form">
      <CsrfField token={ctx.csrf} />
      <button type="submit" class="button button--secondary">
        {label}
      </button>
    </form>
  );
  return (
    <section class="panel" aria-labelledby="account-actions">
      <h2 id="account-actions">{a.status}</h2>
      <div class="button-row">
        {action(user.active ? 'deactivate' : 'activate', user.active ? a.deactivate : a.activate)}
        {user.totp_secret_enc ? action('reset-second-factor', a.resetSecondFactor) : null}
        {user.locked_until ? action('unlock', a.unlock) : null}
      </div>
      <form method="post" action={`/admin/users/${user.id}/reset-password`} novalidate>
        <CsrfField token={ctx.csrf} />
        <TextField
          name="temporaryPassword"
          type="password"
          label={a.temporaryPassword}
          hint={a.temporaryPasswordHint}
          error={errors.temporaryPassword}
          autocomplete="new-password"
        />
        <button type="submit" class="button button--secondary">
          {a.resetPassword}
        </button>
      </form>
    </section>
  );
}
