import type { Kysely } from 'kysely';
import { createReader, type Outcome, refused } from '../collaboration/form.ts';
import { coordinatorCovers } from '../collaboration/municipalities.ts';
import { writeAuditEvents } from '../platform/audit/audit.ts';
import type { Database } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import type { Coordinator } from './coordinator-gate.ts';
import { matterStatusAfter, matterStepRefusal } from './national-matters.ts';

/**
 * The coordinator answers a matter raised to the national level by a municipality in its scope
 * (docs/decisions/0104, 0108): raised → answered, with the answer, its writer and date, shown on the
 * plan's page. Audited in the municipality's chain as the coordinator's (`matter.answer`).
 */
export async function answerMatter(
  db: Kysely<Database>,
  coordinator: Coordinator,
  matterId: string,
  text: string | undefined,
  confirmed: boolean,
  today: string,
  clientAddress: string | null,
): Promise<{ ok: true } | Extract<Outcome<unknown, string>, { ok: false }>> {
  return db.transaction().execute(async (trx) => {
    const matter = await trx
      .selectFrom('national_matter as n')
      .innerJoin('municipality as m', 'm.id', 'n.municipality_id')
      .select(['n.id', 'n.status', 'n.municipality_id', 'm.code', 'm.active'])
      .where('n.id', '=', matterId)
      .forUpdate()
      .executeTakeFirst();
    if (!matter || !matter.active || !coordinatorCovers(coordinator.scope, matter.code)) throw notFound();
    const form = createReader({ today, confirmed });
    const answer = form.text('answer', text, { max: 8000, multiline: true });
    const refusal = matterStepRefusal('answer', { status: matter.status }, { isCoordinator: true }, answer);
    if (refusal) return refused('_form', refusal as never);
    const outcome = form.done(() => answer);
    if (!outcome.ok) return outcome;
    const by = coordinator.office ? `${coordinator.name}, ${coordinator.office}` : coordinator.name;
    await trx
      .updateTable('national_matter')
      .set({
        status: matterStatusAfter('answer'),
        answer,
        answered_by_name: by.slice(0, 200),
        answered_on: today,
      })
      .where('id', '=', matter.id)
      .execute();
    await writeAuditEvents(trx, { municipalityId: matter.municipality_id, actor: null, clientAddress }, [
      {
        action: 'matter.answer',
        recordType: 'nationalMatter',
        recordId: matter.id,
        reason: `coordinator:${coordinator.id}`,
      },
    ]);
    return { ok: true };
  });
}
