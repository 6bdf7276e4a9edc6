import { isIsoDate } from '../deadlines/calendar.ts';
import { parsePersonalNumber } from '../people/personal-number.ts';
import { childGivenNames, namesThatAreWords } from './given-names.ts';

/**
 * The collaboration layer (forums, action plans, follow-up visits, good examples, comments) holds
 * no personal data about children: individual cases go through a coordinated individual plan (SIP)
 * with the family's consent (10 kap. 8 § SoL 2025:400), and what social services may share is
 * limited by secrecy (18 kap. 6 § SoL 2025:400 refers to OSL 2009:400). This guard reads a text
 * before it is saved:
 * - a Swedish personal identity or coordination number with a valid check digit is **refused**;
 * - what looks like a child's name (a common given name, a name with an age, "flickan Sara") gives
 *   a **warning** that the writer must confirm.
 * It is a safety net, not a proof: it cannot know every name. See docs/decisions/0101.
 */

export type GuardRefusalCode = 'personalIdentityNumber' | 'coordinationNumber';
export type GuardWarningCode = 'givenName' | 'nameWithAge' | 'childWordWithName' | 'maskedIdentityNumber';

export interface GuardFinding<C extends string = GuardRefusalCode | GuardWarningCode> {
  code: C;
  /** Where in the text as written (UTF-16 offsets), so a form can point at it. */
  start: number;
  end: number;
}

export interface GuardResult {
  verdict: 'ok' | 'warn' | 'refuse';
  refusals: GuardFinding<GuardRefusalCode>[];
  warnings: (GuardFinding<GuardWarningCode> & { name?: string })[];
  /** A refusal always tells the writer where individual cases belong. */
  advice: 'useSip' | null;
}

export interface GuardContext {
  /** Today in Sweden: a 10-digit number's century is resolved against it. */
  today: string;
  /**
   * Names that are known not to be children's: the forum's own name, its representatives, the
   * municipality and its organisations ("Chefsnätverket Birger", "Sara Lind"). Whole phrases: a
   * known "Sara Lind" does not hide a "Sara" standing alone.
   */
  knownNames?: readonly string[];
}

const givenNames = new Set(childGivenNames);
const wordNames = new Set(namesThatAreWords);

/** Reads a text for identity numbers and children's names. */
export function checkForChildData(text: string, context: GuardContext): GuardResult {
  const { normalized, origin } = normalizeWithOffsets(text);
  const at = (start: number, end: number) => ({
    start: origin[start] ?? text.length,
    end: origin[end] ?? text.length,
  });
  const refusals = identityNumbers(normalized, context.today).map((f) => ({
    code: f.code,
    ...at(f.start, f.end),
  }));
  const masked = maskKnownNames(normalized, context.knownNames ?? []);
  const warnings = [...maskedNumbers(normalized), ...nameWarnings(masked)]
    .sort((a, b) => a.start - b.start)
    .map((f) => ({ ...f, ...at(f.start, f.end) }));
  const verdict = refusals.length ? 'refuse' : warnings.length ? 'warn' : 'ok';
  return { verdict, refusals, warnings, advice: refusals.length ? 'useSip' : null };
}

// ---- Normalising, keeping the way back to the text as written ----

const dashes = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;

/**
 * Full-width digits and other compatibility forms become ASCII (NFKC), every kind of dash a
 * hyphen, every kind of space a space: "８５０７０９–９８０５" is the same number as "850709-9805".
 * Invisible characters (zero-width space, soft hyphen) are dropped so they cannot split a number.
 */
function normalizeWithOffsets(text: string): { normalized: string; origin: number[] } {
  let normalized = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    let mapped = char.normalize('NFKC');
    if (/[\u00AD\u200B-\u200D\u2060\uFEFF]/.test(char)) mapped = '';
    else if (dashes.test(mapped)) mapped = '-';
    else if (/\s/.test(mapped)) mapped = mapped === '\n' ? '\n' : ' ';
    for (let i = 0; i < mapped.length; i++) origin.push(offset);
    normalized += mapped;
    offset += char.length;
  }
  origin.push(text.length);
  return { normalized, origin };
}

// ---- Identity and coordination numbers ----

// YYMMDD or YYYYMMDD, an optional separator (- or +, with at most one space around it, or one
// space alone), then four digits; never part of a longer run of digits.
const numberPattern = /(?<![0-9])((?:[0-9]{2})?[0-9]{6})( ?[-+] ?| )?([0-9]{4})(?![0-9])/g;

// A phone number written without spaces looks like a 10-digit identity number; the word before it
// tells them apart ("tel. 0701234567"). Written as phones usually are (070-123 45 67) it never matches.
const phoneCue =
  /(?:tel|telefon|telefonnummer|tfn|mobil|mobilnr|mobilnummer|ring|sms|fax|växel|nås på)[.:]?\s*$/i;

function identityNumbers(text: string, today: string): GuardFinding<GuardRefusalCode>[] {
  const found: GuardFinding<GuardRefusalCode>[] = [];
  for (const match of text.matchAll(numberPattern)) {
    const [whole, date = '', rawSeparator, serial = ''] = match;
    const start = match.index;
    const separator = rawSeparator?.trim() === '+' ? '+' : '-';
    if (!rawSeparator && date.length === 6 && date.startsWith('0')) {
      if (phoneCue.test(text.slice(Math.max(0, start - 30), start))) continue;
    }
    const parsed = parsePersonalNumber(`${date}${separator}${serial}`, today);
    if (!parsed.ok) continue;
    found.push({
      code: parsed.value.isCoordinationNumber ? 'coordinationNumber' : 'personalIdentityNumber',
      start,
      end: start + whole.length,
    });
  }
  return found;
}

// "850709-XXXX", "20150709-****": the date of birth with the last four hidden still points at a
// person together with what the text says around it, so it warns.
const maskedPattern =
  /(?<![0-9])((?:19|20)?[0-9]{6}) ?[-+]? ?(?:[xX*•]{4}|[0-9]{2}[xX*•]{2})(?![\p{L}\p{N}*•])/gu;

function maskedNumbers(text: string): GuardFinding<GuardWarningCode>[] {
  const found: GuardFinding<GuardWarningCode>[] = [];
  for (const match of text.matchAll(maskedPattern)) {
    const date = match[1] ?? '';
    if (!couldBeBirthDate(date)) continue;
    found.push({ code: 'maskedIdentityNumber', start: match.index, end: match.index + match[0].length });
  }
  return found;
}

function couldBeBirthDate(digits: string): boolean {
  const day = (dd: string) => String(Number(dd) > 60 ? Number(dd) - 60 : Number(dd)).padStart(2, '0');
  if (digits.length === 8)
    return isIsoDate(`${digits.slice(0, 4)}-${digits.slice(4, 6)}-${day(digits.slice(6))}`);
  return ['19', '20'].some((century) =>
    isIsoDate(`${century}${digits.slice(0, 2)}-${digits.slice(2, 4)}-${day(digits.slice(4))}`),
  );
}

// ---- Names ----

/** Known names are blanked out (same length, so offsets still hold) before names are looked for. */
function maskKnownNames(text: string, knownNames: readonly string[]): string {
  let masked = text;
  const phrases = knownNames
    .map((name) => name.normalize('NFKC').replace(/\s+/g, ' ').trim())
    .filter((name) => name.length >= 2)
    .sort((a, b) => b.length - a.length);
  for (const phrase of phrases) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(phrase).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`,
      'giu',
    );
    masked = masked.replace(pattern, (m) => ' '.repeat(m.length));
  }
  return masked;
}

const name = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`;
const alone = String.raw`(?<![\p{L}\p{N}])`;
const wordPattern = new RegExp(`${alone}${name}(?![\\p{L}\\p{N}])`, 'gu');

/** Both "flickan" and "Flickan": case-insensitive matching would also let \p{Lu} match "flickor". */
function eitherCase(words: string): string {
  return words
    .split('|')
    .flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)])
    .join('|');
}

// An age that is a time span, not a person's age: "i Östersund, 2 år senare".
const notAnAge = String.raw`(?!\s+(?:senare|sedan|tidigare|efter|framåt|framöver|till|i rad|kvar)(?!\p{L}))`;
const ageWords = eitherCase(
  'ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|nitton|tjugo',
);
const nameAgePatterns = [
  // "Sara, 9 år", "Sara 9 år", "Sara (9 år)", "Sara, 9 år gammal", "Ali, 14 månader"
  new RegExp(
    `${alone}(${name})(\\s*,\\s*|\\s*\\(\\s*|\\s+)([0-9]{1,2})\\s*(?:år|års|månader|mån)(?!\\p{L})${notAnAge}`,
    'gu',
  ),
  // "Sara, född 2015", "Sara (f. 2015)"
  new RegExp(
    `${alone}(${name})(\\s*,\\s*|\\s*\\(\\s*|\\s+)(?:född|f\\.)\\s*(?:19|20)[0-9]{2}(?![0-9])`,
    'gu',
  ),
];
// "9-åriga Sara", "nioårige Ali", "14-åringen Leo"
const agedNamePattern = new RegExp(
  `(?:[0-9]{1,2}-|(?<!\\p{L})(?:${ageWords}))(?:årig[ae]?|åringen)\\s+(${name})`,
  'gu',
);
const childWords = eitherCase(
  'flickan|pojken|dottern|sonen|eleven|barnet|tjejen|killen|systern|brodern|lillebror|lillasyster|storebror|storasyster|bebisen|babyn|ungdomen|den unge|den unga|barnen|syskonen',
);
const childWordPattern = new RegExp(`(?<!\\p{L})(?:${childWords})\\s+(${name})`, 'gu');

// Capitalised words that begin a phrase of time or amount, never names: "Under 2 år …".
const capitalisedWords = new Set(
  'Under Efter Inom Om Sedan Mellan Över Före Från Till Cirka Ca Nästan Drygt Minst Högst Runt I På Av För Med Ungefär Knappt Omkring Barn Unga Alla Totalt Ytterligare Varje Sammanlagt'.split(
    ' ',
  ),
);

type NameWarning = GuardFinding<GuardWarningCode> & { name: string };

function nameWarnings(text: string): NameWarning[] {
  const found = new Map<number, NameWarning>();
  const add = (code: GuardWarningCode, word: string, start: number) => {
    if (capitalisedWords.has(word)) return;
    const existing = found.get(start);
    // A name with an age (or "flickan Sara") says more than a name from the list: keep that code.
    if (existing && existing.code !== 'givenName') return;
    found.set(start, { code, name: word, start, end: start + word.length });
  };
  for (const pattern of nameAgePatterns) {
    for (const match of text.matchAll(pattern)) {
      const [, word = '', separator = '', age] = match;
      if (age !== undefined && Number(age) > 21) continue;
      const start = match.index;
      // "Totalt 9 år" opens a sentence; "Kalle, 9 år" is a name wherever it stands.
      const listed = givenNames.has(firstPart(word));
      if (!listed && !/[,(]/.test(separator) && startsSentence(text, start)) continue;
      add('nameWithAge', word, start);
    }
  }
  for (const pattern of [agedNamePattern, childWordPattern]) {
    for (const match of text.matchAll(pattern)) {
      const word = match[1] ?? '';
      add(
        pattern === agedNamePattern ? 'nameWithAge' : 'childWordWithName',
        word,
        match.index + match[0].lastIndexOf(word),
      );
    }
  }
  for (const match of text.matchAll(wordPattern)) {
    const word = match[0];
    if (!givenNames.has(firstPart(word))) continue;
    if (wordNames.has(word) && startsSentence(text, match.index)) continue;
    add('givenName', word, match.index);
  }
  return [...found.values()];
}

function firstPart(word: string): string {
  return word.split('-')[0] ?? word;
}

/** At the start of the text, a line, a list item, or after . ! ? : or an opening quote. */
function startsSentence(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/[\s"'”“«»(]+$/u, '');
  return before === '' || /[.!?:;\n•*–-]$/.test(before) || /\n\s*$/.test(text.slice(0, index));
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
