import type { GuideLanguage } from '../../platform/db/schema.ts';
import { guideEn } from './en.ts';
import { type GuideMessages, guideSv } from './sv.ts';

export type { GuideMessages };

/**
 * The guide's chrome in all its languages. Each catalogue is typed as the full Swedish one, so a
 * missing string is a compile error rather than a hole on a page (see decision 0021).
 */
const catalogues: Record<GuideLanguage, GuideMessages> = {
  sv: guideSv,
  'sv-x-lattlast': guideSv,
  en: guideEn,
  ar: guideEn,
  so: guideEn,
  fa: guideEn,
  ti: guideEn,
  uk: guideEn,
  fi: guideEn,
};

export function guideMessages(lang: GuideLanguage): GuideMessages {
  return catalogues[lang];
}
