import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forumCountyOf, forumHomeOf, homeForCoordinator, validateForum } from './forum.ts';

/** The rules of forums above the municipality (decision 0129), without a database. */
describe('county and national forums', () => {
  it('lets a county coordinator create only its own county network, a national one any', () => {
    const jamtland = { kind: 'county' as const, countyCode: '23' as const };
    assert.deepEqual(homeForCoordinator(jamtland, 'county', ''), { kind: 'county', countyCode: '23' });
    assert.equal(homeForCoordinator(jamtland, 'county', '24'), 'outsideScope');
    assert.equal(homeForCoordinator(jamtland, 'national', ''), 'outsideScope');
    assert.equal(homeForCoordinator(jamtland, 'municipal', ''), 'reachInvalid');
    const national = { kind: 'national' as const };
    assert.deepEqual(homeForCoordinator(national, 'national', ''), { kind: 'national' });
    assert.deepEqual(homeForCoordinator(national, 'county', '09'), { kind: 'county', countyCode: '09' });
    // No county chosen, a county that does not exist (02 was merged into 01), or nonsense.
    for (const code of [undefined, '', '02', '2', "23' or 1=1"])
      assert.equal(homeForCoordinator(national, 'county', code), 'reachInvalid', String(code));
  });

  it("counts a code in no county as Jämtland's, as Sjövik's forums do", () => {
    assert.equal(forumCountyOf('2380'), '23');
    assert.equal(forumCountyOf('0980'), '09');
    assert.equal(forumCountyOf('9901'), '23');
    assert.deepEqual(forumHomeOf({ reach: 'county', municipality_id: null, county_code: '09' }, ''), {
      kind: 'county',
      countyCode: '09',
    });
    assert.deepEqual(forumHomeOf({ reach: 'municipal', municipality_id: 'm', county_code: null }, '9901'), {
      kind: 'municipality',
      municipalityId: 'm',
      countyCode: '23',
    });
  });

  it('refuses a chair among the representatives when the coordinator chairs, and seats the county only', () => {
    const organisations = [
      { id: 'ost', municipalityId: 'o', municipalityCode: '2380' },
      { id: 'kro', municipalityId: 'k', municipalityCode: '2309' },
      { id: 'ume', municipalityId: 'u', municipalityCode: '2480' },
    ];
    const input = {
      name: 'JämtBus',
      level: 'management',
      cadence: 'quarterly',
      members: [
        { organisationId: 'ost', representatives: [{ name: 'Olle Öst', role: 'chair' }] },
        { organisationId: 'kro', representatives: [] },
      ],
    };
    const context = {
      guard: { today: '2026-03-13', confirmed: false },
      home: { kind: 'county' as const, countyCode: '23' as const },
      forumId: null,
      organisations,
      forums: [],
      coordinatorChairs: true,
    };
    const chaired = validateForum(input, context);
    assert.equal(chaired.ok, false);
    assert.deepEqual(chaired.ok ? [] : chaired.errors, [{ field: 'members', code: 'coordinatorChairs' }]);
    const umea = validateForum(
      {
        ...input,
        members: [
          { organisationId: 'ost', representatives: [{ name: 'Olle Öst', role: 'viceChair' }] },
          { organisationId: 'ume', representatives: [] },
        ],
      },
      context,
    );
    assert.deepEqual(umea.ok ? [] : umea.errors.map((e) => e.code), ['notAMember']);
    const ok = validateForum(
      {
        ...input,
        members: [input.members[0]!, { organisationId: 'kro', representatives: [] }].map((m, i) =>
          i === 0 ? { ...m, representatives: [{ name: 'Olle Öst', role: 'secretary' }] } : m,
        ),
      },
      context,
    );
    assert.ok(ok.ok, JSON.stringify(ok));
  });
});
