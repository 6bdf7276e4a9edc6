import { textsFor } from '../../platform/i18n/i18n.ts';
import { retentionEn } from './en.ts';
import { type RetentionTexts, retentionSv } from './sv.ts';

export type { RetentionTexts };

/** The retention feature's texts in the user's language. */
export const retentionTexts = textsFor({ sv: retentionSv, en: retentionEn });
