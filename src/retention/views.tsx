import { Checkbox, CsrfField, ErrorSummary, type FieldErrors, Notice } from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { cullable, type RunProgress } from './cull.ts';
import { type DryRun, type DryRunFile, toArchive } from './dry-run.ts';
import { retentionTexts } from './i18n/index.ts';
import type { RecordAssessment } from './model.ts';
import { retentionRules } from './rules.ts';

export interface RetentionView {
  run: DryRun;
  /** The files the dry run lists: something to cull or to review. */
  files: DryRunFile[];
  names: Map<string, string>;
  runs: { id: string; state: string; assessed_on: string; approved_at: Date; progress: RunProgress }[];
}

/** At most this many files are shown in full; the rest are counted (the command lists them all). */
const shownFiles = 200;

/** The dry run, the approval and the runs approved so far (src/retention/routes.tsx). */
export function RetentionPage({
  ctx,
  view,
  notice,
  errors = {},
}: {
  ctx: PageContext;
  view: RetentionView;
  notice?: string | undefined;
  errors?: FieldErrors;
}) {
  const { lang, t } = ctx;
  const tx = retentionTexts(lang);
  // A due file with only kept records is carried out too: its person is archived (decision 0117).
  const carriedOut = (f: DryRunFile) => cullable(f.assessment) || toArchive(f);
  const allDue = view.files.filter(carriedOut);
  const due = allDue.slice(0, shownFiles);
  const review = view.files.filter((f) => !carriedOut(f)).slice(0, shownFiles);
  return (
    <Layout ctx={ctx} title={tx.title}>
      <h1>{tx.title}</h1>
      <p class="lead">{tx.intro}</p>
      <p>
        <a href="/retention/archived">{tx.archivedLink}</a>
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={t} errors={errors} />
      <p>{tx.counts(view.run.counts)}</p>
      {Object.keys(view.run.byRule).length ? (
        <section class="table-wrap" aria-label={tx.byRule} tabindex={0}>
          <table class="table">
            <caption>{tx.byRule}</caption>
            <thead>
              <tr>
                <th scope="col">{tx.rule}</th>
                <th scope="col">{tx.culled}</th>
                <th scope="col">{tx.kept}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(view.run.byRule)
                .sort()
                .map(([rule, n]) => (
                  <tr key={rule}>
                    <th scope="row">{ruleText(rule, lang)}</th>
                    <td>{n.cull}</td>
                    <td>{n.keep}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <h2>{tx.files}</h2>
      {due.length === 0 ? <p>{tx.none}</p> : due.map((f) => <FileSection file={f} view={view} lang={lang} />)}
      {allDue.length > due.length ? <p>{tx.more(allDue.length - due.length)}</p> : null}

      {due.length ? (
        <form method="post" action="/retention/runs" class="form">
          <CsrfField token={ctx.csrf} />
          <p id="approve-hint">{tx.approveHint}</p>
          {errors.confirm ? (
            <p class="field-error" id="confirm-error">
              {errors.confirm}
            </p>
          ) : null}
          <Checkbox name="confirm" label={tx.confirm} />
          <button type="submit" class="button" aria-describedby="approve-hint">
            {tx.approve}
          </button>
        </form>
      ) : null}

      {review.length ? (
        <>
          <h2>{tx.reviewFiles}</h2>
          {review.map((f) => (
            <FileSection file={f} view={view} lang={lang} />
          ))}
        </>
      ) : null}

      {view.runs.length ? (
        <>
          <h2>{tx.runs}</h2>
          <section class="table-wrap" aria-label={tx.runs} tabindex={0}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{tx.approvedOn}</th>
                  <th scope="col">{tx.state}</th>
                  <th scope="col">{tx.progress}</th>
                </tr>
              </thead>
              <tbody>
                {view.runs.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.assessed_on}</th>
                    <td>{tx.run[r.state] ?? r.state}</td>
                    <td>{tx.runProgress(r.progress)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </Layout>
  );
}

function FileSection({
  file,
  view,
  lang,
}: {
  file: DryRunFile;
  view: RetentionView;
  lang: PageContext['lang'];
}) {
  const tx = retentionTexts(lang);
  const a = file.assessment;
  const name = view.names.get(file.personId) ?? (file.unlinkedReport ? tx.unlinkedReport : file.personId);
  const headingId = `file-${file.personId}`;
  return (
    <div class="retention-file">
      <h3 id={headingId}>{name}</h3>
      {a.file.state === 'due' ? (
        <p>
          {tx.dueSince} {a.file.dueOn}. {tx.completeBy} {a.file.completeBy}
          {a.file.overdue ? ` (${tx.overdue})` : ''}.
        </p>
      ) : null}
      {a.review.length ? <p>{a.review.map((r) => tx.review[r] ?? r).join(', ')}</p> : null}
      <section class="table-wrap" aria-label={name} tabindex={0}>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{tx.record}</th>
              <th scope="col">{tx.verdict}</th>
              <th scope="col">{tx.why}</th>
            </tr>
          </thead>
          <tbody>
            {a.records.map((r) => (
              <tr key={`${r.recordType}:${r.recordId}`}>
                <th scope="row">{tx.recordTypes[r.recordType] ?? r.recordType}</th>
                <td>{verdictText(r, lang)}</td>
                <td>
                  <ul class="plain-list">
                    {r.rules.map((rule) => (
                      <li key={rule.ruleId}>
                        {ruleText(rule.ruleId, lang)}{' '}
                        {rule.references.length ? `(${rule.references.join('; ')})` : ''}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function verdictText(r: RecordAssessment, lang: PageContext['lang']): string {
  const tx = retentionTexts(lang);
  return r.verdict === 'cull'
    ? `${tx.verdictCull}, ${tx.completeBy.toLowerCase()} ${r.completeBy}`
    : tx.keepUntil(r.until);
}

function ruleText(id: string, lang: PageContext['lang']): string {
  const rule = retentionRules[id as keyof typeof retentionRules];
  return rule ? rule.summary[lang === 'sv' ? 'sv' : 'en'] : id;
}
