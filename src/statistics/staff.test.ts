import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePeriodKey } from './periods.ts';
import {
  averageHeadcount,
  consultantShare,
  defaultTurnoverOptions,
  type EmploymentRow,
  newStaffWithMentor,
  turnover,
  workersPerManager,
} from './staff.ts';

let next = 0;
const job = (workerId: string, o: Partial<EmploymentRow> = {}): EmploymentRow => ({
  id: `e${++next}`,
  workerId,
  unitId: 'u1',
  role: 'socialWorker',
  startedOn: '2020-01-01',
  endedOn: null,
  endReason: null,
  consultant: false,
  fte: 1,
  ...o,
});
const year2025 = parsePeriodKey('2025')!;

describe('staff turnover', () => {
  // Ten workers all year; two retire, one leaves for another employer, one moves to unit 2,
  // one fixed-term contract is renewed; two are hired; one consultant comes and goes.
  const staff: EmploymentRow[] = [
    ...['a', 'b', 'c', 'd', 'e'].map((w) => job(w)),
    job('f', { endedOn: '2025-06-30', endReason: 'retirement' }),
    job('g', { endedOn: '2025-09-30', endReason: 'retirement' }),
    job('h', { endedOn: '2025-03-31', endReason: 'otherEmployer' }),
    job('i', { endedOn: '2025-04-30', endReason: 'internalMove' }),
    job('i', { unitId: 'u2', startedOn: '2025-05-01' }),
    job('j', { endedOn: '2025-05-31', endReason: 'endOfFixedTerm' }),
    job('j', { startedOn: '2025-06-01' }),
    job('k', { startedOn: '2025-08-01' }),
    job('l', { startedOn: '2025-10-01' }),
    job('m', { consultant: true, startedOn: '2025-02-01', endedOn: '2025-07-31', endReason: 'other' }),
  ];

  it('counts leavers over the average headcount, with and without retirements', () => {
    const all = turnover(staff, year2025, defaultTurnoverOptions);
    assert.equal(all.leavers, 3, 'two retirements and one to another employer');
    assert.equal(all.retirements, 2);
    assert.equal(all.hires, 2, 'the renewed contract and the move are not hires');
    const headcount = averageHeadcount(
      staff.filter((e) => !e.consultant),
      year2025,
    );
    assert.equal(all.averageHeadcount, headcount);
    assert.equal(all.value, 3 / headcount);
    const noRetirements = turnover(staff, year2025, { ...defaultTurnoverOptions, includeRetirements: false });
    assert.equal(noRetirements.leavers, 1);
    assert.equal(noRetirements.retirements, 2, 'still shown beside the figure');
  });

  it('uses min(hires, leavers) in the government employers’ formula', () => {
    const agv = turnover(staff, year2025, { ...defaultTurnoverOptions, formula: 'minHiresLeavers' });
    assert.equal(agv.value, 2 / agv.averageHeadcount);
  });

  it('counts a move out of a unit only when asked to', () => {
    const unit = { ...defaultTurnoverOptions, unitId: 'u1' };
    assert.equal(turnover(staff, year2025, unit).leavers, 3);
    assert.equal(turnover(staff, year2025, { ...unit, countInternalMoves: true }).leavers, 4);
    assert.equal(turnover(staff, year2025, { ...unit, unitId: 'u2', countInternalMoves: true }).hires, 1);
    assert.equal(turnover(staff, year2025, { ...unit, unitId: 'u2' }).hires, 0);
  });

  it('counts a worker on an average day once, whatever their contracts', () => {
    const half = [job('x', { startedOn: '2025-07-02' }), job('y', { endedOn: '2025-07-01' })];
    assert.equal(averageHeadcount(half, year2025), 1);
    const overlapping = [
      job('z', { endedOn: '2025-12-31' }),
      job('z', { startedOn: '2025-06-01', fte: 0.2 }),
    ];
    assert.equal(averageHeadcount(overlapping, year2025), 1);
  });
});

describe('consultants, managers and mentors', () => {
  it('gives the consultants’ share and workers per manager on a day', () => {
    const staff = [
      job('a'),
      job('b', { fte: 0.5 }),
      job('c', { consultant: true }),
      job('d', { role: 'manager' }),
      job('e', { role: 'intakeWorker' }),
    ];
    assert.deepEqual(consultantShare(staff, '2025-06-01', 'u1'), {
      consultants: 1,
      working: 4,
      value: 0.25,
      fteValue: 1 / 3.5,
    });
    assert.deepEqual(workersPerManager(staff, '2025-06-01', null), { workers: 4, managers: 1, value: 4 });
  });

  it('finds new staff with a mentor who has time for it', () => {
    const staff = [
      job('new1', { startedOn: '2025-01-15' }),
      job('new2', { startedOn: '2024-09-01' }),
      job('old'),
    ];
    const mentorships = [
      { mentorId: 'old', menteeId: 'new1', from: '2025-01-15', to: null, hoursPerWeek: 4 },
      { mentorId: 'old', menteeId: 'new2', from: '2024-09-01', to: '2025-03-01', hoursPerWeek: 4 },
    ];
    assert.deepEqual(newStaffWithMentor(staff, mentorships, '2025-06-01', null), {
      newcomers: 2,
      mentored: 1,
      value: 0.5,
    });
  });
});
