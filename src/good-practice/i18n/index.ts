import { textsFor } from '../../platform/i18n/i18n.ts';
import { goodPracticeEn } from './en.ts';
import { type GoodPracticeTexts, goodPracticeSv } from './sv.ts';

export type { GoodPracticeTexts };

/** The good examples' texts in the user's language. */
export const goodPracticeTexts = textsFor({ sv: goodPracticeSv, en: goodPracticeEn });
