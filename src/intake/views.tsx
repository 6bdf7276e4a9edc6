import { DeadlineList } from '../cases/components.tsx';
import { openDeadlines } from '../cases/domain.ts';
import { casesTexts } from '../cases/i18n/index.ts';
import { peopleTexts } from '../people/i18n/index.ts';
import { formatPersonalNumber } from '../people/personal-number.ts';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  TextArea,
  TextField,
} from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { reportsTexts } from '../reports/i18n/index.ts';
import { Radios } from '../reports/views.tsx';
import { type IntakeTexts, intakeTexts } from './i18n/index.ts';
import {
  type IntakeGroup,
  type IntakeListing,
  type IntakeRow,
  intakeGroups,
  intakePageSize,
  type ReportView,
} from './service.ts';

export function IntakePage({ ctx, listing }: { ctx: PageContext; listing: IntakeListing }) {
  const tx = intakeTexts(ctx.lang);
  const { rows, total, counts } = listing;
  return (
    <Layout ctx={ctx} title={tx.intakeTitle}>
      <h1>{tx.intakeTitle}</h1>
      <p class="lead">{tx.intakeIntro}</p>
      {total === 0 ? (
        <p>{tx.intakeEmpty}</p>
      ) : (
        <>
          <p>
            {tx.intakeWaiting(total)}{' '}
            {intakeGroups
              .filter((g) => counts[g] > 0)
              .map((g) => tx.intakeGroupCount[g](counts[g]))
              .join(', ')}
            .
          </p>
          <div class="table-wrap">
            <table class="table">
              <caption>{tx.intakeShowing(rangeOf(listing, listing.page), total)}</caption>
              <thead>
                <tr>
                  <th scope="col">{tx.reference}</th>
                  <th scope="col">{tx.received}</th>
                  <th scope="col">{casesTexts(ctx.lang).child}</th>
                  <th scope="col">{tx.reporter}</th>
                  <th scope="col">{tx.status}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <IntakeRowView key={r.id} ctx={ctx} r={r} />
                ))}
              </tbody>
            </table>
          </div>
          <IntakePages tx={tx} listing={listing} />
        </>
      )}
    </Layout>
  );
}

function IntakeRowView({ ctx, r }: { ctx: PageContext; r: IntakeRow }) {
  const c = casesTexts(ctx.lang);
  const tx = intakeTexts(ctx.lang);
  const immediate = r.protection_outcome === 'immediateProtectionNeeded' || r.immediate_protection;
  const todo = [
    !r.protection_outcome ? tx.todo.protection : null,
    !r.child_id ? tx.todo.link : null,
    r.feedback_requested && !r.feedback_sent_on && r.child_id ? tx.todo.feedback : null,
  ].filter(Boolean);
  return (
    <tr class={immediate ? 'row--urgent' : undefined}>
      <td>
        <a href={`/intake/reports/${r.id}`}>{r.reference}</a>
      </td>
      <td>{r.received_on}</td>
      <td>
        {r.child_id
          ? `${r.given_name} ${r.family_name}`
          : [r.child_given_name, r.child_family_name].filter(Boolean).join(' ') || c.noName}
        {immediate ? <span class="tag tag--urgent">{c.immediate}</span> : null}
      </td>
      <td>{c.reporterKinds[r.reporter_kind]}</td>
      <td>{todo.join(', ')}</td>
    </tr>
  );
}

/** Positions (1-based, inclusive) of a page in the whole list. */
function rangeOf(listing: IntakeListing, page: number): { from: number; to: number } {
  const from = (page - 1) * intakePageSize + 1;
  return { from, to: Math.min(listing.total, page * intakePageSize) };
}

/** The groups that have reports between two positions of the list, which is ordered by group. */
function groupsBetween(listing: IntakeListing, from: number, to: number): IntakeGroup[] {
  const found: IntakeGroup[] = [];
  let start = 1;
  for (const g of intakeGroups) {
    const end = start + listing.counts[g] - 1;
    if (listing.counts[g] > 0 && start <= to && end >= from) found.push(g);
    start = end + 1;
  }
  return found;
}

/** Every page by number, each saying which reports it holds, so nothing waits out of sight. */
function IntakePages({ tx, listing }: { tx: IntakeTexts; listing: IntakeListing }) {
  if (listing.pages < 2) return null;
  const pages = Array.from({ length: listing.pages }, (_, i) => i + 1);
  return (
    <nav aria-label={tx.intakePagesLabel}>
      <ul class="pages">
        {pages.map((page) => {
          const { from, to } = rangeOf(listing, page);
          const label = tx.intakePage(
            page,
            from,
            to,
            groupsBetween(listing, from, to).map((g) => tx.intakeGroupName[g]),
          );
          return (
            <li key={page}>
              {page === listing.page ? (
                <span aria-current="page">{label}</span>
              ) : (
                <a href={`/intake?page=${page}`}>{label}</a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function ReportDetails({ ctx, view }: { ctx: PageContext; view: ReportView }) {
  const { t } = ctx;
  const r = view.report;
  const c = casesTexts(ctx.lang);
  const tx = intakeTexts(ctx.lang);
  const childName = [r.child_given_name, r.child_family_name].filter(Boolean).join(' ');
  return (
    <dl class="summary-list">
      <dt>{tx.received}</dt>
      <dd>
        {r.received_on} ({tx.channel[r.channel]})
      </dd>
      <dt>{tx.reporter}</dt>
      <dd>
        {c.reporterKinds[r.reporter_kind]}
        {r.reporter_name ? `: ${r.reporter_name}` : ''}
        {r.reporter_title ? `, ${r.reporter_title}` : ''}
      </dd>
      {r.reporter_organisation ? (
        <>
          <dt>{tx.organisation}</dt>
          <dd>
            {r.reporter_organisation}
            {r.reporter_organisation_kind
              ? ` (${reportsTexts(ctx.lang).organisationKinds[r.reporter_organisation_kind]})`
              : ''}
          </dd>
        </>
      ) : null}
      {r.reporter_phone || r.reporter_email ? (
        <>
          <dt>{tx.contact}</dt>
          <dd>{[r.reporter_phone, r.reporter_email].filter(Boolean).join(', ')}</dd>
        </>
      ) : null}
      <dt>{tx.feedbackRequested}</dt>
      <dd>{r.feedback_requested ? t.yes : t.no}</dd>
      <dt>{tx.childAsReported}</dt>
      <dd>
        {childName || c.noName}
        {r.child_personal_number ? `, ${formatPersonalNumber(r.child_personal_number)}` : ''}
        {!r.child_personal_number && r.child_birth_date ? `, ${r.child_birth_date}` : ''}
      </dd>
      {r.child_whereabouts ? (
        <>
          <dt>{tx.whereabouts}</dt>
          {/* Once linked to a child with protected identity, where the child is stays hidden here,
              as the address does in the people register. */}
          <dd class="prewrap">
            {view.child && view.child.protected_identity !== 'none'
              ? peopleTexts(ctx.lang).addressHidden
              : r.child_whereabouts}
          </dd>
        </>
      ) : null}
      <dt>{tx.guardiansInformed}</dt>
      <dd>{reportsTexts(ctx.lang).guardiansInformedOptions[r.guardians_informed]}</dd>
      <dt>{tx.concern}</dt>
      <dd class="prewrap">{r.concern}</dd>
    </dl>
  );
}

export function ReportPage({
  ctx,
  view,
  today,
  q,
  notice,
  errors = {},
  values = {},
  canProcess,
}: {
  ctx: PageContext;
  view: ReportView;
  today: string;
  q?: string | undefined;
  notice?: string | undefined;
  errors?: FieldErrors;
  values?: Record<string, string | undefined>;
  canProcess: boolean;
}) {
  const { t } = ctx;
  const c = casesTexts(ctx.lang);
  const tx = intakeTexts(ctx.lang);
  const r = view.report;
  const open = openDeadlines(view.deadlines, today);
  const decision = view.case?.initial_decision;
  const answered = !!decision || (r.joined_ongoing && view.case?.phase !== 'initialAssessment');
  const draft = r.joined_ongoing ? tx.feedbackDraft.ongoing : decision ? tx.feedbackDraft[decision] : '';
  return (
    <Layout ctx={ctx} title={c.reportTitle(r.reference)}>
      <h1>
        {c.reportTitle(r.reference)}
        {r.protection_outcome === 'immediateProtectionNeeded' ? (
          <span class="tag tag--urgent">{c.immediate}</span>
        ) : null}
      </h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={t} errors={errors} />
      <h2>{c.deadlines}</h2>
      <DeadlineList lang={ctx.lang} deadlines={view.deadlines} open={open} />
      <h2>{tx.reportDetails}</h2>
      <ReportDetails ctx={ctx} view={view} />

      <section class="panel" aria-labelledby="protection-heading">
        <h2 id="protection-heading">{tx.protectionTitle}</h2>
        {r.protection_outcome ? (
          <>
            <p>
              {tx.assessedOn(r.protection_assessed_on ?? '', tx.protectionOutcomes[r.protection_outcome])}
            </p>
            <p class="prewrap">{r.protection_reasoning}</p>
          </>
        ) : canProcess ? (
          <form method="post" action={`/intake/reports/${r.id}/protection`} novalidate>
            <CsrfField token={ctx.csrf} />
            <p>{tx.protectionIntro}</p>
            <Radios
              name="outcome"
              legend={tx.protectionOutcome}
              value={values.outcome ?? ''}
              error={errors.outcome}
              options={[
                ['noImmediateProtection', tx.protectionOutcomes.noImmediateProtection],
                ['immediateProtectionNeeded', tx.protectionOutcomes.immediateProtectionNeeded],
              ]}
            />
            <TextArea
              name="reasoning"
              label={tx.protectionReasoning}
              value={values.reasoning}
              error={errors.reasoning}
              rows={4}
            />
            <button type="submit" class="button">
              {tx.saveProtection}
            </button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="child-heading">
        <h2 id="child-heading">{c.child}</h2>
        {view.child ? (
          <>
            <p>
              <a href={`/people/${view.child.id}`}>
                {view.child.given_name} {view.child.family_name}
              </a>{' '}
              (
              {view.child.personal_number
                ? formatPersonalNumber(view.child.personal_number)
                : view.child.birth_date}
              )
              {r.case_id ? (
                <>
                  {' – '}
                  <a href={`/cases/${r.case_id}`}>{tx.openCase}</a>
                </>
              ) : null}
            </p>
            <h3>{c.history}</h3>
            {view.history && (view.history.cases.length > 0 || view.history.reports.length > 1) ? (
              <ul class="plain-list">
                {view.history.cases.map((h) => (
                  <li key={h.id}>
                    <a href={`/cases/${h.id}`}>
                      {c.phase[h.phase]}, {h.opened_on}
                    </a>
                    {h.initial_decision ? ` – ${c.initialDecisions[h.initial_decision]}` : ''}
                    {h.decision_outcome ? ` – ${c.outcomes[h.decision_outcome]}` : ''}
                  </li>
                ))}
                {view.history.reports
                  .filter((h) => h.id !== r.id)
                  .map((h) => (
                    <li key={h.id}>
                      <a href={`/intake/reports/${h.id}`}>{c.reportTitle(h.reference)}</a>, {h.received_on},{' '}
                      {c.reporterKinds[h.reporter_kind]}
                    </li>
                  ))}
              </ul>
            ) : (
              <p>{tx.noHistory}</p>
            )}
          </>
        ) : canProcess ? (
          <div class="panel">
            <h3>{tx.linkTitle}</h3>
            <p>{tx.linkIntro}</p>
            {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for some screen readers. */}
            <form method="get" action={`/intake/reports/${r.id}`} role="search" class="search-form">
              <TextField
                name="q"
                type="search"
                label={peopleTexts(ctx.lang).query}
                value={q}
                maxLength={100}
              />
              <button type="submit" class="button button--secondary">
                {t.search}
              </button>
            </form>
            <h4>{tx.candidates}</h4>
            {view.candidates.length === 0 ? (
              <p>{tx.noCandidates}</p>
            ) : (
              <ul class="plain-list">
                {view.candidates.map((p) => (
                  <li key={p.id}>
                    <form method="post" action={`/intake/reports/${r.id}/link`} class="inline-form">
                      <CsrfField token={ctx.csrf} />
                      <input type="hidden" name="childId" value={p.id} />
                      <span>
                        {p.given_name} {p.family_name} (
                        {p.personal_number ? formatPersonalNumber(p.personal_number) : p.birth_date})
                      </span>
                      <button
                        type="submit"
                        class="button button--small"
                        aria-label={`${tx.linkThis}: ${p.given_name} ${p.family_name}`}
                      >
                        {tx.linkThis}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            )}
            <h4>{tx.registerChild}</h4>
            <form method="post" action={`/intake/reports/${r.id}/register-child`} novalidate>
              <CsrfField token={ctx.csrf} />
              <TextField
                name="givenName"
                label={peopleTexts(ctx.lang).givenName}
                value={values.givenName ?? r.child_given_name ?? ''}
                error={errors.givenName}
                maxLength={100}
                autocomplete="off"
              />
              <TextField
                name="familyName"
                label={peopleTexts(ctx.lang).familyName}
                value={values.familyName ?? r.child_family_name ?? ''}
                error={errors.familyName}
                maxLength={100}
                autocomplete="off"
              />
              <TextField
                name="personalNumber"
                label={peopleTexts(ctx.lang).personalNumber}
                hint={peopleTexts(ctx.lang).personalNumberHint}
                value={
                  values.personalNumber ??
                  (r.child_personal_number ? formatPersonalNumber(r.child_personal_number) : '')
                }
                error={errors.personalNumber}
                width="medium"
                maxLength={20}
                autocomplete="off"
              />
              <button type="submit" class="button button--secondary">
                {tx.registerChild}
              </button>
            </form>
          </div>
        ) : null}
      </section>
      {view.sections.map((section) => section.render(ctx))}

      {r.feedback_requested ? (
        <section class="panel" aria-labelledby="feedback-heading">
          <h2 id="feedback-heading">{tx.feedbackTitle}</h2>
          {r.feedback_sent_on ? (
            r.feedback_withheld_reason ? (
              <>
                <p>{tx.feedbackWithheld(r.feedback_sent_on)}</p>
                <p class="prewrap">{r.feedback_withheld_reason}</p>
              </>
            ) : (
              <>
                <p>{tx.feedbackSent(r.feedback_sent_on)}</p>
                <p class="prewrap">{r.feedback_text}</p>
              </>
            )
          ) : !answered ? (
            <p>{tx.feedbackWaiting}</p>
          ) : canProcess ? (
            <form method="post" action={`/intake/reports/${r.id}/feedback`} novalidate>
              <CsrfField token={ctx.csrf} />
              <p>{tx.feedbackIntro}</p>
              <Radios
                name="mode"
                legend={tx.feedbackMode}
                value={values.mode ?? 'sent'}
                error={errors.mode}
                options={[
                  ['sent', tx.feedbackModes.sent],
                  ['withheld', tx.feedbackModes.withheld],
                ]}
              />
              <TextArea
                name="text"
                label={tx.feedbackText}
                value={values.text ?? draft}
                error={errors.feedbackText}
                rows={3}
              />
              <TextArea
                name="withheldReason"
                label={tx.withheldReason}
                value={values.withheldReason}
                error={errors.withheldReason}
                rows={2}
              />
              <button type="submit" class="button">
                {tx.saveFeedback}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}
