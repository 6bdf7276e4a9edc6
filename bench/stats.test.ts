import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { percentile, ratio, summarize } from './stats.ts';

describe('benchmark statistics', () => {
  it('takes the nearest-rank percentile, always a measured value', () => {
    const values = Float64Array.from([15, 20, 35, 40, 50]);
    assert.equal(percentile(values, 5), 15);
    assert.equal(percentile(values, 30), 20);
    assert.equal(percentile(values, 40), 20);
    assert.equal(percentile(values, 50), 35);
    assert.equal(percentile(values, 100), 50);
    assert.equal(percentile(values, 0), 15);
  });

  it('puts p95 and p99 of a hundred values at the 95th and 99th', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(values, 95), 95);
    assert.equal(percentile(values, 99), 99);
    assert.equal(percentile(values, 99.9), 100);
  });

  it('gives NaN for no values rather than a made-up number', () => {
    assert.ok(Number.isNaN(percentile(new Float64Array(), 50)));
    const empty = summarize([], 3, 10);
    assert.equal(empty.requests, 0);
    assert.equal(empty.errors, 3);
    assert.equal(empty.throughput, 0);
    assert.ok(Number.isNaN(empty.p95));
  });

  it('sorts unsorted latencies numerically and counts throughput over the window', () => {
    const stats = summarize([100, 9, 20, 3, 50, 7, 1000, 2, 8, 1], 0, 2);
    assert.equal(stats.requests, 10);
    assert.equal(stats.throughput, 5);
    assert.equal(stats.p50, 8);
    assert.equal(stats.p95, 1000);
    assert.equal(stats.max, 1000);
    assert.equal(stats.mean, 120);
  });

  it('reports a ratio only when both sides are real numbers', () => {
    assert.equal(ratio(10, 4), 2.5);
    assert.equal(ratio(10, 0), null);
    assert.equal(ratio(undefined, 3), null);
    assert.equal(ratio(Number.NaN, 3), null);
  });
});
