import { textsFor } from '../../platform/i18n/i18n.ts';
import { actionPlanEn } from './en.ts';
import { type ActionPlanTexts, actionPlanSv } from './sv.ts';
import { visitEn } from './visits-en.ts';
import { visitSv } from './visits-sv.ts';

export type { ActionPlanTexts };

/** The action plans' texts in the user's language. */
export const actionPlanTexts = textsFor({ sv: actionPlanSv, en: actionPlanEn });

/** The coordinator's pages and the follow-up visits (docs/decisions/0108). */
export const visitTexts = textsFor({ sv: visitSv, en: visitEn });
