import {
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
import type { SipView } from '../service/read.ts';
import { childLabel, str, type Values } from './shared.tsx';

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
