import { textsFor } from '../../platform/i18n/i18n.ts';
import { intakeEn } from './en.ts';
import { type IntakeTexts, intakeSv } from './sv.ts';

export type { IntakeTexts };

/** Intake’s texts in the user’s language. */
export const intakeTexts = textsFor({ sv: intakeSv, en: intakeEn });
