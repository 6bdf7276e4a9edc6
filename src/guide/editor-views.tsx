import { formatDateTime } from '../platform/dates.ts';
import {
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
import type { RevisionInput } from './domain.ts';
import { guideEditorTexts } from './i18n/editor/index.ts';
import { guideMessages } from './i18n/index.ts';
import { guideLanguageInfo, offeredLanguageInfo } from './languages.ts';
import type { ChangeRow, FullRevision, GuideSettings, RevisionSummary } from './queries.ts';
import {
  type GuideLanguage,
  guideAccessRoutes,
  guideLanguages,
  guideLevels,
  guideOrganisationKinds,
  guideSituations,
  offeredLanguages,
} from './schema.ts';

/** The editors' pages: staff UI (Swedish or English), showing texts in every guide language. */

function LanguageName({ lang }: { lang: GuideLanguage }) {
  const info = guideLanguageInfo[lang];
  return (
    <span lang={info.htmlLang} dir={info.dir}>
      {info.autonym}
    </span>
  );
}

export interface EditorEntryRow {
  entryId: string;
  title: string;
  perLang: Partial<Record<GuideLanguage, { published?: RevisionSummary; open?: RevisionSummary }>>;
}

export function editorRows(revisions: RevisionSummary[]): EditorEntryRow[] {
  const rows = new Map<string, EditorEntryRow>();
  for (const r of revisions) {
    const row = rows.get(r.entry_id) ?? { entryId: r.entry_id, title: '', perLang: {} };
    const slot = row.perLang[r.lang] ?? {};
    row.perLang[r.lang] = slot;
    if (r.state === 'published') slot.published = r;
    else slot.open = r;
    if (r.lang === 'sv' && (!row.title || r.state !== 'published')) row.title = r.title;
    rows.set(r.entry_id, row);
  }
  const collator = new Intl.Collator('sv');
  return [...rows.values()].sort((a, b) => collator.compare(a.title, b.title));
}

export function EditorListPage({
  ctx,
  revisions,
  settingsChanges,
  municipalityCode,
}: {
  ctx: PageContext;
  revisions: RevisionSummary[];
  settingsChanges: ChangeRow[];
  municipalityCode: string;
}) {
  const g = guideEditorTexts(ctx.lang);
  const rows = editorRows(revisions);
  const waiting = revisions.filter((r) => r.state === 'draft' || r.state === 'reviewed');
  const titleOf = (entryId: string) => rows.find((r) => r.entryId === entryId)?.title ?? '';
  return (
    <Layout ctx={ctx} title={g.title}>
      <h1>{g.title}</h1>
      <p class="lead">{g.intro}</p>
      <ul class="button-row plain">
        <li>
          <a class="button" href="/guide-editor/entries/new">
            {g.newEntry}
          </a>
        </li>
        <li>
          <a class="button button--secondary" href="/guide-editor/settings">
            {g.settings}
          </a>
        </li>
        <li>
          <a class="button button--secondary" href={`/guide/${ctx.lang}?m=${municipalityCode}`}>
            {g.viewPublic}
          </a>
        </li>
      </ul>
      <h2>{g.waiting}</h2>
      {waiting.length === 0 ? (
        <p>{g.nothingWaiting}</p>
      ) : (
        <ul class="plain-list">
          {waiting.map((r) => (
            <li key={r.id}>
              <a href={`/guide-editor/entries/${r.entry_id}#lang-${r.lang}`}>{titleOf(r.entry_id)}</a> –{' '}
              <LanguageName lang={r.lang} />: {g.states[r.state as 'draft']} (
              {g.editedBy(r.editor_name, formatDateTime(r.edited_at))})
            </li>
          ))}
        </ul>
      )}
      <h2>{g.entry}</h2>
      {rows.length === 0 ? <p>{g.noEntries}</p> : null}
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{g.entry}</th>
              <th scope="col">{g.states.published}</th>
              <th scope="col">{g.open}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const published = guideLanguages.filter((l) => row.perLang[l]?.published);
              const open = guideLanguages.filter((l) => row.perLang[l]?.open);
              return (
                <tr key={row.entryId}>
                  <td>
                    <a href={`/guide-editor/entries/${row.entryId}`}>{row.title}</a>
                  </td>
                  <td>
                    {published.length ? (
                      <ul class="comma-list">
                        {published.map((l) => (
                          <li key={l}>
                            <LanguageName lang={l} />
                          </li>
                        ))}
                      </ul>
                    ) : (
                      g.states.missing
                    )}
                  </td>
                  <td>
                    <ul class="comma-list">
                      {open.map((l) => (
                        <li key={l}>
                          <LanguageName lang={l} /> ({g.states[row.perLang[l]!.open!.state as 'draft']})
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {settingsChanges.length ? (
        <>
          <h2>{g.settings}</h2>
          <History ctx={ctx} changes={settingsChanges} />
        </>
      ) : null}
    </Layout>
  );
}

function History({ ctx, changes }: { ctx: PageContext; changes: ChangeRow[] }) {
  const g = guideEditorTexts(ctx.lang);
  if (changes.length === 0) return <p>{g.noHistory}</p>;
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{g.when}</th>
            <th scope="col">{g.who}</th>
            <th scope="col">{g.language}</th>
            <th scope="col">{g.what}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.id}>
              <td>{formatDateTime(c.occurred_at)}</td>
              <td>{c.actor_name}</td>
              <td>{c.lang ? <LanguageName lang={c.lang} /> : '–'}</td>
              <td>
                {g.actions[c.action]}
                {c.revision_no ? ` (${g.version(c.revision_no).toLowerCase()})` : ''}
                {c.fields.length ? `: ${c.fields.map((f) => g.fields[f] ?? f).join(', ')}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StepButton({
  ctx,
  revisionId,
  step,
  label,
  secondary,
}: {
  ctx: PageContext;
  revisionId: string;
  step: 'review' | 'publish' | 'withdraw';
  label: string;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={`/guide-editor/revisions/${revisionId}/${step}`} class="inline-form">
      <CsrfField token={ctx.csrf} />
      <button
        type="submit"
        class={secondary ? 'button button--secondary button--small' : 'button button--small'}
      >
        {label}
      </button>
    </form>
  );
}

export function EntryEditorPage({
  ctx,
  entryId,
  revisions,
  changes,
  municipalityCode,
  notice,
  error,
}: {
  ctx: PageContext;
  entryId: string;
  revisions: FullRevision[];
  changes: ChangeRow[];
  municipalityCode: string;
  notice?: string | undefined;
  error?: string | undefined;
}) {
  const g = guideEditorTexts(ctx.lang);
  const gm = guideMessages(ctx.lang);
  const sv = revisions.filter((r) => r.lang === 'sv');
  const current = sv.find((r) => r.state === 'draft' || r.state === 'reviewed') ?? sv[0];
  const liveSv = sv.find((r) => r.state === 'published');
  const title = current?.title ?? '';
  return (
    <Layout ctx={ctx} title={g.entryTitle(title)}>
      <p>
        <a href="/guide-editor">{g.title}</a>
      </p>
      <h1>{g.entryTitle(title)}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      {error ? <ErrorSummary t={ctx.t} errors={{ _form: error }} /> : null}
      {liveSv ? (
        <p>
          <a href={`/guide/${ctx.lang}/entry/${entryId}?m=${municipalityCode}`}>{g.viewPublic}</a>
        </p>
      ) : null}
      {current ? (
        <>
          <h2>{g.factsHeading}</h2>
          <dl class="summary-list">
            <dt>{g.fields.level}</dt>
            <dd>{gm.levels[current.level!]}</dd>
            <dt>{g.fields.organisationKind}</dt>
            <dd>{gm.organisations[current.organisation_kind!]}</dd>
            <dt>{g.fields.provider}</dt>
            <dd>{current.provider}</dd>
            <dt>{g.fields.ageFrom}</dt>
            <dd>{gm.entry.ages(current.age_from!, current.age_to!)}</dd>
            <dt>{g.fields.phone}</dt>
            <dd>{current.phone ?? '–'}</dd>
          </dl>
        </>
      ) : null}
      <h2>{g.languages}</h2>
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{g.language}</th>
              <th scope="col">{g.live}</th>
              <th scope="col">{g.open}</th>
              <th scope="col">
                <span class="visually-hidden">{g.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {guideLanguages.map((lang) => {
              const ofLang = revisions.filter((r) => r.lang === lang);
              const live = ofLang.find((r) => r.state === 'published');
              const open = ofLang.find((r) => r.state === 'draft' || r.state === 'reviewed');
              const info = guideLanguageInfo[lang];
              const stale =
                lang !== 'sv' &&
                live &&
                liveSv &&
                live.source_revision_id &&
                live.source_revision_id !== liveSv.id;
              return (
                <tr key={lang} id={`lang-${lang}`}>
                  <th scope="row">
                    <LanguageName lang={lang} />
                  </th>
                  <td>
                    {live ? (
                      <>
                        <span lang={info.htmlLang} dir={info.dir}>
                          {live.title}
                        </span>
                        <br />
                        {g.version(live.revision_no)}
                        {stale ? <p class="field-error">{g.stale}</p> : null}
                        <StepButton
                          ctx={ctx}
                          revisionId={live.id}
                          step="withdraw"
                          label={g.withdraw}
                          secondary
                        />
                      </>
                    ) : (
                      g.states.missing
                    )}
                  </td>
                  <td>
                    {open ? (
                      <>
                        <strong>{g.states[open.state as 'draft']}</strong>: {g.version(open.revision_no)},{' '}
                        {g.editedBy(open.editor_name, formatDateTime(open.edited_at))}
                        {open.reviewer_name ? `, ${g.reviewedBy(open.reviewer_name)}` : ''}
                        <details>
                          <summary>{g.show}</summary>
                          <div lang={info.htmlLang} dir={info.dir}>
                            <p>
                              <strong>{open.title}</strong>
                            </p>
                            <p>{open.summary}</p>
                            {open.for_whom ? <p>{open.for_whom}</p> : null}
                            {open.how_to_get ? <p>{open.how_to_get}</p> : null}
                            {open.hours ? <p>{open.hours}</p> : null}
                          </div>
                        </details>
                        <div class="button-row">
                          {open.state === 'draft' ? (
                            <StepButton ctx={ctx} revisionId={open.id} step="review" label={g.review} />
                          ) : (
                            <StepButton ctx={ctx} revisionId={open.id} step="publish" label={g.publish} />
                          )}
                        </div>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td>
                    <a href={`/guide-editor/entries/${entryId}/${lang}/edit`}>
                      {live || open ? g.edit : g.translate}
                      <span class="visually-hidden">: {info.autonym}</span>
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h2>{g.history}</h2>
      <History ctx={ctx} changes={changes} />
    </Layout>
  );
}

function Checkboxes({
  name,
  legend,
  options,
  checked,
  error,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string; lang?: string; dir?: 'ltr' | 'rtl' }[];
  checked: string[];
  error?: string | undefined;
}) {
  return (
    <fieldset class={error ? 'field field--error' : 'field'} id={name}>
      <legend>{legend}</legend>
      {error ? <p class="field-error">{error}</p> : null}
      <div class="checkbox-grid">
        {options.map((o) => (
          <div class="checkbox" key={o.value}>
            <input
              type="checkbox"
              id={`${name}-${o.value}`}
              name={name}
              value={o.value}
              checked={checked.includes(o.value)}
            />
            <label for={`${name}-${o.value}`} lang={o.lang} dir={o.dir}>
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

const asList = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export function RevisionFormPage({
  ctx,
  entryId,
  lang,
  values,
  errors = {},
  source,
  stale,
}: {
  ctx: PageContext;
  entryId: string | null;
  lang: GuideLanguage;
  values: RevisionInput;
  errors?: FieldErrors;
  /** For translations: the Swedish text being translated. */
  source?: FullRevision | undefined;
  stale?: boolean;
}) {
  const g = guideEditorTexts(ctx.lang);
  const gm = guideMessages(ctx.lang);
  const info = guideLanguageInfo[lang];
  const title = entryId ? g.editTitle(info.autonym) : g.newTitle;
  const textProps = { lang: info.htmlLang, dir: info.dir };
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={entryId ? `/guide-editor/entries/${entryId}` : '/guide-editor'}>
          {entryId ? g.entry : g.title}
        </a>
      </p>
      <h1>
        {entryId ? g.editTitle('') : g.newTitle}
        {entryId ? <LanguageName lang={lang} /> : null}
      </h1>
      <ErrorSummary t={ctx.t} errors={errors} />
      {stale ? <Notice>{g.stale}</Notice> : null}
      {source ? (
        <section class="panel" aria-labelledby="source-heading">
          <h2 id="source-heading">{g.swedishSource}</h2>
          <div lang="sv">
            <p>
              <strong>{source.title}</strong>
            </p>
            <p>{source.summary}</p>
            {source.for_whom ? <p>{source.for_whom}</p> : null}
            {source.how_to_get ? <p>{source.how_to_get}</p> : null}
            {source.hours ? <p>{source.hours}</p> : null}
          </div>
        </section>
      ) : null}
      <form
        method="post"
        action={entryId ? `/guide-editor/entries/${entryId}/${lang}/edit` : '/guide-editor/entries'}
        novalidate
      >
        <CsrfField token={ctx.csrf} />
        <h2>{g.textHeading}</h2>
        <TextField
          name="title"
          label={g.fields.title!}
          value={values.title}
          error={errors.title}
          maxLength={200}
          {...textProps}
        />
        <TextArea
          name="summary"
          label={g.fields.summary!}
          hint={g.hints.summary}
          value={values.summary}
          error={errors.summary}
          rows={5}
          {...textProps}
        />
        <TextArea
          name="forWhom"
          label={g.fields.forWhom!}
          value={values.forWhom}
          error={errors.forWhom}
          {...textProps}
        />
        <TextArea
          name="howToGet"
          label={g.fields.howToGet!}
          value={values.howToGet}
          error={errors.howToGet}
          {...textProps}
        />
        <TextField
          name="hours"
          label={g.fields.hours!}
          value={values.hours}
          error={errors.hours}
          {...textProps}
        />
        {lang === 'sv' ? (
          <>
            <h2>{g.factsHeading}</h2>
            <SelectField
              name="level"
              label={g.fields.level!}
              value={values.level}
              error={errors.level}
              options={[['', g.choose], ...guideLevels.map((l) => [l, gm.levels[l]] as const)]}
            />
            <SelectField
              name="organisationKind"
              label={g.fields.organisationKind!}
              value={values.organisationKind}
              error={errors.organisationKind}
              options={[
                ['', g.choose],
                ...guideOrganisationKinds.map((o) => [o, gm.organisations[o]] as const),
              ]}
            />
            <TextField
              name="provider"
              label={g.fields.provider!}
              value={values.provider}
              error={errors.provider}
              maxLength={200}
            />
            <TextField
              name="ageFrom"
              label={g.fields.ageFrom!}
              hint={g.hints.ages}
              value={values.ageFrom}
              error={errors.ageFrom}
              inputmode="numeric"
              width="short"
            />
            <TextField
              name="ageTo"
              label={g.fields.ageTo!}
              value={values.ageTo}
              error={errors.ageTo}
              inputmode="numeric"
              width="short"
            />
            <Checkboxes
              name="situations"
              legend={g.fields.situations!}
              options={guideSituations.map((s) => ({ value: s, label: gm.situations[s] }))}
              checked={asList(values.situations)}
              error={errors.situations}
            />
            <SelectField
              name="access"
              label={g.fields.access!}
              value={values.access}
              error={errors.access}
              options={[['', g.choose], ...guideAccessRoutes.map((a) => [a, gm.access[a]] as const)]}
            />
            <Checkboxes
              name="languages"
              legend={g.fields.languages!}
              options={offeredLanguages.map((l) => ({
                value: l,
                label: offeredLanguageInfo[l].autonym,
                lang: offeredLanguageInfo[l].htmlLang,
                dir: offeredLanguageInfo[l].dir,
              }))}
              checked={asList(values.languages)}
              error={errors.languages}
            />
            <div class="checkbox">
              <input
                type="checkbox"
                id="interpreter"
                name="interpreter"
                value="on"
                checked={values.interpreter === 'on'}
              />
              <label for="interpreter">{g.fields.interpreter}</label>
            </div>
            <TextField
              name="phone"
              label={g.fields.phone!}
              value={values.phone}
              error={errors.phone}
              width="medium"
            />
            <TextField
              name="email"
              label={g.fields.email!}
              type="email"
              value={values.email}
              error={errors.email}
            />
            <TextField
              name="website"
              label={g.fields.website!}
              hint={g.hints.website}
              value={values.website}
              error={errors.website}
            />
            <TextField
              name="address"
              label={g.fields.address!}
              value={values.address}
              error={errors.address}
            />
          </>
        ) : null}
        <button type="submit" class="button">
          {g.saveDraft}
        </button>
      </form>
    </Layout>
  );
}

export function SettingsPage({
  ctx,
  values,
  errors = {},
  changes,
  notice,
}: {
  ctx: PageContext;
  values: Partial<GuideSettings>;
  errors?: FieldErrors;
  changes: ChangeRow[];
  notice?: string | undefined;
}) {
  const g = guideEditorTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={g.settingsTitle}>
      <p>
        <a href="/guide-editor">{g.title}</a>
      </p>
      <h1>{g.settingsTitle}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <p>{g.settingsIntro}</p>
      <form method="post" action="/guide-editor/settings" novalidate>
        <CsrfField token={ctx.csrf} />
        {(['intakePhone', 'afterHoursPhone', 'contactPhone'] as const).map((f) => (
          <TextField
            key={f}
            name={f}
            label={g.fields[f]!}
            value={values[f]}
            error={errors[f]}
            width="medium"
          />
        ))}
        <TextField
          name="contactEmail"
          label={g.fields.contactEmail!}
          type="email"
          value={values.contactEmail}
          error={errors.contactEmail}
        />
        <button type="submit" class="button">
          {ctx.t.save}
        </button>
      </form>
      <h2>{g.history}</h2>
      <History ctx={ctx} changes={changes} />
    </Layout>
  );
}

/** The form's values from a stored revision, for editing it. */
export function formValues(r: FullRevision | undefined): RevisionInput {
  if (!r) return {};
  return {
    title: r.title,
    summary: r.summary,
    forWhom: r.for_whom,
    howToGet: r.how_to_get,
    hours: r.hours,
    level: r.level ?? undefined,
    organisationKind: r.organisation_kind ?? undefined,
    provider: r.provider ?? undefined,
    ageFrom: r.age_from?.toString(),
    ageTo: r.age_to?.toString(),
    situations: r.situations ?? [],
    access: r.access ?? undefined,
    languages: r.languages ?? [],
    interpreter: r.interpreter ? 'on' : undefined,
    phone: r.phone ?? undefined,
    email: r.email ?? undefined,
    website: r.website ?? undefined,
    address: r.address ?? undefined,
  };
}
