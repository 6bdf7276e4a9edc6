import { textsFor } from '../../platform/i18n/i18n.ts';
import { actionPlanEn } from './en.ts';
import { type ActionPlanTexts, actionPlanSv } from './sv.ts';

export type { ActionPlanTexts };

/** The action plans' texts in the user's language. */
export const actionPlanTexts = textsFor({ sv: actionPlanSv, en: actionPlanEn });
