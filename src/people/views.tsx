import { todayInSweden } from '../platform/dates.ts';
import { protectedIdentityLevels } from '../platform/db/schema.ts';
import type { Messages } from '../platform/i18n/messages.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { SipStartPanel } from '../sip/views.tsx';
import { ageOn, type NewPersonInput } from './domain.ts';
import { formatPersonalNumber } from './personal-number.ts';
import type { PersonSummary, Relative } from './queries.ts';
import type { PersonView } from './service.ts';

function Identity({ t, person }: { t: Messages; person: PersonSummary }) {
  return (
    <>
      {person.personal_number
        ? formatPersonalNumber(person.personal_number)
        : (person.birth_date ?? t.notGiven)}
    </>
  );
}

function ProtectedTag({ t, person }: { t: Messages; person: PersonSummary }) {
  if (person.protected_identity === 'none') return null;
  return <span class="tag tag--warning">{t.protectedIdentity[person.protected_identity]}</span>;
}

export function SearchPage({
  ctx,
  q,
  results,
  more,
  tooShort,
}: {
  ctx: PageContext;
  q: string;
  results: PersonSummary[] | null;
  /** More people match than are shown. */
  more: boolean;
  tooShort: boolean;
}) {
  const { t } = ctx;
  const today = todayInSweden();
  return (
    <Layout ctx={ctx} title={t.people.title}>
      <h1>{t.people.title}</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for some screen readers. */}
      <form method="get" action="/people" role="search" class="search-form">
        <TextField
          name="q"
          type="search"
          label={t.people.query}
          hint={t.people.queryHint}
          value={q}
          error={tooShort ? t.people.tooShort : undefined}
          maxLength={100}
        />
        <button type="submit" class="button">
          {t.search}
        </button>
      </form>
      <p>
        <a href="/people/new">{t.people.newTitle}</a>
      </p>
      {results ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t.people.results(results.length, more)}</h2>
          {more ? <p class="hint">{t.people.moreResults(results.length)}</p> : null}
          {results.length === 0 ? (
            <p>{t.people.noResults}</p>
          ) : (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t.people.name}</th>
                  <th scope="col">{t.people.personalNumber}</th>
                  <th scope="col">{t.people.age}</th>
                </tr>
              </thead>
              <tbody>
                {results.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <a href={`/people/${p.id}`}>
                        {p.family_name}, {p.given_name}
                      </a>{' '}
                      <ProtectedTag t={t} person={p} />
                    </td>
                    <td>
                      <Identity t={t} person={p} />
                    </td>
                    <td>{p.birth_date ? t.people.years(ageOn(p.birth_date, today)) : t.notGiven}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </Layout>
  );
}

export function PersonPage({
  ctx,
  view,
  notice,
  revealError,
  relationError,
  canUpdate,
  canReviewLog,
  canStartSip = false,
}: {
  ctx: PageContext;
  view: PersonView;
  notice?: string | undefined;
  revealError?: string | undefined;
  relationError?: string | undefined;
  canUpdate: boolean;
  canReviewLog: boolean;
  /** Social services may start a coordinated individual plan (SIP) for the child from here. */
  canStartSip?: boolean;
}) {
  const { t } = ctx;
  const p = view.person;
  const name = `${p.given_name} ${p.family_name}`;
  const today = todayInSweden();
  const isProtected = p.protected_identity !== 'none';
  return (
    <Layout ctx={ctx} title={name}>
      <h1>
        {name} <ProtectedTag t={t} person={p} />
      </h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary
        t={t}
        errors={{
          ...(revealError ? { reason: revealError } : {}),
          ...(relationError ? { guardianNumber: relationError } : {}),
        }}
      />
      <h2>{t.people.details}</h2>
      <dl class="summary-list">
        <dt>{t.people.personalNumber}</dt>
        <dd>{p.personal_number ? formatPersonalNumber(p.personal_number) : t.notGiven}</dd>
        <dt>{t.people.birthDate}</dt>
        <dd>
          {p.birth_date ? `${p.birth_date} (${t.people.years(ageOn(p.birth_date, today))})` : t.notGiven}
        </dd>
        <dt>{t.people.protectedIdentity}</dt>
        <dd>{t.protectedIdentity[p.protected_identity]}</dd>
        <dt>{t.people.address}</dt>
        <dd>
          {view.revealed
            ? [p.street_address, [p.postal_code, p.city].filter(Boolean).join(' ')]
                .filter(Boolean)
                .join(', ') || t.notGiven
            : t.people.addressHidden}
        </dd>
        <dt>{t.people.assignedWorkers}</dt>
        <dd>{view.workers.length ? view.workers.map((w) => w.display_name).join(', ') : t.none}</dd>
      </dl>
      {isProtected && !view.revealed ? (
        <section class="panel" aria-labelledby="reveal-heading">
          <h2 id="reveal-heading">{t.people.revealTitle}</h2>
          <form method="post" action={`/people/${p.id}/protected-details`} novalidate>
            <CsrfField token={ctx.csrf} />
            <TextArea
              name="reason"
              label={t.people.revealReason}
              hint={t.people.revealReasonHint}
              error={revealError}
              maxLength={500}
              rows={3}
            />
            <button type="submit" class="button button--warning">
              {t.people.reveal}
            </button>
          </form>
        </section>
      ) : null}
      <RelativesSection
        t={t}
        title={t.people.guardians}
        empty={t.people.noGuardians}
        relatives={view.guardians}
      />
      <RelativesSection
        t={t}
        title={t.people.children}
        empty={t.people.noChildren}
        relatives={view.children}
      />
      {canUpdate ? (
        <section class="panel" aria-labelledby="relation-heading">
          <h2 id="relation-heading">{t.people.addRelation}</h2>
          <form method="post" action={`/people/${p.id}/guardians`} novalidate>
            <CsrfField token={ctx.csrf} />
            <TextField
              name="guardianNumber"
              label={t.people.guardianNumber}
              hint={t.people.personalNumberHint}
              error={relationError}
              width="medium"
              maxLength={20}
            />
            <SelectField
              name="kind"
              label={t.people.relationKind}
              options={[
                ['guardian', t.people.relation.guardian],
                ['appointedGuardian', t.people.relation.appointedGuardian],
              ]}
            />
            <button type="submit" class="button button--secondary">
              {t.people.addRelation}
            </button>
          </form>
        </section>
      ) : null}
      {canStartSip ? <SipStartPanel ctx={ctx} childId={p.id} /> : null}
      {canReviewLog ? (
        <p>
          <a href={`/log-review?person=${p.id}`}>{t.people.viewLog}</a>
        </p>
      ) : null}
    </Layout>
  );
}

function RelativesSection({
  t,
  title,
  empty,
  relatives,
}: {
  t: Messages;
  title: string;
  empty: string;
  relatives: Relative[];
}) {
  return (
    <section>
      <h2>{title}</h2>
      {relatives.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul class="plain-list">
          {relatives.map((r) => (
            <li key={r.id}>
              <a href={`/people/${r.id}`}>
                {r.given_name} {r.family_name}
              </a>{' '}
              (<Identity t={t} person={r} />, {t.people.relation[r.kind]}) <ProtectedTag t={t} person={r} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function NewPersonPage({
  ctx,
  values = {},
  errors = {},
  duplicateId,
}: {
  ctx: PageContext;
  values?: NewPersonInput;
  errors?: FieldErrors;
  duplicateId?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.people.newTitle}>
      <h1>{t.people.newTitle}</h1>
      <ErrorSummary t={t} errors={errors} />
      {duplicateId ? (
        <p>
          <a href={`/people/${duplicateId}`}>{t.people.openExisting}</a>
        </p>
      ) : null}
      <form method="post" action="/people" novalidate>
        <CsrfField token={ctx.csrf} />
        <TextField
          name="givenName"
          label={t.people.givenName}
          value={values.givenName}
          error={errors.givenName}
          autocomplete="off"
          maxLength={100}
        />
        <TextField
          name="familyName"
          label={t.people.familyName}
          value={values.familyName}
          error={errors.familyName}
          autocomplete="off"
          maxLength={100}
        />
        <TextField
          name="personalNumber"
          label={t.people.personalNumber}
          hint={t.people.personalNumberHint}
          value={values.personalNumber}
          error={errors.personalNumber}
          width="medium"
          maxLength={20}
          autocomplete="off"
        />
        <Checkbox
          name="noPersonalNumber"
          label={t.people.noPersonalNumber}
          checked={values.noPersonalNumber === 'on'}
        />
        <TextField
          name="birthDate"
          label={t.people.birthDate}
          hint={t.people.birthDateHint}
          value={values.birthDate}
          error={errors.birthDate}
          width="medium"
          maxLength={10}
        />
        <TextField
          name="streetAddress"
          label={t.people.streetAddress}
          value={values.streetAddress}
          error={errors.streetAddress}
          maxLength={200}
          autocomplete="off"
        />
        <TextField
          name="postalCode"
          label={t.people.postalCode}
          value={values.postalCode}
          error={errors.postalCode}
          width="short"
          maxLength={10}
          autocomplete="off"
        />
        <TextField
          name="city"
          label={t.people.city}
          value={values.city}
          error={errors.city}
          width="medium"
          maxLength={100}
          autocomplete="off"
        />
        <SelectField
          name="protectedIdentity"
          label={t.people.protectedIdentity}
          value={values.protectedIdentity ?? 'none'}
          error={errors.protectedIdentity}
          options={protectedIdentityLevels.map((level) => [level, t.protectedIdentity[level]] as const)}
        />
        <button type="submit" class="button">
          {t.people.create}
        </button>
      </form>
    </Layout>
  );
}
