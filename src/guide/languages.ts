import { type GuideLanguage, guideLanguages, type OfferedLanguage, offeredLanguages } from './schema.ts';

/**
 * The guide's languages and the languages support can be given in. Names of languages are shown
 * in the language itself (autonyms) and marked up with their own `lang`, so a screen reader reads
 * "العربية" with an Arabic voice on a Swedish page.
 */

export interface LanguageInfo {
  /** The BCP 47 tag for the `lang` attribute. */
  htmlLang: string;
  dir: 'ltr' | 'rtl';
  /** The language's name in itself. */
  autonym: string;
}

export const guideLanguageInfo: Record<GuideLanguage, LanguageInfo> = {
  sv: { htmlLang: 'sv', dir: 'ltr', autonym: 'Svenska' },
  // Easy-to-read Swedish is Swedish: screen readers and hyphenation must treat it as such, so the
  // page says lang="sv" while the URL and the database use the private-use tag sv-x-lattlast.
  'sv-x-lattlast': { htmlLang: 'sv', dir: 'ltr', autonym: 'Lättläst svenska' },
  en: { htmlLang: 'en', dir: 'ltr', autonym: 'English' },
  ar: { htmlLang: 'ar', dir: 'rtl', autonym: 'العربية' },
  so: { htmlLang: 'so', dir: 'ltr', autonym: 'Soomaali' },
  // One written language for Persian and Dari (see decision 0021); the name says both.
  fa: { htmlLang: 'fa', dir: 'rtl', autonym: 'فارسی / دری' },
  ti: { htmlLang: 'ti', dir: 'ltr', autonym: 'ትግርኛ' },
  uk: { htmlLang: 'uk', dir: 'ltr', autonym: 'Українська' },
  fi: { htmlLang: 'fi', dir: 'ltr', autonym: 'Suomi' },
};

export const offeredLanguageInfo: Record<OfferedLanguage, LanguageInfo> = {
  sv: { htmlLang: 'sv', dir: 'ltr', autonym: 'svenska' },
  en: { htmlLang: 'en', dir: 'ltr', autonym: 'English' },
  ar: { htmlLang: 'ar', dir: 'rtl', autonym: 'العربية' },
  so: { htmlLang: 'so', dir: 'ltr', autonym: 'Soomaali' },
  fa: { htmlLang: 'fa', dir: 'rtl', autonym: 'فارسی' },
  // Spoken Dari differs from Persian enough that a service may offer one and not the other.
  prs: { htmlLang: 'prs', dir: 'rtl', autonym: 'دری' },
  ti: { htmlLang: 'ti', dir: 'ltr', autonym: 'ትግርኛ' },
  uk: { htmlLang: 'uk', dir: 'ltr', autonym: 'українська' },
  fi: { htmlLang: 'fi', dir: 'ltr', autonym: 'suomi' },
  ku: { htmlLang: 'ku', dir: 'ltr', autonym: 'Kurdî' },
  tr: { htmlLang: 'tr', dir: 'ltr', autonym: 'Türkçe' },
  pl: { htmlLang: 'pl', dir: 'ltr', autonym: 'polski' },
  bs: { htmlLang: 'bs', dir: 'ltr', autonym: 'bosanski' },
};

export function isGuideLanguage(value: unknown): value is GuideLanguage {
  return typeof value === 'string' && (guideLanguages as readonly string[]).includes(value);
}

export function isOfferedLanguage(value: unknown): value is OfferedLanguage {
  return typeof value === 'string' && (offeredLanguages as readonly string[]).includes(value);
}

/** Browser language tags (primary subtag) that each guide language answers. */
const byPrimaryTag: Record<string, GuideLanguage> = {
  sv: 'sv',
  en: 'en',
  ar: 'ar',
  so: 'so',
  fa: 'fa',
  prs: 'fa',
  ti: 'ti',
  uk: 'uk',
  fi: 'fi',
};

/**
 * Picks the guide language from the browser's Accept-Language, honouring q-values; Swedish when
 * nothing matches. Easy-to-read Swedish is never guessed: it is chosen by link.
 */
export function negotiateGuideLanguage(acceptLanguage: string | undefined): GuideLanguage {
  const ranges = (acceptLanguage ?? '')
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.tag && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    const match = byPrimaryTag[range.tag.split('-')[0] ?? ''];
    if (match) return match;
  }
  return 'sv';
}
