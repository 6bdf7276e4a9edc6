import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type TemporaryMovingBan, temporaryBanRefusals, temporaryBanState } from './temporary-ban.ts';
import { committee, court, official, period, placement } from './testing.ts';

const chair = { kind: 'chair' as const, name: 'Ordförande Test' };
const ban = (more: Partial<TemporaryMovingBan> = {}): TemporaryMovingBan => ({
  decidedOn: '2026-03-02',
  decidedBy: committee,
  submittedOn: null,
  courtReview: null,
  appliedOn: null,
  banDecidedOn: null,
  liftedOn: null,
  ...more,
});
const codes = (r: { code: string; at?: string }[]) => r.map((x) => `${x.code}@${x.at}`);

describe('a temporary moving ban and its clock (27–30 §§ LVU)', () => {
  it('is put before the administrative court within a week of the decision (28 §, 7 §)', () => {
    const state = temporaryBanState(ban(), '2026-03-05');
    assert.equal(state.ended, null);
    assert.deepEqual(
      state.duties.map((d) => [d.rule, d.dueOn, d.referenceText]),
      [['temporaryMovingBanCourt', '2026-03-09', 'LVU (1990:52) 28 §; 7 § första och tredje styckena']],
    );
    // A week ending on a Saturday moves to the Monday (lag 1930:173).
    assert.equal(
      temporaryBanState(ban({ decidedOn: '2026-03-07' }), '2026-03-10').duties[0]?.dueOn,
      '2026-03-16',
    );
  });
  it('ends when it was not put before the court in time, on the day after the last day', () => {
    assert.deepEqual(temporaryBanState(ban(), '2026-03-09').ended, null);
    assert.deepEqual(temporaryBanState(ban(), '2026-03-10').ended, {
      on: '2026-03-10',
      reason: 'notSubmitted',
    });
    assert.deepEqual(
      temporaryBanState(ban({ submittedOn: '2026-03-10' }), '2026-03-12').ended?.reason,
      'notSubmitted',
    );
    assert.deepEqual(temporaryBanState(ban({ submittedOn: '2026-03-09' }), '2026-03-12').ended, null);
  });
  it('once confirmed, the committee applies for a moving ban within two weeks of the court’s decision, or it ends (29–30 §§)', () => {
    const confirmed = ban({ submittedOn: '2026-03-04', courtReview: { on: '2026-03-12', confirmed: true } });
    const state = temporaryBanState(confirmed, '2026-03-13');
    assert.deepEqual(
      state.duties.map((d) => [d.rule, d.dueOn]),
      [['movingBanApplicationAfterTemporary', '2026-03-26']],
    );
    assert.match(state.duties[0]!.referenceText, /29 §/);
    assert.deepEqual(temporaryBanState(confirmed, '2026-03-27').ended, {
      on: '2026-03-27',
      reason: 'notApplied',
    });
    const applied = { ...confirmed, appliedOn: '2026-03-20' };
    assert.equal(temporaryBanState(applied, '2026-04-20').ended, null);
    assert.deepEqual(temporaryBanState(applied, '2026-04-20').duties, []);
    assert.deepEqual(temporaryBanState({ ...applied, banDecidedOn: '2026-04-15' }, '2026-04-20').ended, {
      on: '2026-04-15',
      reason: 'banDecided',
    });
  });
  it('ends when the court does not confirm it, or when the committee lifts it', () => {
    const rejected = ban({ submittedOn: '2026-03-04', courtReview: { on: '2026-03-06', confirmed: false } });
    assert.deepEqual(temporaryBanState(rejected, '2026-03-13').ended, {
      on: '2026-03-06',
      reason: 'notConfirmed',
    });
    assert.deepEqual(temporaryBanState(rejected, '2026-03-13').duties, []);
    const lifted = ban({ submittedOn: '2026-03-04', liftedOn: '2026-03-05' });
    assert.deepEqual(temporaryBanState(lifted, '2026-03-13').ended, { on: '2026-03-05', reason: 'lifted' });
  });
  it('the chair’s urgent ban is reported at the committee’s next meeting; the court’s own ban has no such clock', () => {
    assert.equal(temporaryBanState(ban({ decidedBy: chair }), '2026-03-03').reportToCommittee, true);
    assert.equal(temporaryBanState(ban(), '2026-03-03').reportToCommittee, false);
    const byCourt = ban({ decidedBy: court, appliedOn: '2026-02-20' });
    assert.deepEqual(temporaryBanState(byCourt, '2026-04-01'), {
      ended: null,
      duties: [],
      reportToCommittee: false,
    });
  });
});

describe('recording a temporary moving ban', () => {
  const inFamilyHome = placement({ periods: [period('familyHome', '2026-01-15')] });
  it('accepts the committee, a subcommittee, the chair, and the court after the application', () => {
    assert.deepEqual(temporaryBanRefusals(ban(), inFamilyHome, '2026-03-13'), []);
    assert.deepEqual(temporaryBanRefusals(ban({ decidedBy: chair }), inFamilyHome, '2026-03-13'), []);
    assert.deepEqual(
      temporaryBanRefusals(ban({ decidedBy: court, appliedOn: '2026-02-20' }), inFamilyHome, '2026-03-13'),
      [],
    );
  });
  it('refuses an official as decision-maker (30 kap. 7 § 11 SoL)', () => {
    assert.deepEqual(codes(temporaryBanRefusals(ban({ decidedBy: official }), inFamilyHome, '2026-03-13')), [
      'officialMayNotDecide@decidedBy',
    ]);
  });
  it('refuses a ban for a child not in a family home, before the placement, or in the future', () => {
    const hvb = placement({ periods: [period('residentialCareHome', '2026-01-15')] });
    assert.deepEqual(codes(temporaryBanRefusals(ban(), hvb, '2026-03-13')), ['banNotInFamilyHome@decidedOn']);
    assert.deepEqual(
      codes(temporaryBanRefusals(ban({ decidedOn: '2026-01-10' }), inFamilyHome, '2026-03-13')),
      ['beforePlacement@decidedOn'],
    );
    assert.deepEqual(
      codes(temporaryBanRefusals(ban({ decidedOn: '2026-03-14' }), inFamilyHome, '2026-03-13')),
      ['dateInFuture@decidedOn'],
    );
  });
  it('refuses dates out of order: a submission before the decision, a review without a submission, the court’s ban before any application', () => {
    assert.deepEqual(
      codes(temporaryBanRefusals(ban({ submittedOn: '2026-03-01' }), inFamilyHome, '2026-03-13')),
      ['temporaryBanOutOfOrder@submittedOn'],
    );
    assert.deepEqual(
      codes(
        temporaryBanRefusals(
          ban({ courtReview: { on: '2026-03-05', confirmed: true } }),
          inFamilyHome,
          '2026-03-13',
        ),
      ),
      ['temporaryBanOutOfOrder@submittedOn'],
    );
    assert.deepEqual(codes(temporaryBanRefusals(ban({ decidedBy: court }), inFamilyHome, '2026-03-13')), [
      'temporaryBanOutOfOrder@appliedOn',
    ]);
    assert.deepEqual(
      codes(temporaryBanRefusals(ban({ banDecidedOn: '2026-03-10' }), inFamilyHome, '2026-03-13')),
      ['temporaryBanOutOfOrder@banDecidedOn'],
    );
  });
});
