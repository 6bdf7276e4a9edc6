import type { PartnerKind, PartnerOrganisationKind } from '../platform/db/schema.ts';

/**
 * The broad kind of partner a user of an organisation is (what the concern-report form and the
 * trail call school, health care, dental care or police). Social services is no partner.
 */
export function partnerKindOf(kind: PartnerOrganisationKind): PartnerKind | null {
  switch (kind) {
    case 'school':
      return 'school';
    case 'regionHealthCare':
    case 'childHealthCentre':
    case 'youthClinic':
    case 'childPsychiatry':
      return 'healthCare';
    case 'dentalCare':
      return 'dentalCare';
    case 'police':
      return 'police';
    case 'socialServices':
      return null;
  }
}

/** Kinds an administrator may create: social services exists once per municipality already. */
export const partnerKindsForAdministration = [
  'regionHealthCare',
  'childHealthCentre',
  'youthClinic',
  'childPsychiatry',
  'school',
  'dentalCare',
  'police',
] as const satisfies readonly PartnerOrganisationKind[];

export interface OrganisationInput {
  name?: string | undefined;
  kind?: string | undefined;
  externalId?: string | undefined;
}

export type OrganisationFieldError =
  | { field: 'name'; code: 'required' | 'tooLong' }
  | { field: 'kind'; code: 'invalid' }
  | { field: 'externalId'; code: 'tooLong' };

export function validateOrganisation(
  input: OrganisationInput,
):
  | { ok: true; value: { name: string; kind: PartnerOrganisationKind; externalId: string | null } }
  | { ok: false; errors: OrganisationFieldError[] } {
  const errors: OrganisationFieldError[] = [];
  const name = (input.name ?? '').replace(/\s+/g, ' ').trim();
  if (!name) errors.push({ field: 'name', code: 'required' });
  else if (name.length > 200) errors.push({ field: 'name', code: 'tooLong' });
  const kind = input.kind as (typeof partnerKindsForAdministration)[number];
  if (!partnerKindsForAdministration.includes(kind)) errors.push({ field: 'kind', code: 'invalid' });
  const externalId = (input.externalId ?? '').trim();
  if (externalId.length > 100) errors.push({ field: 'externalId', code: 'tooLong' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { name, kind, externalId: externalId || null } };
}
