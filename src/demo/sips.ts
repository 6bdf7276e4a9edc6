import type { Kysely } from 'kysely';
import { addDays, addMonths } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import type { SipInformationKind } from '../sip/schema.ts';

/**
 * Coordinated individual plans for Sjövik's demo: one in force (started from Sam Berg's case, with
 * the school and child psychiatry, a follow-up due within days and an action overdue), a draft
 * with the child health centre, a partner's request waiting for social services, a plan whose
 * consent was withdrawn, and a closed one. Everything is invented, like the families.
 */

interface DemoChild {
  id: string;
  given_name: string;
  birth_date: string | null;
  assigned: boolean;
}

export async function seedDemoSips(
  trx: Kysely<Database>,
  input: {
    municipalityId: string;
    today: string;
    organisations: Record<'socialServices' | 'school' | 'bup' | 'bvc' | 'police', string>;
    users: Record<'socialworker' | 'schoolnurse' | 'partner' | 'bup' | 'bvc' | 'police', string>;
    children: DemoChild[];
  },
): Promise<number> {
  const { municipalityId: m, today, organisations: org, users } = input;
  const ago = (days: number) => addDays(today, -days);
  const ahead = (days: number) => addDays(today, days);
  const ageOf = (c: DemoChild) =>
    c.birth_date ? Number(today.slice(0, 4)) - Number(c.birth_date.slice(0, 4)) : 0;

  // Plans are for children Sam Berg already knows; the child health centre's is for a small child.
  const used = new Set<string>();
  const pick = (test: (c: DemoChild) => boolean) => {
    const child = [...input.children].reverse().find((c) => !used.has(c.id) && test(c));
    if (child) used.add(child.id);
    return child;
  };
  // The plan in force comes from one of Sam Berg's investigations (issue 3's case).
  const investigated = await trx
    .selectFrom('child_case')
    .select(['id', 'child_id'])
    .where('municipality_id', '=', m)
    .where('responsible_user_id', '=', users.socialworker)
    .where('phase', '=', 'investigation')
    .orderBy('opened_on')
    .limit(1)
    .executeTakeFirst();
  const inForceChild = investigated
    ? input.children.find((c) => c.id === investigated.child_id)
    : pick((c) => c.assigned && ageOf(c) >= 8);
  if (inForceChild) used.add(inForceChild.id);
  const draftChild = pick((c) => c.assigned && ageOf(c) <= 4);
  const withdrawnChild = pick((c) => c.assigned && ageOf(c) >= 12);
  const closedChild = pick((c) => c.assigned && ageOf(c) >= 6);
  const requestedChild = pick((c) => !c.assigned && ageOf(c) >= 10);

  const guardiansOf = async (childId: string) =>
    (
      await trx
        .selectFrom('guardianship')
        .select('guardian_id')
        .where('municipality_id', '=', m)
        .where('child_id', '=', childId)
        .execute()
    ).map((g) => g.guardian_id);

  const agreedBy: Record<string, string> = {
    [org.socialServices]: users.socialworker,
    [org.bup]: users.bup,
    [org.bvc]: users.bvc,
    [org.police]: users.police,
  };
  let count = 0;
  const plan = async (
    child: DemoChild,
    values: {
      status: 'draft' | 'active' | 'closed';
      caseId?: string | null;
      lead: string;
      parties: { id: string; contact: string; agreed: boolean }[];
      meetingOn: string;
      followUpOn: string;
      agreedOn?: string;
      closedOn?: string;
      summary: string;
      family: string;
      consent: {
        givenOn: string;
        validUntil: string;
        kinds: SipInformationKind[];
        withdrawnOn?: string;
        childsWords: string;
      };
      needs: [GoalAreaKey, string][];
      goals: [GoalAreaKey, string, string][];
      actions: {
        text: string;
        by: string | { other: string };
        person: string;
        dueOn: string;
        status?: ActionStatusKey;
      }[];
      followUps?: { heldOn: string; note: string; next: string }[];
    },
  ) => {
    const sip = await trx
      .insertInto('sip')
      .values({
        municipality_id: m,
        child_id: child.id,
        case_id: values.caseId ?? null,
        status: values.status,
        coordinator_user_id: users.socialworker,
        lead_organisation_id: values.lead,
        meeting_on: values.meetingOn,
        meeting_time: '09:00',
        meeting_place: 'Familjecentralen, Sjövägen 2',
        family_participants: values.family,
        summary_for_child: values.summary,
        follow_up_on: values.followUpOn,
        content_version: 1,
        agreed_on: values.agreedOn ?? null,
        closed_on: values.closedOn ?? null,
        close_reason: values.status === 'closed' ? 'goalsMet' : null,
        close_note: values.status === 'closed' ? 'Målen nåddes. Familjen klarar sig med skolans stöd.' : null,
        created_by: users.socialworker,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    count++;
    await trx
      .insertInto('sip_participant')
      .values(
        values.parties.map((p) => ({
          municipality_id: m,
          sip_id: sip.id,
          organisation_id: p.id,
          contact_name: p.contact,
          invited_on: values.consent.givenOn,
          invited_by: users.socialworker,
          agreed_version: p.agreed ? 1 : null,
          agreed_at: p.agreed ? new Date(`${values.agreedOn ?? values.meetingOn}T10:00:00+01:00`) : null,
          // Each party's own user agreed for it.
          agreed_by: p.agreed
            ? p.id === org.school
              ? p.contact.startsWith('Pia')
                ? users.partner
                : users.schoolnurse
              : (agreedBy[p.id] ?? users.socialworker)
            : null,
        })),
      )
      .execute();
    const consent = await trx
      .insertInto('sip_consent')
      .values({
        municipality_id: m,
        sip_id: sip.id,
        given_on: values.consent.givenOn,
        valid_until: values.consent.validUntil,
        information_kinds: values.consent.kinds,
        childs_view: 'agrees',
        childs_view_note: values.consent.childsWords,
        recorded_by: users.socialworker,
        recorded_at: new Date(`${values.consent.givenOn}T10:00:00+01:00`),
        withdrawn_at: values.consent.withdrawnOn
          ? new Date(`${values.consent.withdrawnOn}T11:00:00+01:00`)
          : null,
        withdrawn_by: values.consent.withdrawnOn ? users.socialworker : null,
        withdrawal_note: values.consent.withdrawnOn ? 'Pappa ringde och tog tillbaka samtycket.' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const guardians = await guardiansOf(child.id);
    if (guardians.length)
      await trx
        .insertInto('sip_consent_guardian')
        .values(guardians.map((guardian_id) => ({ municipality_id: m, consent_id: consent.id, guardian_id })))
        .execute();
    await trx
      .insertInto('sip_consent_organisation')
      .values(
        values.parties.map((p) => ({ municipality_id: m, consent_id: consent.id, organisation_id: p.id })),
      )
      .execute();
    for (const [area, description] of values.needs)
      await trx
        .insertInto('sip_need')
        .values({ municipality_id: m, sip_id: sip.id, area, description })
        .execute();
    const goalIds: string[] = [];
    for (const [area, goal, childsWords] of values.goals) {
      const row = await trx
        .insertInto('sip_goal')
        .values({ municipality_id: m, sip_id: sip.id, area, goal, childs_words: childsWords })
        .returning('id')
        .executeTakeFirstOrThrow();
      goalIds.push(row.id);
    }
    const actionIds: string[] = [];
    for (const [i, a] of values.actions.entries()) {
      const row = await trx
        .insertInto('sip_action')
        .values({
          municipality_id: m,
          sip_id: sip.id,
          goal_id: goalIds[i % Math.max(goalIds.length, 1)] ?? null,
          description: a.text,
          responsible_organisation_id: typeof a.by === 'string' ? a.by : null,
          responsible_other: typeof a.by === 'string' ? null : a.by.other,
          responsible_person: a.person,
          due_on: a.dueOn,
          status: a.status ?? 'planned',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      actionIds.push(row.id);
    }
    for (const f of values.followUps ?? []) {
      const row = await trx
        .insertInto('sip_follow_up')
        .values({
          municipality_id: m,
          sip_id: sip.id,
          held_on: f.heldOn,
          note: f.note,
          next_follow_up_on: f.next,
          recorded_by: users.socialworker,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('sip_follow_up_action')
        .values(
          actionIds.map((action_id, i) => ({
            municipality_id: m,
            follow_up_id: row.id,
            action_id,
            status: values.actions[i]?.status ?? 'ongoing',
          })),
        )
        .execute();
    }
  };

  if (inForceChild)
    await plan(inForceChild, {
      status: 'active',
      caseId: investigated?.id ?? null,
      lead: org.bup,
      parties: [
        { id: org.socialServices, contact: 'Sam Berg', agreed: true },
        { id: org.school, contact: 'Sara Lund, skolsköterska', agreed: true },
        { id: org.bup, contact: 'Bo Ahmadi, psykolog', agreed: true },
      ],
      meetingOn: ago(40),
      agreedOn: ago(40),
      followUpOn: ahead(5),
      family: `${inForceChild.given_name}, mamma och pappa, mormor`,
      summary: `Vi är flera som vill hjälpa dig, ${inForceChild.given_name}. Skolsköterskan träffar dig varje vecka, BUP hjälper dig med sömnen och oron, och vi på socialtjänsten stöttar mamma och pappa.`,
      consent: {
        givenOn: ago(45),
        validUntil: addMonths(ago(45), 12),
        kinds: ['plan', 'needs', 'contactDetails'],
        childsWords: 'Jag vill att Sara är med, men inte att hela klassen vet.',
      },
      needs: [
        ['goodHealth', 'Sover dåligt och har ont i magen på morgnarna, särskilt före skoldagar.'],
        ['successInSchool', 'Hög frånvaro sedan höstlovet, ungefär var tredje dag.'],
        ['safetyAtHome', 'Föräldrarna behöver stöd i att hålla lugna rutiner på kvällarna.'],
      ],
      goals: [
        [
          'successInSchool',
          'Går i skolan minst fyra dagar i veckan före sportlovet.',
          'Jag vill orka gå till skolan.',
        ],
        ['goodHealth', 'Somnar före klockan 22 de flesta kvällar.', 'Jag vill inte vara så trött.'],
      ],
      actions: [
        {
          text: 'Samtal med skolsköterskan varje tisdag.',
          by: org.school,
          person: 'Sara Lund',
          dueOn: ahead(7),
          status: 'ongoing',
        },
        {
          text: 'Bedömning av sömn och oro.',
          by: org.bup,
          person: 'Bo Ahmadi',
          dueOn: ago(3),
          status: 'ongoing',
        },
        {
          text: 'Familjebehandling, föräldrastöd kring kvällsrutiner.',
          by: org.socialServices,
          person: 'Sam Berg',
          dueOn: ahead(10),
        },
        {
          text: 'Följer med till BUP och skolan vid behov.',
          by: { other: 'Mormor' },
          person: '',
          dueOn: ahead(30),
        },
      ],
      followUps: [
        {
          heldOn: ago(10),
          note: 'Närvaron är bättre, tre dagar av fem. Sömnen är fortfarande svår.',
          next: ahead(5),
        },
      ],
    });

  if (draftChild)
    await plan(draftChild, {
      status: 'draft',
      lead: org.socialServices,
      parties: [
        { id: org.socialServices, contact: 'Sam Berg', agreed: false },
        { id: org.bvc, contact: 'Birgitta Nyström, BVC-sjuksköterska', agreed: false },
      ],
      meetingOn: ahead(4),
      followUpOn: ahead(90),
      family: 'Mamma och pappa',
      summary: '',
      consent: {
        givenOn: ago(2),
        validUntil: addMonths(ago(2), 12),
        kinds: ['plan', 'needs'],
        childsWords: 'Barnet är för litet för att tillfrågas.',
      },
      needs: [['goodHealth', 'Språkutvecklingen behöver följas upp; föräldrarna vill ha stöd.']],
      goals: [['goodHealth', 'Utredning av språket är gjord före nästa uppföljning.', '']],
      actions: [],
    });

  if (withdrawnChild)
    await plan(withdrawnChild, {
      status: 'active',
      lead: org.socialServices,
      parties: [
        { id: org.socialServices, contact: 'Sam Berg', agreed: true },
        { id: org.school, contact: 'Pia Skog', agreed: true },
        { id: org.police, contact: 'Per Olsson, ungdomspolis', agreed: true },
      ],
      meetingOn: ago(90),
      agreedOn: ago(90),
      followUpOn: ahead(20),
      family: `${withdrawnChild.given_name} och pappa`,
      summary: '',
      consent: {
        givenOn: ago(95),
        validUntil: addMonths(ago(95), 12),
        kinds: ['plan'],
        withdrawnOn: ago(1),
        childsWords: 'Okej.',
      },
      needs: [['safetyAtHome', 'Vistas sent ute på kvällarna med äldre ungdomar.']],
      goals: [['safetyAtHome', 'Hemma senast klockan 21 på vardagar.', 'Jag vill ha kvar mina kompisar.']],
      actions: [
        { text: 'Ungdomspolisen träffar familjen.', by: org.police, person: 'Per Olsson', dueOn: ahead(14) },
        {
          text: 'Mentor följer upp närvaron varje vecka.',
          by: org.school,
          person: 'Pia Skog',
          dueOn: ahead(14),
        },
      ],
    });

  if (closedChild)
    await plan(closedChild, {
      status: 'closed',
      lead: org.school,
      parties: [
        { id: org.socialServices, contact: 'Sam Berg', agreed: true },
        { id: org.school, contact: 'Sara Lund', agreed: true },
      ],
      meetingOn: ago(200),
      agreedOn: ago(200),
      closedOn: ago(20),
      followUpOn: ago(20),
      family: 'Mamma',
      summary: '',
      consent: {
        givenOn: ago(205),
        validUntil: addMonths(ago(205), 12),
        kinds: ['plan', 'needs'],
        childsWords: 'Bra.',
      },
      needs: [['successInSchool', 'Behövde stöd i matematik och i att hitta kompisar.']],
      goals: [['successInSchool', 'Når målen i matematik.', 'Jag vill klara matten.']],
      actions: [
        {
          text: 'Extra stöd i matematik två gånger i veckan.',
          by: org.school,
          person: 'Sara Lund',
          dueOn: ago(30),
          status: 'done',
        },
      ],
    });

  if (requestedChild) {
    await trx
      .insertInto('sip')
      .values({
        municipality_id: m,
        status: 'requested',
        requested_by_organisation_id: org.bup,
        requested_by_user_id: users.bup,
        requested_child_name: requestedChild.given_name,
        requested_personal_number:
          (
            await trx
              .selectFrom('person')
              .select('personal_number')
              .where('id', '=', requestedChild.id)
              .executeTakeFirstOrThrow()
          ).personal_number ?? null,
        request_reason:
          'Barnet har en pågående kontakt hos BUP och familjen behöver stöd från socialtjänsten i hemmet. Vårdnadshavarna vill ha en gemensam plan.',
        created_by: users.bup,
      })
      .execute();
    count++;
  }
  return count;
}

type GoalAreaKey = 'goodHealth' | 'successInSchool' | 'safetyAtHome';
type ActionStatusKey = 'planned' | 'ongoing' | 'done' | 'notDone';
