import { textsFor } from '../../platform/i18n/i18n.ts';
import { homeEn } from './en.ts';
import { type HomeTexts, homeSv } from './sv.ts';

export type { HomeTexts };

/** The start page’s texts in the user’s language. */
export const homeTexts = textsFor({ sv: homeSv, en: homeEn });
