import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PlacementRuleId } from './rules.ts';
import { placementDuties, type ScheduleFacts } from './schedule.ts';
import { decision, period, placement } from './testing.ts';

/** The rules of the care plan's revision, the designated worker and the region, with edge dates. */

const child = { birthDate: '2014-05-20' };
const dueOf = (facts: Partial<ScheduleFacts>, rule: PlacementRuleId) =>
  placementDuties({ placement: placement(), child, ...facts })
    .filter((d) => d.rule === rule)
    .map((d) => d.dueOn);

describe('the care plan revised at the latest after two years placed (9 kap. 13 § SoL)', () => {
  it('counts two years from verkställighet, not from the decision', () => {
    const p = placement({
      decisions: [decision('sol', '2026-01-10', { executedOn: '2026-02-20' })],
      periods: [period('familyHome', '2026-02-20', { decidedOn: '2026-01-10' })],
    });
    assert.deepEqual(dueOf({ placement: p }, 'carePlanRevision'), ['2028-02-20']);
  });
  it('from a leap day falls due on 28 February two years on', () => {
    const p = placement({ periods: [period('familyHome', '2028-02-29')] });
    assert.deepEqual(dueOf({ placement: p }, 'carePlanRevision'), ['2030-02-28']);
  });
  it('is gone once revised, and is not owed when the two years end after the 18th birthday', () => {
    assert.deepEqual(dueOf({ plans: { carePlanRevisedOn: '2026-12-01' } }, 'carePlanRevision'), []);
    const older = placementDuties({ placement: placement(), child: { birthDate: '2010-01-15' } });
    assert.equal(
      older.filter((d) => d.rule === 'carePlanRevision').length,
      0,
      'turns 18 on the day it would fall due',
    );
    const younger = placementDuties({ placement: placement(), child: { birthDate: '2010-01-16' } });
    assert.deepEqual(
      younger.filter((d) => d.rule === 'carePlanRevision').map((d) => d.dueOn),
      ['2028-01-15'],
    );
  });
  it('does not restart on a move to another home', () => {
    const p = placement({
      periods: [period('familyHome', '2026-01-15'), period('familyHome', '2026-09-01', { homeId: 'other' })],
    });
    assert.deepEqual(dueOf({ placement: p }, 'carePlanRevision'), ['2028-01-15']);
  });
});

describe('the designated social worker (22 kap. 12 §) and the region told (22 kap. 7 §)', () => {
  it('asks for a designated worker without delay when none is, from the first day in a listed home', () => {
    const p = placement({ designatedWorkerId: null });
    assert.deepEqual(dueOf({ placement: p }, 'designatedSocialWorker'), ['2026-01-15']);
    assert.deepEqual(dueOf({}, 'designatedSocialWorker'), []);
  });
  it('asks for none while the child is in an emergency home, and from the move to a family home', () => {
    const emergency = placement({
      designatedWorkerId: null,
      periods: [period('emergencyHome', '2026-01-15')],
    });
    assert.deepEqual(dueOf({ placement: emergency }, 'designatedSocialWorker'), []);
    const moved = placement({
      designatedWorkerId: null,
      periods: [period('emergencyHome', '2026-01-15'), period('familyHome', '2026-03-31')],
    });
    assert.deepEqual(dueOf({ placement: moved }, 'designatedSocialWorker'), ['2026-03-31']);
  });
  it('tells the region on the day the care began, executed later than the decision; gone once told', () => {
    const p = placement({
      decisions: [decision('sol', '2026-01-10', { executedOn: '2026-02-28' })],
      periods: [period('familyHome', '2026-02-28', { decidedOn: '2026-01-10' })],
    });
    assert.deepEqual(dueOf({ placement: p }, 'healthExamination'), ['2026-02-28']);
    assert.deepEqual(dueOf({ placement: p, regionNotifiedOn: '2026-03-02' }, 'healthExamination'), []);
  });
});
