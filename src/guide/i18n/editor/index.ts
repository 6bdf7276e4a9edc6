import { textsFor } from '../../../platform/i18n/i18n.ts';
import { guideEditorEn } from './en.ts';
import { type GuideEditorTexts, guideEditorSv } from './sv.ts';

export type { GuideEditorTexts };

/** The guide editors’ texts in the user’s language. */
export const guideEditorTexts = textsFor({ sv: guideEditorSv, en: guideEditorEn });
