import { textsFor } from '../../platform/i18n/i18n.ts';
import { reportsEn } from './en.ts';
import { type ReportsTexts, reportsSv } from './sv.ts';

export type { ReportsTexts };

/** The concern-report e-service’s texts in the user’s language. */
export const reportsTexts = textsFor({ sv: reportsSv, en: reportsEn });
