import { checkNewPassword, type PasswordProblem } from '../platform/auth/passwords.ts';
import type { PartnerKind } from '../platform/db/schema.ts';
import type { PartnerOrganisationKind } from './schema.ts';

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

export interface PartnerUserInput {
  username?: string | undefined;
  displayName?: string | undefined;
  email?: string | undefined;
  staffId?: string | undefined;
  externalSubject?: string | undefined;
  administersOrganisation?: string | undefined;
  temporaryPassword?: string | undefined;
}

export type PartnerUserFieldError =
  | { field: 'username'; code: 'usernameInvalid' }
  | { field: 'displayName'; code: 'required' | 'tooLong' }
  | { field: 'email'; code: 'emailInvalid' }
  | { field: 'staffId' | 'externalSubject'; code: 'tooLong' }
  | { field: 'temporaryPassword'; code: PasswordProblem };

const usernamePattern = /^[a-z0-9._-]{3,64}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A new user of a partner organisation, as the municipality's or the organisation's administrator types it. */
export function validatePartnerUser(input: PartnerUserInput):
  | {
      ok: true;
      value: {
        username: string;
        displayName: string;
        email: string | null;
        staffId: string | null;
        externalSubject: string | null;
        administersOrganisation: boolean;
        password: string;
      };
    }
  | { ok: false; errors: PartnerUserFieldError[] } {
  const errors: PartnerUserFieldError[] = [];
  const username = (input.username ?? '').trim().toLowerCase();
  if (!usernamePattern.test(username)) errors.push({ field: 'username', code: 'usernameInvalid' });
  const displayName = (input.displayName ?? '').replace(/\s+/g, ' ').trim();
  if (!displayName) errors.push({ field: 'displayName', code: 'required' });
  else if (displayName.length > 100) errors.push({ field: 'displayName', code: 'tooLong' });
  const email = (input.email ?? '').trim();
  if (email && (!emailPattern.test(email) || email.length > 200))
    errors.push({ field: 'email', code: 'emailInvalid' });
  const staffId = (input.staffId ?? '').trim();
  if (staffId.length > 200) errors.push({ field: 'staffId', code: 'tooLong' });
  const externalSubject = (input.externalSubject ?? '').trim();
  if (externalSubject.length > 200) errors.push({ field: 'externalSubject', code: 'tooLong' });
  const password = input.temporaryPassword ?? '';
  const problem = checkNewPassword(password);
  if (problem) errors.push({ field: 'temporaryPassword', code: problem });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      username,
      displayName,
      email: email || null,
      staffId: staffId || null,
      externalSubject: externalSubject || null,
      administersOrganisation: input.administersOrganisation === 'on',
      password,
    },
  };
}
