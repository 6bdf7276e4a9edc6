import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { partnerKindOf } from '../partners/domain.ts';
import type { PartnerOrganisationKind } from '../partners/schema.ts';
import { searchTextOf } from '../people/domain.ts';
import { generatePersonalNumber } from '../people/personal-number.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { seal } from '../platform/auth/secret-box.ts';
import { newTotpSecret } from '../platform/auth/totp.ts';
import type { Database, PartnerKind, ProtectedIdentity, Role, UnitKind } from '../platform/db/schema.ts';

/** Test data factories: each call makes new, independent rows with fictional values. */

let counter = 0;
let municipalityCounter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

export async function createMunicipality(db: Kysely<Database>) {
  // Each test file has its own database, so a counter keeps codes unique.
  const code = String(1000 + municipalityCounter++);
  const row = await db
    .insertInto('municipality')
    .values({ code, name: `Testkommun ${unique()}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createUnit(
  db: Kysely<Database>,
  municipalityId: string,
  kind: UnitKind = 'investigation',
) {
  const row = await db
    .insertInto('unit')
    .values({ municipality_id: municipalityId, name: `Enhet ${unique()}`, kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface TestUser {
  id: string;
  municipalityId: string;
  username: string;
  password: string;
  totpSecret: string | null;
  role: Role;
}

// Hashing is slow on purpose; tests share one hash of one password.
const testPassword = 'correct horse battery staple';
let testPasswordHash: Promise<string> | undefined;

export async function createUser(
  db: Kysely<Database>,
  key: Buffer,
  options: {
    municipalityId: string;
    role: Role;
    unitId?: string | null;
    partnerKind?: PartnerKind;
    /** The partner's organisation; a new one of the partner kind is made when not given. */
    partnerOrganisationId?: string;
    administersOrganisation?: boolean;
    withTotp?: boolean;
    mustChangePassword?: boolean;
    active?: boolean;
  },
): Promise<TestUser> {
  testPasswordHash ??= hashPassword(testPassword);
  const username = `u${unique()}`;
  const totpSecret = options.withTotp === false ? null : newTotpSecret();
  let partnerKind = options.role === 'partnerProfessional' ? (options.partnerKind ?? 'school') : null;
  let organisation: { id: string; name: string } | null = null;
  if (options.role === 'partnerProfessional') {
    organisation = options.partnerOrganisationId
      ? await db
          .selectFrom('partner_organisation')
          .select(['id', 'name', 'kind'])
          .where('id', '=', options.partnerOrganisationId)
          .executeTakeFirstOrThrow()
          .then((o) => {
            partnerKind = partnerKindOf(o.kind) ?? partnerKind;
            return o;
          })
      : await defaultOrganisation(db, options.municipalityId, partnerKind ?? 'school');
  }
  const row = await db
    .insertInto('user_account')
    .values({
      municipality_id: options.municipalityId,
      unit_id: options.unitId ?? null,
      username,
      display_name: `Testanvändare ${username}`,
      role: options.role,
      partner_kind: partnerKind,
      organisation_name: organisation ? organisation.name : 'Socialtjänsten',
      partner_organisation_id: organisation?.id ?? null,
      administers_organisation: options.administersOrganisation ?? false,
      password_hash: await testPasswordHash,
      totp_secret_enc: totpSecret ? seal(key, totpSecret) : null,
      must_change_password: options.mustChangePassword ?? false,
      active: options.active ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    municipalityId: options.municipalityId,
    username,
    password: testPassword,
    totpSecret,
    role: options.role,
  };
}

const defaultOrganisationNames: Record<PartnerKind, [string, PartnerOrganisationKind]> = {
  school: ['Testskolan', 'school'],
  healthCare: ['Testvårdcentralen', 'regionHealthCare'],
  dentalCare: ['Testtandvården', 'dentalCare'],
  police: ['Testpolisen', 'police'],
};

/** The municipality's one test organisation of a partner kind, made on first use. */
async function defaultOrganisation(db: Kysely<Database>, municipalityId: string, partnerKind: PartnerKind) {
  const [name, kind] = defaultOrganisationNames[partnerKind];
  const existing = await db
    .selectFrom('partner_organisation')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('name', '=', name)
    .executeTakeFirst();
  return existing ?? createPartnerOrganisation(db, municipalityId, { kind, name });
}

export async function createPartnerOrganisation(
  db: Kysely<Database>,
  municipalityId: string,
  options: { kind?: PartnerOrganisationKind; name?: string } = {},
) {
  const kind = options.kind ?? 'school';
  const row = await db
    .insertInto('partner_organisation')
    .values({
      municipality_id: municipalityId,
      kind,
      name: options.name ?? `Organisation ${kind} ${unique()}`,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  return row;
}

let serial = 0;

export async function createPerson(
  db: Kysely<Database>,
  municipalityId: string,
  options: {
    givenName?: string;
    familyName?: string;
    birthDate?: string;
    protectedIdentity?: ProtectedIdentity;
    personalNumber?: string | null;
    /** ISO 3166-1 alpha-2 (decision 0118); not known unless given. */
    countryOfBirth?: string | null;
  } = {},
) {
  const givenName = options.givenName ?? 'Elsa';
  const familyName = options.familyName ?? `Testsson${unique().replace(/[0-9]/g, '')}`;
  const birthDate = options.birthDate ?? '2015-03-12';
  const personalNumber =
    options.personalNumber === undefined
      ? generatePersonalNumber(birthDate, serial++ % 1000)
      : options.personalNumber;
  const row = await db
    .insertInto('person')
    .values({
      municipality_id: municipalityId,
      personal_number: personalNumber,
      given_name: givenName,
      family_name: familyName,
      birth_date: birthDate,
      search_text: searchTextOf(givenName, familyName),
      protected_identity: options.protectedIdentity ?? 'none',
      street_address: 'Testgatan 1',
      postal_code: '999 99',
      city: 'Testby',
      country_of_birth: options.countryOfBirth ?? null,
    })
    .returning(['id', 'personal_number'])
    .executeTakeFirstOrThrow();
  return { id: row.id, personalNumber: row.personal_number, givenName, familyName };
}

export async function assign(db: Kysely<Database>, municipalityId: string, personId: string, userId: string) {
  await db
    .insertInto('person_assignment')
    .values({ municipality_id: municipalityId, person_id: personId, user_id: userId })
    .execute();
}

export const randomId = () => randomUUID();

/**
 * A coordinated plan written straight into the database, for tests that need one in a given state:
 * the municipality's social services and the given organisations as parties, a need, a goal and
 * one action per party, and (unless `consent: null`) a consent naming every party.
 */
export async function createSip(
  db: Kysely<Database>,
  options: {
    municipalityId: string;
    childId: string;
    coordinatorUserId: string;
    organisationIds: string[];
    status?: 'draft' | 'active' | 'closed';
    consent?: {
      givenOn?: string;
      validUntil?: string;
      withdrawn?: boolean;
      organisationIds?: string[];
      informationKinds?: ('plan' | 'needs' | 'contactDetails')[];
    } | null;
    needText?: string;
    followUpOn?: string;
    actionDueOn?: string;
    /** The day the plan is made relative to; the real date unless the test fixed the clock. */
    today?: string;
  },
) {
  const m = options.municipalityId;
  const today =
    options.today ?? new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
  const inDays = (days: number) => {
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  let social = await db
    .selectFrom('partner_organisation')
    .select('id')
    .where('municipality_id', '=', m)
    .where('kind', '=', 'socialServices')
    .executeTakeFirst();
  social ??= await createPartnerOrganisation(db, m, {
    kind: 'socialServices',
    name: `Socialtjänsten ${unique()}`,
  });
  const status = options.status ?? 'active';
  const sip = await db
    .insertInto('sip')
    .values({
      municipality_id: m,
      child_id: options.childId,
      status,
      coordinator_user_id: options.coordinatorUserId,
      lead_organisation_id: social.id,
      follow_up_on: options.followUpOn ?? inDays(30),
      agreed_on: status === 'draft' ? null : today,
      closed_on: status === 'closed' ? today : null,
      close_reason: status === 'closed' ? 'goalsMet' : null,
      created_by: options.coordinatorUserId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const parties = [social.id, ...options.organisationIds];
  await db
    .insertInto('sip_participant')
    .values(
      parties.map((organisation_id) => ({
        municipality_id: m,
        sip_id: sip.id,
        organisation_id,
        invited_on: today,
        agreed_version: status === 'draft' ? null : 1,
        agreed_at: status === 'draft' ? null : new Date(),
      })),
    )
    .execute();
  await db
    .insertInto('sip_need')
    .values({
      municipality_id: m,
      sip_id: sip.id,
      area: 'goodHealth',
      description: options.needText ?? 'Behöver hjälp att sova',
    })
    .execute();
  const goal = await db
    .insertInto('sip_goal')
    .values({
      municipality_id: m,
      sip_id: sip.id,
      area: 'successInSchool',
      goal: 'Går i skolan',
      childs_words: 'Jag vill ha kompisar',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actions = await db
    .insertInto('sip_action')
    .values(
      parties.map((organisation_id, i) => ({
        municipality_id: m,
        sip_id: sip.id,
        goal_id: goal.id,
        description: `Insats ${i + 1}`,
        responsible_organisation_id: organisation_id,
        due_on: options.actionDueOn ?? inDays(7),
      })),
    )
    .returning(['id', 'responsible_organisation_id'])
    .execute();
  if (options.consent !== null) {
    const c = options.consent ?? {};
    const consent = await db
      .insertInto('sip_consent')
      .values({
        municipality_id: m,
        sip_id: sip.id,
        given_on: c.givenOn ?? inDays(-1),
        valid_until: c.validUntil ?? inDays(365),
        information_kinds: c.informationKinds ?? ['plan', 'needs', 'contactDetails'],
        childs_view: 'agrees',
        guardians_note: 'Båda vårdnadshavarna',
        recorded_by: options.coordinatorUserId,
        withdrawn_at: c.withdrawn ? new Date() : null,
        withdrawn_by: c.withdrawn ? options.coordinatorUserId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('sip_consent_organisation')
      .values(
        (c.organisationIds ?? parties).map((organisation_id) => ({
          municipality_id: m,
          consent_id: consent.id,
          organisation_id,
        })),
      )
      .execute();
  }
  return { id: sip.id, socialServicesId: social.id, goalId: goal.id, actions };
}
