import type { FieldWarning } from '../../collaboration/form.ts';
import { warningTexts } from '../../collaboration/messages.ts';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import type { ExampleStep } from '../examples.ts';
import { goodPracticeTexts } from '../i18n/index.ts';
import type { ChangeRow } from '../queries.ts';
import type { EditorOverview, ExampleForEditor } from '../service.ts';
import { ExampleBody } from './example-page.tsx';
import { day, withLang } from './shared.tsx';

/** The editors' start: own examples, what waits for review, what is stale, comments to moderate. */
export function EditorOverviewPage({
  ctx,
  overview,
  notice,
}: {
  ctx: PageContext;
  overview: EditorOverview;
  notice?: string | undefined;
}) {
  const g = goodPracticeTexts(ctx.lang);
  const e = g.editor;
  const link = (id: string, title: string) => (
    <a href={withLang(`/examples/editor/${id}`, ctx.lang)}>{title}</a>
  );
  return (
    <Layout ctx={ctx} title={e.title}>
      <h1>{e.title}</h1>
      {notice ? (
        <div class="notice" role="status">
          {notice}
        </div>
      ) : null}
      <p>{e.intro}</p>
      {overview.editor ? null : <p>{e.notEditor}</p>}
      <p>
        <a class="button" href={withLang('/examples/editor/new', ctx.lang)}>
          {e.newExample}
        </a>{' '}
        <a href={withLang('/examples', ctx.lang)}>{g.title}</a>
      </p>
      <h2>{e.mine}</h2>
      {overview.mine.length === 0 ? <p>{e.noneMine}</p> : null}
      <ul class="plain-list">
        {overview.mine.map((r) => (
          <li key={r.id}>
            {link(r.id, r.title)} <span class="tag">{g.states[r.state]}</span>
          </li>
        ))}
      </ul>
      {overview.editor ? (
        <>
          <h2>{e.toReview}</h2>
          {overview.toReview.length === 0 ? <p>{e.noneToReview}</p> : null}
          <ul class="plain-list">
            {overview.toReview.map((r) => (
              <li key={r.id}>
                {link(r.id, r.title)} ({r.organisationName})
              </li>
            ))}
          </ul>
          <h2>{e.staleList}</h2>
          {overview.stale.length === 0 ? <p>{e.noneStale}</p> : null}
          <ul class="plain-list">
            {overview.stale.map((r) => (
              <li key={r.id}>
                {link(r.id, r.title)} – {g.stale(day(r.lastReviewedOn))}
              </li>
            ))}
          </ul>
          <h2 id="pending">{e.pendingComments}</h2>
          {overview.pending.length === 0 ? <p>{e.nonePending}</p> : null}
          <ul class="item-list">
            {overview.pending.map((c) => (
              <li key={c.id}>
                <p>
                  <strong>{c.name}</strong>, {day(c.postedAt)} – {e.commentOn(c.title)}
                </p>
                <p>{e.emailShown(c.email)}</p>
                {(c.warnings as FieldWarning[]).length > 0 ? (
                  <p class="tag tag--warning">
                    {g.comments.moderatorWarning(
                      warningTexts(c.warnings as FieldWarning[], ctx.lang).join('; '),
                    )}
                  </p>
                ) : null}
                {/* Sanitised when it was saved (comment-html.ts). */}
                <div class="comment-body" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
                <form
                  method="post"
                  action={withLang(`/examples/editor/comments/${c.id}`, ctx.lang)}
                  class="button-row"
                >
                  <input type="hidden" name="_csrf" value={ctx.csrf} />
                  <button type="submit" name="step" value="approve" class="button">
                    {g.comments.approve}
                  </button>
                  <button type="submit" name="step" value="reject" class="button button--secondary">
                    {g.comments.reject}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

const noteSteps: readonly ExampleStep[] = ['returnToDraft', 'withdraw'];

/** An example as its author and the editors see it: the latest version, the steps, the history. */
export function EditorExamplePage({
  ctx,
  data,
  notice,
  error,
  today,
}: {
  ctx: PageContext;
  data: ExampleForEditor;
  notice?: string | undefined;
  error?: string | undefined;
  today: string;
}) {
  const g = goodPracticeTexts(ctx.lang);
  const e = g.editor;
  const latest = data.revisions[0]!;
  const published = data.revisions.find((r) => r.state === 'published');
  const plain = data.steps.filter((s) => !noteSteps.includes(s));
  const withNote = data.steps.filter((s) => noteSteps.includes(s));
  return (
    <Layout ctx={ctx} title={latest.title}>
      <p>
        <a href={withLang('/examples/editor', ctx.lang)}>{e.title}</a>
      </p>
      <h1>{latest.title}</h1>
      {notice ? (
        <div class="notice" role="status">
          {notice}
        </div>
      ) : null}
      {error ? (
        <div class="error-summary" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      <p>
        <span class="tag">{g.states[latest.state]}</span> {e.revision(latest.revisionNo)}
        {published ? (
          <>
            {' · '}
            <a href={withLang(`/examples/${latest.id}`, ctx.lang)}>{e.publicLink}</a>
          </>
        ) : null}
      </p>
      {latest.state === 'draft' && latest.reviewNote ? (
        <p class="notice">{e.returnedNote(latest.reviewNote)}</p>
      ) : null}
      {data.isAuthor && latest.state !== 'inReview' && latest.state !== 'withdrawn' ? (
        <p>
          <a class="button button--secondary" href={withLang(`/examples/editor/${latest.id}/edit`, ctx.lang)}>
            {e.edit}
          </a>
        </p>
      ) : null}
      {plain.length > 0 ? (
        <form
          method="post"
          action={withLang(`/examples/editor/${latest.id}/steps`, ctx.lang)}
          class="button-row"
        >
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          {plain.map((step) => (
            <button key={step} type="submit" name="step" value={step} class="button">
              {e.steps[step]}
            </button>
          ))}
        </form>
      ) : null}
      {withNote.map((step) => (
        <form
          key={step}
          method="post"
          action={withLang(`/examples/editor/${latest.id}/steps`, ctx.lang)}
          class="stack-form"
        >
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <input type="hidden" name="step" value={step} />
          <div class="field">
            <label for={`note-${step}`}>{e.note}</label>
            <textarea id={`note-${step}`} name="note" rows={2} class="input" />
          </div>
          <button type="submit" class="button button--secondary">
            {e.steps[step]}
          </button>
        </form>
      ))}
      <ExampleBody lang={ctx.lang} example={latest} today={today} />
      <History ctx={ctx} changes={data.changes} />
    </Layout>
  );
}

function History({ ctx, changes }: { ctx: PageContext; changes: ChangeRow[] }) {
  const e = goodPracticeTexts(ctx.lang).editor;
  return (
    <section aria-labelledby="history">
      <h2 id="history">{e.history}</h2>
      {changes.length === 0 ? <p>{e.noHistory}</p> : null}
      <ol class="plain-list">
        {changes.map((c) => (
          <li key={`${c.occurredAt.toISOString()}${c.action}`}>
            {day(c.occurredAt)} –{' '}
            {e.historyRow(c.actorName, e.actions[c.action as keyof typeof e.actions] ?? c.action)}
            {c.fields.length ? ` (${c.fields.join(', ')})` : ''}
            {c.confirmedWarnings ? ` – ${e.warningsConfirmed}` : ''}
            {c.note ? ` – ${c.note}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
