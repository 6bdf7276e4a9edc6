import { textsFor } from '../../platform/i18n/i18n.ts';
import { authEn } from './en.ts';
import { type AuthTexts, authSv } from './sv.ts';

export type { AuthTexts };

/** The login pages’ texts in the user’s language. */
export const authTexts = textsFor({ sv: authSv, en: authEn });
