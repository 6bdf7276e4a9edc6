import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageOn } from '../people/domain.ts';
import { birthday, careClockStart, decisionOn, inCurrentHomeSince, periodOn } from './model.ts';
import { court, decision, period, placement } from './testing.ts';

describe('birthdays', () => {
  it('are the same day in the year of the age', () => {
    assert.equal(birthday('2008-05-20', 18), '2026-05-20');
  });
  it('for someone born on 29 February fall on 1 March in a common year, as ageOn counts', () => {
    assert.equal(birthday('2008-02-29', 18), '2026-03-01');
    assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
    assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
    assert.equal(birthday('2008-02-29', 16), '2024-02-29');
  });
});

describe('a placement over time', () => {
  const p = placement({
    decisions: [
      decision('sol', '2025-01-10'),
      decision('lvu2', '2025-04-02', { decidedBy: court, executedOn: '2025-04-03' }),
    ],
    periods: [
      period('familyHome', '2025-01-10', { homeId: 'a' }),
      period('familyHome', '2025-03-01', { homeId: 'a' }),
      period('emergencyHome', '2025-06-01', { homeId: 'j' }),
      period('familyHome', '2025-07-01', { homeId: 'b' }),
    ],
  });
  it('is in the current home since the move there; a new decision on the same home is no move', () => {
    assert.equal(inCurrentHomeSince(p), '2025-07-01');
    assert.equal(inCurrentHomeSince({ ...p, periods: p.periods.slice(0, 2) }), '2025-01-10');
    assert.equal(inCurrentHomeSince({ ...p, periods: [] }), null);
  });
  it('knows the home and the decision on a date', () => {
    assert.equal(periodOn(p, '2025-06-30')?.homeId, 'j');
    assert.equal(periodOn(p, '2025-01-09'), null);
    assert.equal(
      periodOn({ ...p, end: { endedOn: '2025-08-01', outcome: 'returnedHome' } }, '2025-08-02'),
      null,
    );
    assert.equal(decisionOn(p, '2025-04-01')?.basis, 'sol');
    assert.equal(decisionOn(p, '2025-04-02')?.basis, 'lvu2');
    assert.equal(decisionOn(p, '2025-01-09'), null);
  });
  it('counts the reconsiderations from the execution of the later care decision', () => {
    assert.equal(careClockStart(p), '2025-04-03');
    assert.equal(careClockStart(placement()), '2026-01-15');
  });
});
