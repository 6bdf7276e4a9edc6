import { textsFor } from '../../platform/i18n/i18n.ts';
import { casesEn } from './en.ts';
import { type CasesTexts, casesSv } from './sv.ts';

export type { CasesTexts };

/** The child’s case’s texts in the user’s language. */
export const casesTexts = textsFor({ sv: casesSv, en: casesEn });
