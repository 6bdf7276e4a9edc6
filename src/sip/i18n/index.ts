import { textsFor } from '../../platform/i18n/i18n.ts';
import { sipEn } from './en.ts';
import { type SipTexts, sipSv } from './sv.ts';

export type { SipTexts };

/** The coordinated plans’ texts in the user’s language. */
export const sipTexts = textsFor({ sv: sipSv, en: sipEn });
