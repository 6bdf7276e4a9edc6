import type { Features } from '../platform/features.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { logReviewTexts } from './i18n/index.ts';
import './labels.ts';

/** Every feature's words for the codes of the audit trail, and the log review's own. */
export interface AuditVocabulary {
  actions: Readonly<Record<string, string>>;
  reasons: Readonly<Record<string, string>>;
  recordTypes: Readonly<Record<string, string>>;
}

export function auditVocabulary(features: Features, lang: Lang): AuditVocabulary {
  const own = logReviewTexts(lang);
  const merged = (point: 'auditLabels' | 'auditReasonLabels' | 'auditRecordTypeLabels') =>
    Object.assign({}, ...features.contributions(point).map((of) => of(lang))) as Record<string, string>;
  return {
    actions: { ...own.auditActions, ...merged('auditLabels') },
    reasons: { ...own.reasons, ...merged('auditReasonLabels') },
    recordTypes: { ...own.recordTypes, ...merged('auditRecordTypeLabels') },
  };
}

/**
 * An event's reason in words. A code is named by its label; a list of codes ('plan,needs') by
 * theirs; an organisation's API token by the organisation. Anything else is what a person wrote
 * (the reason given to see a protected address, to withdraw a consent) and is shown as written.
 */
export function reasonInWords(vocabulary: AuditVocabulary, lang: Lang, reason: string | null): string {
  if (!reason) return '';
  const label = vocabulary.reasons[reason];
  if (label) return label;
  const apiClient = /^apiClient:(.+)$/.exec(reason);
  if (apiClient) return logReviewTexts(lang).viaApiClient(apiClient[1]!);
  const parts = reason.split(',');
  if (parts.length > 1 && parts.every((part) => vocabulary.reasons[part]))
    return parts.map((part) => vocabulary.reasons[part]).join(', ');
  return reason;
}
