/**
 * Kolada's open data (RKA, CC BY 4.0) as a downloaded file (decision 0131): the server may have no
 * internet, so the statistics reader downloads the figures and imports the file. The shape is the
 * answer of Kolada's data API, `GET /v2/data/kpi/{kpi}/year/{year}` (also `/municipality/{id}`):
 *
 *   { "count": 2, "values": [ { "kpi": "N00000", "municipality": "0000", "period": 2024,
 *       "values": [ { "gender": "T", "count": 1, "status": "", "value": 71.3 } ] } ] }
 *
 * Version 3 of the API names the area `municipality_id`; both are read. An entry's `values` hold
 * one value per gender (T total, K women, M men); a value Kolada has not got is null and is
 * skipped. Nothing else in the file is trusted: every field is checked, and a wrong one is named.
 */

export const koladaGenders = ['T', 'K', 'M'] as const;
export type KoladaGender = (typeof koladaGenders)[number];

export interface KoladaValue {
  kpi: string;
  /** Kolada's four-digit area id: "0000" is the whole country, "0180" Stockholm, "0001" a region. */
  area: string;
  year: number;
  gender: KoladaGender;
  value: number;
}

export type KoladaProblem = 'kpi' | 'municipality' | 'period' | 'gender' | 'value';

export type KoladaParse =
  | { ok: true; values: KoladaValue[]; skipped: number }
  | { ok: false; error: 'notJson' | 'notKolada' | 'empty' | 'tooMany' }
  | { ok: false; error: 'rowInvalid'; entry: number; problem: KoladaProblem };

export const maxKoladaValues = 50_000;
/** The whole country in Kolada. */
export const nationalArea = '0000';

const kpiPattern = /^[A-Z][0-9A-Z_]{1,19}$/;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseKoladaFile(text: string): KoladaParse {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: 'notJson' };
  }
  if (!isObject(data) || !Array.isArray(data.values)) return { ok: false, error: 'notKolada' };
  // The same value twice (two pages of one download) is kept once, the last one.
  const values = new Map<string, KoladaValue>();
  let skipped = 0;
  for (const [i, entry] of data.values.entries()) {
    const bad = (problem: KoladaProblem) => ({
      ok: false as const,
      error: 'rowInvalid' as const,
      entry: i + 1,
      problem,
    });
    if (!isObject(entry)) return { ok: false, error: 'notKolada' };
    const { kpi, period } = entry;
    const area = entry.municipality ?? entry.municipality_id;
    if (typeof kpi !== 'string' || !kpiPattern.test(kpi)) return bad('kpi');
    if (typeof area !== 'string' || !/^\d{4}$/.test(area)) return bad('municipality');
    const year = typeof period === 'string' && /^\d{4}$/.test(period) ? Number(period) : period;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1990 || year > 2100)
      return bad('period');
    if (!Array.isArray(entry.values)) return { ok: false, error: 'notKolada' };
    for (const v of entry.values) {
      if (!isObject(v)) return { ok: false, error: 'notKolada' };
      if (typeof v.gender !== 'string' || !(koladaGenders as readonly string[]).includes(v.gender))
        return bad('gender');
      if (v.value === null || v.value === undefined) {
        skipped++;
        continue;
      }
      if (typeof v.value !== 'number' || !Number.isFinite(v.value)) return bad('value');
      const gender = v.gender as KoladaGender;
      values.set(`${kpi}|${area}|${year}|${gender}`, { kpi, area, year, gender, value: v.value });
      if (values.size > maxKoladaValues) return { ok: false, error: 'tooMany' };
    }
  }
  if (values.size === 0) return { ok: false, error: 'empty' };
  return { ok: true, values: [...values.values()], skipped };
}

/** The name of an uploaded file as shown and kept: no path, no control characters, at most 200. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const clean = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  return (clean || 'kolada.json').slice(0, 200);
}
