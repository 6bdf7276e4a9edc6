import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { movingBanRefusals, restrictionRefusals, reviewRefusals } from './restrictions.ts';
import { placementDuties } from './schedule.ts';
import { committee, decision, official, period, placement } from './testing.ts';

const today = '2026-06-30';
const codes = (refusals: readonly { code: string }[]) => refusals.map((r) => r.code);
const chair = { kind: 'chair' as const, name: 'Ordföranden' };

describe('LVU 14 § decisions on contact and secret whereabouts', () => {
  const lvu = placement({
    decisions: [decision('lvu2', '2026-01-10')],
    periods: [period('familyHome', '2026-01-10')],
  });
  it('records one by the committee during LVU care', () => {
    const input = { kind: 'whereaboutsSecret' as const, decidedOn: '2026-02-01', decidedBy: committee };
    assert.deepEqual(restrictionRefusals(input, lvu, today), []);
  });
  it('refuses an official and the chair (30 kap. 7 § 8 SoL)', () => {
    for (const [maker, code] of [
      [official, 'officialMayNotDecide'],
      [chair, 'chairMayNotDecide'],
    ] as const) {
      const input = { kind: 'whereaboutsSecret' as const, decidedOn: '2026-02-01', decidedBy: maker };
      assert.deepEqual(codes(restrictionRefusals(input, lvu, today)), [code]);
    }
  });
  it('refuses one under voluntary care, before the placement, after its end and in the future', () => {
    const sol = placement();
    const input = { kind: 'contact' as const, decidedOn: '2026-02-01', decidedBy: committee };
    assert.deepEqual(codes(restrictionRefusals(input, sol, today)), ['notLvuCare']);
    assert.deepEqual(codes(restrictionRefusals({ ...input, decidedOn: '2026-01-09' }, lvu, today)), [
      'beforePlacement',
    ]);
    const ended = { ...lvu, end: { endedOn: '2026-03-31', outcome: 'returnedHome' as const } };
    assert.deepEqual(codes(restrictionRefusals({ ...input, decidedOn: '2026-04-01' }, ended, today)), [
      'afterPlacementEnd',
    ]);
    assert.deepEqual(codes(restrictionRefusals({ ...input, decidedOn: '2026-07-01' }, lvu, today)), [
      'dateInFuture',
    ]);
    assert.deepEqual(codes(restrictionRefusals({ ...input, decidedOn: '2026-02-30' }, lvu, today)), [
      'dateInvalid',
    ]);
  });
  it('puts the review on the schedule three months after the decision, then after the last review', () => {
    const facts = (reviewedOn: string[], endedOn: string | null = null) => ({
      placement: lvu,
      child: { birthDate: '2015-05-05' },
      restrictions: [
        { id: 'r1', kind: 'whereaboutsSecret' as const, decidedOn: '2025-11-30', endedOn, reviewedOn },
      ],
    });
    const due = (f: ReturnType<typeof facts>) =>
      placementDuties(f)
        .filter((d) => d.rule === 'lvuRestrictionReview')
        .map((d) => d.dueOn);
    // From 30 November: three months on is the end of February (no 30 February).
    assert.deepEqual(due(facts([])), ['2026-02-28']);
    assert.deepEqual(due(facts(['2026-02-20'])), ['2026-05-20']);
    assert.deepEqual(due(facts(['2026-02-20'], '2026-03-01')), []);
  });
});

describe('moving bans (24–26 §§ LVU)', () => {
  const sol = placement({ periods: [period('familyHome', '2026-01-15')] });
  it('records the committee’s application, and the court’s ban on or after it', () => {
    const input = { appliedOn: '2026-03-01', decidedBy: committee, courtDecidedOn: '2026-03-20' };
    assert.deepEqual(movingBanRefusals(input, sol, today), []);
    assert.deepEqual(movingBanRefusals({ ...input, courtDecidedOn: null }, sol, today), []);
  });
  it('refuses an official deciding to apply (30 kap. 7 § 11 SoL) and a court date before the application', () => {
    const input = { appliedOn: '2026-03-01', decidedBy: official, courtDecidedOn: '2026-02-28' };
    assert.deepEqual(codes(movingBanRefusals(input, sol, today)), [
      'officialMayNotDecide',
      'courtBeforeApplication',
    ]);
  });
  it('refuses a ban for a child in an HVB, and a court date in the future', () => {
    const hvb = placement({ periods: [period('residentialCareHome', '2026-01-15')] });
    const input = { appliedOn: '2026-03-01', decidedBy: committee, courtDecidedOn: null };
    assert.deepEqual(codes(movingBanRefusals(input, hvb, today)), ['banNotInFamilyHome']);
    assert.deepEqual(codes(movingBanRefusals({ ...input, courtDecidedOn: '2026-07-01' }, sol, today)), [
      'dateInFuture',
    ]);
  });
  it('reviews a ban in force by the committee, not before the court’s ban, not once ended, not while pending', () => {
    const ban = { id: 'b1', decidedOn: '2026-03-20', endedOn: null, reviewedOn: [] };
    const review = { decidedOn: '2026-06-15', decidedBy: committee };
    assert.deepEqual(reviewRefusals(review, { kind: 'movingBan', item: ban }, today), []);
    assert.deepEqual(
      codes(reviewRefusals({ ...review, decidedBy: official }, { kind: 'movingBan', item: ban }, today)),
      ['officialMayNotDecide'],
    );
    assert.deepEqual(
      codes(reviewRefusals({ ...review, decidedOn: '2026-03-19' }, { kind: 'movingBan', item: ban }, today)),
      ['reviewBeforeDecision'],
    );
    assert.deepEqual(
      codes(reviewRefusals(review, { kind: 'movingBan', item: { ...ban, endedOn: '2026-05-01' } }, today)),
      ['subjectEnded'],
    );
    assert.deepEqual(codes(reviewRefusals(review, { kind: 'movingBan', item: null }, today)), [
      'banNotInForce',
    ]);
  });
  it('puts the ban’s review three months after the court’s ban on the schedule', () => {
    const duties = placementDuties({
      placement: sol,
      child: { birthDate: '2015-05-05' },
      movingBans: [{ id: 'b1', decidedOn: '2026-03-31', endedOn: null, reviewedOn: [] }],
    });
    assert.deepEqual(
      duties.filter((d) => d.rule === 'movingBanReview').map((d) => d.dueOn),
      ['2026-06-30'],
    );
  });
});
