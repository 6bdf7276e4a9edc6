import type { ComponentChildren } from 'preact';
import { type PartnersTexts, partnersTexts } from '../partners/i18n/index.ts';
import { peopleTexts } from '../people/i18n/index.ts';
import { formatPersonalNumber } from '../people/personal-number.ts';
import { formatDateTime } from '../platform/dates.ts';
import {
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { type ConsentState, consentState, dueState, sipLegalReference } from './domain.ts';
import { type SipTexts, sipTexts } from './i18n/index.ts';
import type { Action, ChildSummary, ConsentRecord, DueAction, Participant, SipListRow } from './queries.ts';
import {
  actionStatuses,
  childsViews,
  goalAreas,
  type SipStatus,
  sipCloseReasons,
  sipInformationKinds,
  sipStatuses,
} from './schema.ts';
import type { SipListing, SipView, Worklist } from './service.ts';

export type Values = Record<string, string | string[] | undefined>;

const str = (values: Values, name: string): string | undefined => {
  const v = values[name];
  return Array.isArray(v) ? v[0] : v;
};
const list = (values: Values, name: string): string[] => {
  const v = values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

function childLabel(child: ChildSummary | null, fallback: string | null): string {
  return child ? `${child.given_name} ${child.family_name}` : (fallback ?? '–');
}

function rowChildName(row: SipListRow): string {
  return row.given_name ? `${row.given_name} ${row.family_name}` : (row.requested_child_name ?? '–');
}

export function StatusTag({ s, status }: { s: SipTexts; status: SipStatus }) {
  return <span class={`tag tag--${status}`}>{s.status[status]}</span>;
}

function DueTag({ s, date, today }: { s: SipTexts; date: string; today: string }) {
  const state = dueState(date, today);
  if (state === 'later') return null;
  return <span class={`tag tag--due-${state}`}>{s.due[state]}</span>;
}

// ---- Starting a plan (on the child's page and the case page) ----

/** Social services starts a plan for the child here; from a case page the plan is linked to the case. */
export function SipStartPanel({
  ctx,
  childId,
  caseId,
}: {
  ctx: PageContext;
  childId: string;
  caseId?: string;
}) {
  const s = sipTexts(ctx.lang);
  return (
    <section class="panel" aria-labelledby="sip-heading">
      <h2 id="sip-heading">{s.startTitle}</h2>
      <p>
        <a href={`/sips?child=${childId}`}>{s.showPlans}</a>
      </p>
      <form method="post" action="/sips" class="inline-form">
        <CsrfField token={ctx.csrf} />
        <input type="hidden" name="childId" value={childId} />
        {caseId ? <input type="hidden" name="caseId" value={caseId} /> : null}
        <button type="submit" class="button button--secondary">
          {s.start}
        </button>
      </form>
      <p class="hint">{s.startHint}</p>
    </section>
  );
}

// ---- The list ----

export function SipListPage({
  ctx,
  listing,
  filter,
  childName,
  partner,
  notice,
}: {
  ctx: PageContext;
  listing: SipListing;
  filter: { status: string; mine: boolean; child: string };
  childName: string | null;
  partner: boolean;
  notice?: string | undefined;
}) {
  const s = sipTexts(ctx.lang);
  const title = childName ? s.forChild(childName) : s.title;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <p>{partner ? s.partnerIntro : s.intro}</p>
      {partner ? (
        <p>
          <a class="button button--secondary" href="/sips/request">
            {s.requestSip}
          </a>
        </p>
      ) : (
        <form method="get" action="/sips" class="filter-form">
          {filter.child ? <input type="hidden" name="child" value={filter.child} /> : null}
          <SelectField
            name="status"
            label={s.filterStatus}
            value={filter.status}
            options={[['', s.anyStatus] as const, ...sipStatuses.map((st) => [st, s.status[st]] as const)]}
          />
          <div class="checkbox">
            <input type="checkbox" id="mine" name="mine" value="on" checked={filter.mine} />
            <label for="mine">{s.onlyMine}</label>
          </div>
          <button type="submit" class="button button--secondary">
            {s.filter}
          </button>
        </form>
      )}
      <SipTable ctx={ctx} rows={listing.rows} caption={partner ? s.myPlans : title} />
      {partner ? (
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading">{s.requestsSent}</h2>
          {listing.requests.length === 0 ? (
            <p>{s.noPlans}</p>
          ) : (
            <ul class="plain-list">
              {listing.requests.map((r) => (
                <li key={r.id}>
                  <a href={`/sips/${r.id}`}>{r.requested_child_name ?? '–'}</a>{' '}
                  <StatusTag s={s} status={r.status} />{' '}
                  {r.close_reason === 'declined' ? s.closeReasons.declined : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </Layout>
  );
}

function SipTable({ ctx, rows, caption }: { ctx: PageContext; rows: SipListRow[]; caption: string }) {
  const s = sipTexts(ctx.lang);
  if (rows.length === 0) return <p>{s.noPlans}</p>;
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.child}</th>
            <th scope="col">{s.statusLabel}</th>
            <th scope="col">{s.nextFollowUp}</th>
            <th scope="col">{s.coordinator}</th>
            <th scope="col">{s.lead}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`/sips/${r.id}`}>{rowChildName(r)}</a>
              </td>
              <td>
                <StatusTag s={s} status={r.status} />
                {r.status === 'closed' && r.close_reason ? ` ${s.closeReasons[r.close_reason]}` : ''}
              </td>
              <td>{r.status === 'active' ? (r.follow_up_on ?? s.notSet) : '–'}</td>
              <td>{r.coordinator_name ?? '–'}</td>
              <td>{r.lead_organisation_name ?? s.notSet}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---- One plan ----

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

type SectionProps = { ctx: PageContext; view: SipView; errors: FieldErrors; values: Values };

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-heading`} class="sip-section">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

function PostButton({
  ctx,
  action,
  label,
  secondary,
  small,
}: {
  ctx: PageContext;
  action: string;
  label: string;
  secondary?: boolean;
  small?: boolean;
}) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={ctx.csrf} />
      <button
        type="submit"
        class={`button${secondary ? ' button--secondary' : ''}${small ? ' button--small' : ''}`}
      >
        {label}
      </button>
    </form>
  );
}

function RequestSection({ ctx, view, errors, values }: SectionProps) {
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

function ConsentSummary({
  ctx,
  consent,
  state,
  participants,
}: {
  ctx: PageContext;
  consent: ConsentRecord | null;
  state: ConsentState;
  participants: Participant[];
}) {
  const s = sipTexts(ctx.lang);
  return (
    <>
      <p>
        <strong class={state === 'valid' ? 'consent consent--valid' : 'consent consent--invalid'}>
          {s.consentStates[state]}
        </strong>
      </p>
      {consent ? (
        <dl class="summary-list">
          <dt>{s.consentGivenBy}</dt>
          <dd>
            {[...consent.guardians.map((g) => `${g.given_name} ${g.family_name}`), consent.guardians_note]
              .filter(Boolean)
              .join(', ') || '–'}
          </dd>
          <dt>{s.childsView}</dt>
          <dd>
            {s.childsViews[consent.childs_view]}
            {consent.childs_view_note ? `: ”${consent.childs_view_note}”` : ''}
          </dd>
          <dt>{s.consentPeriod}</dt>
          <dd>{s.consentValid(consent.given_on, consent.valid_until)}</dd>
          <dt>{s.consentOrganisations}</dt>
          <dd>
            {participants
              .filter((p) => consent.organisationIds.includes(p.organisation_id))
              .map((p) => p.name)
              .join(', ') || '–'}
          </dd>
          <dt>{s.consentInformation}</dt>
          <dd>
            <ul class="plain-list">
              {consent.information_kinds.map((k) => (
                <li key={k}>{s.informationKinds[k]}</li>
              ))}
            </ul>
          </dd>
          <dt>{s.consentRecorded}</dt>
          <dd>
            {s.recordedBy(consent.recorded_by_name ?? '–', formatDateTime(consent.recorded_at))}
            {consent.withdrawn_at ? (
              <>
                <br />
                {s.withdrawnBy(consent.withdrawn_by_name ?? '–', formatDateTime(consent.withdrawn_at))}
                {consent.withdrawal_note ? `: ${consent.withdrawal_note}` : ''}
              </>
            ) : null}
          </dd>
        </dl>
      ) : null}
    </>
  );
}

function ConsentSection({ ctx, view, errors, values }: SectionProps) {
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  const state = consentState(view.facts.consent, view.today);
  return (
    <Section id="consent" title={s.consent}>
      <p>{s.consentIntro}</p>
      <ConsentSummary ctx={ctx} consent={view.consent} state={state} participants={view.participants} />
      {view.can.recordConsent ? (
        <p>
          <a class="button" href={`/sips/${sip.id}/consent`}>
            {view.consent ? s.renewConsent : s.recordConsent}
          </a>
        </p>
      ) : null}
      {view.can.withdrawConsent ? (
        <section class="panel" aria-labelledby="withdraw-heading">
          <h3 id="withdraw-heading">{s.withdrawTitle}</h3>
          <p>{s.withdrawHint}</p>
          <form method="post" action={`/sips/${sip.id}/consent/withdraw`} novalidate>
            <CsrfField token={ctx.csrf} />
            <TextArea
              name="withdrawalNote"
              label={s.withdrawalNote}
              value={str(values, 'withdrawalNote')}
              error={errors.withdrawalNote}
              maxLength={1000}
              rows={2}
            />
            <button type="submit" class="button button--warning">
              {s.withdraw}
            </button>
          </form>
        </section>
      ) : null}
    </Section>
  );
}

function agreementText(s: SipTexts, p: Participant, version: number): string {
  if (p.agreed_version === version && p.agreed_at)
    return s.agreedBy(p.agreed_by_name ?? '–', formatDateTime(p.agreed_at));
  return p.agreed_version ? s.agreedEarlierVersion : s.notAgreed;
}

function ParticipantsSection({ ctx, view, errors, values }: SectionProps) {
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  return (
    <Section id="participants" title={s.participants}>
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{s.organisation}</th>
              <th scope="col">{s.contactPerson}</th>
              <th scope="col">{s.agreement}</th>
              {view.can.update ? (
                <th scope="col">
                  <span class="visually-hidden">{s.remove}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {view.participants.map((p) => (
              <tr key={p.organisation_id}>
                <td>
                  {p.name} <span class="hint">({partnersTexts(ctx.lang).kinds[p.kind]})</span>
                </td>
                <td>{p.contact_name || '–'}</td>
                <td>{agreementText(s, p, sip.content_version)}</td>
                {view.can.update ? (
                  <td>
                    {p.organisation_id !== view.socialServicesId ? (
                      <form
                        method="post"
                        action={`/sips/${sip.id}/participants/${p.organisation_id}/remove`}
                        class="inline-form"
                      >
                        <CsrfField token={ctx.csrf} />
                        <button
                          type="submit"
                          class="button button--secondary button--small"
                          aria-label={`${s.remove}: ${p.name}`}
                        >
                          {s.remove}
                        </button>
                      </form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.can.update ? (
        view.invitable.length ? (
          <form method="post" action={`/sips/${sip.id}/participants`} class="panel" novalidate>
            <h3>{s.invite}</h3>
            <p class="hint">{s.inviteHint}</p>
            <CsrfField token={ctx.csrf} />
            <SelectField
              name="organisationId"
              label={s.organisation}
              value={str(values, 'organisationId')}
              error={errors.organisationId}
              options={view.invitable.map(
                (o) =>
                  [
                    o.id,
                    `${o.name} (${partnersTexts(ctx.lang).kinds[o.kind as keyof PartnersTexts['kinds']]})`,
                  ] as const,
              )}
            />
            <TextField
              name="contactName"
              label={s.contactPerson}
              value={str(values, 'contactName')}
              error={errors.contactName}
              maxLength={200}
            />
            <button type="submit" class="button button--secondary">
              {s.invite}
            </button>
          </form>
        ) : (
          <p class="hint">{s.noOrganisationsToInvite}</p>
        )
      ) : null}
    </Section>
  );
}

function RemoveButton({ ctx, action, label }: { ctx: PageContext; action: string; label: string }) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={ctx.csrf} />
      <button type="submit" class="button button--secondary button--small" aria-label={label}>
        {sipTexts(ctx.lang).remove}
      </button>
    </form>
  );
}

const areaOptions = (s: SipTexts) => goalAreas.map((a) => [a, s.areas[a]] as const);

function NeedsSection({ ctx, view, errors, values }: SectionProps) {
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  if (!view.visible.needs && !view.socialServices)
    return (
      <Section id="needs" title={s.needs}>
        <p>{s.needsHidden}</p>
      </Section>
    );
  return (
    <Section id="needs" title={s.needs}>
      {view.needs.length === 0 ? (
        <p>{s.noNeeds}</p>
      ) : (
        <ul class="item-list">
          {view.needs.map((n) => (
            <li key={n.id}>
              <span class="tag">{s.areas[n.area]}</span> <span class="pre-line">{n.description}</span>{' '}
              {view.can.update ? (
                <RemoveButton
                  ctx={ctx}
                  action={`/sips/${sip.id}/needs/${n.id}/remove`}
                  label={`${s.remove}: ${n.description.slice(0, 40)}`}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {view.can.update ? (
        <form method="post" action={`/sips/${sip.id}/needs`} class="panel" novalidate>
          <h3>{s.addNeed}</h3>
          <CsrfField token={ctx.csrf} />
          <SelectField
            name="needArea"
            label={s.area}
            value={str(values, 'needArea')}
            error={errors.needArea}
            options={areaOptions(s)}
          />
          <TextArea
            name="needDescription"
            label={s.needDescription}
            value={str(values, 'needDescription')}
            error={errors.needDescription}
            maxLength={2000}
            rows={3}
          />
          <button type="submit" class="button button--secondary">
            {s.addNeed}
          </button>
        </form>
      ) : null}
    </Section>
  );
}

function GoalsSection({ ctx, view, errors, values }: SectionProps) {
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  return (
    <Section id="goals" title={s.goals}>
      <p class="hint">{s.goalsIntro}</p>
      {view.goals.length === 0 ? <p>{s.noGoals}</p> : null}
      {goalAreas.map((area) => {
        const goals = view.goals.filter((g) => g.area === area);
        if (goals.length === 0) return null;
        return (
          <div key={area} class="goal-area">
            <h3>{s.areas[area]}</h3>
            <ul class="item-list">
              {goals.map((g) => (
                <li key={g.id}>
                  <span class="pre-line">{g.goal}</span>
                  {g.childs_words ? (
                    <blockquote class="childs-words">
                      <span class="visually-hidden">{s.childsWords}: </span>
                      {g.childs_words}
                    </blockquote>
                  ) : null}
                  {view.can.update ? (
                    <RemoveButton
                      ctx={ctx}
                      action={`/sips/${sip.id}/goals/${g.id}/remove`}
                      label={`${s.remove}: ${g.goal.slice(0, 40)}`}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {view.can.update ? (
        <form method="post" action={`/sips/${sip.id}/goals`} class="panel" novalidate>
          <h3>{s.addGoal}</h3>
          <CsrfField token={ctx.csrf} />
          <SelectField
            name="goalArea"
            label={s.area}
            value={str(values, 'goalArea')}
            error={errors.goalArea}
            options={areaOptions(s)}
          />
          <TextArea
            name="goal"
            label={s.goal}
            value={str(values, 'goal')}
            error={errors.goal}
            maxLength={1000}
            rows={2}
          />
          <TextArea
            name="childsWords"
            label={s.childsWords}
            hint={s.childsWordsHint}
            value={str(values, 'childsWords')}
            error={errors.childsWords}
            maxLength={1000}
            rows={2}
          />
          <button type="submit" class="button button--secondary">
            {s.addGoal}
          </button>
        </form>
      ) : null}
    </Section>
  );
}

function responsibleName(view: SipView, a: Action): string {
  return (
    view.participants.find((p) => p.organisation_id === a.responsible_organisation_id)?.name ??
    a.responsible_other ??
    '–'
  );
}

function ActionsTable({
  ctx,
  view,
  actions,
  errors,
}: {
  ctx: PageContext;
  view: SipView;
  actions: Action[];
  errors: FieldErrors;
}) {
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  const goalOf = (id: string | null) => view.goals.find((g) => g.id === id);
  const mayReport = (a: Action) =>
    view.can.reportActionStatus &&
    (view.socialServices || a.responsible_organisation_id === view.actingOrganisationId);
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{s.action}</th>
            <th scope="col">{s.responsible}</th>
            <th scope="col">{s.dueOn}</th>
            <th scope="col">{s.actionStatusLabel}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id}>
              <td>
                <span class="pre-line">{a.description}</span>
                {goalOf(a.goal_id) ? (
                  <span class="hint">
                    <br />
                    {s.forGoal}: {goalOf(a.goal_id)?.goal}
                  </span>
                ) : null}
                {view.can.update ? (
                  <>
                    {' '}
                    <RemoveButton
                      ctx={ctx}
                      action={`/sips/${sip.id}/actions/${a.id}/remove`}
                      label={`${s.remove}: ${a.description.slice(0, 40)}`}
                    />
                  </>
                ) : null}
              </td>
              <td>
                {responsibleName(view, a)}
                {a.responsible_person ? (
                  <span class="hint">
                    <br />
                    {a.responsible_person}
                  </span>
                ) : null}
              </td>
              <td>
                {a.due_on}{' '}
                {sip.status === 'active' && (a.status === 'planned' || a.status === 'ongoing') ? (
                  <DueTag s={s} date={a.due_on} today={view.today} />
                ) : null}
              </td>
              <td>
                {mayReport(a) ? (
                  <form
                    method="post"
                    action={`/sips/${sip.id}/actions/${a.id}/status`}
                    class="stack-form"
                    novalidate
                  >
                    <CsrfField token={ctx.csrf} />
                    <SelectField
                      name="status"
                      id={`status-${a.id}`}
                      label={`${s.actionStatusLabel}: ${a.description.slice(0, 40)}`}
                      value={a.status}
                      error={errors[`status-${a.id}`]}
                      options={actionStatuses.map((st) => [st, s.actionStatus[st]] as const)}
                    />
                    <TextField
                      name="note"
                      id={`note-${a.id}`}
                      label={s.statusNote}
                      value={a.status_note}
                      error={errors[`note-${a.id}`]}
                      maxLength={1000}
                    />
                    <button type="submit" class="button button--secondary button--small">
                      {s.reportStatus}
                    </button>
                  </form>
                ) : (
                  <>
                    {s.actionStatus[a.status]}
                    {a.status_note ? <span class="hint"> – {a.status_note}</span> : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ActionsSection({ ctx, view, errors, values }: SectionProps) {
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  const parties = view.actions.filter((a) => a.responsible_organisation_id);
  const others = view.actions.filter((a) => !a.responsible_organisation_id);
  return (
    <>
      <Section id="actions" title={s.actions}>
        <p class="hint">{s.actionsIntro}</p>
        {parties.length === 0 ? (
          <p>{s.noActions}</p>
        ) : (
          <ActionsTable ctx={ctx} view={view} actions={parties} errors={errors} />
        )}
      </Section>
      <Section id="others" title={s.othersActions}>
        <p class="hint">{s.othersIntro}</p>
        {others.length === 0 ? (
          <p>{s.noActions}</p>
        ) : (
          <ActionsTable ctx={ctx} view={view} actions={others} errors={errors} />
        )}
        {view.can.update ? (
          <form method="post" action={`/sips/${sip.id}/actions`} class="panel" novalidate>
            <h3>{s.addAction}</h3>
            <CsrfField token={ctx.csrf} />
            <TextArea
              name="actionDescription"
              label={s.action}
              value={str(values, 'actionDescription')}
              error={errors.actionDescription}
              maxLength={1000}
              rows={2}
            />
            <SelectField
              name="goalId"
              label={s.forGoal}
              value={str(values, 'goalId')}
              error={errors.goalId}
              options={[
                ['', s.noGoal] as const,
                ...view.goals.map((g) => [g.id, g.goal.slice(0, 80)] as const),
              ]}
            />
            <SelectField
              name="responsible"
              label={s.responsible}
              value={str(values, 'responsible')}
              error={errors.responsible}
              options={[
                ['', '–'] as const,
                ...view.participants.map((p) => [p.organisation_id, p.name] as const),
                ['other', s.responsibleOtherOption] as const,
              ]}
            />
            <TextField
              name="responsibleOther"
              label={s.responsibleOther}
              hint={s.responsibleOtherHint}
              value={str(values, 'responsibleOther')}
              error={errors.responsibleOther}
              maxLength={200}
            />
            <TextField
              name="responsiblePerson"
              label={s.responsiblePerson}
              value={str(values, 'responsiblePerson')}
              error={errors.responsiblePerson}
              maxLength={200}
            />
            <TextField
              name="dueOn"
              type="date"
              label={s.dueOn}
              value={str(values, 'dueOn')}
              error={errors.dueOn}
              width="medium"
            />
            <button type="submit" class="button button--secondary">
              {s.addAction}
            </button>
          </form>
        ) : null}
      </Section>
    </>
  );
}

function AgreementSection({ ctx, view }: { ctx: PageContext; view: SipView }) {
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

function FollowUpsSection({ ctx, view }: { ctx: PageContext; view: SipView }) {
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

function CloseSection({ ctx, view, errors, values }: SectionProps) {
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  if (!view.can.close) return null;
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
        <button type="submit" class="button button--warning">
          {s.close}
        </button>
      </form>
    </section>
  );
}

// ---- Forms on their own pages ----

export function ConsentPage({
  ctx,
  sipId,
  child,
  guardians,
  participants,
  consent,
  errors = {},
  values,
  today,
}: {
  ctx: PageContext;
  sipId: string;
  child: ChildSummary | null;
  guardians: { id: string; given_name: string; family_name: string; kind: string }[];
  participants: Participant[];
  consent: ConsentRecord | null;
  errors?: FieldErrors;
  values?: Values;
  today: string;
}) {
  const { t } = ctx;
  const s = sipTexts(ctx.lang);
  const name = childLabel(child, null);
  const title = s.consentTitle(name);
  const v: Values = values ?? {
    givenOn: today,
    validUntil: consent?.valid_until ?? '',
    guardianIds: consent?.guardians.map((g) => g.id) ?? [],
    guardiansNote: consent?.guardians_note ?? '',
    childsView: consent?.childs_view,
    childsViewNote: consent?.childs_view_note ?? '',
    organisationIds: consent?.organisationIds ?? [],
    informationKinds: consent?.information_kinds ?? ['plan'],
  };
  const partners = participants.filter((p) => p.kind !== 'socialServices');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{s.consentIntro}</p>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={`/sips/${sipId}/consent`} novalidate>
        <CsrfField token={ctx.csrf} />
        <TextField
          name="givenOn"
          type="date"
          label={s.givenOn}
          value={str(v, 'givenOn')}
          error={errors.givenOn}
          width="medium"
        />
        <TextField
          name="validUntil"
          type="date"
          label={s.validUntil}
          hint={s.validUntilHint}
          value={str(v, 'validUntil')}
          error={errors.validUntil}
          width="medium"
        />
        {guardians.length ? (
          <CheckboxGroup
            name="guardianIds"
            legend={s.guardians}
            hint={s.guardiansHint}
            error={errors.guardianIds}
            options={guardians.map(
              (g) =>
                [
                  g.id,
                  `${g.given_name} ${g.family_name} (${peopleTexts(ctx.lang).relation[g.kind as 'guardian']})`,
                ] as const,
            )}
            checked={list(v, 'guardianIds')}
          />
        ) : (
          <p>{s.noRegisteredGuardians}</p>
        )}
        <TextField
          name="guardiansNote"
          label={s.guardiansNote}
          hint={s.guardiansNoteHint}
          value={str(v, 'guardiansNote')}
          error={errors.guardiansNote}
          maxLength={1000}
        />
        <RadioGroup
          name="childsView"
          legend={s.childsView}
          error={errors.childsView}
          options={childsViews.map((c) => [c, s.childsViews[c]] as const)}
          value={str(v, 'childsView')}
        />
        <TextArea
          name="childsViewNote"
          label={s.childsViewNote}
          hint={s.childsViewNoteHint}
          value={str(v, 'childsViewNote')}
          error={errors.childsViewNote}
          maxLength={2000}
          rows={3}
        />
        <CheckboxGroup
          name="organisationIds"
          legend={s.organisations}
          hint={s.organisationsHint}
          error={errors.organisationIds}
          options={partners.map(
            (p) => [p.organisation_id, `${p.name} (${partnersTexts(ctx.lang).kinds[p.kind]})`] as const,
          )}
          checked={list(v, 'organisationIds')}
        />
        <CheckboxGroup
          name="informationKinds"
          legend={s.information}
          error={errors.informationKinds}
          options={sipInformationKinds
            .filter((k) => k !== 'plan')
            .map((k) => [k, s.informationKinds[k]] as const)}
          checked={list(v, 'informationKinds')}
        />
        <p class="hint">{s.informationKinds.plan}</p>
        <div class="button-row">
          <button type="submit" class="button">
            {s.saveConsent}
          </button>
          <a class="button button--secondary" href={`/sips/${sipId}`}>
            {t.cancel}
          </a>
        </div>
      </form>
    </Layout>
  );
}

export function FramePage({
  ctx,
  view,
  errors = {},
  values,
}: {
  ctx: PageContext;
  view: SipView;
  errors?: FieldErrors;
  values?: Values;
}) {
  const { t } = ctx;
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  const title = s.frameTitle(childLabel(view.child, null));
  const v: Values = values ?? {
    leadOrganisationId: sip.lead_organisation_id ?? '',
    meetingOn: sip.meeting_on ?? '',
    meetingTime: sip.meeting_time ?? '',
    meetingPlace: sip.meeting_place ?? '',
    followUpOn: sip.follow_up_on ?? '',
    familyParticipants: sip.family_participants,
    summaryForChild: sip.summary_for_child,
  };
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={`/sips/${sip.id}/plan`} novalidate>
        <CsrfField token={ctx.csrf} />
        <SelectField
          name="leadOrganisationId"
          label={s.leadOrganisation}
          hint={s.leadHint}
          value={str(v, 'leadOrganisationId')}
          error={errors.leadOrganisationId}
          options={[
            ['', s.notSet] as const,
            ...view.participants.map((p) => [p.organisation_id, p.name] as const),
          ]}
        />
        <TextField
          name="meetingOn"
          type="date"
          label={s.meetingOn}
          value={str(v, 'meetingOn')}
          error={errors.meetingOn}
          width="medium"
        />
        <TextField
          name="meetingTime"
          label={s.meetingTime}
          hint={s.meetingTimeHint}
          value={str(v, 'meetingTime')}
          error={errors.meetingTime}
          width="short"
          maxLength={5}
        />
        <TextField
          name="meetingPlace"
          label={s.meetingPlace}
          value={str(v, 'meetingPlace')}
          error={errors.meetingPlace}
          maxLength={200}
        />
        <TextArea
          name="familyParticipants"
          label={s.familyParticipants}
          hint={s.familyParticipantsHint}
          value={str(v, 'familyParticipants')}
          error={errors.familyParticipants}
          maxLength={1000}
          rows={2}
        />
        <TextField
          name="followUpOn"
          type="date"
          label={s.followUpOn}
          hint={s.followUpHint}
          value={str(v, 'followUpOn')}
          error={errors.followUpOn}
          width="medium"
        />
        <TextArea
          name="summaryForChild"
          label={s.summaryForChild}
          hint={s.summaryForChildHint}
          value={str(v, 'summaryForChild')}
          error={errors.summaryForChild}
          maxLength={4000}
          rows={5}
        />
        <div class="button-row">
          <button type="submit" class="button">
            {t.save}
          </button>
          <a class="button button--secondary" href={`/sips/${sip.id}`}>
            {t.cancel}
          </a>
        </div>
      </form>
    </Layout>
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

// ---- The printable plan for the family ----

export function PrintPage({ ctx, view }: { ctx: PageContext; view: SipView }) {
  const { t } = ctx;
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  const name = childLabel(view.child, null);
  const firstName = view.child?.given_name ?? name;
  const lead = view.participants.find((p) => p.organisation_id === sip.lead_organisation_id);
  const legal = sipLegalReference(view.today);
  return (
    <Layout ctx={ctx} title={s.printTitle(name)}>
      <div class="print-plan">
        <p class="no-print">
          <a href={`/sips/${sip.id}`}>{s.backToPlan}</a> · {s.printButton}
        </p>
        <h1>{s.printTitle(name)}</h1>
        <section class="for-child" aria-labelledby="for-child-heading">
          <h2 id="for-child-heading">{s.forTheChild}</h2>
          <p class="lead">{s.childSummaryIntro(firstName)}</p>
          {sip.summary_for_child ? <p class="pre-line">{sip.summary_for_child}</p> : null}
          {view.goals.length ? (
            <>
              <p>{s.childGoalsIntro}</p>
              <ul>
                {view.goals.map((g) => (
                  <li key={g.id}>{g.childs_words || g.goal}</li>
                ))}
              </ul>
            </>
          ) : null}
          {view.actions.length ? (
            <>
              <p>{s.childWhoDoesWhat}</p>
              <ul>
                {view.actions.map((a) => (
                  <li key={a.id}>
                    <strong>{a.responsible_person || responsibleName(view, a)}</strong>: {a.description}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {sip.follow_up_on ? <p>{s.childNextMeeting(sip.follow_up_on)}</p> : null}
          <p>{s.childCanSayNo}</p>
        </section>
        <section aria-labelledby="plan-heading" class="page-break">
          <h2 id="plan-heading">{s.forTheFamily}</h2>
          <dl class="summary-list">
            <dt>{s.child}</dt>
            <dd>{name}</dd>
            <dt>{s.statusLabel}</dt>
            <dd>{s.status[sip.status]}</dd>
            <dt>{s.lead}</dt>
            <dd>{lead?.name ?? s.notSet}</dd>
            <dt>{s.coordinator}</dt>
            <dd>{view.coordinatorName ?? '–'}</dd>
            <dt>{s.participants}</dt>
            <dd>
              {view.participants
                .map((p) => (p.contact_name ? `${p.name} (${p.contact_name})` : p.name))
                .join(', ')}
            </dd>
            <dt>{s.familyParticipants}</dt>
            <dd>{sip.family_participants || t.notGiven}</dd>
            <dt>{s.followUpOn}</dt>
            <dd>{sip.follow_up_on ?? s.notSet}</dd>
          </dl>
          {view.needs.length ? (
            <>
              <h3>{s.needs}</h3>
              <ul>
                {view.needs.map((n) => (
                  <li key={n.id}>
                    {s.areas[n.area]}: {n.description}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>{s.goals}</h3>
          <ul>
            {view.goals.map((g) => (
              <li key={g.id}>
                {s.areas[g.area]}: {g.goal}
                {g.childs_words ? ` (”${g.childs_words}”)` : ''}
              </li>
            ))}
          </ul>
          <h3>{s.actions}</h3>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{s.action}</th>
                <th scope="col">{s.responsible}</th>
                <th scope="col">{s.dueOn}</th>
                <th scope="col">{s.actionStatusLabel}</th>
              </tr>
            </thead>
            <tbody>
              {view.actions.map((a) => (
                <tr key={a.id}>
                  <td>{a.description}</td>
                  <td>
                    {responsibleName(view, a)}
                    {a.responsible_person ? `, ${a.responsible_person}` : ''}
                  </td>
                  <td>{a.due_on}</td>
                  <td>{s.actionStatus[a.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="hint">{s.legal(legal.socialServices, legal.healthCare)}</p>
          <p class="hint">{s.printedOn(view.today)}</p>
        </section>
      </div>
    </Layout>
  );
}

// ---- Worklist on the start page ----

export function SipWorklistSection({ ctx, worklist }: { ctx: PageContext; worklist: Worklist }) {
  const s = sipTexts(ctx.lang);
  const empty =
    worklist.followUps.length +
      worklist.actions.length +
      worklist.requests.length +
      worklist.awaitingAgreement.length ===
    0;
  return (
    <section aria-labelledby="sip-worklist" class="worklist">
      <h2 id="sip-worklist">{s.worklistTitle}</h2>
      {empty ? <p>{s.worklistEmpty}</p> : null}
      <WorklistRows
        ctx={ctx}
        id="sip-follow-ups"
        title={s.worklistFollowUps}
        rows={worklist.followUps}
        date={(r) => r.follow_up_on}
        today={worklist.today}
      />
      {worklist.actions.length ? (
        <>
          <h3 id="sip-actions">{s.worklistActions}</h3>
          <ul class="plain-list" aria-labelledby="sip-actions">
            {worklist.actions.map((a: DueAction) => (
              <li key={a.id}>
                <a href={`/sips/${a.sip_id}#actions-heading`}>
                  {a.given_name} {a.family_name}
                </a>
                : {a.description} ({a.responsible_name ?? a.responsible_other}) – {a.due_on}{' '}
                <DueTag s={s} date={a.due_on} today={worklist.today} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <WorklistRows
        ctx={ctx}
        id="sip-requests"
        title={s.worklistRequests}
        rows={worklist.requests}
        date={() => null}
        today={worklist.today}
      />
      <WorklistRows
        ctx={ctx}
        id="sip-awaiting"
        title={s.worklistAwaiting}
        rows={worklist.awaitingAgreement}
        date={(r) => r.meeting_on}
        today={worklist.today}
      />
      <WorklistRows
        ctx={ctx}
        id="sip-plans"
        title={s.myPlans}
        rows={worklist.plans}
        date={(r) => (r.status === 'active' ? r.follow_up_on : null)}
        today={worklist.today}
      />
      <p>
        <a href="/sips">{s.title}</a>
      </p>
    </section>
  );
}

function WorklistRows({
  ctx,
  id,
  title,
  rows,
  date,
  today,
}: {
  ctx: PageContext;
  id: string;
  title: string;
  rows: SipListRow[];
  date: (row: SipListRow) => string | null;
  today: string;
}) {
  if (rows.length === 0) return null;
  return (
    <>
      <h3 id={id}>{title}</h3>
      <ul class="plain-list" aria-labelledby={id}>
        {rows.map((r) => {
          const d = date(r);
          return (
            <li key={r.id}>
              <a href={`/sips/${r.id}`}>{rowChildName(r)}</a>
              {r.requested_by_organisation_name && r.status === 'requested'
                ? ` (${r.requested_by_organisation_name})`
                : ''}
              {d ? (
                <>
                  {' '}
                  – {d}{' '}
                  {r.status === 'active' ? <DueTag s={sipTexts(ctx.lang)} date={d} today={today} /> : null}
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
