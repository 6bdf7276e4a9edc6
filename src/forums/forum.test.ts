import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextGuard } from '../collaboration/form.ts';
import { generatePersonalNumber } from '../people/personal-number.ts';
import {
  behindCadence,
  eligibleOrganisations,
  type ForumHome,
  type ForumNode,
  homeContains,
  nextMeetingDue,
  parentProblem,
  validateForum,
} from './forum.ts';

const guard: TextGuard = { today: '2026-12-01', confirmed: false };
const ostersund: ForumHome = { kind: 'municipality', municipalityId: 'ost', countyCode: '23' };
const krokom: ForumHome = { kind: 'municipality', municipalityId: 'kro', countyCode: '23' };
const jamtland: ForumHome = { kind: 'county', countyCode: '23' };
const national: ForumHome = { kind: 'national' };

const organisations = [
  { id: 'social', municipalityId: 'ost', municipalityCode: '2380' },
  { id: 'school', municipalityId: 'ost', municipalityCode: '2380' },
  { id: 'police', municipalityId: 'ost', municipalityCode: '2380' },
  { id: 'krokomSocial', municipalityId: 'kro', municipalityCode: '2309' },
  { id: 'gotlandSocial', municipalityId: 'got', municipalityCode: '0980' },
];

const forums: ForumNode[] = [
  { id: 'jamtbus', parentForumId: null, home: jamtland },
  { id: 'birger', parentForumId: 'jamtbus', home: ostersund },
  { id: 'birgerSchool', parentForumId: 'birger', home: ostersund },
  { id: 'national', parentForumId: null, home: national },
];

const valid = {
  name: 'Chefsnätverket Birger',
  purpose: 'Ledningsgrupp för samverkan kring barn och unga: skola, polis, region och socialtjänst.',
  level: 'management',
  cadence: 'monthly',
  goalAreas: ['safetyAtHome', 'goodHealth'],
  members: [
    {
      organisationId: 'social',
      representatives: [{ name: 'Sara Lind', title: 'Socialchef', role: 'chair' }],
    },
    {
      organisationId: 'police',
      representatives: [{ name: 'Omar Berg', title: 'Kommunpolis', role: 'member' }],
    },
  ],
};
const context = { guard, home: ostersund, forumId: null, organisations, forums };
const errorsOf = (result: ReturnType<typeof validateForum>) => (result.ok ? [] : result.errors);

describe('a forum', () => {
  it('is accepted with two member organisations, goal areas in their fixed order', () => {
    const result = validateForum(valid, context);
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value.goalAreas, ['goodHealth', 'safetyAtHome']);
    // Representatives' names are adults in office: "Sara" and "Omar" give no warning.
    assert.deepEqual(result.warnings, []);
  });

  it('needs two organisations, each once, and at most one chair', () => {
    const one = validateForum({ ...valid, members: valid.members.slice(0, 1) }, context);
    assert.deepEqual(errorsOf(one), [{ field: 'members', code: 'needsTwoOrganisations' }]);
    const twice = validateForum({ ...valid, members: [valid.members[0]!, valid.members[0]!] }, context);
    assert.deepEqual(
      errorsOf(twice).map((e) => e.code),
      ['duplicate', 'needsTwoOrganisations', 'oneChair'],
    );
  });

  it('seats only organisations of its own home', () => {
    const gotland = validateForum(
      { ...valid, members: [...valid.members, { organisationId: 'gotlandSocial', representatives: [] }] },
      context,
    );
    assert.deepEqual(errorsOf(gotland), [{ field: 'members.2.organisationId', code: 'notAMember' }]);
    assert.deepEqual(
      eligibleOrganisations(jamtland, organisations).map((o) => o.id),
      ['social', 'school', 'police', 'krokomSocial'],
    );
    assert.equal(eligibleOrganisations(national, organisations).length, organisations.length);
  });

  it('refuses an identity number in its purpose, with the advice to use a SIP', () => {
    const number = generatePersonalNumber('2014-02-11', 123);
    const result = validateForum({ ...valid, purpose: `Gäller ${number}` }, context);
    assert.deepEqual(errorsOf(result), [
      { field: 'purpose', code: 'personalIdentityNumber', advice: 'useSip' },
    ]);
  });

  it('asks for a confirmation when the text names what may be a child, and keeps the warning', () => {
    const text = { ...valid, purpose: 'Vi följer Hugo, 9 år, i skolan.' };
    assert.deepEqual(errorsOf(validateForum(text, context)), [
      { field: 'purpose', code: 'childNameUnconfirmed' },
    ]);
    const confirmed = validateForum(text, { ...context, guard: { ...guard, confirmed: true } });
    assert.ok(confirmed.ok);
    assert.deepEqual(
      confirmed.warnings.map((w) => [w.field, w.code, w.name]),
      [['purpose', 'nameWithAge', 'Hugo']],
    );
  });

  it('refuses unknown levels and cadences, and a missing name', () => {
    const result = validateForum({ ...valid, name: ' ', level: 'royal', cadence: '' }, context);
    assert.deepEqual(
      errorsOf(result).map((e) => [e.field, e.code]),
      [
        ['name', 'required'],
        ['level', 'invalid'],
        ['cadence', 'required'],
      ],
    );
  });
});

describe('a forum under another', () => {
  it('a local group sits under its county network or the national level, never the other way', () => {
    assert.equal(homeContains(jamtland, ostersund), true);
    assert.equal(homeContains(national, jamtland), true);
    assert.equal(homeContains(ostersund, jamtland), false);
    assert.equal(homeContains(ostersund, krokom), false);
    assert.equal(homeContains({ kind: 'county', countyCode: '09' }, ostersund), false);
  });

  it('is refused under a forum that does not exist, outside its home, or under itself', () => {
    assert.equal(parentProblem(null, ostersund, 'nowhere', forums), 'parentNotFound');
    assert.equal(parentProblem(null, jamtland, 'birger', forums), 'parentOutsideHome');
    assert.equal(parentProblem('birger', ostersund, 'birgerSchool', forums), 'parentCycle');
    assert.equal(parentProblem('birger', ostersund, 'birger', forums), 'parentCycle');
    assert.equal(parentProblem(null, ostersund, 'birger', forums), null);
  });

  it('is refused deeper than four levels, counting what hangs below the forum moved', () => {
    assert.equal(parentProblem(null, ostersund, 'birgerSchool', forums), null); // level 4
    const deeper = [...forums, { id: 'team', parentForumId: 'birgerSchool', home: ostersund }];
    assert.equal(parentProblem(null, ostersund, 'team', deeper), 'tooDeep');
    const moved = [...forums, { id: 'group', parentForumId: null, home: ostersund }];
    const withChild = [...moved, { id: 'sub', parentForumId: 'group', home: ostersund }];
    assert.equal(parentProblem('group', ostersund, 'birgerSchool', withChild), 'tooDeep');
    assert.equal(parentProblem('group', ostersund, 'birger', withChild), null);
  });

  it('validateForum reports the parent problem on its field', () => {
    const result = validateForum({ ...valid, parentForumId: 'birger' }, { ...context, home: jamtland });
    assert.deepEqual(
      errorsOf(result).map((e) => [e.field, e.code]),
      [['parentForumId', 'parentOutsideHome']],
    );
  });
});

describe('meeting cadence', () => {
  it('gives the next due date by days or calendar months, none for "as needed"', () => {
    assert.equal(nextMeetingDue('2026-01-31', 'monthly'), '2026-02-28');
    assert.equal(nextMeetingDue('2026-01-31', 'quarterly'), '2026-04-30');
    assert.equal(nextMeetingDue('2026-12-28', 'everyOtherWeek'), '2027-01-11');
    assert.equal(nextMeetingDue('2026-03-10', 'asNeeded'), null);
  });

  it('is behind when the due date passed and nothing is booked', () => {
    const forum = { cadence: 'monthly' as const, lastHeldOn: '2026-10-15', nextPlannedOn: null };
    assert.equal(behindCadence(forum, '2026-11-15'), false); // due today
    assert.equal(behindCadence(forum, '2026-11-16'), true);
    assert.equal(behindCadence({ ...forum, nextPlannedOn: '2026-11-20' }, '2026-11-16'), false);
    assert.equal(behindCadence({ ...forum, nextPlannedOn: '2026-11-10' }, '2026-11-16'), true);
    assert.equal(behindCadence({ ...forum, lastHeldOn: null }, '2026-11-16'), false);
    assert.equal(behindCadence({ ...forum, cadence: 'asNeeded' }, '2027-11-16'), false);
  });
});
