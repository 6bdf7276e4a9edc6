import { intakeTexts } from '../../intake/i18n/index.ts';
import { formatPersonalNumber } from '../../people/personal-number.ts';
import { formatDateTime } from '../../platform/dates.ts';
import {
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { reportsTexts } from '../../reports/i18n/index.ts';
import { Radios } from '../../reports/views.tsx';
import { DeadlineList } from '../components.tsx';
import { caseStatus, openDeadlines } from '../domain.ts';
import { casesTexts } from '../i18n/index.ts';
import type { CaseView } from '../service/read.ts';
import { ExtensionForm, ExtensionRecords } from './extension.tsx';
import { Investigation } from './investigation.tsx';
import { type CasePermissions, Form, Submit, str, type Values } from './shared.tsx';

export function CasePage({
  ctx,
  view,
  today,
  can,
  notice,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: CaseView;
  today: string;
  can: CasePermissions;
  notice?: string | undefined;
  errors?: FieldErrors;
  values?: Values;
}) {
  const { t } = ctx;
  const c = casesTexts(ctx.lang);
  const k = view.case;
  const child = view.child;
  const name = `${child.given_name} ${child.family_name}`;
  const base = `/cases/${k.id}`;
  const open = openDeadlines(view.deadlines, today);
  const v = (field: string) => str(values[field]);
  return (
    <Layout ctx={ctx} title={c.caseTitle(name)}>
      <h1>
        {c.caseTitle(name)} <span class="tag">{c.status[caseStatus(k)]}</span>
        {k.immediate_protection ? <span class="tag tag--urgent">{c.immediate}</span> : null}
      </h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={t} errors={errors} />
      <dl class="summary-list">
        <dt>{c.child}</dt>
        <dd>
          <a href={`/people/${child.id}`}>{name}</a> (
          {child.personal_number
            ? formatPersonalNumber(child.personal_number)
            : (child.birth_date ?? t.notGiven)}
          )
        </dd>
        <dt>{c.responsible}</dt>
        <dd>{view.responsibleName ?? c.none}</dd>
      </dl>

      <h2>{c.deadlines}</h2>
      <DeadlineList
        lang={ctx.lang}
        deadlines={view.deadlines}
        open={open}
        references={
          view.reports.length > 1 ? new Map(view.reports.map((r) => [r.id, r.reference])) : undefined
        }
      />

      <h2>{c.reports}</h2>
      <ul class="plain-list">
        {view.reports.map((r) => (
          <li key={r.id}>
            <a href={`/intake/reports/${r.id}`}>{c.reportTitle(r.reference)}</a>, {r.received_on},{' '}
            {c.reporterKinds[r.reporter_kind]}
            {r.protection_outcome === 'immediateProtectionNeeded' ? (
              <span class="tag tag--urgent">{c.immediate}</span>
            ) : null}
            {r.protection_assessed_on && r.protection_outcome ? (
              <>
                <br />
                <span class="hint">
                  {c.protectionOfReport(
                    r.reference,
                    r.protection_assessed_on,
                    reportsProtection(ctx.lang)[r.protection_outcome],
                  )}
                </span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <details>
        <summary>{c.history}</summary>
        <ul class="plain-list">
          {view.history.cases
            .filter((h) => h.id !== k.id)
            .map((h) => (
              <li key={h.id}>
                <a href={`/cases/${h.id}`}>
                  {c.phase[h.phase]}, {h.opened_on}
                </a>
                {h.initial_decision ? ` – ${c.initialDecisions[h.initial_decision]}` : ''}
                {h.decision_outcome ? ` – ${c.outcomes[h.decision_outcome]}` : ''}
              </li>
            ))}
          {view.history.reports
            .filter((h) => h.case_id !== k.id)
            .map((h) => (
              <li key={h.id}>
                <a href={`/intake/reports/${h.id}`}>{c.reportTitle(h.reference)}</a>, {h.received_on}
              </li>
            ))}
        </ul>
      </details>

      {/* Initial assessment */}
      <section class="panel" aria-labelledby="initial-heading">
        <h2 id="initial-heading">{c.initialTitle}</h2>
        {k.initial_decision ? (
          <>
            <p>{c.initialDone(k.initial_decided_on ?? '', c.initialDecisions[k.initial_decision])}</p>
            {k.initial_decision_reason ? <p class="prewrap">{k.initial_decision_reason}</p> : null}
            {k.child_heard === false ? (
              <p class="prewrap">{`${c.childNotHeardReason}: ${k.child_not_heard_reason ?? ''}`}</p>
            ) : null}
          </>
        ) : can.decideInitial ? (
          <Form ctx={ctx} action={`${base}/initial-assessment`}>
            <Radios
              name="decision"
              legend={c.initialDecision}
              value={v('decision') ?? ''}
              error={errors.decision}
              options={[
                ['openInvestigation', c.initialDecisions.openInvestigation],
                ['noInvestigation', c.initialDecisions.noInvestigation],
              ]}
            />
            <SelectField
              name="unitId"
              label={c.investigationUnit}
              value={v('unitId')}
              error={errors.unitId}
              options={view.units.map((u) => [u.id, u.name] as const)}
            />
            <TextArea
              name="reason"
              label={c.initialReason}
              value={v('reason')}
              error={errors.reason}
              rows={3}
            />
            <Radios
              name="childHeard"
              legend={c.childHeard}
              value={v('childHeard') ?? ''}
              error={errors.childHeard}
              options={[
                ['yes', c.childHeardOptions.yes],
                ['no', c.childHeardOptions.no],
              ]}
            />
            <TextArea
              name="childNotHeardReason"
              label={c.childNotHeardReason}
              value={v('childNotHeardReason')}
              error={errors.childNotHeardReason}
              rows={2}
            />
            <Submit label={c.saveInitial} />
          </Form>
        ) : (
          <p class="hint">{c.whoCan.initialAssessment}</p>
        )}
      </section>

      {k.phase === 'initialAssessment' && can.extend ? (
        <ExtensionForm ctx={ctx} base={base} intro={c.extendIntroInitial} errors={errors} values={values} />
      ) : null}
      <ExtensionRecords c={c} view={view} />

      {k.investigation_opened_on ? (
        <Investigation ctx={ctx} view={view} today={today} can={can} errors={errors} values={values} />
      ) : null}

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">{c.notesTitle}</h2>
        {view.notes.length === 0 ? <p>{c.noNotes}</p> : null}
        {view.notes.map((n) => {
          const corrected = view.notes.some((other) => other.corrects_note_id === n.id);
          return (
            <article key={n.id} class={corrected ? 'record record--corrected' : 'record'} id={`note-${n.id}`}>
              <h3>{n.event_date}</h3>
              {n.corrects_note_id ? (
                <p>
                  <a href={`#note-${n.corrects_note_id}`}>{c.corrects}</a>
                </p>
              ) : null}
              <p>{n.body}</p>
              <p class="hint">
                {c.signedBy(n.author_name, formatDateTime(n.signed_at))}
                {corrected ? ` – ${c.correctedBy}` : ''}
              </p>
            </article>
          );
        })}
        {can.note ? (
          <Form ctx={ctx} action={`${base}/notes`}>
            <TextField
              name="eventDate"
              label={c.eventDate}
              hint={reportsTexts(ctx.lang).childBirthDateHint}
              value={v('eventDate') ?? today}
              error={errors.eventDate}
              width="medium"
              maxLength={10}
            />
            <TextArea name="body" label={c.noteBody} value={v('body')} error={errors.body} rows={4} />
            {view.notes.length ? (
              <SelectField
                name="correctsNoteId"
                label={c.correct}
                value={v('correctsNoteId') ?? ''}
                error={errors.correctsNoteId}
                options={[
                  ['', '–'],
                  ...view.notes.map((n) => [n.id, `${n.event_date}: ${n.body.slice(0, 40)}`] as const),
                ]}
              />
            ) : null}
            <Submit label={c.sign} />
          </Form>
        ) : null}
      </section>
      {/* What other features show on the case: starting a coordinated plan from it (issue 6). */}
      {view.sections.map((section) => section.render(ctx))}
    </Layout>
  );
}

/** How intake names a protection assessment's outcome, reused where the case lists its reports. */
function reportsProtection(lang: PageContext['lang']) {
  return intakeTexts(lang).protectionOutcomes;
}
