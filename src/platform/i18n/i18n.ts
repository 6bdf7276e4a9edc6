import { en } from './en.ts';
import { type Messages, sv } from './sv.ts';

export const languages = ['sv', 'en'] as const;
export type Lang = (typeof languages)[number];
export type { Messages };

const catalogues: Record<Lang, Messages> = { sv, en };

export function messages(lang: Lang): Messages {
  return catalogues[lang];
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * Picks the UI language: an explicit choice (query or cookie) first, then the browser's
 * Accept-Language order, then Swedish.
 */
export function pickLang(explicit: unknown, acceptLanguage: string | undefined): Lang {
  if (isLang(explicit)) return explicit;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().slice(0, 2);
    if (isLang(tag)) return tag;
  }
  return 'sv';
}
