import { checkNewPassword, type PasswordProblem } from '../platform/auth/passwords.ts';
import { type Role, roles, type UnitKind, unitKinds } from '../platform/db/schema.ts';
import { isId } from '../platform/http/schemas.ts';
import type { UserFields } from './queries.ts';

export interface UserFormInput {
  username?: string | undefined;
  displayName?: string | undefined;
  email?: string | undefined;
  role?: string | undefined;
  unitId?: string | undefined;
  partnerOrganisationId?: string | undefined;
  administersOrganisation?: string | undefined;
  organisationName?: string | undefined;
  externalSubject?: string | undefined;
  staffId?: string | undefined;
  temporaryPassword?: string | undefined;
}

export type UserFieldError =
  | { field: 'username'; code: 'usernameInvalid' }
  | {
      field: 'displayName' | 'organisationName' | 'staffId' | 'externalSubject';
      code: 'required' | 'tooLong';
    }
  | { field: 'email'; code: 'emailInvalid' }
  | { field: 'role' | 'unitId'; code: 'invalid' }
  | { field: 'partnerOrganisationId'; code: 'partnerKindRequired' | 'partnerKindOnlyForPartner' }
  | { field: 'temporaryPassword'; code: PasswordProblem };

const usernamePattern = /^[a-z0-9._-]{3,64}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks the administrator's user form; `isNew` adds the username and temporary password. */
export function validateUserForm(
  input: UserFormInput,
  isNew: boolean,
):
  | { ok: true; value: { username: string; fields: UserFields; password: string } }
  | { ok: false; errors: UserFieldError[] } {
  const errors: UserFieldError[] = [];
  const username = (input.username ?? '').trim().toLowerCase();
  if (isNew && !usernamePattern.test(username)) errors.push({ field: 'username', code: 'usernameInvalid' });
  const displayName = (input.displayName ?? '').trim();
  if (!displayName) errors.push({ field: 'displayName', code: 'required' });
  else if (displayName.length > 100) errors.push({ field: 'displayName', code: 'tooLong' });
  const email = (input.email ?? '').trim();
  if (email && (!emailPattern.test(email) || email.length > 200))
    errors.push({ field: 'email', code: 'emailInvalid' });
  const role = input.role as Role;
  if (!roles.includes(role)) errors.push({ field: 'role', code: 'invalid' });
  // A partner professional belongs to exactly one partner organisation; no one else belongs to one.
  const partnerOrganisationId = input.partnerOrganisationId || null;
  if (partnerOrganisationId && !isId(partnerOrganisationId))
    errors.push({ field: 'partnerOrganisationId', code: 'partnerKindRequired' });
  else if (role === 'partnerProfessional' && !partnerOrganisationId)
    errors.push({ field: 'partnerOrganisationId', code: 'partnerKindRequired' });
  else if (role !== 'partnerProfessional' && partnerOrganisationId)
    errors.push({ field: 'partnerOrganisationId', code: 'partnerKindOnlyForPartner' });
  const administersOrganisation = role === 'partnerProfessional' && input.administersOrganisation === 'on';
  for (const field of ['organisationName', 'staffId', 'externalSubject'] as const) {
    if ((input[field] ?? '').trim().length > 200) errors.push({ field, code: 'tooLong' });
  }
  const password = input.temporaryPassword ?? '';
  if (isNew) {
    const problem = checkNewPassword(password);
    if (problem) errors.push({ field: 'temporaryPassword', code: problem });
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      username,
      password,
      fields: {
        displayName,
        email: email || null,
        role,
        unitId: input.unitId || null,
        // Filled in from the organisation's record by the caller, which has looked it up.
        partnerKind: null,
        partnerOrganisationId,
        administersOrganisation,
        organisationName: (input.organisationName ?? '').trim() || null,
        externalSubject: (input.externalSubject ?? '').trim() || null,
        staffId: (input.staffId ?? '').trim() || null,
      },
    },
  };
}

export function validateUnit(name: string | undefined, kind: string | undefined) {
  const trimmed = (name ?? '').trim();
  const errors: Record<string, 'required' | 'tooLong' | 'invalid'> = {};
  if (!trimmed) errors.name = 'required';
  else if (trimmed.length > 200) errors.name = 'tooLong';
  if (kind !== undefined && !unitKinds.includes(kind as UnitKind)) errors.kind = 'invalid';
  return { name: trimmed, kind: (kind ?? 'other') as UnitKind, errors };
}

/** Whether an account can be used now: deactivated, locked after failed logins, or active. */
export function accountState(
  account: { active: boolean; locked_until: Date | null },
  now: Date,
): 'inactive' | 'locked' | 'active' {
  if (!account.active) return 'inactive';
  return account.locked_until && account.locked_until > now ? 'locked' : 'active';
}
