import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placementDuties } from './schedule.ts';
import { applyStep, type RecordedTemporaryBan } from './temporary-ban-steps.ts';
import { committee, court, official, placement } from './testing.ts';

const chair = { kind: 'chair' as const, name: 'Ordförande Test' };
const ban = (more: Partial<RecordedTemporaryBan> = {}): RecordedTemporaryBan => ({
  decidedOn: '2026-03-02',
  decidedBy: committee,
  submittedOn: null,
  courtReview: null,
  appliedOn: null,
  banDecidedOn: null,
  liftedOn: null,
  reportedOn: null,
  ...more,
});
const today = '2026-05-01';
const codes = (r: { refusals: { code: string; at?: string }[] }) =>
  r.refusals.map((x) => `${x.code}@${x.at}`);

describe('the later steps of a temporary moving ban', () => {
  it('puts it before the court on the last day, moved past Easter (28 §, lag 1930:173)', () => {
    // Friday 27 March + a week = Good Friday 3 April; Easter Monday is 6 April: the last day is 7 April.
    const easter = ban({ decidedOn: '2026-03-27' });
    const ok = applyStep(easter, 'submitted', '2026-04-07', placement(), today, null);
    assert.deepEqual(codes(ok), []);
    assert.equal(ok.ban.submittedOn, '2026-04-07');
    assert.deepEqual(codes(applyStep(easter, 'submitted', '2026-04-08', placement(), today, null)), [
      'temporaryBanEnded@stepOn',
    ]);
  });
  it('refuses steps out of order, twice, or on the court’s own ban', () => {
    assert.deepEqual(codes(applyStep(ban(), 'confirmed', '2026-03-05', placement(), today, null)), [
      'temporaryBanOutOfOrder@submittedOn',
    ]);
    const submitted = ban({ submittedOn: '2026-03-04' });
    assert.deepEqual(codes(applyStep(submitted, 'confirmed', '2026-03-03', placement(), today, null)), [
      'temporaryBanOutOfOrder@stepOn',
    ]);
    assert.deepEqual(codes(applyStep(submitted, 'submitted', '2026-03-05', placement(), today, null)), [
      'stepAlreadyRecorded@step',
    ]);
    const byCourt = ban({ decidedBy: court, appliedOn: '2026-03-01' });
    assert.deepEqual(codes(applyStep(byCourt, 'submitted', '2026-03-03', placement(), today, null)), [
      'stepNotForCourtBan@step',
    ]);
    assert.deepEqual(codes(applyStep(ban(), 'submitted', '2026-06-01', placement(), today, null)), [
      'dateInFuture@stepOn',
    ]);
  });
  it('once not confirmed, nothing more is recorded; a lifting needs the committee or the court', () => {
    const refused = ban({ submittedOn: '2026-03-04', courtReview: { on: '2026-03-06', confirmed: false } });
    assert.deepEqual(codes(applyStep(refused, 'applied', '2026-03-07', placement(), today, committee)), [
      'temporaryBanEnded@stepOn',
    ]);
    const live = ban({ submittedOn: '2026-03-04' });
    assert.deepEqual(codes(applyStep(live, 'lifted', '2026-03-05', placement(), today, official)), [
      'officialMayNotDecide@decidedBy',
    ]);
    assert.deepEqual(codes(applyStep(live, 'lifted', '2026-03-05', placement(), today, chair)), [
      'chairMayNotDecide@decidedBy',
    ]);
    assert.equal(
      applyStep(live, 'lifted', '2026-03-05', placement(), today, court).ban.liftedOn,
      '2026-03-05',
    );
    assert.deepEqual(codes(applyStep(live, 'applied', '2026-03-05', placement(), today, official)), [
      'officialMayNotDecide@decidedBy',
    ]);
  });
  it('reports a chair’s decision to the committee, even after the ban ended, and only a chair’s', () => {
    const lapsed = ban({ decidedBy: chair });
    const reported = applyStep(lapsed, 'reported', '2026-04-01', placement(), today, null);
    assert.deepEqual(codes(reported), []);
    assert.equal(reported.ban.reportedOn, '2026-04-01');
    assert.deepEqual(codes(applyStep(reported.ban, 'reported', '2026-04-02', placement(), today, null)), [
      'stepAlreadyRecorded@step',
    ]);
    assert.deepEqual(codes(applyStep(lapsed, 'reported', '2026-03-01', placement(), today, null)), [
      'temporaryBanOutOfOrder@stepOn',
    ]);
    assert.deepEqual(codes(applyStep(ban(), 'reported', '2026-03-03', placement(), today, null)), [
      'notChairDecision@step',
    ]);
  });
});

describe('temporary bans on the placement’s schedule (decision 0114)', () => {
  const facts = (on: string, bans: RecordedTemporaryBan[], ended = false) => ({
    placement: placement(
      ended
        ? {
            end: { endedOn: '2026-03-20', outcome: 'returnedHome', reunionPrepared: false, reunitedOn: null },
          }
        : {},
    ),
    child: { birthDate: '2015-06-01' },
    temporaryBans: { on, bans: bans.map((b, i) => ({ ...b, id: `ban-${i}` })) },
  });
  const due = (f: ReturnType<typeof facts>) =>
    placementDuties(f as Parameters<typeof placementDuties>[0])
      .filter((d) => d.rule.startsWith('temporary') || d.rule === 'movingBanApplicationAfterTemporary')
      .map((d) => [d.rule, d.dueOn, d.subject]);
  it('lists each ban’s open duty while in force, with the ban as its subject', () => {
    assert.deepEqual(due(facts('2026-03-05', [ban()])), [['temporaryMovingBanCourt', '2026-03-09', 'ban-0']]);
    const confirmed = ban({ submittedOn: '2026-03-04', courtReview: { on: '2026-03-06', confirmed: true } });
    assert.deepEqual(due(facts('2026-03-07', [confirmed])), [
      ['movingBanApplicationAfterTemporary', '2026-03-20', 'ban-0'],
    ]);
  });
  it('drops a lapsed ban’s duty the day after its last day, and lists none once the placement ended', () => {
    assert.deepEqual(due(facts('2026-03-09', [ban()])).length, 1);
    assert.deepEqual(due(facts('2026-03-10', [ban()])), []);
    assert.deepEqual(due(facts('2026-03-05', [ban()], true)), []);
  });
});
