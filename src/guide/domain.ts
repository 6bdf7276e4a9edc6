import { isOfferedLanguage } from './languages.ts';
import {
  type GuideAccessRoute,
  type GuideLanguage,
  type GuideLevel,
  type GuideOrganisationKind,
  type GuideRevisionState,
  type GuideSituation,
  guideAccessRoutes,
  guideLevels,
  guideOrganisationKinds,
  guideSituations,
  type OfferedLanguage,
  offeredLanguages,
} from './schema.ts';

/** Pure rules of the guide: filters, search text, what an entry must contain, and its workflow. */

export const ageGroups = [
  { id: '0-5', from: 0, to: 5 },
  { id: '6-12', from: 6, to: 12 },
  { id: '13-17', from: 13, to: 17 },
  { id: '18-25', from: 18, to: 25 },
] as const;
export type AgeGroup = (typeof ageGroups)[number];

export interface GuideFilters {
  q: string;
  tokens: string[];
  age: AgeGroup | null;
  situation: GuideSituation | null;
  organisation: GuideOrganisationKind | null;
  language: OfferedLanguage | null;
  level: GuideLevel | null;
}

export const noFilters: GuideFilters = {
  q: '',
  tokens: [],
  age: null,
  situation: null,
  organisation: null,
  language: null,
  level: null,
};

export interface RawFilters {
  q?: string | undefined;
  age?: string | undefined;
  situation?: string | undefined;
  organisation?: string | undefined;
  language?: string | undefined;
  level?: string | undefined;
}

export const maxQueryLength = 100;

/**
 * Reads the filter form (a GET form, so it works without JavaScript and every result is a link).
 * An empty field means "all"; a value we do not know is a broken link, refused as a whole.
 */
export function parseFilters(raw: RawFilters): { ok: true; filters: GuideFilters } | { ok: false } {
  const q = (raw.q ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (q.length > maxQueryLength) return { ok: false };
  const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | null | undefined => {
    if (value === undefined || value === '') return null;
    return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  };
  const age = raw.age ? (ageGroups.find((g) => g.id === raw.age) ?? undefined) : null;
  const situation = pick(raw.situation, guideSituations);
  const organisation = pick(raw.organisation, guideOrganisationKinds);
  const language = pick(raw.language, offeredLanguages);
  const level = pick(raw.level, guideLevels);
  if (age === undefined || situation === undefined || organisation === undefined) return { ok: false };
  if (language === undefined || level === undefined) return { ok: false };
  return { ok: true, filters: { q, tokens: searchTokens(q), age, situation, organisation, language, level } };
}

/** The filters as query parameters, to keep them in links (e.g. when switching language). */
export function filterParams(filters: GuideFilters): [string, string][] {
  const params: [string, string][] = [];
  if (filters.q) params.push(['q', filters.q]);
  if (filters.age) params.push(['age', filters.age.id]);
  if (filters.situation) params.push(['situation', filters.situation]);
  if (filters.organisation) params.push(['organisation', filters.organisation]);
  if (filters.language) params.push(['language', filters.language]);
  if (filters.level) params.push(['level', filters.level]);
  return params;
}

export function hasFilters(filters: GuideFilters): boolean {
  return filterParams(filters).length > 0;
}

/**
 * Text for searching, the same for stored text and query: lower case, no diacritics or Arabic
 * short vowels, and the Arabic and Persian forms of the same letter made one (ي/ی, ك/ک, ة/ه),
 * so a Persian reader typing on an Arabic keyboard still finds the text.
 */
export function normalizeGuideText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/ة/g, 'ه')
    .replace(/ـ/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function searchTokens(query: string): string[] {
  return [...new Set(normalizeGuideText(query).split(' '))].filter((t) => [...t].length >= 2).slice(0, 6);
}

// --- What an entry revision must contain --------------------------------------------------------

export interface RevisionInput {
  title?: string | undefined;
  summary?: string | undefined;
  forWhom?: string | undefined;
  howToGet?: string | undefined;
  hours?: string | undefined;
  level?: string | undefined;
  organisationKind?: string | undefined;
  provider?: string | undefined;
  ageFrom?: string | undefined;
  ageTo?: string | undefined;
  situations?: string | string[] | undefined;
  access?: string | undefined;
  languages?: string | string[] | undefined;
  interpreter?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  website?: string | undefined;
  address?: string | undefined;
}

export interface RevisionText {
  title: string;
  summary: string;
  forWhom: string;
  howToGet: string;
  hours: string;
}

export interface RevisionFacts {
  level: GuideLevel;
  organisationKind: GuideOrganisationKind;
  provider: string;
  ageFrom: number;
  ageTo: number;
  situations: GuideSituation[];
  access: GuideAccessRoute;
  languages: OfferedLanguage[];
  interpreter: boolean;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
}

export interface RevisionValue {
  text: RevisionText;
  /** Only on Swedish revisions: the Swedish text is the source and carries the facts. */
  facts: RevisionFacts | null;
}

export type RevisionField = keyof RevisionText | keyof RevisionFacts;
export type RevisionError = { field: RevisionField; code: 'required' | 'tooLong' | 'invalid' };

export const textLimits: Record<keyof RevisionText, { max: number; required: boolean }> = {
  title: { max: 200, required: true },
  summary: { max: 2000, required: true },
  forWhom: { max: 2000, required: false },
  howToGet: { max: 2000, required: false },
  hours: { max: 500, required: false },
};

export const maxAge = 25;

const phonePattern = /^\+?[0-9][0-9 ()-]{1,38}$/;
const emailPattern = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** Checks an editor's form; pure, so the rules are tested without a server. */
export function validateRevision(
  input: RevisionInput,
  lang: GuideLanguage,
): { ok: true; value: RevisionValue } | { ok: false; errors: RevisionError[] } {
  const errors: RevisionError[] = [];
  const text = {} as RevisionText;
  for (const [field, limit] of Object.entries(textLimits) as [
    keyof RevisionText,
    { max: number; required: boolean },
  ][]) {
    const value = cleanText(input[field]);
    if (limit.required && !value) errors.push({ field, code: 'required' });
    else if (value.length > limit.max) errors.push({ field, code: 'tooLong' });
    text[field] = value;
  }
  if (lang !== 'sv')
    return errors.length ? { ok: false, errors } : { ok: true, value: { text, facts: null } };

  const oneOf = <T extends string>(
    field: RevisionField,
    value: string | undefined,
    allowed: readonly T[],
  ) => {
    if ((allowed as readonly string[]).includes(value ?? '')) return value as T;
    errors.push({ field, code: value ? 'invalid' : 'required' });
    return allowed[0] as T;
  };
  const level = oneOf('level', input.level, guideLevels);
  const organisationKind = oneOf('organisationKind', input.organisationKind, guideOrganisationKinds);
  const access = oneOf('access', input.access, guideAccessRoutes);
  const provider = cleanLine(input.provider);
  if (!provider) errors.push({ field: 'provider', code: 'required' });
  else if (provider.length > 200) errors.push({ field: 'provider', code: 'tooLong' });
  const ageFrom = parseAge(input.ageFrom);
  const ageTo = parseAge(input.ageTo);
  if (ageFrom === null) errors.push({ field: 'ageFrom', code: 'invalid' });
  if (ageTo === null || (ageFrom !== null && ageTo < ageFrom))
    errors.push({ field: 'ageTo', code: 'invalid' });
  const situations = asList(input.situations);
  if (!situations.every((s) => (guideSituations as readonly string[]).includes(s)))
    errors.push({ field: 'situations', code: 'invalid' });
  const languages = asList(input.languages);
  if (languages.length === 0) errors.push({ field: 'languages', code: 'required' });
  else if (!languages.every(isOfferedLanguage)) errors.push({ field: 'languages', code: 'invalid' });
  const phone = cleanLine(input.phone) || null;
  if (phone && !phonePattern.test(phone)) errors.push({ field: 'phone', code: 'invalid' });
  const email = cleanLine(input.email) || null;
  if (email && (email.length > 200 || !emailPattern.test(email)))
    errors.push({ field: 'email', code: 'invalid' });
  const website = cleanLine(input.website) || null;
  // Only http(s): anything else (javascript:, data:) in a link on a public page is an attack.
  if (website && (website.length > 300 || !isWebAddress(website)))
    errors.push({ field: 'website', code: 'invalid' });
  const address = cleanLine(input.address) || null;
  if (address && address.length > 300) errors.push({ field: 'address', code: 'tooLong' });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      text,
      facts: {
        level,
        organisationKind,
        provider,
        ageFrom: ageFrom ?? 0,
        ageTo: ageTo ?? 0,
        situations: guideSituations.filter((s) => situations.includes(s)),
        access,
        languages: offeredLanguages.filter((l) => languages.includes(l)),
        interpreter: input.interpreter === 'on',
        phone,
        email,
        website,
        address,
      },
    },
  };
}

function cleanText(value: string | undefined): string {
  // Keep paragraphs (blank lines) but no trailing spaces or stray carriage returns.
  return (value ?? '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function cleanLine(value: string | undefined): string {
  return (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

function parseAge(value: string | undefined): number | null {
  if (!/^[0-9]{1,2}$/.test((value ?? '').trim())) return null;
  const age = Number(value);
  return age <= maxAge ? age : null;
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined || value === '') return [];
  return [...new Set(Array.isArray(value) ? value : [value])];
}

export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** A phone number as a tel: link: digits and a leading plus only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

/** The fields that differ between two versions, for the visible change history. */
export function changedFields(before: RevisionValue | null, after: RevisionValue): RevisionField[] {
  const fields: RevisionField[] = [];
  for (const key of Object.keys(after.text) as (keyof RevisionText)[]) {
    if (before?.text[key] !== after.text[key]) fields.push(key);
  }
  if (after.facts) {
    for (const key of Object.keys(after.facts) as (keyof RevisionFacts)[]) {
      if (JSON.stringify(before?.facts?.[key]) !== JSON.stringify(after.facts[key])) fields.push(key);
    }
  }
  return fields;
}

/** The searchable text of a revision, stored beside it and indexed. */
export function revisionSearchText(value: RevisionValue): string {
  const { text, facts } = value;
  return normalizeGuideText(
    [text.title, text.summary, text.forWhom, text.howToGet, facts?.provider ?? ''].join(' '),
  );
}

// --- The editors' workflow ------------------------------------------------------------------------

export type GuideStep = 'review' | 'publish' | 'withdraw';

/**
 * draft → reviewed → published → (superseded by the next published revision | withdrawn).
 * Editing a reviewed revision sends it back to draft; editing a published one starts a new draft.
 */
export function canTake(step: GuideStep, state: GuideRevisionState): boolean {
  switch (step) {
    case 'review':
      return state === 'draft';
    case 'publish':
      return state === 'reviewed';
    case 'withdraw':
      return state === 'published';
  }
}

/** Whether an edit changes the open revision in place or starts a new draft from the published one. */
export function editTarget(state: GuideRevisionState | null): 'inPlace' | 'newDraft' {
  return state === 'draft' || state === 'reviewed' ? 'inPlace' : 'newDraft';
}
