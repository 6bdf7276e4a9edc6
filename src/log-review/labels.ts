import type { Lang } from '../platform/i18n/i18n.ts';

/**
 * How the log review names a feature's codes in the audit trail, in the reviewer's language: its
 * audited actions ('sip.read' → "Öppnade SIP"), the reasons its events carry (a refusal's reason,
 * a channel, a status) and the kinds of record they concern. Every code written anywhere has a
 * label (src/log-review/vocabulary.test.ts); the review never shows a raw code.
 */
export type AuditLabels = (lang: Lang) => Readonly<Record<string, string>>;

declare module '../platform/features.ts' {
  interface ExtensionPoints {
    auditLabels: AuditLabels;
    auditReasonLabels: AuditLabels;
    auditRecordTypeLabels: AuditLabels;
  }
}
