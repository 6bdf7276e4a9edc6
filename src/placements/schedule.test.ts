import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Duty } from './duty.ts';
import type { PlacementRuleId } from './rules.ts';
import { placementDuties, placementResource, type ScheduleFacts } from './schedule.ts';
import { court, decision, period, placement } from './testing.ts';

const child = { birthDate: '2014-05-20' };
/** Facts where everything done once is done, so each test sees only the duty it is about. */
const done = {
  plans: { carePlanOn: '2026-01-10', implementationPlanOn: '2026-01-20', carePlanRevisedOn: '2027-01-01' },
  regionNotifiedOn: '2026-01-16',
  fosterAgreements: [{ homeId: 'home-familyHome', signedOn: '2026-01-15' }],
};

function duties(facts: Partial<ScheduleFacts>): Duty[] {
  return placementDuties({ placement: placement(), child, ...done, ...facts });
}
const dueOf = (facts: Partial<ScheduleFacts>, rule: PlacementRuleId) =>
  duties(facts)
    .filter((d) => d.rule === rule)
    .map((d) => d.dueOn);

describe('reconsideration: six months from verkställighet, then from the last one made', () => {
  it('counts from the day the placement began when that is later than the decision', () => {
    const p = placement({
      decisions: [decision('sol', '2026-01-10', { executedOn: '2026-02-20' })],
      periods: [period('familyHome', '2026-02-20', { decidedOn: '2026-01-10' })],
    });
    assert.deepEqual(dueOf({ placement: p }, 'placementReconsideration'), ['2026-08-20']);
  });
  it('an early reconsideration restarts the six months', () => {
    const considerations = [{ kind: 'reconsideration' as const, decidedOn: '2026-04-01' }];
    assert.deepEqual(dueOf({ considerations }, 'placementReconsideration'), ['2026-10-01']);
  });
  it('a late one counts from when it was actually made, not from when it was due', () => {
    const considerations = [{ kind: 'reconsideration' as const, decidedOn: '2026-08-03' }];
    assert.deepEqual(dueOf({ considerations }, 'placementReconsideration'), ['2027-02-03']);
  });
  it('a start on 31 August falls due on the last day of February, in a leap year the 29th', () => {
    const p = placement({ periods: [period('residentialCareHome', '2027-08-31')] });
    assert.deepEqual(dueOf({ placement: p }, 'placementReconsideration'), ['2028-02-29']);
  });
  it('ends with childhood: no reconsideration of voluntary care falls due after 18 (22 kap. 13 §)', () => {
    const p = placement({ periods: [period('supportedHousing', '2026-01-15')] });
    assert.deepEqual(
      dueOf({ placement: p, child: { birthDate: '2008-03-01' } }, 'placementReconsideration'),
      [],
    );
  });
  it('cites the act in force on the due date: 30 June and 1 July 2025', () => {
    const before = placement({ periods: [period('familyHome', '2024-12-30')] });
    const after = placement({ periods: [period('familyHome', '2025-01-01')] });
    const refOf = (p: typeof before) =>
      duties({ placement: p }).find((d) => d.rule === 'placementReconsideration')!;
    assert.equal(refOf(before).dueOn, '2025-06-30');
    assert.equal(refOf(before).reference.act, 'SoL (2001:453)');
    assert.equal(refOf(after).dueOn, '2025-07-01');
    assert.equal(refOf(after).reference.provision, '22 kap. 13 §; 13 § första stycket LVU');
  });
  it('a new care decision restarts the count: voluntary care turned LVU 2 § care', () => {
    const p = placement({
      decisions: [
        decision('sol', '2026-01-15'),
        decision('lvu2', '2026-03-10', { decidedBy: court, executedOn: '2026-03-10' }),
      ],
    });
    const considerations = [{ kind: 'reconsideration' as const, decidedOn: '2026-03-01' }];
    assert.deepEqual(dueOf({ placement: p, considerations }, 'placementReconsideration'), ['2026-09-10']);
  });
});

describe('review of LVU 3 § care: within six months of executing the care decision', () => {
  const p = placement({
    periods: [period('specialYouthHome', '2026-03-02')],
    decisions: [decision('lvu6', '2026-03-02'), decision('lvu3', '2026-03-20', { executedOn: '2026-03-20' })],
  });
  it('falls due six months after the court decision was executed, not from the custody', () => {
    assert.deepEqual(dueOf({ placement: p }, 'lvuReview'), ['2026-09-20']);
    assert.deepEqual(dueOf({ placement: p }, 'placementReconsideration'), []);
  });
  it('then six months after the last review', () => {
    const considerations = [{ kind: 'lvuReview' as const, decidedOn: '2026-08-31' }];
    assert.deepEqual(dueOf({ placement: p, considerations }, 'lvuReview'), ['2027-02-28']);
  });
  it('and the care ends at 21 at the latest', () => {
    assert.deepEqual(dueOf({ placement: p }, 'lvuAgeLimit'), ['2035-05-20']);
  });
});

describe('custody transfer: two years in the same family home, then yearly', () => {
  const twoYearsIn = placement({ periods: [period('familyHome', '2024-02-29')] });
  it('falls due two years after the child came to the home (leap day to 28 February)', () => {
    assert.deepEqual(dueOf({ placement: twoYearsIn }, 'custodyTransfer'), ['2026-02-28']);
  });
  it('then a year after the consideration made', () => {
    const considerations = [{ kind: 'custodyTransfer' as const, decidedOn: '2026-03-05' }];
    assert.deepEqual(dueOf({ placement: twoYearsIn, considerations }, 'custodyTransfer'), ['2027-03-05']);
  });
  it('a consideration before the two years does not discharge the duty at two years', () => {
    const considerations = [{ kind: 'custodyTransfer' as const, decidedOn: '2026-01-20' }];
    assert.deepEqual(dueOf({ placement: twoYearsIn, considerations }, 'custodyTransfer'), ['2026-02-28']);
  });
  it('a move to another family home restarts the two years', () => {
    const moved = placement({
      periods: [period('familyHome', '2024-01-10'), period('familyHome', '2025-05-01', { homeId: 'home-b' })],
    });
    assert.deepEqual(dueOf({ placement: moved }, 'custodyTransfer'), ['2027-05-01']);
  });
  it('a new decision on the same home is not a move', () => {
    const same = placement({
      periods: [period('familyHome', '2024-01-10'), period('kinshipFamilyHome', '2025-05-01')].map((p) => ({
        ...p,
        homeId: 'home-a',
      })),
    });
    assert.deepEqual(dueOf({ placement: same }, 'custodyTransfer'), ['2026-01-10']);
  });
  it('is not owed in an HVB, nor when the child is 18 before the two years', () => {
    const hvb = placement({ periods: [period('residentialCareHome', '2024-01-10')] });
    assert.deepEqual(dueOf({ placement: hvb }, 'custodyTransfer'), []);
    assert.deepEqual(
      dueOf({ placement: twoYearsIn, child: { birthDate: '2008-01-01' } }, 'custodyTransfer'),
      [],
    );
  });
});

describe('immediate custody under LVU 6 §', () => {
  const custody = placement({
    periods: [period('emergencyHome', '2026-05-09')],
    decisions: [decision('lvu6', '2026-05-08', { executedOn: '2026-05-09' })],
  });
  it('goes to the court a week from the decision, the application four weeks from the execution', () => {
    const facts = { placement: custody, plans: {} };
    assert.deepEqual(dueOf(facts, 'immediateCustodyCourt'), ['2026-05-15']);
    assert.deepEqual(dueOf(facts, 'careApplication'), ['2026-06-08']);
    assert.deepEqual(dueOf(facts, 'carePlan'), ['2026-06-06'], 'the care plan goes with the application');
  });
  it('owes neither when the court itself took the child into custody', () => {
    const byCourt = placement({
      ...custody,
      decisions: [decision('lvu6', '2026-05-08', { decidedBy: court, executedOn: '2026-05-09' })],
    });
    assert.deepEqual(dueOf({ placement: byCourt }, 'immediateCustodyCourt'), []);
    assert.deepEqual(dueOf({ placement: byCourt }, 'careApplication'), []);
  });
  it('is done once submitted and applied for; a care plan still missing was due with the application', () => {
    const facts = {
      placement: custody,
      plans: {},
      court: { submittedOn: '2026-05-11', careAppliedOn: '2026-05-30' },
    };
    assert.deepEqual(dueOf(facts, 'immediateCustodyCourt'), []);
    assert.deepEqual(dueOf(facts, 'careApplication'), []);
    assert.deepEqual(dueOf(facts, 'carePlan'), ['2026-05-30']);
  });
});

describe('emergency home: two months after the investigation ended (22 kap. 4 §)', () => {
  const jour = placement({ periods: [period('emergencyHome', '2025-12-01')] });
  it('flags the stay two months after the investigation ended, at a month end', () => {
    assert.deepEqual(dueOf({ placement: jour, investigationClosedOn: '2025-12-31' }, 'emergencyHomeLimit'), [
      '2026-02-28',
    ]);
  });
  it('not while the investigation runs, nor once special reasons are recorded', () => {
    assert.deepEqual(dueOf({ placement: jour }, 'emergencyHomeLimit'), []);
    const facts = {
      placement: jour,
      investigationClosedOn: '2025-12-31',
      emergencyHomeSpecialReasonsOn: '2026-02-20',
    };
    assert.deepEqual(dueOf(facts, 'emergencyHomeLimit'), []);
  });
  it('no care plan duty for a stay only in an emergency home: 9 kap. 12 § does not list it', () => {
    assert.deepEqual(dueOf({ placement: jour, plans: {} }, 'carePlan'), []);
  });
});

describe('plans, the region and the designated worker', () => {
  it('are due at the decision, at the start and two years in, until recorded', () => {
    const facts = { plans: {}, regionNotifiedOn: null, placement: placement({ designatedWorkerId: null }) };
    const rules = Object.fromEntries(duties(facts).map((d) => [d.rule, d.dueOn]));
    assert.equal(rules.carePlan, '2026-01-15');
    assert.equal(rules.implementationPlan, '2026-01-15');
    assert.equal(rules.healthExamination, '2026-01-15');
    assert.equal(rules.designatedSocialWorker, '2026-01-15');
    assert.equal(rules.carePlanRevision, '2028-01-15');
  });
  it('the foster-home agreement is owed for each new family home', () => {
    const moved = placement({
      periods: [period('familyHome', '2026-01-15'), period('familyHome', '2026-06-01', { homeId: 'home-b' })],
    });
    assert.deepEqual(dueOf({ placement: moved }, 'fosterHomeAgreement'), ['2026-06-01']);
  });
});

describe('reviews of LVU 14 § decisions and moving bans: every three months', () => {
  it('from the decision, then from the last review; ended ones drop out', () => {
    const restrictions = [
      {
        id: 'r1',
        kind: 'whereaboutsSecret' as const,
        decidedOn: '2025-11-30',
        endedOn: null,
        reviewedOn: [],
      },
      {
        id: 'r2',
        kind: 'contact' as const,
        decidedOn: '2025-10-01',
        endedOn: null,
        reviewedOn: ['2026-01-05'],
      },
      { id: 'r3', kind: 'contact' as const, decidedOn: '2025-10-01', endedOn: '2025-12-01', reviewedOn: [] },
    ];
    const p = placement({
      decisions: [decision('lvu2', '2025-09-01')],
      periods: [period('familyHome', '2025-09-01')],
    });
    assert.deepEqual(dueOf({ placement: p, restrictions }, 'lvuRestrictionReview'), [
      '2026-02-28',
      '2026-04-05',
    ]);
  });
  it('a moving ban is reviewed three months after the court decided it, then after each review', () => {
    const movingBans = [{ id: 'b1', decidedOn: '2025-11-30', endedOn: null, reviewedOn: [] }];
    assert.deepEqual(dueOf({ movingBans }, 'movingBanReview'), ['2026-02-28']);
    const reviewed = [{ ...movingBans[0]!, reviewedOn: ['2026-02-20'] }];
    assert.deepEqual(dueOf({ movingBans: reviewed }, 'movingBanReview'), ['2026-05-20']);
    assert.equal(
      duties({ movingBans }).find((d) => d.rule === 'movingBanReview')!.referenceText,
      'LVU (1990:52) 26 § första stycket',
    );
  });
  it('a request to end voluntary care in a family home calls for considering a moving ban', () => {
    assert.deepEqual(dueOf({ endOfCareRequestedOn: ['2026-04-02'] }, 'movingBanConsideration'), [
      '2026-04-02',
    ]);
    const considerations = [{ kind: 'movingBan' as const, decidedOn: '2026-04-09' }];
    assert.deepEqual(
      dueOf({ endOfCareRequestedOn: ['2026-04-02'], considerations }, 'movingBanConsideration'),
      [],
    );
  });
});

describe('after the end: follow-up', () => {
  const lvuEnded = placement({
    decisions: [decision('lvu2', '2025-09-01')],
    periods: [period('familyHome', '2025-09-01')],
    end: { endedOn: '2026-03-31', outcome: 'returnedHome' },
  });
  it('after LVU care the follow-up is owed at once, then ends within six months of its start', () => {
    assert.deepEqual(
      duties({ placement: lvuEnded }).map((d) => [d.rule, d.dueOn, d.subject]),
      [['lvuFollowUp', '2026-03-31', 'start']],
    );
    const started = { placement: lvuEnded, followUp: { startedOn: '2026-04-10', endedOn: null } };
    assert.deepEqual(dueOf(started, 'lvuFollowUp'), ['2026-10-10']);
    assert.deepEqual(
      dueOf(
        { placement: lvuEnded, followUp: { startedOn: '2026-04-10', endedOn: '2026-06-01' } },
        'lvuFollowUp',
      ),
      [],
    );
  });
  it('waits for the reunion when it needs preparing (21 b § andra stycket LVU)', () => {
    const waiting = {
      ...lvuEnded,
      end: { endedOn: '2026-03-31', outcome: 'returnedHome' as const, reunionPrepared: true },
    };
    assert.deepEqual(duties({ placement: waiting }), []);
    const home = { ...waiting, end: { ...waiting.end, reunitedOn: '2026-05-04' } };
    assert.deepEqual(dueOf({ placement: home }, 'lvuFollowUp'), ['2026-05-04']);
  });
  it('after voluntary care only a follow-up the committee decided, ending six months after the end', () => {
    const solEnded = placement({ end: { endedOn: '2026-03-31', outcome: 'returnedHome' } });
    assert.deepEqual(duties({ placement: solEnded }), []);
    const decided = { placement: solEnded, followUp: { startedOn: '2026-04-02', endedOn: null } };
    assert.deepEqual(dueOf(decided, 'placementFollowUp'), ['2026-09-30']);
  });
  it('none after supported housing, nor for someone 18 at the end', () => {
    const housing = placement({
      periods: [period('supportedHousing', '2026-01-15')],
      end: { endedOn: '2026-03-31', outcome: 'ownHousing' },
    });
    assert.deepEqual(
      duties({ placement: housing, followUp: { startedOn: '2026-04-02', endedOn: null } }),
      [],
    );
    assert.deepEqual(duties({ placement: lvuEnded, child: { birthDate: '2008-03-31' } }), []);
  });
});

describe('the API resource (fixed contract)', () => {
  it('carries the fields and each duty as rule, due date and reference', () => {
    const resource = placementResource({ placement: placement(), child, ...done });
    assert.deepEqual(
      { ...resource, duties: resource.duties.slice(0, 1) },
      {
        id: 'placement-1',
        childId: 'child-1',
        form: 'familyHome',
        legalBasis: 'sol',
        decidedOn: '2026-01-15',
        startedOn: '2026-01-15',
        endedOn: null,
        lastReconsideredOn: null,
        duties: [
          {
            rule: 'placementReconsideration',
            dueOn: '2026-07-15',
            reference: 'SoL (2025:400) 22 kap. 13 §; 13 § första stycket LVU',
          },
        ],
      },
    );
  });
});
