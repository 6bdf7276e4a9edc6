import type { ExampleInput } from './examples.ts';
import type { EditorRevision } from './queries.ts';

/**
 * The example form as the browser sends it: one flat field per value, repeated rows numbered
 * (`links.0.url`), so that a refused field's name is also the id the error summary links to.
 */
export type ExampleFormValues = Record<string, string | string[] | undefined>;

export const resultRows = 3;
export const linkRows = 3;

const list = (value: string | string[] | undefined): string[] => [value ?? []].flat();
const one = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

export function exampleInputOf(values: ExampleFormValues): ExampleInput {
  const field = (name: string) => one(values[name]);
  const rows = (count: number) => Array.from({ length: count }, (_, i) => i);
  return {
    kind: field('kind'),
    title: field('title'),
    area: field('area'),
    themes: list(values.themes),
    targetGroups: list(values.targetGroups),
    problem: field('problem'),
    whatWasDone: field('whatWasDone'),
    results: field('results'),
    resultValues: rows(resultRows)
      .map((i) => ({
        label: field(`resultValues.${i}.label`),
        value: field(`resultValues.${i}.value`),
        unit: field(`resultValues.${i}.unit`),
        on: field(`resultValues.${i}.on`),
        source: field(`resultValues.${i}.source`),
      }))
      // A row left empty is no row; a half-filled one is checked (and refused) as a whole.
      .filter((r) => Object.values(r).some((v) => v?.trim())),
    periodFrom: field('periodFrom'),
    periodTo: field('periodTo'),
    cost: field('cost'),
    contactName: field('contactName'),
    contactRole: field('contactRole'),
    contactEmail: field('contactEmail'),
    contactPhone: field('contactPhone'),
    links: rows(linkRows).map((i) => ({ title: field(`links.${i}.title`), url: field(`links.${i}.url`) })),
    tags: field('tags'),
    evidence: field('evidence'),
    evidenceReference: field('evidenceReference'),
    evidenceUrl: field('evidenceUrl'),
  };
}

/** A saved revision as the form shows it for editing. */
export function formValuesOf(revision: EditorRevision): ExampleFormValues {
  const values: ExampleFormValues = {
    kind: revision.kind,
    title: revision.title,
    area: revision.area,
    themes: revision.themes,
    targetGroups: revision.targetGroups,
    problem: revision.problem,
    whatWasDone: revision.whatWasDone,
    results: revision.results,
    periodFrom: revision.periodFrom ?? '',
    periodTo: revision.periodTo ?? '',
    cost: revision.cost,
    contactName: revision.contactName,
    contactRole: revision.contactRole,
    contactEmail: revision.contactEmail ?? '',
    contactPhone: revision.contactPhone ?? '',
    tags: revision.tags.join(', '),
    evidence: revision.evidence,
    evidenceReference: revision.evidenceReference,
    evidenceUrl: revision.evidenceUrl ?? '',
  };
  revision.resultValues.forEach((r, i) => {
    values[`resultValues.${i}.label`] = r.label;
    values[`resultValues.${i}.value`] = String(r.value).replace('.', ',');
    values[`resultValues.${i}.unit`] = r.unit;
    values[`resultValues.${i}.on`] = r.on;
    values[`resultValues.${i}.source`] = r.source;
  });
  revision.links.forEach((l, i) => {
    values[`links.${i}.title`] = l.title;
    values[`links.${i}.url`] = l.url;
  });
  return values;
}

/** The names of every field of the form, for the route's schema. */
export function exampleFieldNames(): string[] {
  const names = [
    'kind',
    'title',
    'area',
    'problem',
    'whatWasDone',
    'results',
    'periodFrom',
    'periodTo',
    'cost',
    'contactName',
    'contactRole',
    'contactEmail',
    'contactPhone',
    'tags',
    'evidence',
    'evidenceReference',
    'evidenceUrl',
    'confirmNames',
  ];
  for (let i = 0; i < resultRows; i++)
    for (const part of ['label', 'value', 'unit', 'on', 'source']) names.push(`resultValues.${i}.${part}`);
  for (let i = 0; i < linkRows; i++) for (const part of ['title', 'url']) names.push(`links.${i}.${part}`);
  return names;
}
