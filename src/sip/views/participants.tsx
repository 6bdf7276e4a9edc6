import { type PartnersTexts, partnersTexts } from '../../partners/i18n/index.ts';
import { formatDateTime } from '../../platform/dates.ts';
import { CsrfField, SelectField, TextField } from '../../platform/layout/forms.tsx';
import { type SipTexts, sipTexts } from '../i18n/index.ts';
import type { Participant } from '../queries/plan.ts';
import { Section, type SectionProps, str } from './shared.tsx';

function agreementText(s: SipTexts, p: Participant, version: number): string {
  if (p.agreed_version === version && p.agreed_at)
    return s.agreedBy(p.agreed_by_name ?? '–', formatDateTime(p.agreed_at));
  return p.agreed_version ? s.agreedEarlierVersion : s.notAgreed;
}

export function ParticipantsSection({ ctx, view, errors, values }: SectionProps) {
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
