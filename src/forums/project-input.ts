import { Type } from 'typebox';
import { Id, OptionalLine as line, OptionalText as text } from '../platform/http/schemas.ts';
import type { ProjectInput } from './project-service.ts';
import { projectGoalRows } from './views/project-form.tsx';

/** The project form as the browser sends it, for a new project and for a change (decision 0138). */

export type Values = Record<string, string | string[] | undefined>;

const idList = Type.Optional(Type.Union([Id, Type.Array(Id, { maxItems: 50 })]));
const csrf = { _csrf: text(200), confirmNames: line(5) };

export const projectBody = Type.Object({
  title: text(5000),
  description: text(20_000),
  organisationIds: idList,
  leadOrganisationId: text(100),
  startsOn: text(100),
  endsOn: text(100),
  ...Object.fromEntries(
    Array.from({ length: projectGoalRows }, (_, i) => [
      [`goals.${i}.area`, text(100)],
      [`goals.${i}.goal`, text(5000)],
      [`goals.${i}.target`, text(100)],
      [`indicators.${i}.kind`, text(100)],
      [`indicators.${i}.samtakIndicatorId`, text(100)],
      [`indicators.${i}.manual`, text(5000)],
    ]).flat(),
  ),
  ...csrf,
});

export const valueBody = Type.Object({
  period: text(100),
  value: text(100),
  source: text(5000),
  ...csrf,
});

export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined) => [v ?? []].flat();

export function projectInput(values: Values): ProjectInput {
  const rows = Array.from({ length: projectGoalRows }, (_, i) => i);
  return {
    title: one(values.title),
    description: one(values.description),
    organisationIds: many(values.organisationIds),
    leadOrganisationId: one(values.leadOrganisationId),
    startsOn: one(values.startsOn),
    endsOn: one(values.endsOn),
    goals: rows.map((i) => ({ area: one(values[`goals.${i}.area`]), goal: one(values[`goals.${i}.goal`]) })),
    targets: rows.map((i) => one(values[`goals.${i}.target`])),
    indicators: rows.map((i) => ({
      kind: one(values[`indicators.${i}.kind`]),
      samtakIndicatorId: one(values[`indicators.${i}.samtakIndicatorId`]),
      manual: one(values[`indicators.${i}.manual`]),
    })),
  };
}
