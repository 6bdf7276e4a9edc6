import { type PartnerOrganisationKind, partnerOrganisationKinds } from '../partners/schema.ts';

/**
 * The organisations that work together above the single child. The partner organisations of the
 * SIP (docs/decisions/0030) are here as they are; a forum also seats the municipality's other
 * administrations (BarnSam: children and education, upper-secondary and adult education, culture
 * and leisure, the head of public health), the university (the social-work programme invited to
 * the second visit) and voluntary organisations. The extra kinds extend `partner_organisation.kind`
 * when this layer gets its migration (docs/design/collaboration.md).
 */
export const extraOrganisationKinds = [
  'educationAdministration',
  'upperSecondaryAndAdultEducation',
  'careAdministration',
  'cultureAndLeisure',
  'publicHealth',
  'university',
  'voluntaryOrganisation',
  'stateAgency',
  'other',
] as const;
export type ExtraOrganisationKind = (typeof extraOrganisationKinds)[number];
export type CollaborationOrganisationKind = PartnerOrganisationKind | ExtraOrganisationKind;
export const collaborationOrganisationKinds: readonly CollaborationOrganisationKind[] = [
  ...partnerOrganisationKinds,
  ...extraOrganisationKinds,
];

/** An organisation as the collaboration layer sees it: whose it is and what kind. */
export interface OrganisationRef {
  id: string;
  /** The municipality (tenant) the organisation is registered in; a region's BUP in each one it serves. */
  municipalityId: string;
  kind: CollaborationOrganisationKind;
}
