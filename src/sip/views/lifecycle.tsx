import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { sipTexts } from '../i18n/index.ts';
import { actionStatuses, sipCloseReasons } from '../schema.ts';
import type { SipView } from '../service/read.ts';
import { responsibleName } from './content.tsx';
import { childLabel, PostButton, Section, type SectionProps, str, type Values } from './shared.tsx';

export function AgreementSection({ ctx, view }: { ctx: PageContext; view: SipView }) {
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  if (sip.status !== 'draft') {
    return view.can.revise ? (
      <Section id="agreement" title={s.agreementTitle}>
        <PostButton ctx={ctx} action={`/sips/${sip.id}/revise`} label={s.revise} secondary />
      </Section>
    ) : null;
  }
  const mine = view.participants.find((p) => p.organisation_id === view.actingOrganisationId);
  const agreedNow = mine?.agreed_version === sip.content_version;
  return (
    <Section id="agreement" title={s.agreementTitle}>
      <p>{s.agreementIntro}</p>
      {view.blockers.length ? (
        <div class="panel">
          <h3>{s.blockersTitle}</h3>
          <ul>
            {view.blockers.map((b) => (
              <li key={b}>{s.blockers[b]}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {mine && agreedNow ? <p>{s.youHaveAgreed}</p> : null}
      {view.can.agree && mine && !agreedNow && view.blockers.length === 0 ? (
        <PostButton ctx={ctx} action={`/sips/${sip.id}/agreement`} label={s.agree(mine.name)} />
      ) : null}
    </Section>
  );
}

export function FollowUpsSection({ ctx, view }: { ctx: PageContext; view: SipView }) {
  const s = sipTexts(ctx.lang);
  if (view.facts.sip.status === 'draft' && view.followUps.length === 0) return null;
  const actionText = (id: string) => view.actions.find((a) => a.id === id)?.description ?? '–';
  return (
    <Section id="follow-ups" title={s.followUps}>
      {view.followUps.length === 0 ? (
        <p>{s.noFollowUps}</p>
      ) : (
        view.followUps.map((f) => (
          <article key={f.id} class="follow-up">
            <h3>{s.followUpBy(f.held_on, f.recorded_by_name ?? '–')}</h3>
            {f.note ? <p class="pre-line">{f.note}</p> : null}
            <ul>
              {f.statuses.map((st) => (
                <li key={st.action_id}>
                  {actionText(st.action_id)}: <strong>{s.actionStatus[st.status]}</strong>
                  {st.note ? ` – ${st.note}` : ''}
                </li>
              ))}
            </ul>
            {f.next_follow_up_on ? (
              <p>
                {s.nextFollowUpOn}: {f.next_follow_up_on}
              </p>
            ) : null}
          </article>
        ))
      )}
    </Section>
  );
}

/** A draft nothing has been done with yet: no consent, no other party, nothing written. */
export function isFreshDraft(view: SipView): boolean {
  return (
    view.facts.sip.status === 'draft' &&
    !view.consent &&
    view.participants.length <= 1 &&
    view.needs.length + view.goals.length + view.actions.length === 0
  );
}

/**
 * Closing the plan. Not offered on a fresh draft, where it would be the first thing a coordinator
 * sees; a draft started by mistake has a quiet link to it (decision 0069).
 */
export function CloseSection({ ctx, view, errors, values }: SectionProps) {
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  if (!view.can.close) return null;
  const asked = new URL(ctx.url, 'http://x').searchParams.get('close') === '1';
  if (isFreshDraft(view) && !asked && Object.keys(errors).length === 0)
    return (
      <p>
        <a href={`/sips/${sip.id}?close=1#close-heading`}>{s.closeMistakenDraft}</a>
      </p>
    );
  return (
    <section class="panel" aria-labelledby="close-heading">
      <h2 id="close-heading">{s.closeTitle}</h2>
      <p>{s.closeHint}</p>
      <form method="post" action={`/sips/${sip.id}/close`} novalidate>
        <CsrfField token={ctx.csrf} />
        <SelectField
          name="reason"
          label={s.closeReason}
          value={str(values, 'reason')}
          error={errors.reason}
          options={sipCloseReasons
            .filter((r) => r !== 'declined')
            .map((r) => [r, s.closeReasons[r]] as const)}
        />
        <TextArea
          name="closeNote"
          label={s.closeNote}
          hint={s.closeNoteHint}
          value={str(values, 'closeNote')}
          error={errors.closeNote}
          maxLength={2000}
          rows={2}
        />
        <Checkbox name="confirmClose" label={s.confirmClose} />
        <button type="submit" class="button button--warning">
          {s.close}
        </button>
      </form>
    </section>
  );
}

export function FollowUpPage({
  ctx,
  view,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: SipView;
  errors?: FieldErrors;
  values?: Values;
}) {
  const { t } = ctx;
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  const title = s.followUpTitle(childLabel(view.child, null));
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={`/sips/${sip.id}/follow-up`} novalidate>
        <CsrfField token={ctx.csrf} />
        <TextField
          name="heldOn"
          type="date"
          label={s.heldOn}
          value={str(values, 'heldOn') ?? view.today}
          error={errors.heldOn}
          width="medium"
        />
        {view.actions.map((a) => (
          <fieldset key={a.id} class="fieldset panel">
            <legend>
              {a.description} – {responsibleName(view, a)}, {a.due_on}
            </legend>
            <SelectField
              name={`status-${a.id}`}
              label={s.actionStatusLabel}
              value={str(values, `status-${a.id}`) ?? a.status}
              error={errors[`status-${a.id}`]}
              options={actionStatuses.map((st) => [st, s.actionStatus[st]] as const)}
            />
            <TextField
              name={`note-${a.id}`}
              label={s.statusNote}
              value={str(values, `note-${a.id}`) ?? a.status_note}
              error={errors[`note-${a.id}`]}
              maxLength={1000}
            />
          </fieldset>
        ))}
        <TextArea
          name="note"
          label={s.followUpNote}
          value={str(values, 'note')}
          error={errors.note}
          maxLength={4000}
          rows={4}
        />
        <TextField
          name="nextFollowUpOn"
          type="date"
          label={s.nextFollowUpOn}
          value={str(values, 'nextFollowUpOn')}
          error={errors.nextFollowUpOn}
          width="medium"
        />
        <div class="button-row">
          <button type="submit" class="button">
            {s.saveFollowUp}
          </button>
          <a class="button button--secondary" href={`/sips/${sip.id}`}>
            {t.cancel}
          </a>
        </div>
      </form>
    </Layout>
  );
}
