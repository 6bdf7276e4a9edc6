import { guideLanguageInfo } from '../languages.ts';
import type { GuideLanguage } from '../schema.ts';

/** The editors' pages: staff UI (Swedish or English), showing texts in every guide language. */

export function LanguageName({ lang }: { lang: GuideLanguage }) {
  const info = guideLanguageInfo[lang];
  return (
    <span lang={info.htmlLang} dir={info.dir}>
      {info.autonym}
    </span>
  );
}
