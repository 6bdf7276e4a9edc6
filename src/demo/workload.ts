import type { Kysely } from 'kysely';
import { addDays, addMonths } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import { defaultCapacityNorm, defaultWeightSet } from '../statistics/workload.ts';
import { currentLoads, recomputeMonth } from '../statistics/workload-store.ts';

/**
 * Workload for the demo (issue 17; decisions 0096, 0128): Sjövik's own points (version 1, in force
 * since six months ago), the capacity norm with them, each case worker's experience and share of
 * full time, five months of kept load before the running one, and a few self-assessments, so that
 * /admin/workload, /my-workload and /statistics/workload show figures out of the box. The running
 * month is the demo's actual assignments; the months before are invented: each keeps a part of
 * today's items (fewer further back, chosen by position, not at random), with their points summed,
 * so a month's items always add up to its load. All fictional.
 */
export async function seedDemoWorkload(
  trx: Kysely<Database>,
  input: {
    municipalityId: string;
    today: string;
    admin: string;
    /** The workers who carry cases, with when their experience began and their share of full time. */
    workers: readonly { id: string; experienceSince: string; fte: number }[];
  },
): Promise<{ months: number }> {
  const { municipalityId: m, today } = input;
  const validFrom = `${addMonths(today, -6).slice(0, 7)}-01`;
  await trx
    .insertInto('workload_weight_set')
    .values({
      municipality_id: m,
      version: 1,
      valid_from: validFrom,
      // Sjövik weighs an ongoing investigation and an LVU placement a little higher than the suggestion.
      weights: JSON.stringify({
        ...defaultWeightSet.weights,
        'investigation:ongoing': 11,
        'placementLvu:ongoing': 12,
      }),
      norm: JSON.stringify(defaultCapacityNorm),
      created_by: input.admin,
    })
    .execute();
  await trx
    .insertInto('workload_profile')
    .values(
      input.workers.map((w) => ({
        municipality_id: m,
        user_id: w.id,
        experience_since: w.experienceSince,
        fte: w.fte,
      })),
    )
    .execute();
  const ids = input.workers.map((w) => w.id);
  // The running month as the assignment hooks and the nightly job keep it.
  await recomputeMonth(trx, m, ids, today);
  const now = await currentLoads(trx, m, ids, today);
  const rows = [];
  for (let back = 1; back <= 5; back++) {
    const month = addMonths(`${today.slice(0, 7)}-01`, -back).slice(0, 7);
    const lastDay = addDays(addMonths(`${month}-01`, 1), -1);
    for (const load of now) {
      // Months back keep the first part of today's items: a share of the list, by position.
      const share = [1, 0.9, 0.75, 0.85, 0.6][back - 1]!;
      const items = load.items.filter((_, i) => i < Math.ceil(load.items.length * share));
      const points = items.reduce((sum, item) => sum + item.points, 0);
      rows.push({
        municipality_id: m,
        user_id: load.userId,
        month,
        measured_on: lastDay,
        points,
        capacity: load.capacity ?? 0,
        weight_version: 1,
        items: JSON.stringify({ items, unweighted: [] }),
        recomputed_at: new Date(`${lastDay}T22:15:00Z`),
      });
    }
  }
  if (rows.length) await trx.insertInto('workload_month').values(rows).execute();
  // The first worker's own ratings of the last three months, shown beside the computed load.
  const first = input.workers[0];
  if (first) {
    const ratings = [
      { back: 1, rating: 3, comment: 'Många nya utredningar, men det gick ihop.' },
      { back: 2, rating: 2, comment: 'Tungt: två akuta placeringar samma vecka.' },
      { back: 3, rating: 4, comment: '' },
    ];
    await trx
      .insertInto('workload_self_assessment')
      .values(
        ratings.map((r) => ({
          municipality_id: m,
          user_id: first.id,
          month: addMonths(`${today.slice(0, 7)}-01`, -r.back).slice(0, 7),
          rating: r.rating,
          comment: r.comment,
        })),
      )
      .execute();
  }
  return { months: rows.length + now.length };
}
