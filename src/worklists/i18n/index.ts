import { textsFor } from '../../platform/i18n/i18n.ts';
import { worklistsEn } from './en.ts';
import { type WorklistsTexts, worklistsSv } from './sv.ts';

export type { WorklistsTexts };

/** The worklists’ texts in the user’s language. */
export const worklistsTexts = textsFor({ sv: worklistsSv, en: worklistsEn });
