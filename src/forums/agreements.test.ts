import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextGuard } from '../collaboration/form.ts';
import {
  type AgreementVersion,
  missingStatutoryAgreements,
  reviewState,
  statutoryAgreements,
  validateAgreementVersion,
  versionInForce,
} from './agreements.ts';
import { type JointProjectInput, projectStepAllowed, validateJointProject } from './joint-projects.ts';

const guard: TextGuard = { today: '2026-11-25', confirmed: false };
const version = (n: number, validFrom: string, reviewBy: string, validUntil: string | null = null) => ({
  version: n,
  adoptedOn: validFrom,
  validFrom,
  reviewBy,
  validUntil,
});

describe('an agreement version', () => {
  const valid = {
    title: 'Överenskommelse om samverkan för barn och unga som vårdas utanför det egna hemmet',
    topic: 'childrenPlacedOutOfHome',
    partyOrganisationIds: ['social', 'region'],
    adoptedOn: '2026-05-12',
    adoptedBy: 'Socialnämnden och regionens hälso- och sjukvårdsnämnd',
    validFrom: '2026-06-01',
    reviewBy: '2028-05-31',
    documentUrl: 'https://example.org/overenskommelse.pdf',
  };
  const context = { guard, organisationIds: ['social', 'region', 'school'], previous: null };
  const errors = (r: ReturnType<typeof validateAgreementVersion>) =>
    r.ok ? [] : r.errors.map((e) => [e.field, e.code]);

  it('is accepted with two parties and a review date after its start', () => {
    assert.ok(validateAgreementVersion(valid, context).ok);
  });

  it('refuses one party, a review before the start and a link that is not http(s)', () => {
    const result = validateAgreementVersion(
      {
        ...valid,
        partyOrganisationIds: ['social'],
        reviewBy: '2026-06-01',
        documentUrl: 'javascript:alert(1)',
      },
      context,
    );
    assert.deepEqual(errors(result), [
      ['partyOrganisationIds', 'needsTwoParties'],
      ['reviewBy', 'reviewBeforeStart'],
      ['documentUrl', 'notAWebAddress'],
    ]);
  });

  it('a revision starts after the version before and says what changed', () => {
    const previous = version(1, '2026-06-01', '2028-05-31');
    const result = validateAgreementVersion(
      { ...valid, validFrom: '2026-06-01', reviewBy: '2029-01-01' },
      { ...context, previous },
    );
    assert.deepEqual(errors(result), [
      ['validFrom', 'startsBeforePrevious'],
      ['changes', 'changesRequired'],
    ]);
  });
});

describe('which version is in force and when it is due for review', () => {
  const versions: AgreementVersion[] = [
    version(1, '2012-03-01', '2016-03-01', '2018-02-28'),
    version(2, '2018-03-01', '2027-02-28'),
  ];

  it('picks the version by day', () => {
    assert.equal(versionInForce(versions, '2018-02-28')?.version, 1);
    assert.equal(versionInForce(versions, '2018-03-01')?.version, 2);
    assert.equal(versionInForce(versions, '2011-12-31'), null);
  });

  it('reminds 90 days before the review date, and says when it is overdue', () => {
    assert.equal(reviewState(versions, '2026-11-29'), 'current');
    assert.equal(reviewState(versions, '2026-11-30'), 'reviewSoon'); // 90 days before 2027-02-28
    assert.equal(reviewState(versions, '2027-02-28'), 'reviewSoon');
    assert.equal(reviewState(versions, '2027-03-01'), 'reviewOverdue');
    assert.equal(reviewState([], '2027-03-01'), 'notInForce');
  });

  it('knows the agreement the law requires with the region (7 kap. 2 § SoL 2025:400)', () => {
    assert.match(statutoryAgreements[0].reference, /^7 kap\. 2 § .*\(2025:400\)$/);
    const agreement = {
      topic: 'childrenPlacedOutOfHome' as const,
      partyKinds: ['socialServices', 'regionHealthCare'],
      versions,
    };
    assert.deepEqual(missingStatutoryAgreements([agreement], '2026-11-25'), []);
    assert.equal(missingStatutoryAgreements([], '2026-11-25').length, 1);
    const lapsed = { ...agreement, versions: [version(1, '2019-01-01', '2020-01-01', '2024-12-31')] };
    assert.equal(missingStatutoryAgreements([lapsed], '2026-11-25').length, 1);
    const withSchool = { ...agreement, partyKinds: ['socialServices', 'school'] };
    assert.equal(missingStatutoryAgreements([withSchool], '2026-11-25').length, 1);
  });
});

describe("a forum's joint project", () => {
  const valid: JointProjectInput = {
    title: 'Skolnärvaro och resultat',
    organisationIds: ['social', 'school'],
    leadOrganisationId: 'school',
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    goals: [{ area: 'successInSchool', goal: 'Fler placerade barn går ut nian med godkända betyg.' }],
  };
  const context = { guard, memberOrganisationIds: ['social', 'school', 'health'] };
  const errors = (r: ReturnType<typeof validateJointProject>) =>
    r.ok ? [] : r.errors.map((e) => [e.field, e.code]);

  it('has a lead that takes part, goals in the shared goal areas, an end after its start', () => {
    assert.ok(validateJointProject(valid, context).ok);
    assert.deepEqual(
      errors(
        validateJointProject(
          {
            ...valid,
            leadOrganisationId: 'health',
            endsOn: '2025-12-31',
            goals: [{ area: 'wealth', goal: 'x' }],
          },
          context,
        ),
      ),
      [
        ['leadOrganisationId', 'leadNotTakingPart'],
        ['endsOn', 'dateBeforeStart'],
        ['goals.0.area', 'invalid'],
      ],
    );
    assert.deepEqual(errors(validateJointProject({ ...valid, goals: [] }, context)), [['goals', 'noGoal']]);
  });

  it('moves forward only', () => {
    assert.equal(projectStepAllowed('planned', 'ongoing'), true);
    assert.equal(projectStepAllowed('ongoing', 'finished'), true);
    assert.equal(projectStepAllowed('finished', 'ongoing'), false);
    assert.equal(projectStepAllowed('stopped', 'planned'), false);
  });
});
