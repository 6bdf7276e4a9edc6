import { textsFor } from '../../platform/i18n/i18n.ts';
import { documentsEn } from './en.ts';
import { type DocumentsTexts, documentsSv } from './sv.ts';

export type { DocumentsTexts };

/** The case documents' texts in the user's language. */
export const documentsTexts = textsFor({ sv: documentsSv, en: documentsEn });
