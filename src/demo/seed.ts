import type { Kysely } from 'kysely';
import { seedActionPlanDemo } from '../action-plans/demo.ts';
import { demoCoordinatorUsername, seedDemoCoordinator } from '../action-plans/demo-coordinator.ts';
import { addMonths } from '../deadlines/calendar.ts';
import { seedForumDemo } from '../forums/demo.ts';
import { seedCountyForumDemo } from '../forums/demo-county.ts';
import { seedGoodPracticeDemo } from '../good-practice/demo.ts';
import { seedGuideDemo } from '../guide/demo.ts';
import { partnerKindOf } from '../partners/domain.ts';
import type { PartnerOrganisationKind } from '../partners/schema.ts';
import { searchTextOf } from '../people/domain.ts';
import { generatePersonalNumber } from '../people/personal-number.ts';
import { seedDemoPlacements } from '../placements/demo.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { seal } from '../platform/auth/secret-box.ts';
import { todayInSweden } from '../platform/dates.ts';
import type { Database, NewPerson, Role } from '../platform/db/schema.ts';
import { seedDemoCases } from './cases.ts';
import { seedDemoDocuments } from './documents.ts';
import { seedDemoJointVisits } from './joint-visits.ts';
import { seedDemoSips } from './sips.ts';
import { seedStatisticsHistory } from './statistics.ts';
import { seedDemoWorkday } from './workday.ts';
import { seedDemoWorkload } from './workload.ts';

/**
 * Demo data for the embedded database: the fictional municipality of Sjövik with its units, one
 * user per role and a few hundred fictional families. Everyone here is invented; identity numbers
 * are generated with valid check digits. Documented in README ("Demo users").
 */
export const demoPassword = 'Samtak-demo-2026';
export const demoTotpSecret = 'SAMTAKDEMOSAMTAKDEMOSAMTAKDEMO23';
export const demoMunicipality = { code: '9901', name: 'Sjöviks kommun' };

/** The partner organisations around Sjövik's children, and Sjövik's own social services. */
export const demoOrganisations: { key: string; name: string; kind: PartnerOrganisationKind }[] = [
  { key: 'socialServices', name: 'Socialtjänsten, Sjöviks kommun', kind: 'socialServices' },
  { key: 'school', name: 'Sjövikskolan, elevhälsan', kind: 'school' },
  { key: 'bup', name: 'BUP Sjövik, Region Sjöland', kind: 'childPsychiatry' },
  { key: 'bvc', name: 'BVC Sjöviks vårdcentral', kind: 'childHealthCentre' },
  { key: 'youthClinic', name: 'Ungdomsmottagningen Sjövik', kind: 'youthClinic' },
  { key: 'dental', name: 'Folktandvården Sjövik', kind: 'dentalCare' },
  { key: 'police', name: 'Polisen, lokalpolisområde Sjövik', kind: 'police' },
];

export const demoUsers: {
  username: string;
  displayName: string;
  role: Role;
  unit: string;
  /** Key into demoOrganisations, for partner professionals. */
  organisation?: string;
  administersOrganisation?: boolean;
}[] = [
  { username: 'admin', displayName: 'Ada Lindqvist', role: 'administrator', unit: 'Administrationen' },
  { username: 'intake', displayName: 'Iris Holm', role: 'intakeWorker', unit: 'Mottagningen' },
  {
    username: 'socialworker',
    displayName: 'Sam Berg',
    role: 'socialWorker',
    unit: 'Barn- och ungdomsutredning',
  },
  {
    username: 'socialworker2',
    displayName: 'Noor Haddad',
    role: 'socialWorker',
    unit: 'Barn- och ungdomsutredning',
  },
  { username: 'manager', displayName: 'Maja Ek', role: 'manager', unit: 'Barn- och ungdomsutredning' },
  { username: 'homefinder', displayName: 'Hanna Vik', role: 'socialWorker', unit: 'Familjehemsenheten' },
  { username: 'intakemanager', displayName: 'Ines Lund', role: 'manager', unit: 'Mottagningen' },
  {
    username: 'partner',
    displayName: 'Pia Skog',
    role: 'partnerProfessional',
    unit: '',
    organisation: 'school',
    administersOrganisation: true,
  },
  {
    username: 'schoolnurse',
    displayName: 'Sara Lund',
    role: 'partnerProfessional',
    unit: '',
    organisation: 'school',
  },
  { username: 'bup', displayName: 'Bo Ahmadi', role: 'partnerProfessional', unit: '', organisation: 'bup' },
  {
    username: 'bvc',
    displayName: 'Birgitta Nyström',
    role: 'partnerProfessional',
    unit: '',
    organisation: 'bvc',
  },
  {
    username: 'police',
    displayName: 'Per Olsson',
    role: 'partnerProfessional',
    unit: '',
    organisation: 'police',
  },
  { username: 'statistics', displayName: 'Stig Dahl', role: 'statisticsReader', unit: 'Administrationen' },
  // Two guide editors: a change to the public guide is reviewed by someone other than its author.
  { username: 'editor', displayName: 'Elin Nord', role: 'guideEditor', unit: 'Administrationen' },
  { username: 'editor2', displayName: 'Tove Ahl', role: 'guideEditor', unit: 'Administrationen' },
  { username: 'archivist', displayName: 'Asta Rehn', role: 'archivist', unit: 'Administrationen' },
];

const units = [
  ['Mottagningen', 'intake'],
  ['Barn- och ungdomsutredning', 'investigation'],
  ['Familjehemsenheten', 'placement'],
  ['Öppenvården', 'openCare'],
  ['Administrationen', 'administration'],
] as const;

const givenNames = [
  'Elsa',
  'Alice',
  'Maja',
  'Vera',
  'Alma',
  'Wilma',
  'Ebba',
  'Nora',
  'Saga',
  'Olivia',
  'Liam',
  'William',
  'Noah',
  'Hugo',
  'Lucas',
  'Elias',
  'Oscar',
  'Adam',
  'Ali',
  'Omar',
  'Amina',
  'Yusuf',
  'Sara',
  'Leo',
  'Otto',
  'Åsa',
  'Örjan',
  'Zeynep',
  'Mohammed',
  'Ida',
  'Hanna',
  'Linnea',
  'Selma',
  'Folke',
  'Sixten',
  'Aisha',
  'Hamid',
  'Hodan',
  'Abdi',
  'Mariam',
  'Tesfay',
  'Senait',
  'Oksana',
  'Taras',
  'Aino',
  'Väinö',
  'José',
  'Zoë',
];
const familyNames = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Lindberg',
  'Lindström',
  'Åberg',
  'Öberg',
  'Ahmed',
  'Mohammed',
  'Hassan',
  'Ali',
  'Yilmaz',
  'Haile',
  'Tesfaye',
  'Kovalenko',
  'Korhonen',
  'Virtanen',
  'Jönsson',
  'Håkansson',
  'Sjöberg',
  'Ekström',
  'Bergqvist',
];
const streets = [
  'Sjövägen',
  'Björkgatan',
  'Skolgatan',
  'Hamngatan',
  'Tallstigen',
  'Ängsvägen',
  'Kyrkogatan',
  'Lärkvägen',
];

/** A small deterministic generator (mulberry32), so every demo start has the same people. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedDemoData(
  db: Kysely<Database>,
  {
    secretKey,
    log,
    today = todayInSweden(),
    neighbour = false,
  }: {
    secretKey: Buffer;
    log: (line: string) => void;
    today?: string;
    /**
     * The neighbour Norrvik with the county forum (decisions 0134, 0141): a second active
     * municipality, so the public form, the guide and the login ask which municipality. The demo
     * start has it; the browser tests and most database tests walk one municipality and do not.
     */
    neighbour?: boolean;
  },
): Promise<boolean> {
  const existing = await db.selectFrom('municipality').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  log('Creating demo data for Sjöviks kommun (fictional)…');
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction().execute(async (trx) => {
    const municipality = await trx
      .insertInto('municipality')
      .values(demoMunicipality)
      .returning('id')
      .executeTakeFirstOrThrow();
    const municipalityId = municipality.id;
    const unitRows = await trx
      .insertInto('unit')
      .values(units.map(([name, kind]) => ({ municipality_id: municipalityId, name, kind })))
      .returning(['id', 'name'])
      .execute();
    const unitId = (name: string) => unitRows.find((u) => u.name === name)?.id ?? null;
    const organisationRows = await trx
      .insertInto('partner_organisation')
      .values(demoOrganisations.map((o) => ({ municipality_id: municipalityId, name: o.name, kind: o.kind })))
      .returning(['id', 'name', 'kind'])
      .execute();
    const organisationOf = (key: string | undefined) => {
      const name = demoOrganisations.find((o) => o.key === key)?.name;
      return organisationRows.find((o) => o.name === name) ?? null;
    };
    const userRows = await trx
      .insertInto('user_account')
      .values(
        demoUsers.map((u) => {
          const organisation = organisationOf(u.organisation);
          return {
            municipality_id: municipalityId,
            unit_id: unitId(u.unit),
            username: u.username,
            display_name: u.displayName,
            role: u.role,
            partner_kind: organisation ? partnerKindOf(organisation.kind) : null,
            partner_organisation_id: organisation?.id ?? null,
            administers_organisation: u.administersOrganisation ?? false,
            organisation_name: organisation?.name ?? 'Socialförvaltningen',
            password_hash: passwordHash,
            totp_secret_enc: u.role === 'statisticsReader' ? null : seal(secretKey, demoTotpSecret),
          };
        }),
      )
      .returning(['id', 'username'])
      .execute();
    const socialWorkerId = userRows.find((u) => u.username === 'socialworker')!.id;
    const { persons, relations } = demoFamilies(municipalityId, today);
    const ids: string[] = [];
    for (let i = 0; i < persons.length; i += 200) {
      const rows = await trx
        .insertInto('person')
        .values(persons.slice(i, i + 200))
        .returning('id')
        .execute();
      ids.push(...rows.map((r) => r.id));
      log(`  people: ${ids.length}/${persons.length}`);
    }
    await trx
      .insertInto('guardianship')
      .values(
        relations.map((r) => ({
          municipality_id: municipalityId,
          child_id: ids[r.child]!,
          guardian_id: ids[r.guardian]!,
          kind: r.kind,
        })),
      )
      .execute();
    const childIndexes = [...new Set(relations.map((r) => r.child))].slice(0, 40);
    await trx
      .insertInto('person_assignment')
      .values(
        childIndexes.map((c) => ({
          municipality_id: municipalityId,
          person_id: ids[c]!,
          user_id: socialWorkerId,
        })),
      )
      .execute();
    const userId = (username: string) => userRows.find((u) => u.username === username)!.id;
    const assignedIndexes = new Set(childIndexes);
    const childIds = [...new Set(relations.map((r) => r.child))].map((index) => {
      const p = persons[index]!;
      return {
        assigned: assignedIndexes.has(index),
        id: ids[index]!,
        given_name: p.given_name,
        family_name: p.family_name,
        personal_number: p.personal_number ?? null,
        birth_date: p.birth_date ?? null,
      };
    });
    const demoCases = await seedDemoCases(trx, {
      municipalityId,
      today,
      units: { intake: unitId('Mottagningen')!, investigation: unitId('Barn- och ungdomsutredning')! },
      users: {
        intake: userId('intake'),
        socialworker: userId('socialworker'),
        socialworker2: userId('socialworker2'),
        manager: userId('manager'),
        intakemanager: userId('intakemanager'),
      },
      children: childIds.filter(
        (c) => c.birth_date && c.birth_date > `${Number(today.slice(0, 4)) - 17}${today.slice(4)}`,
      ),
    });
    await seedDemoDocuments(trx, {
      municipalityId,
      today,
      investigationUnitId: unitId('Barn- och ungdomsutredning')!,
      intakeUnitId: unitId('Mottagningen')!,
      users: { socialworker: userId('socialworker'), manager: userId('manager'), intake: userId('intake') },
    });
    const organisationId = (key: string) => organisationOf(key)!.id;
    const sips = await seedDemoSips(trx, {
      municipalityId,
      today,
      organisations: {
        socialServices: organisationId('socialServices'),
        school: organisationId('school'),
        bup: organisationId('bup'),
        bvc: organisationId('bvc'),
        police: organisationId('police'),
      },
      users: {
        socialworker: userId('socialworker'),
        schoolnurse: userId('schoolnurse'),
        partner: userId('partner'),
        bup: userId('bup'),
        bvc: userId('bvc'),
        police: userId('police'),
      },
      children: childIds,
    });
    const placements = await seedDemoPlacements(trx, {
      municipalityId,
      municipalityCode: demoMunicipality.code,
      today,
      unitId: unitId('Barn- och ungdomsutredning')!,
      users: { socialworker: userId('socialworker'), homefinder: userId('homefinder') },
      // Children not already in a demo case or plan: the last ones of the families.
      children: [...childIds].reverse(),
    });
    log(`  placements: ${placements}`);
    const jointVisits = await seedDemoJointVisits(trx, {
      municipalityId,
      today,
      units: { intake: unitId('Mottagningen')!, investigation: unitId('Barn- och ungdomsutredning')! },
      users: { intake: userId('intake'), socialworker: userId('socialworker') },
      police: organisationId('police'),
    });
    log(`  joint home visits with the police: ${jointVisits}`);
    await seedDemoWorkday(trx, {
      municipalityId,
      today,
      users: { socialworker: userId('socialworker'), manager: userId('manager') },
    });
    const history = await seedStatisticsHistory(trx, {
      municipalityId,
      today,
      units: { intake: unitId('Mottagningen')!, investigation: unitId('Barn- och ungdomsutredning')! },
      users: { intake: userId('intake'), manager: userId('manager'), intakemanager: userId('intakemanager') },
      children: childIds.filter((c) => !c.assigned),
    });
    log(`  case history for the statistics: ${history} cases`);
    // Workload (decision 0128): Sjövik's points, the case workers' experience, months of history.
    const workload = await seedDemoWorkload(trx, {
      municipalityId,
      today,
      admin: userId('admin'),
      workers: [
        { id: userId('socialworker'), experienceSince: addMonths(today, -74), fte: 1 },
        { id: userId('socialworker2'), experienceSince: addMonths(today, -8), fte: 1 },
        { id: userId('intake'), experienceSince: addMonths(today, -42), fte: 0.8 },
        { id: userId('homefinder'), experienceSince: addMonths(today, -26), fte: 1 },
      ],
    });
    log(`  workload: ${workload.months} kept months`);
    const editor = userId('editor');
    const editor2 = userId('editor2');
    const guideRevisions = await seedGuideDemo(
      trx,
      municipalityId,
      { id: editor, name: 'Elin Nord' },
      { id: editor2, name: 'Tove Ahl' },
    );
    log(`  support guide: ${guideRevisions} published texts`);
    // The switchboard number the report form gives outside office hours (set by the administrator).
    await trx
      .insertInto('report_setting')
      .values({
        municipality_id: municipalityId,
        switchboard_phone: '08-465 000 00',
        updated_by: userId('admin'),
      })
      .execute();
    // Good examples (issue 18): the manager and BUP's psychologist are good-practice editors, so
    // each reviews what the other organisation wrote.
    await trx
      .updateTable('municipality')
      .set({ population: 31_000 })
      .where('id', '=', municipalityId)
      .execute();
    const goodExamples = await seedGoodPracticeDemo(trx, {
      today,
      socialServices: {
        userId: userId('manager'),
        municipalityId,
        organisationKey: `m:${municipalityId}`,
        organisationName: demoMunicipality.name,
      },
      bup: {
        userId: userId('bup'),
        municipalityId,
        organisationKey: `o:${organisationId('bup')}`,
        organisationName: organisationOf('bup')!.name,
      },
    });
    log(`  good examples: ${goodExamples}`);
    const planMeasures = await seedActionPlanDemo(trx, {
      today,
      municipalityId,
      managerId: userId('manager'),
      organisations: {
        socialServices: organisationId('socialServices'),
        school: organisationId('school'),
        bup: organisationId('bup'),
        police: organisationId('police'),
      },
    });
    log(`  action plan: ${planMeasures} measures`);
    const forumMeetings = await seedForumDemo(trx, {
      today,
      municipalityId,
      users: { manager: userId('manager'), partner: userId('partner'), bup: userId('bup') },
      organisations: {
        socialServices: organisationId('socialServices'),
        school: organisationId('school'),
        bup: organisationId('bup'),
        police: organisationId('police'),
      },
    });
    log(`  collaboration forum: ${forumMeetings} meetings`);
    await seedDemoCoordinator(trx, { passwordHash, totpSecretEnc: seal(secretKey, demoTotpSecret) });
    if (neighbour) {
      const countyMeetings = await seedCountyForumDemo(trx, {
        today,
        passwordHash,
        totpSecretEnc: seal(secretKey, demoTotpSecret),
        coordinatorUsername: demoCoordinatorUsername,
        sjovik: {
          manager: userId('manager'),
          socialServices: organisationId('socialServices'),
          bup: organisationId('bup'),
        },
      });
      log(`  county forum with the neighbour Norrvik: ${countyMeetings} meetings`);
    }
    log(
      `Demo data ready: ${persons.length} people, ${relations.length} guardianships, ${demoUsers.length} users, ${demoCases.reports} reports, ${demoCases.cases} cases, ${sips} coordinated plans.`,
    );
  });
  return true;
}

/** Countries of birth the demo's unaccompanied minors and some guardians came from (fictional people). */
const demoCountriesOfArrival = ['AF', 'SO', 'ER', 'SY', 'IQ', 'UA', 'MA', 'VN'] as const;
/** Chosen from a number, not the random sequence, so the demo's people stay the ones they were. */
const arrivedFrom = (n: number) => demoCountriesOfArrival[n % demoCountriesOfArrival.length]!;

/** Families of one or two guardians with one to three children; a few unaccompanied minors. */
export function demoFamilies(municipalityId: string, today: string, families = 170, seed = 42) {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const usedNumbers = new Set<string>();
  const persons: NewPerson[] = [];
  const relations: { child: number; guardian: number; kind: 'guardian' | 'appointedGuardian' }[] = [];
  const year = Number(today.slice(0, 4));
  const person = (
    ageFrom: number,
    ageTo: number,
    familyName: string,
    address: string,
    isProtected: boolean,
    countryOfBirth: string | null = null,
  ): number => {
    let number: string;
    let birthDate: string;
    do {
      const age = ageFrom + Math.floor(next() * (ageTo - ageFrom + 1));
      const day = new Date(Date.UTC(year - age - 1, 0, 1) + Math.floor(next() * 365) * 86400000);
      birthDate = day.toISOString().slice(0, 10);
      number = generatePersonalNumber(birthDate, Math.floor(next() * 1000));
    } while (usedNumbers.has(number) || birthDate > today);
    usedNumbers.add(number);
    const givenName = pick(givenNames);
    persons.push({
      municipality_id: municipalityId,
      personal_number: number,
      given_name: givenName,
      family_name: familyName,
      birth_date: birthDate,
      search_text: searchTextOf(givenName, familyName),
      protected_identity: isProtected ? 'protectedRegistration' : 'none',
      street_address: address,
      postal_code: `999 ${String(10 + Math.floor(next() * 80))}`,
      city: 'Sjövik',
      country_of_birth: countryOfBirth,
    });
    return persons.length - 1;
  };
  for (let f = 0; f < families; f++) {
    const familyName = pick(familyNames);
    const address = `${pick(streets)} ${1 + Math.floor(next() * 60)}`;
    const isProtected = next() < 0.03;
    if (f % 25 === 24) {
      // An unaccompanied minor with an appointed guardian (god man) who lives elsewhere.
      const child = person(14, 17, pick(familyNames), address, false, arrivedFrom(f));
      const appointed = person(
        40,
        70,
        pick(familyNames),
        `${pick(streets)} ${1 + Math.floor(next() * 60)}`,
        false,
        'SE',
      );
      relations.push({ child, guardian: appointed, kind: 'appointedGuardian' });
      continue;
    }
    // Two families in three have their countries of birth registered (decision 0118).
    const known = f % 3 !== 2;
    const guardianCountry = () =>
      known ? (persons.length % 4 === 0 ? arrivedFrom(persons.length) : 'SE') : null;
    const guardians = [person(25, 55, familyName, address, isProtected, guardianCountry())];
    if (next() < 0.7)
      guardians.push(
        person(
          25,
          55,
          next() < 0.6 ? familyName : pick(familyNames),
          address,
          isProtected,
          guardianCountry(),
        ),
      );
    const childCount = 1 + Math.floor(next() * 3);
    for (let c = 0; c < childCount; c++) {
      const child = person(0, 17, familyName, address, isProtected, known ? 'SE' : null);
      for (const guardian of guardians) relations.push({ child, guardian, kind: 'guardian' });
    }
  }
  return { persons, relations };
}
