import { textsFor } from '../platform/i18n/i18n.ts';

/**
 * How the log review names this feature's codes in the audit trail (src/log-review/labels.ts;
 * decision 0068): the actions, refusal reasons and record types its events carry that its
 * other texts do not already name.
 */
export const installationAuditWords = textsFor({
  sv: {
    actions: {
      'municipality.create': 'Skapade kommunen',
      'retention.review': 'Gick igenom vad som ska gallras (provkörning)',
    } as Record<string, string>,
    reasons: {} as Record<string, string>,
    recordTypes: {
      operator: 'Driftansvarig',
      municipality: 'Kommun',
    } as Record<string, string>,
  },
  en: {
    actions: {
      'municipality.create': 'Created the municipality',
      'retention.review': 'Reviewed what is due for culling (dry run)',
    } as Record<string, string>,
    reasons: {} as Record<string, string>,
    recordTypes: {
      operator: 'Operator',
      municipality: 'Municipality',
    } as Record<string, string>,
  },
});
