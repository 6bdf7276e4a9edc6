import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inForceOn, referencesOn, retentionRuleIds, retentionRules } from './rules.ts';

describe('every retention rule is complete data', () => {
  it('has its id, a summary in both languages and an effect', () => {
    for (const id of retentionRuleIds) {
      const rule = retentionRules[id];
      assert.equal(rule.id, id);
      assert.ok(rule.summary.sv.length > 10 && rule.summary.en.length > 10, id);
      assert.ok(rule.effect.kind, id);
    }
  });
  it('rests on the law unless it is one of Samtak’s safeguards, and then it only ever keeps', () => {
    const own = retentionRuleIds.filter((id) => retentionRules[id].references.length === 0);
    assert.deepEqual(own, ['birthDateUnknown', 'dateAfterToday', 'identifiesKeptRecords', 'stateSubmission']);
    for (const id of own) assert.match(retentionRules[id].effect.kind, /^keep/, id);
  });
  it('cites sections of SoL (2025:400) and SoF (2025:468) in force today', () => {
    for (const id of retentionRuleIds)
      for (const ref of retentionRules[id].references) {
        assert.match(ref.act, /^(SoL \(2025:400\)|SoF \(2025:468\))$/, id);
        assert.match(ref.provision, /kap\. \d+( a)? §|övergångsbestämmelserna/, id);
        assert.equal(ref.to, null, id);
      }
  });
  it('puts the general duty at five years (16 kap. 1 §) and the ages at 18 and 30 (16 kap. 2 a and 3 §§)', () => {
    assert.deepEqual(retentionRules.fiveYearsAfterLastEntry.effect, { kind: 'cullAfterYears', years: 5 });
    assert.deepEqual(retentionRules.childInvestigation.effect, { kind: 'keepUntilAge', age: 30 });
    assert.deepEqual(retentionRules.custodyAgreement.effect, { kind: 'keepUntilAge', age: 18 });
    assert.equal(retentionRules.childInvestigation.references[0]!.provision, '16 kap. 2 a § första stycket');
  });
});

describe('the rule of age 30 came with SFS 2025:1501', () => {
  it('is not in force on 14 January 2026 and is from the 15th', () => {
    assert.equal(inForceOn(retentionRules.childInvestigation, '2026-01-14'), false);
    assert.equal(inForceOn(retentionRules.childInvestigation, '2026-01-15'), true);
    assert.deepEqual(referencesOn(retentionRules.noInvestigationOpened, '2026-01-14'), [
      { from: '2025-07-01', to: null, act: 'SoL (2025:400)', provision: '20 kap. 2 §' },
    ]);
  });
  it('leaves the rules of the act itself in force from 1 July 2025', () => {
    assert.equal(inForceOn(retentionRules.placedChild, '2025-07-01'), true);
    assert.equal(inForceOn(retentionRules.placedChild, '2025-06-30'), false);
    assert.equal(inForceOn(retentionRules.birthDateUnknown, '2025-06-30'), true);
  });
});
