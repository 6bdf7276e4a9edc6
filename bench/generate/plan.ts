import { searchTextOf } from '../../src/people/domain.ts';
import { generatePersonalNumber } from '../../src/people/personal-number.ts';
import type { PartnerKind, ProtectedIdentity, Role, UnitKind } from '../../src/platform/db/schema.ts';
import {
  boyNames,
  familyNameHeads,
  familyNames,
  familyNameTails,
  girlNames,
  menNames,
  streets,
  womenNames,
} from './names.ts';
import { derivedSeed, Rng, Weighted, zipf } from './rng.ts';
import type { Tier } from './tiers.ts';

/**
 * The generator's model of a municipality, built in memory before anything is written: who lives
 * where, who works where, and each child's episodes with social services over the years (a report,
 * perhaps an investigation, perhaps an intervention). The audit stream and, later, reports and
 * cases are derived from the episodes, so all tables tell the same story.
 */

export const dayMs = 86_400_000;

export interface PlanUnit {
  id: string;
  name: string;
  kind: UnitKind;
  district: number;
}

export interface PlanUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unit: number | null;
  partnerKind: PartnerKind | null;
  organisation: string;
  /** The address the user's requests come from in the audit trail (fictional internal network). */
  clientAddress: string;
}

export interface PlanPerson {
  id: string;
  personalNumber: string | null;
  isCoordinationNumber: boolean;
  givenName: string;
  familyName: string;
  searchText: string;
  birthDate: string;
  protectedIdentity: ProtectedIdentity;
  streetAddress: string;
  postalCode: string;
  city: string;
  /** Day (days since 1970-01-01) the person entered the register. */
  createdDay: number;
  isChild: boolean;
  district: number;
  /** Indexes of the person's guardians (children only). */
  guardians: number[];
}

export interface PlanGuardianship {
  child: number;
  guardian: number;
  kind: 'guardian' | 'appointedGuardian';
}

/** One contact with social services: a report, perhaps an investigation, perhaps an intervention. */
export interface Episode {
  child: number;
  /** Day the report came in. */
  reportDay: number;
  /** Day the report was assessed: investigation opened, or the report closed. */
  assessedDay: number;
  investigationEndDay: number | null;
  interventionEndDay: number | null;
  /** The intake worker who assessed the report. */
  intakeWorker: number;
  /** The social worker who investigates and follows the child (user index). */
  worker: number;
}

export interface PlanAssignment {
  person: number;
  user: number;
  sinceDay: number;
}

export interface PlanMunicipality {
  /** Position in the plan: 0 is the main municipality, 1 and 2 its neighbours. */
  index: number;
  id: string;
  code: string;
  name: string;
  city: string;
  units: PlanUnit[];
  users: PlanUser[];
  persons: PlanPerson[];
  guardianships: PlanGuardianship[];
  episodes: Episode[];
  assignments: PlanAssignment[];
  auditEvents: number;
  firstDay: number;
  todayDay: number;
}

export interface Plan {
  tier: Tier;
  seed: number;
  today: string;
  municipalities: PlanMunicipality[];
}

export const benchUsernamePrefix = 'bench.';

/** Caseload: children followed by one social worker at a time (investigations and interventions). */
const caseload = 18;
const socialWorkersPerUnit = 12;
const investigatedShare = 0.45;
const interventionShare = 0.4;

const seasonal = [0.9, 1.0, 1.1, 1.0, 1.1, 0.9, 0.5, 0.8, 1.15, 1.15, 1.1, 0.8];

export function dayOf(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs);
}

export function dateOf(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

export function isWeekend(day: number): boolean {
  const weekday = new Date(day * dayMs).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function buildPlan(tier: Tier, options: { seed?: number; today: string }): Plan {
  const seed = options.seed ?? 20260101;
  const municipalities = [
    {
      code: '9910',
      name: mainName(tier),
      city: mainCity(tier),
      children: tier.children,
      events: tier.auditEvents,
    },
    { code: '9920', name: 'Grannby kommun', city: 'Grannby', children: tier.neighbourChildren, events: 0 },
    { code: '9921', name: 'Grannås kommun', city: 'Grannås', children: tier.neighbourChildren, events: 0 },
  ].map((m, index) =>
    buildMunicipality(tier, {
      ...m,
      index,
      seed: derivedSeed(seed, index),
      today: options.today,
      districts: index === 0 ? tier.districts : 1,
      // Neighbours have the same history per child as the main municipality.
      auditEvents: m.events || Math.round((tier.auditEvents / tier.children) * m.children),
    }),
  );
  return { tier, seed, today: options.today, municipalities };
}

function mainName(tier: Tier): string {
  return { XS: 'Provby kommun', S: 'Småviks kommun', M: 'Mellanstads kommun', L: 'Storstads stad' }[
    tier.name
  ];
}
function mainCity(tier: Tier): string {
  return { XS: 'Provby', S: 'Småvik', M: 'Mellanstad', L: 'Storstad' }[tier.name];
}

interface MunicipalityInput {
  index: number;
  code: string;
  name: string;
  city: string;
  children: number;
  auditEvents: number;
  seed: number;
  today: string;
  districts: number;
}

function buildMunicipality(tier: Tier, input: MunicipalityInput): PlanMunicipality {
  const rng = new Rng(input.seed);
  const todayDay = dayOf(input.today);
  const firstDay = todayDay - Math.round(tier.years * 365.25);
  const m: PlanMunicipality = {
    index: input.index,
    id: rng.uuid(),
    code: input.code,
    name: input.name,
    city: input.city,
    units: [],
    users: [],
    persons: [],
    guardianships: [],
    episodes: [],
    assignments: [],
    auditEvents: input.auditEvents,
    firstDay,
    todayDay,
  };
  const reportDay = reportDaySampler(firstDay, todayDay);
  buildFamilies(m, rng, input, reportDay);
  const childEpisodes = buildEpisodes(m, rng);
  buildWorkforce(m, rng, input, childEpisodes);
  return m;
}

/** Report dates: more reports each year (about 4 % growth) and fewer in July and December. */
function reportDaySampler(firstDay: number, todayDay: number) {
  const span = todayDay - firstDay;
  return (rng: Rng): number => {
    for (;;) {
      const day = firstDay + Math.floor(rng.next() * span);
      const growth = 1.04 ** ((day - todayDay) / 365);
      const month = new Date(day * dayMs).getUTCMonth();
      const weekday = isWeekend(day) ? 0.25 : 1;
      if (rng.next() * 1.2 < growth * seasonal[month]! * weekday) return day;
    }
  };
}

const childrenPerFamily = new Weighted([1, 2, 3, 4, 5], [52, 30, 12, 5, 1]);
/** Children are reported at every age, teenagers most often. */
const ageAtFirstReport = new Weighted(
  Array.from({ length: 18 }, (_, age) => age),
  Array.from({ length: 18 }, (_, age) => (age < 6 ? 0.8 : age < 13 ? 1 : 1.4)),
);
const girls = zipf(girlNames, 0.6);
const boys = zipf(boyNames, 0.6);
const women = zipf(womenNames, 0.6);
const men = zipf(menNames, 0.6);
/**
 * Family names: a third from the common list (the most common about 2–3 % of everyone, as
 * Andersson is in Sweden), the rest from a thousand rarer composed names.
 */
const commonSurnames = zipf(familyNames, 0.7);
const surnames = {
  pick(rng: Rng): string {
    if (rng.chance(0.35)) return commonSurnames.pick(rng);
    return `${rng.pick(familyNameHeads)}${rng.pick(familyNameTails)}`;
  },
};
const streetNames = zipf(streets, 0.5);

function buildFamilies(
  m: PlanMunicipality,
  rng: Rng,
  input: MunicipalityInput,
  reportDay: (rng: Rng) => number,
): void {
  const usedNumbers = new Set<string>();
  let children = 0;
  let appointedPool: number[] = [];
  const addPerson = (
    p: Omit<PlanPerson, 'id' | 'personalNumber' | 'isCoordinationNumber' | 'searchText'>,
  ) => {
    const coordination = rng.chance(0.03);
    const noNumber = !coordination && rng.chance(0.003);
    let personalNumber: string | null = null;
    if (!noNumber) {
      const female = rng.chance(0.5);
      do {
        const serial = rng.int(0, 499) * 2 + (female ? 0 : 1);
        personalNumber = generatePersonalNumber(p.birthDate, serial, { coordination });
      } while (usedNumbers.has(personalNumber));
      usedNumbers.add(personalNumber);
    }
    m.persons.push({
      ...p,
      id: rng.uuid(),
      personalNumber,
      isCoordinationNumber: coordination,
      searchText: searchTextOf(p.givenName, p.familyName),
    });
    return m.persons.length - 1;
  };

  while (children < input.children) {
    const district = rng.int(0, input.districts - 1);
    const firstContact = reportDay(rng);
    const address = `${streetNames.pick(rng)} ${rng.int(1, 120)}`;
    const postalCode = `${100 + district * 7 + rng.int(0, 6)} ${String(rng.int(10, 99))}`;
    const protectedIdentity: ProtectedIdentity = rng.chance(0.01)
      ? 'confidentialityMarker'
      : rng.chance(0.003)
        ? 'protectedRegistration'
        : 'none';
    const base = { district, protectedIdentity, streetAddress: address, postalCode, city: m.city };

    if (rng.chance(0.015)) {
      // An unaccompanied minor: a god man (appointed guardian) looks after several such children.
      const birthDay = firstContact - rng.int(14 * 365, 17 * 365 + 300);
      const child = addPerson({
        ...base,
        ...childName(rng, surnames.pick(rng)),
        birthDate: dateOf(birthDay),
        createdDay: firstContact,
        isChild: true,
        guardians: [],
      });
      if (appointedPool.length === 0 || rng.chance(0.3)) {
        const guardian = addPerson({
          ...base,
          protectedIdentity: 'none',
          streetAddress: `${streetNames.pick(rng)} ${rng.int(1, 120)}`,
          ...adultName(rng, surnames.pick(rng)),
          birthDate: dateOf(firstContact - rng.int(35 * 365, 70 * 365)),
          createdDay: firstContact,
          isChild: false,
          guardians: [],
        });
        appointedPool = [...appointedPool.slice(-3), guardian];
      }
      const guardian = rng.pick(appointedPool);
      m.persons[child]!.guardians.push(guardian);
      m.guardianships.push({ child, guardian, kind: 'appointedGuardian' });
      children++;
      continue;
    }

    const familyName = surnames.pick(rng);
    const count = childrenPerFamily.pick(rng);
    const eldestAge = Math.min(17, ageAtFirstReport.pick(rng) + count - 1);
    const eldestBirth = firstContact - eldestAge * 365 - rng.int(0, 364);
    const guardians: number[] = [];
    const guardianCount = rng.chance(0.62) ? 2 : 1;
    for (let g = 0; g < guardianCount; g++) {
      const ownName = g === 1 && rng.chance(0.35) ? surnames.pick(rng) : familyName;
      guardians.push(
        addPerson({
          ...base,
          ...adultName(rng, ownName, g === 0 ? rng.chance(0.8) : rng.chance(0.2)),
          birthDate: dateOf(eldestBirth - rng.int(19 * 365, 40 * 365)),
          createdDay: firstContact,
          isChild: false,
          guardians: [],
        }),
      );
    }
    let birth = eldestBirth;
    for (let c = 0; c < count && children < input.children; c++) {
      if (birth > firstContact) break;
      const child = addPerson({
        ...base,
        ...childName(rng, familyName),
        birthDate: dateOf(birth),
        createdDay: firstContact,
        isChild: true,
        guardians: [...guardians],
      });
      for (const guardian of guardians) m.guardianships.push({ child, guardian, kind: 'guardian' });
      children++;
      birth += rng.int(300, 4 * 365);
    }
  }
}

function childName(rng: Rng, familyName: string) {
  return { givenName: (rng.chance(0.5) ? girls : boys).pick(rng), familyName };
}

function adultName(rng: Rng, familyName: string, woman = rng.chance(0.5)) {
  return { givenName: (woman ? women : men).pick(rng), familyName };
}

const episodesPerChild = new Weighted([1, 2, 3, 4, 5, 6, 8], [50, 22, 12, 7, 4, 3, 2]);

/** Each child's episodes, in order and not overlapping, all before the child turns 18. */
function buildEpisodes(m: PlanMunicipality, rng: Rng): Omit<Episode, 'worker' | 'intakeWorker'>[] {
  const episodes: Omit<Episode, 'worker' | 'intakeWorker'>[] = [];
  m.persons.forEach((person, child) => {
    if (!person.isChild) return;
    const adultDay = dayOf(person.birthDate) + 18 * 365;
    let day = person.createdDay;
    const count = episodesPerChild.pick(rng);
    for (let e = 0; e < count; e++) {
      if (day > m.todayDay || day >= adultDay) break;
      const assessedDay = day + rng.int(1, 14);
      const investigated = rng.chance(investigatedShare);
      const investigationEndDay = investigated ? assessedDay + rng.int(20, 120) : null;
      const intervention = investigationEndDay !== null && rng.chance(interventionShare);
      const interventionEndDay = intervention ? investigationEndDay! + rng.int(60, 720) : null;
      episodes.push({ child, reportDay: day, assessedDay, investigationEndDay, interventionEndDay });
      const end = interventionEndDay ?? investigationEndDay ?? assessedDay;
      day = end + rng.int(30, 900);
    }
  });
  return episodes;
}

export function episodeEnd(e: Pick<Episode, 'assessedDay' | 'investigationEndDay' | 'interventionEndDay'>) {
  return e.interventionEndDay ?? e.investigationEndDay ?? e.assessedDay;
}

/**
 * Staff in proportion to today's caseload: one social worker per 18 children being investigated or
 * followed, units of about twelve with a manager each, intake workers a fifth of that, and per
 * district a school nurse as partner professional.
 */
function buildWorkforce(
  m: PlanMunicipality,
  rng: Rng,
  input: MunicipalityInput,
  episodes: Omit<Episode, 'worker' | 'intakeWorker'>[],
): void {
  const active = episodes.filter(
    (e) => e.investigationEndDay !== null && e.assessedDay <= m.todayDay && episodeEnd(e) >= m.todayDay,
  );
  const perDistrict = Array.from({ length: input.districts }, () => 0);
  for (const e of active) perDistrict[m.persons[e.child]!.district]!++;
  const prefix = `${benchUsernamePrefix}${m.code}.`;
  let counter = 0;
  const addUser = (role: Role, unit: number | null, partnerKind: PartnerKind | null = null) => {
    counter++;
    const name = adultName(rng, surnames.pick(rng));
    const short = { socialWorker: 'sw', intakeWorker: 'in', manager: 'mgr', administrator: 'adm' }[
      role as string
    ];
    m.users.push({
      id: rng.uuid(),
      username: `${prefix}${short ?? role.toLowerCase()}.${String(counter).padStart(4, '0')}`,
      displayName: `${name.givenName} ${name.familyName}`,
      role,
      unit,
      partnerKind,
      organisation: partnerKind ? `${m.city}skolan, elevhälsan` : `Socialförvaltningen, ${m.city}`,
      clientAddress: `10.${20 + m.index}.${Math.floor(counter / 250)}.${(counter % 250) + 1}`,
    });
    return m.users.length - 1;
  };
  const addUnit = (name: string, kind: UnitKind, district: number) => {
    m.units.push({ id: rng.uuid(), name, kind, district });
    return m.units.length - 1;
  };

  const investigators: number[][] = [];
  const intakers: number[][] = [];
  for (let d = 0; d < input.districts; d++) {
    const districtName = input.districts > 1 ? `, distrikt ${d + 1}` : '';
    const workers = Math.max(2, Math.ceil(perDistrict[d]! / caseload));
    const intakeUnit = addUnit(`Mottagningen${districtName}`, 'intake', d);
    addUser('manager', intakeUnit);
    intakers[d] = Array.from({ length: Math.max(1, Math.ceil(workers / 5)) }, () =>
      addUser('intakeWorker', intakeUnit),
    );
    investigators[d] = [];
    const unitCount = Math.ceil(workers / socialWorkersPerUnit);
    for (let u = 0; u < unitCount; u++) {
      const unit = addUnit(`Barn- och ungdomsutredning${districtName}, grupp ${u + 1}`, 'investigation', d);
      addUser('manager', unit);
      const inUnit = Math.ceil(workers / unitCount);
      for (let w = 0; w < inUnit; w++) investigators[d]!.push(addUser('socialWorker', unit));
    }
    addUser('partnerProfessional', null, 'school');
  }
  addUnit('Familjehemsenheten', 'placement', 0);
  addUnit('Öppenvården', 'openCare', 0);
  const admin = addUnit('Administrationen', 'administration', 0);
  addUser('administrator', admin);
  addUser('statisticsReader', admin);

  for (const e of episodes) {
    const district = m.persons[e.child]!.district;
    m.episodes.push({
      ...e,
      intakeWorker: rng.pick(intakers[district]!),
      worker: rng.pick(investigators[district]!),
    });
  }
  m.episodes.sort((a, b) => a.reportDay - b.reportDay);
  for (const e of m.episodes) {
    if (e.investigationEndDay !== null && e.assessedDay <= m.todayDay && episodeEnd(e) >= m.todayDay) {
      m.assignments.push({ person: e.child, user: e.worker, sinceDay: e.assessedDay });
    }
  }
}
