import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDecisionMaker, decisionMatters, matterOfCareDecision, matterOfHome } from './decisions.ts';
import type { DecisionMaker } from './model.ts';

const maker = (kind: DecisionMaker['kind']): DecisionMaker => ({ kind, name: 'x' });
const refusalOf = (matter: Parameters<typeof checkDecisionMaker>[0], kind: DecisionMaker['kind']) =>
  checkDecisionMaker(matter, maker(kind)).refusal;

describe('decisions only a committee may take (30 kap. 6–7 §§)', () => {
  it('refuses an official deciding a reconsideration, a custody transfer or a moving ban', () => {
    for (const matter of [
      'reconsideration',
      'lvuReview',
      'custodyTransferConsideration',
      'movingBanConsideration',
    ] as const) {
      assert.equal(refusalOf(matter, 'official'), 'officialMayNotDecide', matter);
      assert.equal(refusalOf(matter, 'subcommittee'), null, matter);
      assert.equal(refusalOf(matter, 'committee'), null, matter);
    }
  });
  it('refuses the chair where LVU gives no urgent power: reconsiderations and custody transfer', () => {
    assert.equal(refusalOf('reconsideration', 'chair'), 'chairMayNotDecide');
    assert.equal(refusalOf('custodyTransferConsideration', 'chair'), 'chairMayNotDecide');
    assert.equal(refusalOf('lvuRestriction', 'chair'), 'chairMayNotDecide');
  });
  it('lets the chair decide urgently under LVU 6, 11 and 27 §§, to be reported at the next meeting', () => {
    for (const matter of ['immediateCustody', 'lvuCareArrangement', 'temporaryMovingBan'] as const) {
      const check = checkDecisionMaker(matter, maker('chair'));
      assert.equal(check.refusal, null, matter);
      assert.equal(check.reportToCommittee, true, matter);
    }
    assert.equal(checkDecisionMaker('immediateCustody', maker('subcommittee')).reportToCommittee, false);
  });
  it('leaves LVU care to the court (4 §) and voluntary HVB placements delegable to an official', () => {
    assert.equal(refusalOf('lvuCare', 'committee'), 'onlyTheCourtDecides');
    assert.equal(refusalOf('lvuCare', 'court'), null);
    assert.equal(refusalOf('careInInstitution', 'official'), null);
    assert.equal(refusalOf('careInPrivateHome', 'official'), 'officialMayNotDecide');
    assert.equal(refusalOf('reconsideration', 'court'), 'courtDoesNotDecide');
  });
  it('names the provision behind every matter', () => {
    for (const matter of decisionMatters)
      assert.match(checkDecisionMaker(matter, maker('official')).reference, /§/);
  });
});

describe('which matter a decision is', () => {
  it('voluntary care in a family or emergency home is the committee’s, in an HVB it may be delegated', () => {
    assert.equal(matterOfCareDecision('sol', 'familyHome'), 'careInPrivateHome');
    assert.equal(matterOfCareDecision('sol', 'emergencyHome'), 'careInPrivateHome');
    assert.equal(matterOfCareDecision('sol', 'residentialCareHome'), 'careInInstitution');
    assert.equal(matterOfCareDecision('lvu3', 'residentialCareHome'), 'lvuCare');
    assert.equal(matterOfCareDecision('lvu6', 'emergencyHome'), 'immediateCustody');
  });
  it('under LVU the choice of any home is where the young person stays (11 §)', () => {
    assert.equal(matterOfHome('residentialCareHome', 'lvu2'), 'lvuCareArrangement');
    assert.equal(matterOfHome('supportedHousing', 'sol'), 'careInInstitution');
  });
});
