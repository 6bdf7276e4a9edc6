import { textsFor } from '../../platform/i18n/i18n.ts';
import { logReviewEn } from './en.ts';
import { type LogReviewTexts, logReviewSv } from './sv.ts';

export type { LogReviewTexts };

/** The log review’s texts in the user’s language. */
export const logReviewTexts = textsFor({ sv: logReviewSv, en: logReviewEn });
