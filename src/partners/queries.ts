import { sql } from 'kysely';
import { lockedUntilOf } from '../auth/throttle.ts';
import type { AccessScope } from '../platform/access/scope.ts';
import type { PartnerKind } from '../platform/db/schema.ts';
import type { PartnerOrganisationKind } from './schema.ts';

/** Partner organisations of the signed-in user's municipality, with how many users each has. */
export async function organisationsWithUserCounts(scope: AccessScope) {
  return scope.db
    .selectFrom('partner_organisation as o')
    .leftJoin('user_account as u', (join) =>
      join
        .onRef('u.municipality_id', '=', 'o.municipality_id')
        .onRef('u.partner_organisation_id', '=', 'o.id'),
    )
    .select(['o.id', 'o.name', 'o.kind', 'o.external_id', 'o.active'])
    .select((eb) => eb.fn.count<number>('u.id').as('user_count'))
    .where('o.municipality_id', '=', scope.actor.municipalityId)
    .where('o.kind', '<>', 'socialServices')
    .groupBy(['o.id', 'o.name', 'o.kind', 'o.external_id', 'o.active'])
    .orderBy('o.name')
    .execute();
}

export async function organisationById(scope: AccessScope, id: string) {
  return scope.db
    .selectFrom('partner_organisation')
    .select(['id', 'name', 'kind', 'external_id', 'active'])
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', id)
    .where('kind', '<>', 'socialServices')
    .executeTakeFirst();
}

export type OrganisationRecord = NonNullable<Awaited<ReturnType<typeof organisationById>>>;

/** Returns the new id, or null when the name is taken in the municipality. */
export async function insertOrganisation(
  scope: AccessScope,
  value: { name: string; kind: PartnerOrganisationKind; externalId: string | null },
): Promise<string | null> {
  const row = await scope.db
    .insertInto('partner_organisation')
    .values({
      municipality_id: scope.actor.municipalityId,
      name: value.name,
      kind: value.kind,
      external_id: value.externalId,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function organisationNameTaken(scope: AccessScope, name: string, exceptId: string) {
  const row = await scope.db
    .selectFrom('partner_organisation')
    .select('id')
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('name', '=', name)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return !!row;
}

/**
 * Changes an organisation. Its users' organisation name and partner kind follow in the same
 * transaction, so the trail keeps naming the organisation as it is called.
 */
export async function updateOrganisation(
  scope: AccessScope,
  id: string,
  changes: { name: string; kind: PartnerOrganisationKind; externalId: string | null; active: boolean },
  partnerKind: PartnerKind | null,
) {
  await scope.db
    .updateTable('partner_organisation')
    .set({ name: changes.name, kind: changes.kind, external_id: changes.externalId, active: changes.active })
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', id)
    .execute();
  await scope.db
    .updateTable('user_account')
    .set({ organisation_name: changes.name, ...(partnerKind ? { partner_kind: partnerKind } : {}) })
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('partner_organisation_id', '=', id)
    .execute();
}

export async function usersOfOrganisation(scope: AccessScope, organisationId: string) {
  return scope.db
    .selectFrom('user_account')
    .select([
      'id',
      'username',
      'display_name',
      'email',
      'staff_id',
      'active',
      lockedUntilOf('id').as('locked_until'),
      'administers_organisation',
      sql<boolean>`totp_secret_enc is not null`.as('has_second_factor'),
    ])
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('partner_organisation_id', '=', organisationId)
    .orderBy('display_name')
    .execute();
}

export type OrganisationUser = Awaited<ReturnType<typeof usersOfOrganisation>>[number];

export async function insertPartnerUser(
  scope: AccessScope,
  organisation: OrganisationRecord,
  partnerKind: PartnerKind,
  value: {
    username: string;
    displayName: string;
    email: string | null;
    staffId: string | null;
    externalSubject: string | null;
    administersOrganisation: boolean;
    passwordHash: string;
  },
): Promise<string | null> {
  const row = await scope.db
    .insertInto('user_account')
    .values({
      municipality_id: scope.actor.municipalityId,
      username: value.username,
      display_name: value.displayName,
      email: value.email,
      staff_id: value.staffId,
      external_subject: value.externalSubject,
      role: 'partnerProfessional',
      partner_kind: partnerKind,
      partner_organisation_id: organisation.id,
      organisation_name: organisation.name,
      administers_organisation: value.administersOrganisation,
      password_hash: value.passwordHash,
      must_change_password: true,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'username']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function externalSubjectTaken(scope: AccessScope, subject: string) {
  const row = await scope.db
    .selectFrom('user_account')
    .select('id')
    .where('external_subject', '=', subject)
    .executeTakeFirst();
  return !!row;
}

export async function isOrganisationUser(scope: AccessScope, organisationId: string, userId: string) {
  const row = await scope.db
    .selectFrom('user_account')
    .select('id')
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('partner_organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return !!row;
}

export async function updateOrganisationUser(
  scope: AccessScope,
  organisationId: string,
  userId: string,
  changes: {
    active?: boolean;
    administers_organisation?: boolean;
    totp_secret_enc?: null;
    totp_last_step?: null;
    password_hash?: string;
    must_change_password?: boolean;
  },
): Promise<boolean> {
  const result = await scope.db
    .updateTable('user_account')
    .set(changes)
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('partner_organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
