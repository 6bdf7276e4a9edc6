import { createHash } from 'node:crypto';

/** The fields of an audit event that its hash covers, in a fixed order. */
export interface ChainedFields {
  municipality_id: string;
  seq: number;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_organisation: string | null;
  action: string;
  outcome: string;
  subject_person_id: string | null;
  record_type: string | null;
  record_id: string | null;
  reason: string | null;
  client_address: string | null;
  unusual: boolean;
  prev_hash: string;
}

export const genesisHash = '0'.repeat(64);

/**
 * Each event's hash covers its own content and the previous event's hash, so editing, removing
 * or reordering any event breaks every hash after it.
 */
export function eventHash(e: ChainedFields): string {
  const canonical = JSON.stringify([
    e.municipality_id,
    e.seq,
    e.occurred_at.toISOString(),
    e.actor_user_id,
    e.actor_name,
    e.actor_role,
    e.actor_organisation,
    e.action,
    e.outcome,
    e.subject_person_id,
    e.record_type,
    e.record_id,
    e.reason,
    e.client_address,
    e.unusual,
    e.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ChainProblem {
  seq: number;
  problem: 'gap' | 'hashMismatch' | 'brokenLink';
}

/**
 * Checks a municipality's events, ordered by seq. `after` is the event before the first one given
 * (by default: nothing, so the first must be seq 1 linked to the genesis hash).
 */
export function verifyChain(
  events: Iterable<ChainedFields & { hash: string }>,
  after: { seq: number; hash: string } = { seq: 0, hash: genesisHash },
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let expectedSeq = after.seq + 1;
  let previousHash = after.hash;
  for (const e of events) {
    if (e.seq !== expectedSeq) problems.push({ seq: e.seq, problem: 'gap' });
    if (e.prev_hash !== previousHash) problems.push({ seq: e.seq, problem: 'brokenLink' });
    if (eventHash(e) !== e.hash) problems.push({ seq: e.seq, problem: 'hashMismatch' });
    expectedSeq = e.seq + 1;
    previousHash = e.hash;
  }
  return problems;
}
