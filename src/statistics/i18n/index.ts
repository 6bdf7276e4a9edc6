import { textsFor } from '../../platform/i18n/i18n.ts';
import { statisticsEn } from './en.ts';
import { type StatisticsTexts, statisticsSv } from './sv.ts';

export type { StatisticsTexts };

/** The statistics feature's texts in the user's language. */
export const statisticsTexts = textsFor({ sv: statisticsSv, en: statisticsEn });
