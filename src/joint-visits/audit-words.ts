import { textsFor } from '../platform/i18n/i18n.ts';

/**
 * How the log review names this feature's codes in the audit trail (src/log-review/labels.ts;
 * decision 0068): the actions, refusal reasons and record types its events carry that its
 * other texts do not already name.
 */
export const jointVisitsAuditWords = textsFor({
  sv: {
    actions: {} as Record<string, string>,
    reasons: {
      notPolice: 'Inte polisen',
      notVisitPolice: 'Annan polisorganisation än besökets',
      noVisitConsent: 'Inget samtycke för polisen',
      visitConsentWithdrawn: 'Samtycket för polisen är återkallat',
      jointVisitForm: 'Formuläret för gemensamt hembesök',
      empty: 'Listan var tom',
      followUp: 'Uppföljning av besök',
    } as Record<string, string>,
    recordTypes: {
      jointVisit: 'Gemensamt hembesök',
    } as Record<string, string>,
  },
  en: {
    actions: {} as Record<string, string>,
    reasons: {
      notPolice: 'Not the police',
      notVisitPolice: 'Another police organisation than the visit’s',
      noVisitConsent: 'No consent for the police',
      visitConsentWithdrawn: 'The consent for the police is withdrawn',
      jointVisitForm: 'The joint visit form',
      empty: 'The list was empty',
      followUp: 'Follow-up of a visit',
    } as Record<string, string>,
    recordTypes: {
      jointVisit: 'Joint home visit',
    } as Record<string, string>,
  },
});
