import { type Kysely, sql } from 'kysely';
import type { IsoDate } from '../deadlines/calendar.ts';
import { todayInSweden } from '../platform/dates.ts';
import type { Database } from '../platform/db/schema.ts';

/**
 * The guardians of a culled child who are in no other file go with the child's (decision 0082):
 * no other guardianship (as guardian or as child), no case, report, plan or placement of their
 * own, and a register entry made no later than the child's file's last entry (a later one is an
 * entry of its own). Each is removed under a savepoint: anything else that still refers to them
 * (a plan's consent, a record the job does not know) keeps them, and the child's culling stands.
 * Returns the ids removed.
 */
export async function cullLoneGuardians(
  trx: Kysely<Database>,
  municipalityId: string,
  guardianIds: readonly string[],
  lastEntryOn: IsoDate,
): Promise<string[]> {
  const m = municipalityId;
  const culled: string[] = [];
  for (const id of guardianIds) {
    const person = await trx
      .selectFrom('person')
      .select(['id', 'created_at'])
      .where('municipality_id', '=', m)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!person || todayInSweden(person.created_at) > lastEntryOn) continue;
    const elsewhere = await sql<{ n: number }>`
      select (select count(*) from guardianship where municipality_id = ${m} and (guardian_id = ${id} or child_id = ${id}))
           + (select count(*) from child_case where municipality_id = ${m} and child_id = ${id})
           + (select count(*) from report where municipality_id = ${m} and child_id = ${id})
           + (select count(*) from sip where municipality_id = ${m} and child_id = ${id})
           + (select count(*) from placement where municipality_id = ${m} and child_id = ${id}) as n`.execute(
      trx,
    );
    if (Number(elsewhere.rows[0]?.n ?? 1) > 0) continue;
    // Seeing the guardian's protected whereabouts after the file's last entry is an entry of its
    // own: the guardian stays (decision 0116). Earlier reasons go with the guardian.
    const accessed = await trx
      .selectFrom('protected_details_access')
      .select('occurred_at')
      .where('municipality_id', '=', m)
      .where('person_id', '=', id)
      .orderBy('occurred_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (accessed && todayInSweden(accessed.occurred_at) > lastEntryOn) continue;
    await sql`savepoint retention_guardian`.execute(trx);
    try {
      await trx
        .deleteFrom('person_assignment')
        .where('municipality_id', '=', m)
        .where('person_id', '=', id)
        .execute();
      await trx
        .deleteFrom('protected_details_access')
        .where('municipality_id', '=', m)
        .where('person_id', '=', id)
        .execute();
      await trx.deleteFrom('person').where('municipality_id', '=', m).where('id', '=', id).execute();
      await sql`release savepoint retention_guardian`.execute(trx);
      culled.push(id);
    } catch {
      await sql`rollback to savepoint retention_guardian`.execute(trx);
    }
  }
  return culled;
}
