/**
 * The languages of the UI and how a catalogue of texts is typed. Every feature keeps its own texts
 * in src/<feature>/i18n/: sv.ts is the source and defines the type, en.ts is typed by it, so a
 * missing or extra English text is a compile error (docs/decisions/0050).
 */

export const languages = ['sv', 'en'] as const;
export type Lang = (typeof languages)[number];

/** The type of a catalogue: the Swedish one's shape, with its literal strings widened. */
export type Widen<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : { [K in keyof T]: Widen<T[K]> };

/** A feature's texts in every UI language, and the one call that picks them: `casesTexts(lang)`. */
export function textsFor<M>(catalogues: { [L in Lang]: M }): (lang: Lang) => M {
  return (lang) => catalogues[lang];
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
