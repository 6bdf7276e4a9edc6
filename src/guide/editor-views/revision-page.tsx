import {
  asList,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextArea,
  TextField,
  useFieldLabel,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import type { RevisionInput } from '../domain.ts';
import { guideEditorTexts } from '../i18n/editor/index.ts';
import { guideMessages } from '../i18n/index.ts';
import { guideLanguageInfo, offeredLanguageInfo } from '../languages.ts';
import type { FullRevision } from '../queries.ts';
import {
  type GuideLanguage,
  guideAccessRoutes,
  guideLevels,
  guideOrganisationKinds,
  guideSituations,
  offeredLanguages,
} from '../schema.ts';
import { LanguageName } from './language-name.tsx';

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
  useFieldLabel(name, legend);
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
