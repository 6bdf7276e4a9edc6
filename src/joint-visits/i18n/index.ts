import { textsFor } from '../../platform/i18n/i18n.ts';
import { jointVisitsEn } from './en.ts';
import { type JointVisitsTexts, jointVisitsSv } from './sv.ts';

export type { JointVisitsTexts };

/** Joint home visits' texts in the user's language. */
export const jointVisitsTexts = textsFor({ sv: jointVisitsSv, en: jointVisitsEn });
