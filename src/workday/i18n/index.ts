import { textsFor } from '../../platform/i18n/i18n.ts';
import { workdayEn } from './en.ts';
import { type WorkdayTexts, workdaySv } from './sv.ts';

export type { WorkdayTexts };

/** The working day's texts in the user's language. */
export const workdayTexts = textsFor({ sv: workdaySv, en: workdayEn });
