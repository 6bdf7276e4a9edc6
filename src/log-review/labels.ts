import type { Lang } from '../platform/i18n/i18n.ts';

/** How the log review names a feature's audited actions ('sip.read' → "Öppnade SIP"). */
export type AuditLabels = (lang: Lang) => Readonly<Record<string, string>>;

declare module '../platform/features.ts' {
  interface ExtensionPoints {
    auditLabels: AuditLabels;
  }
}
