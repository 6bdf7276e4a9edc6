import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextGuard } from '../collaboration/form.ts';
import { generatePersonalNumber } from '../people/personal-number.ts';
import {
  answerOverdue,
  type DeviationSummary,
  deviationStepRefusal,
  quarterlyReview,
  validateDeviation,
} from './deviations.ts';

const guard: TextGuard = { today: '2026-11-25', confirmed: false };
const context = {
  guard,
  today: '2026-11-25',
  reportingOrganisationId: 'social',
  memberOrganisationIds: ['social', 'bup', 'school'],
};
const valid = {
  counterpartOrganisationId: 'bup',
  occurredOn: '2026-11-20',
  category: 'referralNotAnswered',
  description: 'En remiss från socialtjänsten har inte besvarats på sex veckor.',
  suggestion: 'En gemensam kontaktväg för remisser.',
};
const errors = (r: ReturnType<typeof validateDeviation>) =>
  r.ok ? [] : r.errors.map((e) => [e.field, e.code]);

describe('reporting a collaboration deviation', () => {
  it('is accepted between two member organisations', () => {
    assert.ok(validateDeviation(valid, context).ok);
  });

  it('is between two organisations of the forum, and not about the future', () => {
    assert.deepEqual(errors(validateDeviation({ ...valid, counterpartOrganisationId: 'social' }, context)), [
      ['counterpartOrganisationId', 'sameOrganisation'],
    ]);
    assert.deepEqual(errors(validateDeviation({ ...valid, counterpartOrganisationId: 'police' }, context)), [
      ['counterpartOrganisationId', 'notAMember'],
    ]);
    assert.deepEqual(errors(validateDeviation({ ...valid, occurredOn: '2026-11-26' }, context)), [
      ['occurredOn', 'dateInFuture'],
    ]);
  });

  it('identifies no child: a number is refused, a name must be confirmed', () => {
    const number = generatePersonalNumber('2012-09-03', 411);
    assert.deepEqual(
      errors(validateDeviation({ ...valid, description: `Remissen för ${number}` }, context)),
      [['description', 'personalIdentityNumber']],
    );
    assert.deepEqual(
      errors(
        validateDeviation(
          { ...valid, description: 'Remissen för pojken Elias har inte besvarats.' },
          context,
        ),
      ),
      [['description', 'childNameUnconfirmed']],
    );
  });
});

describe('the answer and the quarterly review', () => {
  const reported = { status: 'reported' as const, counterpartOrganisationId: 'bup' };

  it('only the counterpart answers, once', () => {
    assert.equal(deviationStepRefusal('answer', reported, 'school'), 'notCounterpart');
    assert.equal(deviationStepRefusal('answer', reported, null), 'notCounterpart');
    assert.equal(deviationStepRefusal('answer', reported, 'bup'), null);
    assert.equal(deviationStepRefusal('answer', { ...reported, status: 'answered' }, 'bup'), 'wrongStatus');
  });

  it('the forum reviews answered and unanswered ones, then closes them', () => {
    assert.equal(deviationStepRefusal('review', reported, 'social'), null);
    assert.equal(deviationStepRefusal('close', reported, 'social'), 'wrongStatus');
    assert.equal(deviationStepRefusal('close', { ...reported, status: 'reviewed' }, 'social'), null);
  });

  const deviation = (
    id: string,
    reportedOn: string,
    extra: Partial<DeviationSummary> = {},
  ): DeviationSummary => ({
    id,
    reportedOn,
    status: 'reported',
    category: 'referralNotAnswered',
    reportingOrganisationId: 'social',
    counterpartOrganisationId: 'bup',
    ...extra,
  });

  it('an answer is late after 28 days', () => {
    assert.equal(answerOverdue(deviation('d', '2026-10-28'), '2026-11-25'), false);
    assert.equal(answerOverdue(deviation('d', '2026-10-27'), '2026-11-25'), true);
    assert.equal(answerOverdue(deviation('d', '2026-01-01', { status: 'answered' }), '2026-11-25'), false);
  });

  it('the review takes the quarter and what is left from before, counted by category and pair', () => {
    const review = quarterlyReview(
      [
        deviation('old', '2026-05-02'),
        deviation('q3', '2026-08-14', { status: 'answered' }),
        deviation('back', '2026-09-30', {
          reportingOrganisationId: 'bup',
          counterpartOrganisationId: 'social',
        }),
        deviation('school', '2026-07-01', {
          category: 'informationNotShared',
          counterpartOrganisationId: 'school',
        }),
        deviation('done', '2026-08-01', { status: 'reviewed' }),
        deviation('later', '2026-10-01'),
      ],
      '2026-Q3',
      '2026-10-06',
    );
    assert.deepEqual(
      review.deviations.map((d) => d.id),
      ['old', 'q3', 'back', 'school'],
    );
    assert.deepEqual(review.unanswered, ['old', 'school']);
    assert.deepEqual(review.byCategory, [
      { category: 'informationNotShared', count: 1 },
      { category: 'referralNotAnswered', count: 3 },
    ]);
    assert.deepEqual(review.byPair[0], { organisationIds: ['bup', 'social'], count: 3 });
  });
});
