import { peopleTexts } from '../../people/i18n/index.ts';
import { formatPersonalNumber } from '../../people/personal-number.ts';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { sipTexts } from '../i18n/index.ts';
import { Section, type SectionProps, str, type Values } from './shared.tsx';

export function RequestSection({ ctx, view, errors, values }: SectionProps) {
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  return (
    <>
      <Section id="request" title={s.requestSection}>
        <dl class="summary-list">
          <dt>{s.requestedChild}</dt>
          <dd>
            {sip.requested_child_name}
            {sip.requested_personal_number ? ` (${formatPersonalNumber(sip.requested_personal_number)})` : ''}
          </dd>
          <dt>{s.requestedBy}</dt>
          <dd>{s.requestedByOrg(view.requestedBy.organisation ?? '–', view.requestedBy.user ?? '')}</dd>
          <dt>{s.requestReason}</dt>
          <dd class="pre-line">{sip.request_reason}</dd>
          <dt>{s.statusLabel}</dt>
          <dd>
            {s.status[sip.status]}
            {sip.close_reason ? ` – ${s.closeReasons[sip.close_reason]}` : ''}
            {sip.close_note && view.socialServices ? `: ${sip.close_note}` : ''}
          </dd>
        </dl>
      </Section>
      {view.can.accept ? (
        <>
          <section class="panel" aria-labelledby="accept-heading">
            <h2 id="accept-heading">{s.acceptTitle}</h2>
            <p>{s.acceptHint}</p>
            <form method="post" action={`/sips/${sip.id}/accept`} novalidate>
              <CsrfField token={ctx.csrf} />
              <TextField
                name="personalNumber"
                label={s.personalNumber}
                hint={peopleTexts(ctx.lang).personalNumberHint}
                value={
                  str(values, 'personalNumber') ??
                  (sip.requested_personal_number ? formatPersonalNumber(sip.requested_personal_number) : '')
                }
                error={errors.personalNumber}
                width="medium"
                maxLength={20}
              />
              <button type="submit" class="button">
                {s.accept}
              </button>
            </form>
          </section>
          <section class="panel" aria-labelledby="decline-heading">
            <h2 id="decline-heading">{s.declineTitle}</h2>
            <form method="post" action={`/sips/${sip.id}/decline`} novalidate>
              <CsrfField token={ctx.csrf} />
              <TextArea
                name="declineNote"
                label={s.declineNote}
                value={str(values, 'declineNote')}
                error={errors.declineNote}
                maxLength={2000}
                rows={3}
              />
              <button type="submit" class="button button--secondary">
                {s.decline}
              </button>
            </form>
          </section>
        </>
      ) : null}
    </>
  );
}

export function RequestPage({
  ctx,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  errors?: FieldErrors;
  values?: Values;
}) {
  const { t } = ctx;
  const s = sipTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={s.requestTitle}>
      <h1>{s.requestTitle}</h1>
      <p>{s.requestIntro}</p>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action="/sips/requests" novalidate>
        <CsrfField token={ctx.csrf} />
        <TextField
          name="childName"
          label={s.childName}
          value={str(values, 'childName')}
          error={errors.childName}
          maxLength={200}
          autocomplete="off"
        />
        <TextField
          name="personalNumber"
          label={s.personalNumber}
          hint={peopleTexts(ctx.lang).personalNumberHint}
          value={str(values, 'personalNumber')}
          error={errors.personalNumber}
          width="medium"
          maxLength={20}
          autocomplete="off"
        />
        <TextArea
          name="reason"
          label={s.requestReason}
          hint={s.requestReasonHint}
          value={str(values, 'reason')}
          error={errors.reason}
          maxLength={4000}
          rows={5}
        />
        <div class={errors.guardiansAgree ? 'field field--error' : 'field'}>
          {errors.guardiansAgree ? (
            <p class="field-error" id="guardiansAgree-error">
              {errors.guardiansAgree}
            </p>
          ) : null}
          <div class="checkbox">
            <input
              type="checkbox"
              id="guardiansAgree"
              name="guardiansAgree"
              value="on"
              checked={str(values, 'guardiansAgree') === 'on'}
              aria-describedby={errors.guardiansAgree ? 'guardiansAgree-error' : undefined}
            />
            <label for="guardiansAgree">{s.guardiansAgree}</label>
          </div>
        </div>
        <button type="submit" class="button">
          {s.sendRequest}
        </button>
      </form>
    </Layout>
  );
}
