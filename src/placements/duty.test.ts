import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { weekday } from '../deadlines/calendar.ts';
import { dutyFrom, statutoryDue } from './duty.ts';
import { placementRuleIds, placementRules } from './rules.ts';

const due = (...args: Parameters<typeof dutyFrom>) => dutyFrom(...args)!.dueOn;
const cited = (...args: Parameters<typeof dutyFrom>) => dutyFrom(...args)!.referenceText;

describe('every placement rule is complete data', () => {
  it('has a requirement in both languages and references in order, the last in force', () => {
    for (const id of placementRuleIds) {
      const rule = placementRules[id];
      assert.equal(rule.id, id);
      assert.ok(rule.requirement.sv && rule.requirement.en, id);
      assert.equal(rule.references.at(-1)!.to, null, `${id}: a reference in force today`);
      for (let i = 1; i < rule.references.length; i++) {
        const prev = rule.references[i - 1]!;
        assert.ok(prev.to && prev.to < rule.references[i]!.from, `${id}: references in order`);
      }
    }
  });
  it('keeps the municipal visit guideline out of the law: no visit rule', () => {
    assert.ok(!(placementRuleIds as readonly string[]).includes('placedChildVisits'));
  });
});

describe('six months at month ends and leap days (not moved off weekends)', () => {
  it('31 August + 6 months is the last day of February', () => {
    assert.equal(due('placementReconsideration', '2025-08-31'), '2026-02-28');
    assert.equal(due('placementReconsideration', '2027-08-31'), '2028-02-29');
  });
  it('from a leap day: 29 February + 6 months is 29 August, + 2 years is 28 February', () => {
    assert.equal(due('lvuReview', '2024-02-29'), '2024-08-29');
    assert.equal(due('custodyTransfer', '2024-02-29'), '2026-02-28');
  });
  it('a date on a Sunday stays: "at least every six months" is acted on before, not after', () => {
    const duty = dutyFrom('placementReconsideration', '2026-03-06')!;
    assert.equal(weekday(duty.dueOn), 0);
    assert.equal(duty.moved, false);
  });
});

describe('the law in force on the day a duty falls due decides its reference', () => {
  it('30 June 2025 cites the 2001 act, 1 July 2025 the 2025 act', () => {
    assert.equal(
      cited('placementReconsideration', '2024-12-30'),
      'SoL (2001:453) 6 kap. 8 §; 13 § första stycket LVU',
    );
    assert.equal(
      cited('placementReconsideration', '2025-01-01'),
      'SoL (2025:400) 22 kap. 13 §; 13 § första stycket LVU',
    );
    assert.equal(dutyFrom('placementReconsideration', '2024-12-31')!.dueOn, '2025-06-30');
  });
  it('LVU keeps its sections across the change of the Social Services Act', () => {
    assert.equal(cited('lvuReview', '2025-01-15'), 'LVU (1990:52) 13 § andra stycket');
    assert.equal(cited('lvuReview', '2024-11-15'), 'LVU (1990:52) 13 § andra stycket');
  });
});

describe('one date decides both length and reference (docs/decisions/0071)', () => {
  it('a follow-up whose two months end before 1 July 2025 stays under the 2001 act', () => {
    const duty = dutyFrom('placementFollowUp', '2025-04-30')!;
    assert.equal(duty.dueOn, '2025-06-30');
    assert.equal(duty.referenceText, 'SoL (2001:453) 11 kap. 4 b–4 c §§');
  });
  it('a follow-up still running on 1 July 2025 ends six months after the end, under the 2025 act', () => {
    const duty = dutyFrom('placementFollowUp', '2025-05-01')!;
    assert.equal(duty.dueOn, '2025-11-01');
    assert.equal(duty.referenceText, 'SoL (2025:400) 23 kap. 2 och 5 §§');
    assert.equal(due('placementFollowUp', '2025-07-01'), '2026-01-01');
  });
  it('custody transfer: three years before lex lilla hjärtat, two years from 1 July 2022', () => {
    assert.equal(due('custodyTransfer', '2019-01-01'), '2022-01-01');
    assert.equal(
      cited('custodyTransfer', '2019-01-01'),
      'SoL (2001:453) 6 kap. 8 § andra stycket; 13 § tredje stycket LVU',
    );
    assert.equal(due('custodyTransfer', '2021-01-01'), '2023-01-01');
    assert.equal(cited('custodyTransfer', '2021-01-01'), 'SoL (2001:453) 6 kap. 8 b § (SFS 2022:665)');
  });
  it('a shorter new limit never falls due before the day it came into force', () => {
    // Three years would end in 2023; two years ended before the 2022 change, so due on its first day.
    const { date, reference } = statutoryDue(placementRules.custodyTransfer, '2020-03-01');
    assert.equal(date, '2022-07-01');
    assert.equal(reference.provision, '6 kap. 8 b § (SFS 2022:665)');
  });
  it('a rule not yet law on the day it would fall due is not owed', () => {
    assert.equal(dutyFrom('fosterHomeAgreement', '2025-06-30'), null);
    assert.equal(due('fosterHomeAgreement', '2025-07-01'), '2025-07-01');
  });
});

describe('immediate custody (LVU 7–8 §§): limits for an action, moved to the next weekday', () => {
  it('to the court within a week of the decision, moved over Christmas', () => {
    const duty = dutyFrom('immediateCustodyCourt', '2025-12-17')!;
    assert.equal(duty.statutoryDate, '2025-12-24');
    assert.equal(duty.dueOn, '2025-12-29');
    assert.equal(duty.referenceText, 'LVU (1990:52) 7 § första stycket');
  });
  it('the application within four weeks of the execution, moved off the National Day', () => {
    assert.equal(due('careApplication', '2026-05-09'), '2026-06-08');
  });
  it("the court's extension replaces the due date", () => {
    const duty = dutyFrom('careApplication', '2026-05-09', { extendedTo: '2026-06-22' })!;
    assert.equal(duty.dueOn, '2026-06-22');
    assert.equal(duty.extended, true);
  });
});

describe('the IVO list by 31 January', () => {
  it('moves off a Saturday to Monday, and cites the new ordinance from 1 July 2025', () => {
    const duty = dutyFrom('ivoFamilyHomeList', '2026-01-31')!;
    assert.equal(duty.dueOn, '2026-02-02');
    assert.equal(duty.referenceText, 'SoF (2025:468) 3 kap. 4 §');
    assert.equal(cited('ivoFamilyHomeList', '2025-01-31'), 'SoF (2001:937) 7 kap. 1 §');
  });
});
