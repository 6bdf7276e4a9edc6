import { textsFor } from '../../platform/i18n/i18n.ts';
import { adminEn } from './en.ts';
import { type AdminTexts, adminSv } from './sv.ts';

export type { AdminTexts };

/** The administration pages’ texts in the user’s language. */
export const adminTexts = textsFor({ sv: adminSv, en: adminEn });
