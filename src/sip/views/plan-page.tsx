import { peopleTexts } from '../../people/i18n/index.ts';
import { formatPersonalNumber } from '../../people/personal-number.ts';
import { ErrorSummary, type FieldErrors, Notice } from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { sipLegalReference } from '../domain/plan.ts';
import { sipTexts } from '../i18n/index.ts';
import type { SipView } from '../service/read.ts';
import { ConsentSection } from './consent.tsx';
import { ActionsSection, GoalsSection, NeedsSection } from './content.tsx';
import { AgreementSection, CloseSection, FollowUpsSection } from './lifecycle.tsx';
import { ParticipantsSection } from './participants.tsx';
import { RequestSection } from './request.tsx';
import { childLabel, DueTag, Section, StatusTag, type Values } from './shared.tsx';

export interface SipPageProps {
  ctx: PageContext;
  view: SipView;
  errors?: FieldErrors;
  values?: Values;
  notice?: string | undefined;
}

export function SipPage({ ctx, view, errors = {}, values = {}, notice }: SipPageProps) {
  const { t } = ctx;
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  const name = childLabel(view.child, sip.requested_child_name);
  const title = view.kind === 'request' ? s.requestFor(name) : s.planFor(name);
  const legal = sipLegalReference(view.today);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>
        {title} <StatusTag s={s} status={sip.status} />
      </h1>
      <p class="hint">{s.legal(legal.socialServices, legal.healthCare)}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={t} errors={errors} />
      {view.kind === 'request' ? (
        <RequestSection ctx={ctx} view={view} errors={errors} values={values} />
      ) : (
        <>
          <div class="button-row">
            <a class="button button--secondary" href={`/sips/${sip.id}/print`}>
              {s.print}
            </a>
            {view.can.update ? (
              <a class="button button--secondary" href={`/sips/${sip.id}/plan`}>
                {s.editFrame}
              </a>
            ) : null}
            {view.can.followUp ? (
              <a class="button" href={`/sips/${sip.id}/follow-up`}>
                {s.recordFollowUp}
              </a>
            ) : null}
          </div>
          <Overview ctx={ctx} view={view} />
          {view.sections.map((section) => section.render(ctx))}
          <ConsentSection ctx={ctx} view={view} errors={errors} values={values} />
          <ParticipantsSection ctx={ctx} view={view} errors={errors} values={values} />
          <NeedsSection ctx={ctx} view={view} errors={errors} values={values} />
          <GoalsSection ctx={ctx} view={view} errors={errors} values={values} />
          <ActionsSection ctx={ctx} view={view} errors={errors} values={values} />
          <AgreementSection ctx={ctx} view={view} />
          <FollowUpsSection ctx={ctx} view={view} />
          <CloseSection ctx={ctx} view={view} errors={errors} values={values} />
        </>
      )}
    </Layout>
  );
}

function Overview({ ctx, view }: { ctx: PageContext; view: SipView }) {
  const { t } = ctx;
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  const lead = view.participants.find((p) => p.organisation_id === sip.lead_organisation_id);
  return (
    <Section id="overview" title={s.overview}>
      <dl class="summary-list">
        <dt>{s.child}</dt>
        <dd>
          {view.socialServices && view.child ? (
            <a href={`/people/${view.child.id}`}>{childLabel(view.child, null)}</a>
          ) : (
            childLabel(view.child, null)
          )}
        </dd>
        <dt>{view.child?.personal_number ? s.personalNumber : s.childBorn}</dt>
        <dd>
          {view.child?.personal_number
            ? formatPersonalNumber(view.child.personal_number)
            : (view.child?.birth_date ?? t.notGiven)}
          {!view.visible.contactDetails && !view.socialServices ? (
            <span class="hint"> {s.notShownWithoutConsent}</span>
          ) : null}
        </dd>
        {view.guardians.length ? (
          <>
            <dt>{peopleTexts(ctx.lang).guardians}</dt>
            <dd>{view.guardians.map((g) => `${g.given_name} ${g.family_name}`).join(', ')}</dd>
          </>
        ) : null}
        {view.socialServices && sip.case_id ? (
          <>
            <dt>{s.case}</dt>
            <dd>
              <a href={`/cases/${sip.case_id}`}>{s.openCase}</a>
            </dd>
          </>
        ) : null}
        <dt>{s.coordinator}</dt>
        <dd>{view.coordinatorName ?? '–'}</dd>
        <dt>{s.lead}</dt>
        <dd>{lead?.name ?? s.notSet}</dd>
        <dt>{s.meeting}</dt>
        <dd>
          {sip.meeting_on
            ? [sip.meeting_on, sip.meeting_time, sip.meeting_place].filter(Boolean).join(', ')
            : s.meetingNotBooked}
        </dd>
        <dt>{s.familyParticipants}</dt>
        <dd>{sip.family_participants || t.notGiven}</dd>
        <dt>{s.followUpOn}</dt>
        <dd>
          {sip.follow_up_on ?? s.notSet}{' '}
          {sip.follow_up_on && sip.status === 'active' ? (
            <DueTag s={s} date={sip.follow_up_on} today={view.today} />
          ) : null}
        </dd>
        {sip.agreed_on && sip.status === 'active' ? (
          <>
            <dt>{s.agreedOn}</dt>
            <dd>{sip.agreed_on}</dd>
          </>
        ) : null}
        {sip.status === 'closed' && sip.closed_on && sip.close_reason ? (
          <>
            <dt>{s.statusLabel}</dt>
            <dd>
              {s.closedOn(sip.closed_on, s.closeReasons[sip.close_reason])}
              {sip.close_note ? ` – ${sip.close_note}` : ''}
            </dd>
          </>
        ) : null}
        {sip.summary_for_child ? (
          <>
            <dt>{s.summaryForChild}</dt>
            <dd class="pre-line">{sip.summary_for_child}</dd>
          </>
        ) : null}
      </dl>
    </Section>
  );
}
