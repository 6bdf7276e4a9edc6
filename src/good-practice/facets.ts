import type { ExampleListRow } from './queries.ts';
import { type ExampleFacet, type ExampleFilters, exampleFacetNames } from './search.ts';

/**
 * The facets of the public list, counted over the examples that match the words: few enough
 * (hundreds at most) to count here rather than in one query per facet (docs/decisions/0105).
 */

export interface FacetCounts {
  facet: ExampleFacet;
  values: { value: string; count: number }[];
}

/** The values a row has for a facet: one, or several for themes and target groups. */
export function valuesOf(row: ExampleListRow, facet: ExampleFacet): readonly string[] {
  switch (facet) {
    case 'area':
      return [row.area];
    case 'targetGroup':
      return row.targetGroups;
    case 'theme':
      return row.themes;
    case 'county':
      return row.county ? [row.county] : [];
    case 'size':
      return row.size ? [row.size] : [];
    case 'evidence':
      return [row.evidence];
    case 'kind':
      return [row.kind];
  }
}

function matches(row: ExampleListRow, facet: ExampleFacet, value: string): boolean {
  return valuesOf(row, facet).includes(value);
}

/** The rows that match every chosen facet. */
export function filterByFacets(rows: readonly ExampleListRow[], filters: ExampleFilters): ExampleListRow[] {
  return rows.filter((row) =>
    exampleFacetNames.every((f) => filters[f] === null || matches(row, f, filters[f] as string)),
  );
}

/** Counts per facet value among the rows that match every other chosen facet. */
export function countFacets(rows: readonly ExampleListRow[], filters: ExampleFilters): FacetCounts[] {
  return exampleFacetNames
    .map((facet) => {
      const others = rows.filter((row) =>
        exampleFacetNames.every(
          (f) => f === facet || filters[f] === null || matches(row, f, filters[f] as string),
        ),
      );
      const counts = new Map<string, number>();
      for (const row of others) for (const v of valuesOf(row, facet)) counts.set(v, (counts.get(v) ?? 0) + 1);
      const chosen = filters[facet];
      if (chosen && !counts.has(chosen)) counts.set(chosen, 0);
      return {
        facet,
        values: [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count),
      };
    })
    .filter((f) => f.values.length > 0);
}
