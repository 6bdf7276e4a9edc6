import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { profilesMarkdown, summariseProfile } from './profile-summary.ts';

const frame = (functionName: string, url = '') => ({ functionName, url });

describe('the profile summary', () => {
  it('gives each sample to the first part found from the innermost frame, and leaves idle time out', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 5, 7] },
        { id: 2, callFrame: frame('query', 'file:///app/node_modules/pg/lib/client.js'), children: [3] },
        { id: 3, callFrame: frame('write', 'node:net'), children: [4] },
        { id: 4, callFrame: frame('writev') },
        {
          id: 5,
          callFrame: frame('writeAuditEvents', 'file:///app/src/platform/audit/audit.ts'),
          children: [6],
        },
        { id: 6, callFrame: frame('digest') },
        { id: 7, callFrame: frame('(idle)') },
      ],
      samples: [4, 4, 6, 7, 7, 7],
      timeDeltas: [1000, 1000, 2000, 5000, 5000, 5000],
    };
    const { busyMs, shares } = summariseProfile(profile);
    assert.equal(busyMs, 4);
    assert.deepEqual(
      shares.map((s) => [s.category, s.ms, s.share]),
      [
        ['SQL client (pg, Kysely)', 2, 0.5],
        ['audit writer and hashing', 2, 0.5],
      ],
    );
    const table = profilesMarkdown([{ scenario: 'childPage', requests: 2, busyMs, shares }]).join('\n');
    assert.match(table, /\| childPage \| 2\.00 \|/);
    assert.deepEqual(profilesMarkdown(null), []);
  });
});
