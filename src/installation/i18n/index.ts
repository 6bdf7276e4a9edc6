import { textsFor } from '../../platform/i18n/i18n.ts';
import { installationEn } from './en.ts';
import { type InstallationTexts, installationSv } from './sv.ts';

export type { InstallationTexts };

/** The installation operator's texts in the user's language. */
export const installationTexts = textsFor({ sv: installationSv, en: installationEn });
