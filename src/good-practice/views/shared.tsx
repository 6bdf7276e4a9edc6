import { counties } from '../../collaboration/municipalities.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import type { GoodPracticeTexts } from '../i18n/index.ts';
import type { ExampleFacet } from '../search.ts';

/** How a facet's value reads, in the reader's language. */
export function facetValueLabel(g: GoodPracticeTexts, facet: ExampleFacet, value: string): string {
  const table: Record<ExampleFacet, Record<string, string>> = {
    area: g.areas,
    targetGroup: g.targetGroups,
    theme: g.themes,
    county: Object.fromEntries(counties.map((c) => [c.code, c.name])),
    size: g.sizes,
    evidence: g.evidenceShort,
    kind: g.kinds,
  };
  return table[facet][value] ?? value;
}

export function labelsOf(table: Record<string, string>, values: readonly string[]): string {
  return values.map((v) => table[v] ?? v).join(', ');
}

/** A calendar date as Swedes and English readers in Sweden write it: 'YYYY-MM-DD' stays. */
export function day(value: string | Date | null | undefined): string {
  if (!value) return '–';
  if (typeof value === 'string') return value.slice(0, 10);
  return value.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

export function withLang(href: string, lang: Lang): string {
  if (lang === 'sv') return href;
  return `${href}${href.includes('?') ? '&' : '?'}lang=${lang}`;
}

export function queryString(params: readonly [string, string][]): string {
  return params.length ? `?${new URLSearchParams(params as [string, string][]).toString()}` : '';
}
