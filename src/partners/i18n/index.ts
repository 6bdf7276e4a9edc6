import { textsFor } from '../../platform/i18n/i18n.ts';
import { partnersEn } from './en.ts';
import { type PartnersTexts, partnersSv } from './sv.ts';

export type { PartnersTexts };

/** The partner organisations’ texts in the user’s language. */
export const partnersTexts = textsFor({ sv: partnersSv, en: partnersEn });
