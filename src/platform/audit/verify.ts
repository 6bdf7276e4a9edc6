import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type ChainProblem, genesisHash, verifyChain } from './chain.ts';
import { noMunicipality } from './refusals.ts';

export interface VerifyReport {
  municipalityId: string;
  events: number;
  problems: ChainProblem[];
}

const batchSize = 5000;

/**
 * Re-computes every municipality's hash chain from the first event, and the chain of refusals
 * that belong to no municipality if there is one; reads in batches.
 */
export async function verifyAuditTrail(
  db: Kysely<Database>,
  onProgress: (municipalityId: string, checked: number) => void = () => {},
): Promise<VerifyReport[]> {
  const municipalities = await db.selectFrom('municipality').select('id').orderBy('id').execute();
  const unattributed = await db
    .selectFrom('audit_event')
    .select('seq')
    .where('municipality_id', '=', noMunicipality)
    .limit(1)
    .executeTakeFirst();
  const chains = [...(unattributed ? [noMunicipality] : []), ...municipalities.map((m) => m.id)];
  const reports: VerifyReport[] = [];
  for (const id of chains) {
    const problems: ChainProblem[] = [];
    let afterSeq = 0;
    let count = 0;
    let carry = { seq: 0, hash: genesisHash };
    for (;;) {
      const batch = await db
        .selectFrom('audit_event')
        .selectAll()
        .where('municipality_id', '=', id)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(batchSize)
        .execute();
      if (batch.length === 0) break;
      // Each batch is checked as if it continued the previous one, so the chain is unbroken across.
      const found = verifyChain(batch, carry);
      problems.push(...found);
      count += batch.length;
      const last = batch[batch.length - 1]!;
      carry = { seq: last.seq, hash: last.hash };
      afterSeq = last.seq;
      onProgress(id, count);
    }
    reports.push({ municipalityId: id, events: count, problems });
  }
  return reports;
}
