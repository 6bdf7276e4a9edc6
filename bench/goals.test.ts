import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { issue19GoalLines } from './goals.ts';

const run = (over: Partial<Parameters<typeof issue19GoalLines>[0][number]>) => ({
  engine: 'postgresql',
  tier: 'L',
  scenario: 'childPage',
  title: "A child's page",
  kind: 'read',
  target: 'app',
  concurrency: 1,
  throughput: 100,
  p95: 8,
  errors: 0,
  serverCpuMsPerRequest: 0.9,
  ...over,
});

describe("issue 19's goals", () => {
  it('shows each goal met or missed from the figures, the tight CPU goal for the child page', () => {
    const lines = issue19GoalLines([
      run({}),
      run({ target: 'baseline', throughput: 150 }),
      run({ concurrency: 16, throughput: 200, p95: 90, serverCpuMsPerRequest: 1.2 }),
      run({ concurrency: 16, target: 'baseline', throughput: 500 }),
      run({ tier: 'M', p95: 5 }),
      run({ tier: 'M', concurrency: 16, p95: 80 }),
      run({ engine: 'pglite', tier: 'M', throughput: 90 }),
      run({ tier: 'M', throughput: 100 }),
    ]);
    const row = lines.find((l) => l.startsWith("| A child's page"))!;
    // 200 / 500 = 0.40 at 16 users; 1.2 ms > 1 ms; 8 ms at one user; 8 / 5 = 1.6 growth.
    assert.match(row, /0\.40: \*\*missed\*\*/);
    assert.match(row, /1\.20 ms: \*\*missed\*\*/);
    assert.match(row, /8\.0 ms: met/);
    assert.match(row, /1\.60: \*\*missed\*\*/);
    assert.match(row, /\| 0\.90: met \|$/);
  });

  it('says so when there is no PostgreSQL run', () => {
    assert.deepEqual(issue19GoalLines([]), ['No PostgreSQL runs: the goals are stated for PostgreSQL.']);
  });
});
