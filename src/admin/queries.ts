import { lockedUntilOf } from '../auth/throttle.ts';
import type { AccessScope } from '../platform/access/scope.ts';
import type { PartnerKind, Role, UnitKind } from '../platform/db/schema.ts';

export async function unitsOfMunicipality(scope: AccessScope) {
  return scope.db
    .selectFrom('unit')
    .select(['id', 'name', 'kind', 'active'])
    .where('municipality_id', '=', scope.actor.municipalityId)
    .orderBy('name')
    .execute();
}

/** Returns the new id, or null when the name is taken in the municipality. */
export async function insertUnit(scope: AccessScope, name: string, kind: UnitKind): Promise<string | null> {
  const row = await scope.db
    .insertInto('unit')
    .values({ municipality_id: scope.actor.municipalityId, name, kind })
    .onConflict((oc) => oc.columns(['municipality_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function updateUnit(
  scope: AccessScope,
  id: string,
  changes: { name?: string; active?: boolean },
) {
  const result = await scope.db
    .updateTable('unit')
    .set(changes)
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function unitNameTaken(scope: AccessScope, name: string, exceptId: string) {
  const row = await scope.db
    .selectFrom('unit')
    .select('id')
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('name', '=', name)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return !!row;
}

const userColumns = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.email',
  'u.role',
  'u.unit_id',
  'u.partner_kind',
  'u.organisation_name',
  'u.partner_organisation_id',
  'u.administers_organisation',
  'u.external_subject',
  'u.staff_id',
  'u.active',
  'u.totp_secret_enc',
  lockedUntilOf('u.id').as('locked_until'),
] as const;

export async function usersWithUnits(scope: AccessScope) {
  return scope.db
    .selectFrom('user_account as u')
    .leftJoin('unit', 'unit.id', 'u.unit_id')
    .select(userColumns)
    .select('unit.name as unit_name')
    .where('u.municipality_id', '=', scope.actor.municipalityId)
    .orderBy('u.display_name')
    .execute();
}

export async function userById(scope: AccessScope, id: string) {
  return scope.db
    .selectFrom('user_account as u')
    .leftJoin('unit', 'unit.id', 'u.unit_id')
    .select(userColumns)
    .select('unit.name as unit_name')
    .where('u.municipality_id', '=', scope.actor.municipalityId)
    .where('u.id', '=', id)
    .executeTakeFirst();
}

export type AdminUser = NonNullable<Awaited<ReturnType<typeof userById>>>;

export interface UserFields {
  displayName: string;
  email: string | null;
  role: Role;
  unitId: string | null;
  partnerKind: PartnerKind | null;
  partnerOrganisationId: string | null;
  administersOrganisation: boolean;
  organisationName: string | null;
  externalSubject: string | null;
  staffId: string | null;
}

export async function insertUser(
  scope: AccessScope,
  username: string,
  fields: UserFields,
  passwordHash: string,
) {
  const row = await scope.db
    .insertInto('user_account')
    .values({
      municipality_id: scope.actor.municipalityId,
      username,
      password_hash: passwordHash,
      must_change_password: true,
      ...columnsOf(fields),
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'username']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function updateUser(
  scope: AccessScope,
  id: string,
  changes: Partial<ReturnType<typeof columnsOf>> & {
    active?: boolean;
    totp_secret_enc?: null;
    totp_last_step?: null;
    password_hash?: string;
    must_change_password?: boolean;
  },
) {
  await scope.db
    .updateTable('user_account')
    .set(changes)
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', id)
    .execute();
}

export function columnsOf(fields: UserFields) {
  return {
    display_name: fields.displayName,
    email: fields.email,
    role: fields.role,
    unit_id: fields.unitId,
    partner_kind: fields.partnerKind,
    partner_organisation_id: fields.partnerOrganisationId,
    administers_organisation: fields.administersOrganisation,
    organisation_name: fields.organisationName,
    external_subject: fields.externalSubject,
    staff_id: fields.staffId,
  };
}

/** The partner organisations a partner professional may belong to (not social services). */
export async function partnerOrganisationsOfMunicipality(scope: AccessScope) {
  return scope.db
    .selectFrom('partner_organisation')
    .select(['id', 'name', 'kind', 'active'])
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('kind', '<>', 'socialServices')
    .orderBy('name')
    .execute();
}

export type OrganisationOption = Awaited<ReturnType<typeof partnerOrganisationsOfMunicipality>>[number];

export async function unitBelongsToMunicipality(scope: AccessScope, unitId: string) {
  const row = await scope.db
    .selectFrom('unit')
    .select('id')
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  return !!row;
}

export async function externalSubjectTaken(scope: AccessScope, subject: string, exceptId: string | null) {
  let q = scope.db.selectFrom('user_account').select('id').where('external_subject', '=', subject);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}
