import {
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  RadioGroup,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { jointVisitsTexts } from '../i18n/index.ts';
import { formatMinutes } from '../messages.ts';
import { protectionOutcomes, supportResponses, visitConsentKinds } from '../schema.ts';
import type { VisitView } from '../service.ts';
import { at, consentStateOf, FrameList, reportToContactText, str, type Values } from './shared.tsx';
import { SummaryDetails } from './summary.tsx';

interface Props {
  ctx: PageContext;
  view: VisitView;
  errors?: FieldErrors;
  values?: Values | undefined;
  notice?: string | undefined;
}

/** A joint visit as social services sees it: the whole file, and what of it the police see. */
export function VisitPage({ ctx, view, errors = {}, values, notice }: Props) {
  const tx = jointVisitsTexts(ctx.lang);
  const { visit, child } = view;
  const title = tx.visitFor(`${child.given_name} ${child.family_name}`);
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/joint-visits">{tx.title}</a>
      </p>
      <h1>{title}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <dl class="summary-list">
        <dt>{tx.report}</dt>
        <dd>{tx.reportReceived(visit.report_reference, at(visit.report_received_at))}</dd>
        <dt>{tx.protectionAssessment}</dt>
        <dd>
          {visit.report_protection_outcome
            ? `${tx.protectionOutcomes[visit.report_protection_outcome]} (${visit.report_protection_assessed_on})`
            : tx.protectionNotAssessed}
        </dd>
        <dt>{tx.case}</dt>
        <dd>{visit.case_id ? <a href={`/cases/${visit.case_id}`}>{tx.openCase}</a> : tx.noCase}</dd>
      </dl>
      <section aria-labelledby="frame-heading">
        <h2 id="frame-heading">{tx.frame}</h2>
        <FrameList
          lang={ctx.lang}
          frame={{
            policeName: view.policeName,
            policeReference: visit.police_reference,
            incidentAt: visit.incident_at,
            visitAt: visit.visit_at,
            place: visit.place,
            socialServicesParticipants: visit.social_services_participants,
            policeParticipants: visit.police_participants,
          }}
        />
        <p class="hint">{tx.recordedBy(view.names.get(visit.recorded_by) ?? '–', at(visit.recorded_at))}</p>
        <h3 id="measures-heading">{tx.measures}</h3>
        <dl class="summary-list" aria-labelledby="measures-heading">
          <dt>{tx.incidentToVisit}</dt>
          <dd>{formatMinutes(view.measures.incidentToVisit, ctx.lang)}</dd>
          <dt>{tx.reportToContact}</dt>
          <dd>{reportToContactText(view.measures.reportToContact, ctx.lang)}</dd>
        </dl>
      </section>
      <ConsentSection {...{ ctx, view, errors, values }} />
      <FindingsSection {...{ ctx, view, errors, values }} />
      <section aria-labelledby="police-view-heading">
        <h2 id="police-view-heading">{tx.policeView}</h2>
        {view.policeSees ? (
          <SummaryDetails lang={ctx.lang} summary={view.policeSees} />
        ) : (
          <p>{tx.policeViewNone}</p>
        )}
      </section>
      <FollowUpSection {...{ ctx, view, errors, values }} />
    </Layout>
  );
}

function ConsentSection({ ctx, view, errors = {}, values }: Props) {
  const tx = jointVisitsTexts(ctx.lang);
  const { visit } = view;
  const state = consentStateOf(visit);
  const name = (id: string | null) => (id ? (view.names.get(id) ?? '–') : '–');
  return (
    <section class="panel" aria-labelledby="consent-heading">
      <h2 id="consent-heading">{tx.consent}</h2>
      <p>{tx.consentIntro}</p>
      <p>
        <strong>
          {{ none: tx.noConsent, inForce: tx.consentInForce, withdrawn: tx.consentWithdrawn }[state]}
        </strong>
      </p>
      {visit.consent_given_at ? (
        <dl>
          <dt>{tx.consentGivenBy}</dt>
          <dd>{visit.consent_given_by}</dd>
          <dt>{tx.consentKinds}</dt>
          <dd>
            <ul class="plain-list">
              <li>{tx.frameAlways}</li>
              {(visit.consent_kinds ?? []).map((k) => (
                <li key={k}>{tx.consentKind[k]}</li>
              ))}
            </ul>
          </dd>
          <dt>{tx.recordConsent}</dt>
          <dd>
            {tx.consentRecorded(name(visit.consent_recorded_by), at(visit.consent_given_at))}
            {visit.consent_withdrawn_at ? (
              <>
                <br />
                {tx.withdrawnBy(name(visit.consent_withdrawn_by), at(visit.consent_withdrawn_at))}
                {visit.consent_withdrawal_note ? `: ${visit.consent_withdrawal_note}` : ''}
              </>
            ) : null}
          </dd>
        </dl>
      ) : null}
      {state !== 'inForce' && view.can.recordConsent ? (
        <form method="post" action={`/joint-visits/${visit.id}/consent`} novalidate>
          <CsrfField token={ctx.csrf} />
          <TextField
            name="consentGivenBy"
            label={tx.consentGivenBy}
            hint={tx.consentGivenByHint}
            value={str(values, 'consentGivenBy')}
            error={errors.consentGivenBy}
            maxLength={300}
          />
          <CheckboxGroup
            name="consentKinds"
            legend={tx.consentKinds}
            hint={tx.consentKindsHint}
            error={errors.consentKinds}
            options={visitConsentKinds.map((k) => [k, tx.consentKind[k]] as const)}
            checked={[values?.consentKinds ?? []].flat()}
          />
          <button type="submit" class="button">
            {tx.recordConsent}
          </button>
        </form>
      ) : null}
      {state === 'inForce' && view.can.withdrawConsent ? (
        <form method="post" action={`/joint-visits/${visit.id}/consent/withdraw`} novalidate>
          <h3 id="withdraw-heading">{tx.withdrawTitle}</h3>
          <p>{tx.withdrawHint}</p>
          <CsrfField token={ctx.csrf} />
          <TextArea
            name="withdrawalNote"
            label={tx.withdrawalNote}
            value={str(values, 'withdrawalNote')}
            error={errors.withdrawalNote}
            maxLength={1000}
            rows={2}
          />
          <button type="submit" class="button button--warning">
            {tx.withdraw}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function FindingsSection({ ctx, view, errors = {}, values }: Props) {
  const tx = jointVisitsTexts(ctx.lang);
  const { visit } = view;
  const sent = values !== undefined && 'childsAccount' in values;
  const v = (key: string, stored: string | null) => (sent ? str(values, key) : (stored ?? ''));
  const metAlone = ({ true: 'yes', false: 'no', null: '' } as const)[`${visit.child_met_alone}`];
  const summaryAllowed =
    !!visit.consent_given_at && !visit.consent_withdrawn_at && !!visit.consent_kinds?.includes('summary');
  if (!view.can.update)
    return (
      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">{tx.findings}</h2>
        <dl class="summary-list">
          <dt>{tx.childMetAlone}</dt>
          <dd>
            {
              { yes: tx.yes, no: `${tx.no}: ${visit.child_not_met_alone_reason}`, '': tx.notRecorded }[
                metAlone
              ]
            }
          </dd>
          <dt>{tx.childsAccount}</dt>
          <dd>{visit.childs_account || '–'}</dd>
          <dt>{tx.riskFactors}</dt>
          <dd>{visit.risk_factors || '–'}</dd>
          <dt>{tx.protectiveFactors}</dt>
          <dd>{visit.protective_factors || '–'}</dd>
        </dl>
      </section>
    );
  return (
    <section class="panel" aria-labelledby="findings-heading">
      <h2 id="findings-heading">{tx.findings}</h2>
      <form method="post" action={`/joint-visits/${visit.id}/findings`} novalidate>
        <CsrfField token={ctx.csrf} />
        <RadioGroup
          name="childMetAlone"
          legend={tx.childMetAlone}
          error={errors.childMetAlone}
          value={v('childMetAlone', metAlone)}
          options={[
            ['yes', tx.yes],
            ['no', tx.no],
          ]}
        />
        <TextArea
          name="childNotMetAloneReason"
          label={tx.childNotMetAloneReason}
          value={v('childNotMetAloneReason', visit.child_not_met_alone_reason)}
          error={errors.childNotMetAloneReason}
          maxLength={1000}
          rows={2}
        />
        <TextArea
          name="childsAccount"
          label={tx.childsAccount}
          hint={tx.childsAccountHint}
          value={v('childsAccount', visit.childs_account)}
          error={errors.childsAccount}
          maxLength={6000}
        />
        <TextArea
          name="riskFactors"
          label={tx.riskFactors}
          value={v('riskFactors', visit.risk_factors)}
          error={errors.riskFactors}
          maxLength={4000}
          rows={3}
        />
        <TextArea
          name="protectiveFactors"
          label={tx.protectiveFactors}
          value={v('protectiveFactors', visit.protective_factors)}
          error={errors.protectiveFactors}
          maxLength={4000}
          rows={3}
        />
        <RadioGroup
          name="protectionOutcome"
          legend={tx.protectionOutcome}
          error={errors.protectionOutcome}
          value={v('protectionOutcome', visit.protection_outcome)}
          options={protectionOutcomes.map((o) => [o, tx.protectionOutcomes[o]] as const)}
        />
        <TextArea
          name="supportOffered"
          label={tx.supportOffered}
          value={v('supportOffered', visit.support_offered)}
          error={errors.supportOffered}
          maxLength={2000}
          rows={2}
        />
        <RadioGroup
          name="supportResponse"
          legend={tx.supportResponse}
          error={errors.supportResponse}
          value={v('supportResponse', visit.support_response)}
          options={supportResponses.map((r) => [r, tx.supportResponses[r]] as const)}
        />
        {summaryAllowed ? (
          <TextArea
            name="policeSummary"
            label={tx.policeSummary}
            hint={tx.policeSummaryHint}
            value={v('policeSummary', visit.police_summary)}
            error={errors.policeSummary}
            maxLength={2000}
            rows={3}
          />
        ) : (
          <p class={errors.policeSummary ? 'field-error' : 'hint'} id="policeSummary">
            {errors.policeSummary ?? tx.policeSummaryLocked}
          </p>
        )}
        <button type="submit" class="button">
          {tx.save}
        </button>
      </form>
    </section>
  );
}

function FollowUpSection({ ctx, view, errors = {}, values }: Props) {
  const tx = jointVisitsTexts(ctx.lang);
  const { visit } = view;
  return (
    <section class="panel" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">{tx.followUp}</h2>
      {visit.follow_up_done_on ? (
        <>
          <p>
            {tx.followUpDone(visit.follow_up_done_on, view.names.get(visit.follow_up_done_by ?? '') ?? '–')}
          </p>
          <p>{visit.follow_up_note}</p>
        </>
      ) : (
        <>
          <p>{tx.followUpDue(visit.follow_up_on)}</p>
          {view.can.completeFollowUp ? (
            <form method="post" action={`/joint-visits/${visit.id}/follow-up`} novalidate>
              <CsrfField token={ctx.csrf} />
              <TextArea
                name="followUpNote"
                label={tx.followUpNote}
                value={str(values, 'followUpNote')}
                error={errors.followUpNote}
                maxLength={2000}
                rows={3}
              />
              <button type="submit" class="button">
                {tx.completeFollowUp}
              </button>
            </form>
          ) : null}
        </>
      )}
    </section>
  );
}
