import type { Kysely } from 'kysely';
import { addDays, addMonths } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import type { ContactKind } from './contacts.ts';
import type { LegalBasis, PlacementType } from './model.ts';

/**
 * Placements for Sjövik's demo, dated from today, one at every stage the issue lists: a child two
 * years and a week in the same family home (custody transfer due), an HVB placement under LVU 3 §
 * with its review due in ten days, a child in an emergency home two months and a week after the
 * investigation ended, an unaccompanied minor with a god man and a residence permit granted
 * yesterday, an LVU 2 § placement that ended last month with its follow-up started, a family home
 * whose second carer's suspicion-register extract is missing and one whose extracts are 13 months
 * old. Visits at every stage, one attempt, and a child below the guideline. All invented.
 */

interface DemoChild {
  id: string;
  birth_date: string | null;
}

export async function seedDemoPlacements(
  trx: Kysely<Database>,
  input: {
    municipalityId: string;
    municipalityCode: string;
    today: string;
    unitId: string;
    users: { socialworker: string; homefinder: string };
    children: DemoChild[];
  },
): Promise<number> {
  const { municipalityId: m, today, users } = input;
  const ago = (days: number) => addDays(today, -days);
  const monthsAgo = (months: number, days = 0) => addDays(addMonths(today, -months), -days);
  const types = await trx
    .insertInto('intervention_type')
    .values(
      ['Placering i familjehem', 'Placering på HVB', 'Placering i jourhem', 'Stödboende'].map((name) => ({
        municipality_id: m,
        name,
      })),
    )
    .returning('id')
    .execute();
  await trx
    .insertInto('placement_intervention_type')
    .values(
      types.map((t, i) => ({
        municipality_id: m,
        intervention_type_id: t.id,
        form:
          (['familyHome', 'residentialCareHome', 'emergencyHome', 'supportedHousing'] as const)[i] ?? null,
      })),
    )
    .execute();

  async function home(
    name: string,
    forms: PlacementType[],
    options: { carers?: string[]; extractsMonthsAgo?: number; missingSecond?: boolean; provider?: boolean },
  ) {
    const row = await trx
      .insertInto('placement_home')
      .values({
        municipality_id: m,
        kind: options.provider ? 'provider' : 'privateHome',
        name,
        forms,
        home_municipality_code: input.municipalityCode,
        street_address: options.provider ? 'Bruksvägen 12' : `${name.replace('Familjen ', '')}vägen 4`,
        postal_code: '999 91',
        city: 'Sjövik',
        ownership: options.provider ? 'private' : null,
        ivo_permit_reference: options.provider ? '8.5-12345/2021' : null,
        ivo_permit_granted_on: options.provider ? '2021-05-10' : null,
        ivo_permit_forms: options.provider ? forms : [],
        created_by: users.homefinder,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (options.provider) return row.id;
    const carers = await trx
      .insertInto('placement_home_carer')
      .values((options.carers ?? []).map((c) => ({ municipality_id: m, home_id: row.id, name: c })))
      .returning('id')
      .execute();
    await trx
      .insertInto('placement_home_investigation')
      .values({ municipality_id: m, home_id: row.id, completed_on: monthsAgo(40), result: 'approved' })
      .execute();
    const obtained = monthsAgo(options.extractsMonthsAgo ?? 3);
    await trx
      .insertInto('placement_home_register_extract')
      .values(
        carers.flatMap((c, i) =>
          (['criminalRecord', 'suspicionRegister'] as const)
            .filter((r) => !(options.missingSecond && i === 1 && r === 'suspicionRegister'))
            .map((register) => ({
              municipality_id: m,
              home_id: row.id,
              carer_id: c.id,
              register,
              obtained_on: obtained,
              assessment: 'Inget som hindrar uppdraget.',
              recorded_by: users.homefinder,
            })),
        ),
      )
      .execute();
    await trx
      .insertInto('placement_home_training')
      .values(
        carers.map((c) => ({
          municipality_id: m,
          home_id: row.id,
          carer_id: c.id,
          completed_on: monthsAgo(30),
        })),
      )
      .execute();
    return row.id;
  }

  const homes = {
    lind: await home('Familjen Lind', ['familyHome'], { carers: ['Eva Lind', 'Tomas Lind'] }),
    berg: await home('Familjen Berg', ['familyHome', 'kinshipFamilyHome'], {
      carers: ['Karin Berg', 'Olof Berg'],
      missingSecond: true,
    }),
    ask: await home('Familjen Ask', ['familyHome'], { carers: ['Mira Ask'], extractsMonthsAgo: 13 }),
    jour: await home('Jourhemmet Strand', ['emergencyHome'], { carers: ['Lena Strand', 'Ali Strand'] }),
    hvb: await home('HVB Sjöbacken', ['residentialCareHome'], { provider: true }),
  };

  const used = new Set<string>();
  const pick = (minAge: number, maxAge: number) => {
    const child = input.children.find((c) => {
      if (used.has(c.id) || !c.birth_date) return false;
      const age = Number(today.slice(0, 4)) - Number(c.birth_date.slice(0, 4));
      return age >= minAge && age <= maxAge;
    });
    if (child) used.add(child.id);
    return child;
  };

  async function place(
    child: DemoChild | undefined,
    o: {
      basis: LegalBasis;
      form: PlacementType;
      homeId: string;
      executedOn: string;
      investigationClosedOn?: string;
      ended?: { on: string; outcome: 'returnedHome' };
      reconsidered?: string[];
      contacts?: [string, ContactKind, 'made' | 'attempted'][];
    },
  ) {
    if (!child) return null;
    const decidedOn = addDays(o.executedOn, -2);
    const p = await trx
      .insertInto('placement')
      .values({
        municipality_id: m,
        child_id: child.id,
        unit_id: input.unitId,
        designated_worker_id: users.socialworker,
        investigation_closed_on: o.investigationClosedOn ?? decidedOn,
        ended_on: o.ended?.on ?? null,
        end_outcome: o.ended?.outcome ?? null,
        created_by: users.socialworker,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lvuCare = o.basis === 'lvu2' || o.basis === 'lvu3';
    await trx
      .insertInto('placement_decision')
      .values({
        municipality_id: m,
        placement_id: p.id,
        basis: o.basis,
        decided_on: decidedOn,
        decided_by_kind: lvuCare ? 'court' : 'subcommittee',
        decided_by_name: lvuCare ? 'Förvaltningsrätten i Sjöstad' : 'Individutskottet',
        executed_on: o.executedOn,
      })
      .execute();
    await trx
      .insertInto('placement_period')
      .values({
        municipality_id: m,
        placement_id: p.id,
        home_id: o.homeId,
        form: o.form,
        decided_on: decidedOn,
        decided_by_kind: 'subcommittee',
        decided_by_name: 'Individutskottet',
        started_on: o.executedOn,
      })
      .execute();
    await trx
      .insertInto('placement_step')
      .values([
        {
          municipality_id: m,
          placement_id: p.id,
          kind: 'carePlanEstablished',
          on_date: decidedOn,
          note: 'Vårdplan upprättad.',
        },
        { municipality_id: m, placement_id: p.id, kind: 'regionNotified', on_date: o.executedOn },
        ...(o.form === 'familyHome'
          ? [
              {
                municipality_id: m,
                placement_id: p.id,
                kind: 'fosterAgreementSigned' as const,
                on_date: o.executedOn,
                home_id: o.homeId,
              },
            ]
          : []),
        ...(o.form === 'emergencyHome'
          ? []
          : [
              {
                municipality_id: m,
                placement_id: p.id,
                kind: 'implementationPlanEstablished' as const,
                on_date: addDays(o.executedOn, 14),
              },
            ]),
        ...(o.ended
          ? [
              {
                municipality_id: m,
                placement_id: p.id,
                kind: 'followUpStarted' as const,
                on_date: addDays(o.ended.on, 7),
              },
            ]
          : []),
      ])
      .execute();
    for (const on of o.reconsidered ?? []) {
      await trx
        .insertInto('placement_consideration')
        .values({
          municipality_id: m,
          placement_id: p.id,
          kind: o.basis === 'lvu3' ? 'lvuReview' : 'reconsideration',
          decided_on: on,
          decided_by_kind: 'subcommittee',
          decided_by_name: 'Individutskottet',
          conclusion: 'Vården behövs fortfarande.',
        })
        .execute();
    }
    const contacts = o.contacts ?? [];
    if (contacts.length)
      await trx
        .insertInto('placement_contact')
        .values(
          contacts.map(([on, kind, outcome]) => ({
            municipality_id: m,
            placement_id: p.id,
            on_date: on,
            kind,
            place: kind === 'visit' ? ('placementHome' as const) : ('office' as const),
            outcome,
            child_alone: outcome === 'made' && (kind === 'visit' || kind === 'talkWithChild') ? true : null,
            attended_to:
              outcome === 'made'
                ? (['health', 'schooling', 'relations'] as ('health' | 'schooling' | 'relations')[])
                : [],
            recorded_by: users.socialworker,
            recorded_by_name: 'Sam Berg',
          })),
        )
        .execute();
    return p.id;
  }

  const quarterly = (months: number): [string, ContactKind, 'made'][] =>
    Array.from({ length: months }, (_, i) => [monthsAgo(i * 3, 5), 'visit' as const, 'made' as const]);
  const twoYears = monthsAgo(24, 7);
  const placed = [
    // Two years and a week in the same family home: custody transfer due, the factors blank.
    await place(pick(8, 12), {
      basis: 'sol',
      form: 'familyHome',
      homeId: homes.lind,
      executedOn: twoYears,
      reconsidered: [
        addMonths(twoYears, 6),
        addMonths(twoYears, 12),
        addMonths(twoYears, 18),
        addMonths(twoYears, 24),
      ],
      contacts: [...quarterly(8), [ago(20), 'talkWithGuardians', 'made']],
    }),
    // HVB under LVU 3 §: the review due in ten days.
    await place(pick(15, 17), {
      basis: 'lvu3',
      form: 'residentialCareHome',
      homeId: homes.hvb,
      executedOn: addMonths(addDays(today, 10), -12),
      reconsidered: [addMonths(addDays(today, 10), -6)],
      contacts: [...quarterly(4), [ago(3), 'visit', 'attempted']],
    }),
    // An emergency home two months and a week after the investigation ended, no special reasons; below the guideline.
    await place(pick(5, 9), {
      basis: 'sol',
      form: 'emergencyHome',
      homeId: homes.jour,
      executedOn: monthsAgo(5),
      investigationClosedOn: monthsAgo(2, 7),
      contacts: [[monthsAgo(4, 10), 'visit', 'made']],
    }),
    // An LVU 2 § placement that ended last month; the follow-up started.
    await place(pick(10, 14), {
      basis: 'lvu2',
      form: 'familyHome',
      homeId: homes.ask,
      executedOn: monthsAgo(20),
      ended: { on: monthsAgo(1), outcome: 'returnedHome' },
      reconsidered: [monthsAgo(14), monthsAgo(8), monthsAgo(2)],
      contacts: quarterly(6),
    }),
  ];
  const [inFamilyHome, inHvb] = placed;
  const committee = { decided_by_kind: 'subcommittee' as const, decided_by_name: 'Individutskottet' };
  // The HVB's whereabouts kept secret from the guardians (14 § LVU): reviewed once, due again in five days.
  if (inHvb) {
    const secret = await trx
      .insertInto('placement_restriction')
      .values({
        municipality_id: m,
        placement_id: inHvb,
        kind: 'whereaboutsSecret',
        decided_on: addMonths(addDays(today, 5), -6),
        ...committee,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('placement_review')
      .values({
        municipality_id: m,
        placement_id: inHvb,
        restriction_id: secret.id,
        decided_on: addMonths(addDays(today, 5), -3),
        ...committee,
        outcome: 'continues',
      })
      .execute();
  }
  // The guardian asked for the family-home care to end; the court's moving ban is reviewed in three weeks.
  if (inFamilyHome) {
    await trx
      .insertInto('placement_step')
      .values({
        municipality_id: m,
        placement_id: inFamilyHome,
        kind: 'endOfCareRequested',
        on_date: monthsAgo(3, 6),
      })
      .execute();
    await trx
      .insertInto('placement_moving_ban')
      .values({
        municipality_id: m,
        placement_id: inFamilyHome,
        applied_on: monthsAgo(3, 1),
        ...committee,
        court_decided_on: addMonths(addDays(today, 21), -3),
      })
      .execute();
  }
  // An unaccompanied minor in the HVB with a god man and a residence permit granted yesterday.
  const minor = pick(15, 16);
  const minorPlacement = await place(minor, {
    basis: 'sol',
    form: 'residentialCareHome',
    homeId: homes.hvb,
    executedOn: monthsAgo(7),
    reconsidered: [monthsAgo(1)],
    contacts: quarterly(3),
  });
  if (minor && minorPlacement) {
    await trx
      .insertInto('unaccompanied_minor')
      .values({
        municipality_id: m,
        child_id: minor.id,
        arrived_on: monthsAgo(8),
        assigned_on: monthsAgo(7, 20),
        guardian_name: 'Anna Holmberg',
        guardian_appointed_by: 'Överförmyndaren i Sjövik',
        guardian_appointed_on: monthsAgo(7, 10),
        guardian_contact: '070-555 01 23',
        residence_permit_on: ago(1),
        health_examination_done_on: monthsAgo(6),
      })
      .execute();
  }
  return [...placed, minorPlacement].filter(Boolean).length;
}
