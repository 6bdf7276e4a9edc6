import type { Lang } from '../../platform/i18n/i18n.ts';
import { ErrorSummary, type FieldErrors, TextArea, TextField } from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { isStale } from '../examples.ts';
import { goodPracticeTexts } from '../i18n/index.ts';
import type { ExampleRevision } from '../queries.ts';
import { day, labelsOf, withLang } from './shared.tsx';

export interface CommentForm {
  values: { name?: string | undefined; email?: string | undefined; body?: string | undefined };
  errors: FieldErrors;
}

/** A published example as the public reads it, its approved comments and the comment form. */
export function ExamplePage({
  ctx,
  example,
  comments,
  citedBy = [],
  form,
  received,
  today,
}: {
  ctx: PageContext;
  example: ExampleRevision & { organisationName: string; municipalityName: string };
  comments: { name: string; postedAt: Date; bodyHtml: string }[];
  /** The action plans whose measures cite this example. */
  citedBy?: { planTitle: string; municipalityName: string }[];
  form: CommentForm;
  received: boolean;
  today: string;
}) {
  const g = goodPracticeTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={example.title}>
      <p>
        <a href={withLang('/examples', ctx.lang)}>{g.title}</a>
      </p>
      <article>
        <h1>{example.title}</h1>
        <p>
          <span class="tag">{g.kinds[example.kind]}</span>
        </p>
        <ExampleBody lang={ctx.lang} example={example} today={today} />
        {citedBy.length > 0 ? (
          <section aria-labelledby="cited-by">
            <h2 id="cited-by">{g.usedInPlans}</h2>
            <ul class="plain-list">
              {citedBy.map((p) => (
                <li key={`${p.municipalityName}${p.planTitle}`}>
                  {p.planTitle} ({p.municipalityName})
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
      <section aria-labelledby="comments" id="comments-section">
        <h2 id="comments">
          {g.comments.heading} ({comments.length})
        </h2>
        {comments.length === 0 ? <p>{g.comments.none}</p> : null}
        <ol class="item-list">
          {comments.map((c) => (
            <li key={`${c.postedAt.toISOString()}${c.name}`}>
              <p>
                <strong>{c.name}</strong>, {day(c.postedAt)}
              </p>
              {/* Sanitised by the allow-list when it was saved (comment-html.ts): the only HTML printed as is. */}
              <div class="comment-body" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="comment-form">
        <h2 id="comment-form">{g.comments.formHeading}</h2>
        {received ? (
          <div class="notice" role="status">
            {g.comments.received}
          </div>
        ) : null}
        <ErrorSummary t={ctx.t} errors={form.errors} />
        <p>{g.comments.privacy}</p>
        <form
          method="post"
          action={withLang(`/examples/${example.id}/comments`, ctx.lang)}
          class="stack-form"
        >
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <TextField
            name="name"
            label={g.comments.name}
            value={form.values.name}
            error={form.errors.name}
            autocomplete="name"
            maxLength={100}
            required
          />
          <TextField
            name="email"
            type="email"
            label={g.comments.email}
            value={form.values.email}
            error={form.errors.email}
            autocomplete="email"
            maxLength={254}
            required
          />
          <TextArea
            name="body"
            label={g.comments.body}
            hint={g.comments.allowedHtml}
            value={form.values.body}
            error={form.errors.body}
            rows={6}
          />
          <div class="hp">
            <label for="website">{g.comments.website}</label>
            <input type="text" id="website" name="website" tabindex={-1} autocomplete="off" />
          </div>
          <button type="submit" class="button">
            {g.comments.send}
          </button>
        </form>
      </section>
    </Layout>
  );
}

/** The example itself: shared by the public page and the editors' preview. */
export function ExampleBody({
  lang,
  example,
  today,
}: {
  lang: Lang;
  example: ExampleRevision & { organisationName: string; municipalityName: string };
  today: string;
}) {
  const g = goodPracticeTexts(lang);
  const area = g.areas[example.area as keyof typeof g.areas] ?? example.area;
  return (
    <>
      <div class="notice">
        <p>
          <strong>{g.fields.evidence}:</strong> {g.evidence[example.evidence]}
        </p>
        {example.evidenceReference ? <p class="pre-line">{example.evidenceReference}</p> : null}
        {example.evidenceUrl ? (
          <p>
            <a href={example.evidenceUrl} rel="noopener">
              {example.evidenceUrl}
            </a>
          </p>
        ) : null}
        <p>{g.notARecommendation}</p>
      </div>
      {isStale(example, today) && example.lastReviewedOn ? (
        <p class="notice notice--urgent">{g.stale(day(example.lastReviewedOn))}</p>
      ) : null}
      <dl class="summary-list">
        <dt>{g.fields.author}</dt>
        <dd>
          {example.organisationName}
          {example.organisationName === example.municipalityName ? '' : `, ${example.municipalityName}`}
        </dd>
        <dt>{g.fields.area}</dt>
        <dd>{area}</dd>
        {example.themes.length ? (
          <>
            <dt>{g.fields.themes}</dt>
            <dd>{labelsOf(g.themes, example.themes)}</dd>
          </>
        ) : null}
        {example.targetGroups.length ? (
          <>
            <dt>{g.fields.targetGroups}</dt>
            <dd>{labelsOf(g.targetGroups, example.targetGroups)}</dd>
          </>
        ) : null}
        {example.periodFrom ? (
          <>
            <dt>{g.fields.period}</dt>
            <dd>
              {day(example.periodFrom)} – {example.periodTo ? day(example.periodTo) : ''}
            </dd>
          </>
        ) : null}
        {example.publishedOn ? (
          <>
            <dt>{g.fields.published}</dt>
            <dd>{day(example.publishedOn)}</dd>
            <dt>{g.fields.lastReviewed}</dt>
            <dd>{day(example.lastReviewedOn)}</dd>
          </>
        ) : null}
      </dl>
      <h2>{g.fields.problem}</h2>
      <p class="pre-line">{example.problem}</p>
      <h2>{g.fields.whatWasDone}</h2>
      <p class="pre-line">{example.whatWasDone}</p>
      {example.results || example.resultValues.length ? (
        <>
          <h2>{g.fields.results}</h2>
          {example.results ? <p class="pre-line">{example.results}</p> : null}
          {example.resultValues.length ? (
            <div class="table-wrap">
              <table class="table">
                <caption>{g.fields.resultValues}</caption>
                <thead>
                  <tr>
                    <th scope="col">{g.fields.resultLabel}</th>
                    <th scope="col">{g.fields.resultValue}</th>
                    <th scope="col">{g.fields.resultOn}</th>
                    <th scope="col">{g.fields.resultSource}</th>
                  </tr>
                </thead>
                <tbody>
                  {example.resultValues.map((r) => (
                    <tr key={r.label}>
                      <th scope="row">{r.label}</th>
                      <td>
                        {r.value.toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE')} {r.unit}
                      </td>
                      <td>{r.on}</td>
                      <td>{r.source}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
      {example.cost ? (
        <>
          <h2>{g.fields.cost}</h2>
          <p class="pre-line">{example.cost}</p>
        </>
      ) : null}
      <h2>{g.fields.contact}</h2>
      <p>
        {[example.contactName, example.contactRole].filter(Boolean).join(', ')}
        {example.contactEmail ? (
          <>
            <br />
            <a href={`mailto:${example.contactEmail}`}>{example.contactEmail}</a>
          </>
        ) : null}
        {example.contactPhone ? (
          <>
            <br />
            {example.contactPhone}
          </>
        ) : null}
      </p>
      {example.links.length ? (
        <>
          <h2>{g.fields.links}</h2>
          <ul class="plain-list">
            {example.links.map((l) => (
              <li key={l.url}>
                <a href={l.url} rel="noopener">
                  {l.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {example.tags.length ? (
        <p>
          <strong>{g.fields.tags}:</strong> {example.tags.join(', ')}
        </p>
      ) : null}
    </>
  );
}
