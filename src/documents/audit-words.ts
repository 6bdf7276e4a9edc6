import { textsFor } from '../platform/i18n/i18n.ts';

/**
 * How the log review names this feature's codes in the audit trail (src/log-review/labels.ts;
 * decision 0068): the actions, refusal reasons and record types its events carry that its
 * other texts do not already name.
 */
export const documentsAuditWords = textsFor({
  sv: {
    actions: {} as Record<string, string>,
    reasons: {} as Record<string, string>,
    recordTypes: {
      documentRecipient: 'Mottagare av handling',
      documentDispatch: 'Utskick av handling',
    } as Record<string, string>,
  },
  en: {
    actions: {} as Record<string, string>,
    reasons: {} as Record<string, string>,
    recordTypes: {
      documentRecipient: 'Recipient of a document',
      documentDispatch: 'Sending of a document',
    } as Record<string, string>,
  },
});
