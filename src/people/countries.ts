import type { Lang } from '../platform/i18n/i18n.ts';

/**
 * Countries of birth (decision 0118): the 249 codes ISO 3166-1 alpha-2 assigns, and XK (Kosovo),
 * which ISO leaves to its users but the EU and many registers use. The codes are written out so
 * the list does not change with the runtime's locale data; the names come from Intl.DisplayNames
 * in the user's language, so no country name is written by hand.
 */
export const countryCodes: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS ' +
  'BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE ' +
  'EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM ' +
  'HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC ' +
  'LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA ' +
  'NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO ' +
  'TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

const known = new Set(countryCodes);

/** A code as typed or sent (any case, spaces around) if it is one of the list, else null. */
export function parseCountryCode(value: string): string | null {
  const code = value.trim().toUpperCase();
  return known.has(code) ? code : null;
}

const displayNames = new Map<Lang, Intl.DisplayNames>();

/** The country's name in the language ("Sverige", "Sweden"); the code itself if the runtime has none. */
export function countryName(code: string, lang: Lang): string {
  let names = displayNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    displayNames.set(lang, names);
  }
  return names.of(code) ?? code;
}

const options = new Map<Lang, readonly (readonly [string, string])[]>();

/** Every country as [code, name], in the language's alphabetical order, for a select field. */
export function countryOptions(lang: Lang): readonly (readonly [string, string])[] {
  let list = options.get(lang);
  if (!list) {
    const collator = new Intl.Collator(lang);
    list = countryCodes
      .map((code) => [code, countryName(code, lang)] as const)
      .sort((a, b) => collator.compare(a[1], b[1]));
    options.set(lang, list);
  }
  return list;
}
