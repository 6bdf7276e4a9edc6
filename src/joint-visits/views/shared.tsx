import { formatDateTime } from '../../platform/dates.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { jointVisitsTexts } from '../i18n/index.ts';
import { formatMinutes } from '../messages.ts';

/** Form values sent back after a refusal. */
export type Values = Record<string, string | string[] | undefined>;
export const str = (values: Values | undefined, key: string): string => {
  const v = values?.[key];
  return typeof v === 'string' ? v : '';
};

export type ConsentState = 'none' | 'inForce' | 'withdrawn';
export const consentStateOf = (v: {
  consent_given_at: Date | null;
  consent_withdrawn_at: Date | null;
}): ConsentState => (!v.consent_given_at ? 'none' : v.consent_withdrawn_at ? 'withdrawn' : 'inForce');

/** The time from the report to the contact: negative when the visit came before the report. */
export function reportToContactText(minutes: number, lang: Lang): string {
  const tx = jointVisitsTexts(lang);
  return minutes < 0 ? tx.contactBeforeReport(formatMinutes(minutes, lang)) : formatMinutes(minutes, lang);
}

export const at = (value: Date) => formatDateTime(value);

/** The frame the police took part in, as a description list (the police's view and social services'). */
export function FrameList({
  lang,
  frame,
}: {
  lang: Lang;
  frame: {
    policeReference: string;
    incidentAt: Date;
    visitAt: Date;
    place: string;
    socialServicesParticipants: string;
    policeParticipants: string;
    policeName?: string;
  };
}) {
  const tx = jointVisitsTexts(lang);
  return (
    <dl class="summary-list">
      {frame.policeName ? (
        <>
          <dt>{tx.policeOrganisation}</dt>
          <dd>{frame.policeName}</dd>
        </>
      ) : null}
      <dt>{tx.policeReference}</dt>
      <dd>{frame.policeReference}</dd>
      <dt>{tx.incidentAt}</dt>
      <dd>{at(frame.incidentAt)}</dd>
      <dt>{tx.visitAt}</dt>
      <dd>{at(frame.visitAt)}</dd>
      <dt>{tx.place}</dt>
      <dd>{frame.place}</dd>
      <dt>{tx.socialServicesParticipants}</dt>
      <dd>{frame.socialServicesParticipants}</dd>
      <dt>{tx.policeParticipants}</dt>
      <dd>{frame.policeParticipants}</dd>
    </dl>
  );
}
