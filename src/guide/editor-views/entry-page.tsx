import { formatDateTime } from '../../platform/dates.ts';
import { CsrfField, ErrorSummary, Notice } from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { guideEditorTexts } from '../i18n/editor/index.ts';
import { guideMessages } from '../i18n/index.ts';
import { guideLanguageInfo } from '../languages.ts';
import type { ChangeRow, FullRevision } from '../queries.ts';
import { guideLanguages } from '../schema.ts';
import { History } from './history.tsx';
import { LanguageName } from './language-name.tsx';

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
