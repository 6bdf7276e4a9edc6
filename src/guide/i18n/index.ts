import type { GuideLanguage } from '../schema.ts';
import { guideAr } from './ar.ts';
import { guideEn } from './en.ts';
import { guideFa } from './fa.ts';
import { guideFi } from './fi.ts';
import { guideSo } from './so.ts';
import { type GuideMessages, guideSv } from './sv.ts';
import { guideLattlast } from './sv-x-lattlast.ts';
import { guideTi } from './ti.ts';
import { guideUk } from './uk.ts';

export type { GuideMessages };

/**
 * The guide's chrome in all its languages. Each catalogue is typed as the full Swedish one, so a
 * missing string is a compile error rather than a hole on a page (decision 0021). Entries, which
 * editors write, fall back to Swedish with a visible note instead.
 */
const catalogues: Record<GuideLanguage, GuideMessages> = {
  sv: guideSv,
  'sv-x-lattlast': guideLattlast,
  en: guideEn,
  ar: guideAr,
  so: guideSo,
  fa: guideFa,
  ti: guideTi,
  uk: guideUk,
  fi: guideFi,
};

export function guideMessages(lang: GuideLanguage): GuideMessages {
  return catalogues[lang];
}
