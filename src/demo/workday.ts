import type { Kysely } from 'kysely';
import { addDays } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import { stockholmInstant } from '../workday/domain/week.ts';

/**
 * The working day in the demo (issue 14): an investigation waiting for the manager's decision, a
 * case newly assigned to Sam Berg (an unread notification, and one read), and a week of visits and
 * meetings in Sam Berg's calendar. Dated from today like the rest of the demo.
 */
export async function seedDemoWorkday(
  trx: Kysely<Database>,
  input: { municipalityId: string; today: string; users: Record<'socialworker' | 'manager', string> },
): Promise<void> {
  const { municipalityId: m, today, users } = input;
  const ago = (days: number) => addDays(today, -days);
  const mine = await trx
    .selectFrom('child_case')
    .select(['id', 'child_id', 'concluded_on'])
    .where('municipality_id', '=', m)
    .where('responsible_user_id', '=', users.socialworker)
    .where('phase', '=', 'investigation')
    .orderBy('investigation_opened_on')
    .execute();
  // The oldest of Sam Berg's investigations is concluded and communicated: the manager decides.
  const ready = mine.find((c) => !c.concluded_on);
  if (ready)
    await trx
      .updateTable('child_case')
      .set({
        needs_text: 'Barnet behöver stöd i skolan och en vuxen att prata med.',
        childs_voice_waived_reason: null,
        concluded_on: ago(4),
        conclusion_text: 'Behov av samtalsstöd och stöd till föräldrarna. Förslag: familjebehandling.',
        party_communicated_on: ago(3),
        party_communication_note:
          'Utredningen skickad till båda vårdnadshavarna; mamma har lämnat synpunkter.',
      })
      .where('municipality_id', '=', m)
      .where('id', '=', ready.id)
      .execute();
  if (ready)
    await trx
      .insertInto('childs_voice')
      .values({
        municipality_id: m,
        case_id: ready.id,
        held_on: ago(10),
        circumstances: 'Enskilt samtal i skolan.',
        account: 'Jag vill att det ska bli lugnare hemma.',
        recorded_by: users.socialworker,
        recorded_by_name: 'Sam Berg',
      })
      .execute();
  const others = mine.filter((c) => c.id !== ready?.id);
  const [fresh, earlier, visited, met] = others;
  // Assigned yesterday (unread) and last week (read).
  const assigned = [
    { c: fresh, at: stockholmInstant(ago(1), 14 * 60 + 10), read: null },
    { c: earlier, at: stockholmInstant(ago(8), 9 * 60), read: stockholmInstant(ago(8), 9 * 60 + 30) },
  ];
  for (const { c, at, read } of assigned)
    if (c)
      await trx
        .insertInto('workday_notification')
        .values({
          municipality_id: m,
          user_id: users.socialworker,
          kind: 'caseAssigned',
          case_id: c.id,
          child_id: c.child_id,
          created_by: users.manager,
          created_at: at,
          read_at: read,
        })
        .execute();
  // Visits and meetings in Sam Berg's calendar, today and the days around it.
  const at = (day: number, minutes: number, length: number) => {
    const start = stockholmInstant(addDays(today, day), minutes);
    return { starts_at: start, ends_at: new Date(start.getTime() + length * 60_000) };
  };
  const booked = [
    ['visit', visited, 'Hembesök', at(0, 13 * 60, 90)],
    ['meeting', met, 'Skolan, rum 2', at(1, 9 * 60 + 30, 60)],
    ['visit', fresh, 'Hembesök', at(2, 10 * 60, 60)],
    ['meeting', undefined, 'Ärendedragning med chef', at(3, 8 * 60 + 30, 60)],
    ['visit', visited, 'Hembesök', at(-2, 15 * 60, 60)],
  ] as const;
  await trx
    .insertInto('calendar_appointment')
    .values(
      booked.map(([kind, c, place, when]) => ({
        municipality_id: m,
        user_id: users.socialworker,
        kind,
        case_id: c?.id ?? null,
        place,
        ...when,
      })),
    )
    .execute();
}
