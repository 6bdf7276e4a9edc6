import { partnersTexts } from '../../partners/i18n/index.ts';
import { peopleTexts } from '../../people/i18n/index.ts';
import { formatDateTime } from '../../platform/dates.ts';
import {
  asList,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  RadioGroup,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { type ConsentState, consentState } from '../domain/consent.ts';
import { sipTexts } from '../i18n/index.ts';
import type { ChildSummary, ConsentRecord, Participant } from '../queries/plan.ts';
import { childsViews, sipInformationKinds } from '../schema.ts';
import { childLabel, Section, type SectionProps, str, type Values } from './shared.tsx';

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

export function ConsentSection({ ctx, view, errors, values }: SectionProps) {
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  const state = consentState(view.facts.consent, view.today);
  return (
    <Section id="consent" title={s.consent}>
      <p>{s.consentIntro}</p>
      <ConsentSummary ctx={ctx} consent={view.consent} state={state} participants={view.participants} />
      {view.can.recordConsent && state === 'valid' && view.consent ? (
        <ExtendConsent ctx={ctx} view={view} consent={view.consent} />
      ) : null}
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
            checked={asList(v.guardianIds)}
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
          checked={asList(v.organisationIds)}
        />
        <CheckboxGroup
          name="informationKinds"
          legend={s.information}
          error={errors.informationKinds}
          options={sipInformationKinds
            .filter((k) => k !== 'plan')
            .map((k) => [k, s.informationKinds[k]] as const)}
          checked={asList(v.informationKinds)}
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

/** Parties invited after the consent was recorded: one click each once the family has agreed. */
function ExtendConsent({
  ctx,
  view,
  consent,
}: {
  ctx: PageContext;
  view: SectionProps['view'];
  consent: ConsentRecord;
}) {
  const s = sipTexts(ctx.lang);
  const uncovered = view.participants.filter(
    (p) => p.kind !== 'socialServices' && !consent.organisationIds.includes(p.organisation_id),
  );
  if (uncovered.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="extend-consent-heading">
      <h3 id="extend-consent-heading">{s.extendConsentTitle}</h3>
      <p>{s.extendConsentHint}</p>
      {uncovered.map((p) => (
        <form
          key={p.organisation_id}
          method="post"
          action={`/sips/${view.facts.sip.id}/consent/extend`}
          class="inline-form"
        >
          <CsrfField token={ctx.csrf} />
          <input type="hidden" name="organisationId" value={p.organisation_id} />
          <button type="submit" class="button button--secondary">
            {s.extendConsent(p.name)}
          </button>
        </form>
      ))}
    </section>
  );
}
