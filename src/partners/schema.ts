import type { Generated, Selectable } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';

/** Partner organisations (migration 0004). */

export const partnerOrganisationKinds = [
  'socialServices',
  'regionHealthCare',
  'childHealthCentre',
  'youthClinic',
  'childPsychiatry',
  'school',
  'dentalCare',
  'police',
] as const;
export type PartnerOrganisationKind = (typeof partnerOrganisationKinds)[number];

export interface PartnerOrganisationTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  kind: PartnerOrganisationKind;
  external_id: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}
export type PartnerOrganisation = Selectable<PartnerOrganisationTable>;

declare module '../platform/db/schema.ts' {
  interface Database {
    partner_organisation: PartnerOrganisationTable;
  }
}
