import { permittedActions } from '../platform/access/policy.ts';
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
import { countryName, countryOptions } from './countries.ts';
import { ageOn, type NewPersonInput } from './domain.ts';
import { type PeopleTexts, peopleTexts } from './i18n/index.ts';
import { formatPersonalNumber } from './personal-number.ts';
import type { PersonSummary, Relative } from './queries.ts';
import type { ProfessionalEntry, TimelineEntry } from './sections.ts';
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

/** The country select: "not known" first, then every country by name in the user's language. */
function CountryOfBirthField({
  ctx,
  value,
  error,
}: {
  ctx: PageContext;
  value?: string | null | undefined;
  error?: string | undefined;
}) {
  const tx = peopleTexts(ctx.lang);
  return (
    <SelectField
      name="countryOfBirth"
      label={tx.countryOfBirth}
      hint={tx.countryOfBirthHint}
      value={value ?? ''}
      error={error}
      options={[['', tx.countryOfBirthNotKnown] as const, ...countryOptions(ctx.lang)]}
    />
  );
}

function ProtectedTag({ tx, person }: { tx: PeopleTexts; person: PersonSummary }) {
  if (person.protected_identity === 'none') return null;
  return <span class="tag tag--warning">{tx.protectedIdentityLevels[person.protected_identity]}</span>;
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
  const tx = peopleTexts(ctx.lang);
  const today = todayInSweden();
  return (
    <Layout ctx={ctx} title={tx.title}>
      <h1>{tx.title}</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for some screen readers. */}
      <form method="get" action="/people" role="search" class="search-form">
        <TextField
          name="q"
          type="search"
          label={tx.query}
          hint={tx.queryHint}
          value={q}
          error={tooShort ? tx.tooShort : undefined}
          maxLength={100}
        />
        <button type="submit" class="button">
          {t.search}
        </button>
      </form>
      {/* Only what the user can do: a manager searches but does not register people. */}
      {ctx.actor && permittedActions(ctx.actor.role).includes('person.create') ? (
        <p>
          <a href="/people/new">{tx.newTitle}</a>
        </p>
      ) : null}
      {results ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{tx.results(results.length, more)}</h2>
          {more ? <p class="hint">{tx.moreResults(results.length)}</p> : null}
          {results.length === 0 ? (
            <p>{tx.noResults}</p>
          ) : (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{tx.name}</th>
                  <th scope="col">{tx.personalNumber}</th>
                  <th scope="col">{tx.age}</th>
                </tr>
              </thead>
              <tbody>
                {results.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <a href={`/people/${p.id}`}>
                        {p.family_name}, {p.given_name}
                      </a>{' '}
                      <ProtectedTag tx={tx} person={p} />
                    </td>
                    <td>
                      <Identity t={t} person={p} />
                    </td>
                    <td>{p.birth_date ? tx.years(ageOn(p.birth_date, today)) : t.notGiven}</td>
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
  countryError,
  canUpdate,
  canReviewLog,
}: {
  ctx: PageContext;
  view: PersonView;
  notice?: string | undefined;
  revealError?: string | undefined;
  relationError?: string | undefined;
  countryError?: string | undefined;
  canUpdate: boolean;
  canReviewLog: boolean;
}) {
  const { t } = ctx;
  const tx = peopleTexts(ctx.lang);
  const p = view.person;
  const name = `${p.given_name} ${p.family_name}`;
  const today = todayInSweden();
  const isProtected = p.protected_identity !== 'none';
  return (
    <Layout ctx={ctx} title={name}>
      <h1>
        {name} <ProtectedTag tx={tx} person={p} />
      </h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary
        t={t}
        errors={{
          ...(revealError ? { reason: revealError } : {}),
          ...(relationError ? { guardianNumber: relationError } : {}),
          ...(countryError ? { countryOfBirth: countryError } : {}),
        }}
      />
      <h2>{tx.details}</h2>
      <dl class="summary-list">
        <dt>{tx.personalNumber}</dt>
        <dd>{p.personal_number ? formatPersonalNumber(p.personal_number) : t.notGiven}</dd>
        <dt>{tx.birthDate}</dt>
        <dd>{p.birth_date ? `${p.birth_date} (${tx.years(ageOn(p.birth_date, today))})` : t.notGiven}</dd>
        <dt>{tx.protectedIdentity}</dt>
        <dd>{tx.protectedIdentityLevels[p.protected_identity]}</dd>
        <dt>{tx.countryOfBirth}</dt>
        <dd>{p.country_of_birth ? countryName(p.country_of_birth, ctx.lang) : tx.countryOfBirthNotKnown}</dd>
        <dt>{tx.address}</dt>
        <dd>
          {view.revealed
            ? [p.street_address, [p.postal_code, p.city].filter(Boolean).join(' ')]
                .filter(Boolean)
                .join(', ') || t.notGiven
            : tx.addressHidden}
        </dd>
        <dt>{tx.assignedWorkers}</dt>
        <dd>{view.workers.length ? view.workers.map((w) => w.display_name).join(', ') : t.none}</dd>
      </dl>
      {isProtected && !view.revealed ? (
        <section class="panel" aria-labelledby="reveal-heading">
          <h2 id="reveal-heading">{tx.revealTitle}</h2>
          <form method="post" action={`/people/${p.id}/protected-details`} novalidate>
            <CsrfField token={ctx.csrf} />
            <TextArea
              name="reason"
              label={tx.revealReason}
              hint={tx.revealReasonHint}
              error={revealError}
              maxLength={500}
              rows={3}
            />
            <button type="submit" class="button button--warning">
              {tx.reveal}
            </button>
          </form>
        </section>
      ) : null}
      <RelativesSection
        t={t}
        tx={tx}
        title={tx.guardians}
        empty={tx.noGuardians}
        relatives={view.guardians}
      />
      <RelativesSection t={t} tx={tx} title={tx.children} empty={tx.noChildren} relatives={view.children} />
      {canUpdate ? (
        <section class="panel" aria-labelledby="country-heading">
          <h2 id="country-heading">{tx.countryOfBirth}</h2>
          <form method="post" action={`/people/${p.id}/country-of-birth`} novalidate>
            <CsrfField token={ctx.csrf} />
            <CountryOfBirthField ctx={ctx} value={p.country_of_birth} error={countryError} />
            <button type="submit" class="button button--secondary">
              {tx.saveCountryOfBirth}
            </button>
          </form>
        </section>
      ) : null}
      {canUpdate ? (
        <section class="panel" aria-labelledby="relation-heading">
          <h2 id="relation-heading">{tx.addRelation}</h2>
          <form method="post" action={`/people/${p.id}/guardians`} novalidate>
            <CsrfField token={ctx.csrf} />
            <TextField
              name="guardianNumber"
              label={tx.guardianNumber}
              hint={tx.personalNumberHint}
              error={relationError}
              width="medium"
              maxLength={20}
            />
            <SelectField
              name="kind"
              label={tx.relationKind}
              options={[
                ['guardian', tx.relation.guardian],
                ['appointedGuardian', tx.relation.appointedGuardian],
              ]}
            />
            <button type="submit" class="button button--secondary">
              {tx.addRelation}
            </button>
          </form>
        </section>
      ) : null}
      {view.sections.map((section) => section.render(ctx))}
      <Timeline tx={tx} entries={view.timeline(ctx)} />
      <Professionals tx={tx} entries={view.professionals(ctx)} />
      {canReviewLog ? (
        <p>
          <a href={`/log-review?person=${p.id}`}>{tx.viewLog}</a>
        </p>
      ) : null}
    </Layout>
  );
}

function Timeline({ tx, entries }: { tx: PeopleTexts; entries: TimelineEntry[] }) {
  return (
    <section>
      <h2 id="timeline-heading">{tx.timelineTitle}</h2>
      <p class="hint">{tx.timelineIntro}</p>
      {entries.length === 0 ? (
        <p>{tx.timelineEmpty}</p>
      ) : (
        <section class="table-wrap" aria-labelledby="timeline-heading" tabindex={0}>
          <table class="table timeline">
            <thead>
              <tr>
                <th scope="col">{tx.timelineDate}</th>
                <th scope="col">{tx.timelineKind}</th>
                <th scope="col">{tx.timelineText}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={`${e.date}|${e.kind}|${e.text}|${e.href ?? ''}`}>
                  <td class="nowrap">{e.date}</td>
                  <td>{e.kind}</td>
                  <td>{e.href ? <a href={e.href}>{e.text}</a> : e.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

function Professionals({ tx, entries }: { tx: PeopleTexts; entries: ProfessionalEntry[] }) {
  return (
    <section>
      <h2 id="professionals-heading">{tx.professionalsTitle}</h2>
      <p class="hint">{tx.professionalsIntro}</p>
      {entries.length === 0 ? (
        <p>{tx.professionalsEmpty}</p>
      ) : (
        <section class="table-wrap" aria-labelledby="professionals-heading" tabindex={0}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{tx.professionalName}</th>
                <th scope="col">{tx.professionalOrganisation}</th>
                <th scope="col">{tx.professionalRole}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((p) => (
                <tr key={`${p.name}|${p.organisation}|${p.role}`}>
                  <td>{p.name}</td>
                  <td>{p.organisation ?? ''}</td>
                  <td>{p.href ? <a href={p.href}>{p.role}</a> : p.role}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

function RelativesSection({
  t,
  tx,
  title,
  empty,
  relatives,
}: {
  t: Messages;
  tx: PeopleTexts;
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
              (<Identity t={t} person={r} />, {tx.relation[r.kind]}) <ProtectedTag tx={tx} person={r} />
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
  const tx = peopleTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={tx.newTitle}>
      <h1>{tx.newTitle}</h1>
      <ErrorSummary t={t} errors={errors} />
      {duplicateId ? (
        <p>
          <a href={`/people/${duplicateId}`}>{tx.openExisting}</a>
        </p>
      ) : null}
      <form method="post" action="/people" novalidate>
        <CsrfField token={ctx.csrf} />
        <TextField
          name="givenName"
          label={tx.givenName}
          value={values.givenName}
          error={errors.givenName}
          autocomplete="off"
          maxLength={100}
        />
        <TextField
          name="familyName"
          label={tx.familyName}
          value={values.familyName}
          error={errors.familyName}
          autocomplete="off"
          maxLength={100}
        />
        <TextField
          name="personalNumber"
          label={tx.personalNumber}
          hint={tx.personalNumberHint}
          value={values.personalNumber}
          error={errors.personalNumber}
          width="medium"
          maxLength={20}
          autocomplete="off"
        />
        <Checkbox
          name="noPersonalNumber"
          label={tx.noPersonalNumber}
          checked={values.noPersonalNumber === 'on'}
        />
        <TextField
          name="birthDate"
          label={tx.birthDate}
          hint={tx.birthDateHint}
          value={values.birthDate}
          error={errors.birthDate}
          width="medium"
          maxLength={10}
        />
        <TextField
          name="streetAddress"
          label={tx.streetAddress}
          value={values.streetAddress}
          error={errors.streetAddress}
          maxLength={200}
          autocomplete="off"
        />
        <TextField
          name="postalCode"
          label={tx.postalCode}
          value={values.postalCode}
          error={errors.postalCode}
          width="short"
          maxLength={10}
          autocomplete="off"
        />
        <TextField
          name="city"
          label={tx.city}
          value={values.city}
          error={errors.city}
          width="medium"
          maxLength={100}
          autocomplete="off"
        />
        <CountryOfBirthField ctx={ctx} value={values.countryOfBirth} error={errors.countryOfBirth} />
        <SelectField
          name="protectedIdentity"
          label={tx.protectedIdentity}
          value={values.protectedIdentity ?? 'none'}
          error={errors.protectedIdentity}
          options={protectedIdentityLevels.map(
            (level) => [level, tx.protectedIdentityLevels[level]] as const,
          )}
        />
        <button type="submit" class="button">
          {tx.create}
        </button>
      </form>
    </Layout>
  );
}
