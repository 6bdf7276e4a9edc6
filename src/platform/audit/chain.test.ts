import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ChainedFields, eventHash, genesisHash, verifyChain } from './chain.ts';

function chain(length: number) {
  const events: (ChainedFields & { hash: string })[] = [];
  let prev = genesisHash;
  for (let seq = 1; seq <= length; seq++) {
    const fields: ChainedFields = {
      municipality_id: 'm',
      seq,
      occurred_at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      actor_user_id: 'u',
      actor_name: 'Test',
      actor_role: 'socialWorker',
      actor_organisation: null,
      action: 'person.read',
      outcome: 'allowed',
      subject_person_id: `p${seq}`,
      record_type: 'person',
      record_id: `p${seq}`,
      reason: null,
      client_address: '127.0.0.1',
      unusual: false,
      prev_hash: prev,
    };
    const hash = eventHash(fields);
    events.push({ ...fields, hash });
    prev = hash;
  }
  return events;
}

describe('the audit hash chain', () => {
  it('accepts an untouched chain', () => {
    assert.deepEqual(verifyChain(chain(5)), []);
  });

  it('detects an edited field', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, subject_person_id: 'someone-else' };
    assert.deepEqual(verifyChain(events), [{ seq: 3, problem: 'hashMismatch' }]);
  });

  it('detects a removed event', () => {
    const events = chain(5);
    events.splice(1, 1);
    const problems = verifyChain(events);
    assert.deepEqual(problems, [
      { seq: 3, problem: 'gap' },
      { seq: 3, problem: 'brokenLink' },
    ]);
  });

  it('detects an edit that also recomputed its own hash, at the next event', () => {
    const events = chain(4);
    const forged = { ...events[1]!, reason: 'efterhandskonstruktion' };
    events[1] = { ...forged, hash: eventHash(forged) };
    assert.deepEqual(verifyChain(events), [{ seq: 3, problem: 'brokenLink' }]);
  });

  it('continues a chain across batches', () => {
    const events = chain(6);
    const last = events[2]!;
    assert.deepEqual(verifyChain(events.slice(3), { seq: last.seq, hash: last.hash }), []);
  });
});
