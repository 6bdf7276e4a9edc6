/**
 * Data volumes per tier. Children are counted in the main municipality; two small neighbouring
 * municipalities share the database, as tenants do in a hosted installation, so every query must
 * keep to its own municipality. Audit events are about 200 per child over the history, which is what
 * ten years of casework, searches, logins and log reviews add up to at the largest city's scale;
 * case notes are about 30 per investigated case.
 */
export const tierNames = ['XS', 'S', 'M', 'L'] as const;
export type TierName = (typeof tierNames)[number];

export interface Tier {
  name: TierName;
  description: string;
  /** Children ever known to the main municipality's social services over the history. */
  children: number;
  /** Audit events in the main municipality, over the history. */
  auditEvents: number;
  /** Case notes in the main municipality, over the history. */
  caseNotes: number;
  /** Children in each of the two neighbouring municipalities. */
  neighbourChildren: number;
  /** City districts, each with an intake unit and investigation units. */
  districts: number;
  /** Years of history. */
  years: number;
}

export const tiers: Record<TierName, Tier> = {
  XS: {
    name: 'XS',
    caseNotes: 1_500,
    description: 'tests only',
    children: 60,
    auditEvents: 8_000,
    neighbourChildren: 8,
    districts: 1,
    years: 2,
  },
  S: {
    name: 'S',
    caseNotes: 12_000,
    description: 'a small municipality',
    children: 400,
    auditEvents: 80_000,
    neighbourChildren: 40,
    districts: 1,
    years: 10,
  },
  M: {
    name: 'M',
    caseNotes: 150_000,
    description: 'a mid-sized city',
    children: 5_000,
    auditEvents: 1_000_000,
    neighbourChildren: 200,
    districts: 3,
    years: 10,
  },
  L: {
    name: 'L',
    caseNotes: 3_000_000,
    description: 'the largest city',
    children: 100_000,
    auditEvents: 20_000_000,
    neighbourChildren: 1_000,
    districts: 12,
    years: 10,
  },
};

export function tierByName(name: string): Tier {
  const tier = tiers[name.toUpperCase() as TierName];
  if (!tier) throw new Error(`Unknown tier "${name}": use one of ${tierNames.join(', ')}`);
  return tier;
}
