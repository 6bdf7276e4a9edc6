import { Type } from 'typebox';

/**
 * The one definition of what a route accepts as text and as an id (issue 12: NUL bytes reached
 * PostgreSQL, `urn:uuid:` ids passed the uuid format, U+202E was accepted in names). Every string
 * in a route's body, query, params and headers uses one of these; app.ts refuses to start a route
 * that takes a string any other way. A refused value is a 400 with a message in the user's
 * language (error-handler.tsx), never a 500.
 */

// Never text: C0 controls other than tab and line breaks, DEL, C1 controls. With the u flag (ajv's
// patterns have it) a surrogate range matches only a lone surrogate, which has no UTF-8 form.
const controls = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF';
const lineBreaks = '\\u0009\\u000A\\u000D';
// Not in a name: bidirectional controls (U+202E turns "Anna" around on screen) and zero-width and
// other invisible characters, which make two different names look the same.
const invisible =
  '\\u00AD\\u034F\\u061C\\u115F\\u1160\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFEFF';

export const textPattern = `^[^${controls}]*$`;
export const linePattern = `^[^${controls}${lineBreaks}]*$`;
export const namePattern = `^[^${controls}${lineBreaks}${invisible}]*$`;
/** The plain form PostgreSQL's uuid type reads: no `urn:uuid:`, no braces, lower case. */
export const idPattern = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** Text that may run over lines (a note, a reason, a concern). */
export const Text = (maxLength: number) => Type.String({ maxLength, pattern: textPattern });
/** One line: a search, a date typed in a form, a code, a choice. */
export const Line = (maxLength: number) => Type.String({ maxLength, pattern: linePattern });
/** A person's, a user's, a unit's or an organisation's name: one line, nothing invisible. */
export const Name = (maxLength: number) => Type.String({ maxLength, pattern: namePattern });
/** A record's id. */
export const Id = Type.String({ pattern: idPattern, maxLength: 36 });

const idRegExp = new RegExp(idPattern);
const textRegExp = new RegExp(textPattern, 'u');
const nameRegExp = new RegExp(namePattern, 'u');

/**
 * The same rules for code that checks text itself (a form that shows each field's problem beside
 * it): a control character or lone surrogate anywhere, or, in a name, an invisible character.
 */
export function textFault(
  value: string,
  kind: 'text' | 'name',
): 'controlCharacters' | 'invisibleCharacters' | null {
  if (!textRegExp.test(value)) return 'controlCharacters';
  if (kind === 'name' && !nameRegExp.test(value.replace(/[\t\r\n]/g, ' '))) return 'invisibleCharacters';
  return null;
}

/**
 * For a route that shows text problems beside each field (attachValidation): carries on when the
 * schema refused only text of the platform's definitions, which the route's own validation then
 * names field by field; rethrows any other refusal.
 */
export function allowTextRefusals(validationError: (Error & { validation?: unknown[] }) | undefined): void {
  if (!validationError) return;
  const failures = (validationError.validation ?? []) as {
    keyword?: string;
    params?: { pattern?: unknown };
  }[];
  const onlyText = failures.every((v) => {
    const kind = v.keyword === 'pattern' ? patternKind(v.params?.pattern) : null;
    return kind === 'text' || kind === 'name';
  });
  if (!failures.length || !onlyText) throw validationError;
}
/** For an id that comes some other way than through a schema (a link's query, a choice in a form). */
export const isId = (value: unknown): boolean => typeof value === 'string' && idRegExp.test(value);

/** A choice of record in a form, where the empty option means none. */
export const FormId = Type.Union([Id, Type.Literal('')]);

export const OptionalText = (maxLength: number) => Type.Optional(Text(maxLength));
export const OptionalLine = (maxLength: number) => Type.Optional(Line(maxLength));
export const OptionalName = (maxLength: number) => Type.Optional(Name(maxLength));
export const OptionalId = Type.Optional(Id);

/** The CSRF token of a form (checked before validation; here only its shape). */
export const csrfField = { _csrf: OptionalLine(200) };
/** The language switch, accepted on every page. */
export const langQuery = { lang: OptionalLine(5) };

const ownPatterns = new Set([textPattern, linePattern, namePattern, idPattern]);

/**
 * Where a route's input schema takes a string other than through the definitions above (or a
 * fixed choice: const, enum, or the date format), as JSON paths; empty when it takes none.
 */
export function looseStrings(schema: unknown, path = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Record<string, unknown>;
  const found: string[] = [];
  const types = [s.type].flat();
  if (types.includes('string')) {
    const fixed = 'const' in s || 'enum' in s || s.format === 'date';
    const pattern = s.pattern as string | undefined;
    if (!fixed && !ownPatterns.has(pattern as string) && !admitsOnlyPlainAscii(pattern))
      found.push(path || '(root)');
  }
  for (const [key, value] of Object.entries((s.properties as Record<string, unknown>) ?? {}))
    found.push(...looseStrings(value, `${path}.${key}`));
  if (s.items) found.push(...looseStrings(s.items, `${path}[]`));
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    found.push(...looseStrings(s.additionalProperties, `${path}.*`));
  if (s.patternProperties && typeof s.patternProperties === 'object')
    for (const value of Object.values(s.patternProperties)) found.push(...looseStrings(value, `${path}.*`));
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    for (const branch of (s[key] as unknown[]) ?? []) found.push(...looseStrings(branch, path));
  return found;
}

/**
 * A pattern of its own is fine when it is anchored and admits only listed ASCII letters, digits
 * and punctuation (like `^[0-9]{4}$`): no escapes, no wildcard, no negated class.
 */
function admitsOnlyPlainAscii(pattern: string | undefined): boolean {
  if (!pattern?.startsWith('^') || !pattern.endsWith('$')) return false;
  const body = pattern.slice(1, -1);
  return /^[[\]0-9A-Za-z{},+*?()|_:-]*$/.test(body) && !body.includes('[^');
}

/** Which of the definitions a failed pattern belongs to, to say what was wrong. */
export function patternKind(pattern: unknown): 'text' | 'name' | 'id' | null {
  if (pattern === textPattern || pattern === linePattern) return 'text';
  if (pattern === namePattern) return 'name';
  if (pattern === idPattern) return 'id';
  return null;
}
