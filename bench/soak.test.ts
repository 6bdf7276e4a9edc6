import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { soakMarkdown, summariseSoak } from './soak.ts';

describe('the soak summary', () => {
  it('fits the trend after the first sample and says memory grows only past 5 % of it per ten minutes', () => {
    const flat = summariseSoak([
      { minute: 0, rssMiB: 150 },
      { minute: 1, rssMiB: 300 },
      { minute: 2, rssMiB: 302 },
      { minute: 3, rssMiB: 299 },
      { minute: 4, rssMiB: 301 },
    ]);
    assert.equal(flat.grows, false);
    assert.equal(flat.firstMiB, 150);
    assert.equal(flat.peakMiB, 302);
    assert.ok(Math.abs(flat.slopeMiBPer10Min!) < 5);
    const growing = summariseSoak(
      Array.from({ length: 31 }, (_, minute) => ({ minute, rssMiB: 300 + minute * 2 })),
    );
    assert.equal(growing.grows, true);
    assert.ok(Math.abs(growing.slopeMiBPer10Min! - 20) < 1e-9);
  });

  it('says nothing with too few samples, and reports none when no soak ran', () => {
    assert.equal(summariseSoak([]).grows, null);
    assert.equal(summariseSoak([{ minute: 0, rssMiB: 100 }]).grows, null);
    assert.deepEqual(soakMarkdown(null), []);
  });
});
