import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { jointVisitsTexts } from '../i18n/index.ts';
import type { NewVisitForm } from '../service.ts';
import { at, str, type Values } from './shared.tsx';

type Found = Extract<NewVisitForm, { found: true }>;

/** The visit's frame: the police and their reference, the times, the place and who took part. */
export function NewVisitPage({
  ctx,
  form,
  errors = {},
  values,
}: {
  ctx: PageContext;
  form: Found;
  errors?: FieldErrors;
  values?: Values | undefined;
}) {
  const tx = jointVisitsTexts(ctx.lang);
  const { report, child, police } = form;
  const title = tx.newVisitFor(report.reference);
  const v = (key: string) => str(values, key);
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/joint-visits">{tx.title}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={ctx.t} errors={errors} />
      <dl class="summary-list">
        <dt>{tx.report}</dt>
        <dd>{tx.reportReceived(report.reference, at(report.received_at))}</dd>
        {child ? (
          <>
            <dt>{tx.columns.child}</dt>
            <dd>
              {child.given_name} {child.family_name}
            </dd>
          </>
        ) : null}
        <dt>{tx.protectionAssessment}</dt>
        <dd>
          {report.protection_outcome
            ? `${tx.protectionOutcomes[report.protection_outcome]} (${report.protection_assessed_on})`
            : tx.protectionNotAssessed}
        </dd>
      </dl>
      {!report.child_id ? (
        <p class="field-error">{tx.reportNotLinked}</p>
      ) : police.length === 0 ? (
        <p class="field-error">{tx.noPolice}</p>
      ) : (
        <form method="post" action="/joint-visits" novalidate>
          <CsrfField token={ctx.csrf} />
          <input type="hidden" name="reportId" value={report.id} />
          <SelectField
            name="policeOrganisationId"
            label={tx.policeOrganisation}
            value={v('policeOrganisationId') || (police.length === 1 ? police[0]!.id : '')}
            error={errors.policeOrganisationId}
            options={[['', tx.choose] as const, ...police.map((p) => [p.id, p.name] as const)]}
          />
          <TextField
            name="policeReference"
            label={tx.policeReference}
            hint={tx.policeReferenceHint}
            value={v('policeReference')}
            error={errors.policeReference}
            maxLength={60}
            width="medium"
          />
          <TextField
            name="incidentDate"
            type="date"
            label={tx.incidentDate}
            value={v('incidentDate')}
            error={errors.incidentDate}
            width="medium"
          />
          <TextField
            name="incidentTime"
            label={tx.incidentTime}
            hint={tx.timeHint}
            value={v('incidentTime')}
            error={errors.incidentTime}
            maxLength={5}
            width="short"
            inputmode="numeric"
          />
          <TextField
            name="visitDate"
            type="date"
            label={tx.visitDate}
            value={v('visitDate')}
            error={errors.visitDate}
            width="medium"
          />
          <TextField
            name="visitTime"
            label={tx.visitTime}
            hint={tx.timeHint}
            value={v('visitTime')}
            error={errors.visitTime}
            maxLength={5}
            width="short"
            inputmode="numeric"
          />
          <TextField
            name="place"
            label={tx.place}
            hint={tx.placeHint}
            value={v('place')}
            error={errors.place}
            maxLength={200}
          />
          <TextField
            name="socialServicesParticipants"
            label={tx.socialServicesParticipants}
            hint={tx.participantsHint}
            value={v('socialServicesParticipants') || ctx.actor?.displayName || ''}
            error={errors.socialServicesParticipants}
            maxLength={500}
          />
          <TextField
            name="policeParticipants"
            label={tx.policeParticipants}
            hint={tx.participantsHint}
            value={v('policeParticipants')}
            error={errors.policeParticipants}
            maxLength={500}
          />
          <TextField
            name="followUpOn"
            type="date"
            label={tx.followUpOn}
            hint={tx.followUpHint}
            value={v('followUpOn')}
            error={errors.followUpOn}
            width="medium"
          />
          <button type="submit" class="button">
            {tx.save}
          </button>
        </form>
      )}
    </Layout>
  );
}
