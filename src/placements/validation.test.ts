import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { committee, court, decision, official, period, placement } from './testing.ts';
import { considerationRefusals, custodyTransferFactors, placementRefusals } from './validation.ts';

const child = { birthDate: '2012-06-15' };
const today = '2026-06-01';
const codes = (refusals: { code: string; at?: string }[]) => refusals.map((r) => `${r.code}@${r.at}`);

describe('a placement record', () => {
  it('is accepted when dates are in order and each decision was taken by whom the law allows', () => {
    assert.deepEqual(placementRefusals(placement(), child, today), []);
  });
  it('may begin later than it was decided (verkställighet), but never before', () => {
    const later = placement({
      decisions: [decision('sol', '2026-01-10', { executedOn: '2026-02-20' })],
      periods: [period('familyHome', '2026-02-20', { decidedOn: '2026-01-10' })],
    });
    assert.deepEqual(placementRefusals(later, child, today), []);
    const before = placement({
      decisions: [decision('sol', '2026-01-10', { executedOn: '2026-01-05' })],
      periods: [period('familyHome', '2026-01-05', { decidedOn: '2026-01-10' })],
    });
    assert.deepEqual(codes(placementRefusals(before, child, today)), [
      'executedBeforeDecision@decisions[0].executedOn',
      'startedBeforeDecision@periods[0].startedOn',
    ]);
  });
  it('refuses dates out of order: moves, decisions, the end before the last move', () => {
    const p = placement({
      decisions: [decision('sol', '2026-01-15'), decision('sol', '2026-01-01', { executedOn: '2026-01-15' })],
      periods: [period('familyHome', '2026-01-15'), period('familyHome', '2026-01-15', { homeId: 'b' })],
      end: { endedOn: '2026-01-10', outcome: 'returnedHome', reunitedOn: '2026-01-09' },
    });
    assert.deepEqual(codes(placementRefusals(p, child, today)), [
      'decisionsOutOfOrder@decisions[1]',
      'periodsOutOfOrder@periods[1]',
      'endedBeforeStart@end.endedOn',
      'reunitedBeforeEnd@end.reunitedOn',
    ]);
  });
  it('refuses a first home that does not start the day the decision was executed', () => {
    const p = placement({ decisions: [decision('sol', '2026-01-15', { executedOn: '2026-01-16' })] });
    assert.deepEqual(codes(placementRefusals(p, child, today)), [
      'startNotExecution@decisions[0].executedOn',
    ]);
  });
  it('refuses dates that are not calendar dates or lie in the future, before judging order', () => {
    const p = placement({
      periods: [period('familyHome', '2026-02-30'), period('familyHome', '2026-07-01')],
    });
    assert.deepEqual(codes(placementRefusals(p, child, today)), [
      'dateInvalid@decisions[0].decidedOn',
      'dateInvalid@decisions[0].executedOn',
      'dateInvalid@periods[0].decidedOn',
      'dateInvalid@periods[0].startedOn',
      'dateInFuture@periods[1].decidedOn',
      'dateInFuture@periods[1].startedOn',
    ]);
  });
  it('refuses a placement with no decision', () => {
    assert.deepEqual(codes(placementRefusals(placement({ decisions: [] }), child, today)), [
      'noDecision@decisions',
    ]);
  });
});

describe('who decided (30 kap. 6–7 §§; 4, 6 och 11 §§ LVU)', () => {
  it('refuses an official deciding voluntary care in a family home', () => {
    const p = placement({
      decisions: [decision('sol', '2026-01-15', { decidedBy: official })],
      periods: [period('familyHome', '2026-01-15', { decidedBy: official })],
    });
    assert.deepEqual(codes(placementRefusals(p, child, today)), [
      'officialMayNotDecide@decisions[0].decidedBy',
      'officialMayNotDecide@periods[0].decidedBy',
    ]);
  });
  it('allows an official to decide a voluntary HVB placement under delegation', () => {
    const p = placement({
      decisions: [decision('sol', '2026-01-15', { decidedBy: official })],
      periods: [period('residentialCareHome', '2026-01-15', { decidedBy: official })],
    });
    assert.deepEqual(placementRefusals(p, child, today), []);
  });
  it('LVU care is the court’s; immediate custody and the home may be the chair’s when urgent', () => {
    const p = placement({
      decisions: [
        decision('lvu6', '2026-01-15', { decidedBy: { kind: 'chair', name: 'Ordföranden' } }),
        decision('lvu2', '2026-02-10', { decidedBy: committee, executedOn: '2026-02-10' }),
      ],
      periods: [period('emergencyHome', '2026-01-15', { decidedBy: { kind: 'chair', name: 'Ordföranden' } })],
    });
    assert.deepEqual(codes(placementRefusals(p, child, today)), [
      'onlyTheCourtDecides@decisions[1].decidedBy',
    ]);
    const byCourt = { ...p, decisions: [p.decisions[0]!, { ...p.decisions[1]!, decidedBy: court }] };
    assert.deepEqual(placementRefusals(byCourt, child, today), []);
  });
});

describe('what the law says about age and form', () => {
  it('supported housing from 16, for 16 and 17 only with special reasons (9 kap. 1 §)', () => {
    const at = (birthDate: string, more = {}) =>
      codes(
        placementRefusals(
          placement({ periods: [period('supportedHousing', '2026-01-15', more)] }),
          { birthDate },
          today,
        ),
      );
    assert.deepEqual(at('2010-06-01'), ['supportedHousingUnder16@periods[0]']);
    assert.deepEqual(at('2009-06-01'), ['supportedHousingSpecialReasonsMissing@periods[0].specialReasons']);
    assert.deepEqual(at('2009-06-01', { specialReasons: 'Nära skolan, har bott i HVB i två år' }), []);
    assert.deepEqual(at('2007-06-01'), []);
  });
  it('protected housing only with a guardian who is also granted it (22 kap. 5 §)', () => {
    const p = (withGuardian: boolean) =>
      placement({ periods: [period('protectedHousing', '2026-01-15', { withGuardian })] });
    assert.deepEqual(codes(placementRefusals(p(false), child, today)), [
      'protectedHousingWithoutGuardian@periods[0].withGuardian',
    ]);
    assert.deepEqual(placementRefusals(p(true), child, today), []);
  });
  it('LVU 2 § care only under 18 and 3 § care only under 20 when decided', () => {
    const lvu = (basis: 'lvu2' | 'lvu3', birthDate: string) =>
      codes(
        placementRefusals(
          placement({
            decisions: [decision(basis, '2026-01-15')],
            periods: [period('residentialCareHome', '2026-01-15')],
          }),
          { birthDate },
          today,
        ),
      );
    assert.deepEqual(lvu('lvu2', '2008-01-15'), ['lvuAgeLimit@decisions[0]']);
    assert.deepEqual(lvu('lvu2', '2008-01-16'), []);
    assert.deepEqual(lvu('lvu3', '2007-01-16'), []);
    assert.deepEqual(lvu('lvu3', '2006-01-15'), ['lvuAgeLimit@decisions[0]']);
  });
});

describe('a consideration the committee records', () => {
  const twoYears = placement({
    periods: [period('familyHome', '2024-03-01')],
    decisions: [decision('sol', '2024-03-01')],
  });
  const factors = Object.fromEntries(custodyTransferFactors.map((f) => [f, 'Bedömt vid mötet']));
  it('is refused when an official decides it: reconsideration, custody transfer, moving ban', () => {
    for (const kind of ['reconsideration', 'custodyTransfer', 'movingBan'] as const) {
      const refusals = considerationRefusals(
        { kind, decidedOn: '2026-03-02', decidedBy: official, factors },
        twoYears,
        today,
      );
      assert.deepEqual(codes(refusals), ['officialMayNotDecide@decidedBy'], kind);
    }
  });
  it('a custody transfer needs each of the five factors weighed', () => {
    const refusals = considerationRefusals(
      {
        kind: 'custodyTransfer',
        decidedOn: '2026-03-02',
        decidedBy: committee,
        factors: { relationToParents: ' ' },
      },
      twoYears,
      today,
    );
    assert.deepEqual(
      codes(refusals),
      custodyTransferFactors.map((f) => `factorMissing@factors.${f}`),
    );
    assert.deepEqual(
      considerationRefusals(
        { kind: 'custodyTransfer', decidedOn: '2026-03-02', decidedBy: committee, factors },
        twoYears,
        today,
      ),
      [],
    );
  });
  it('is refused before the placement began, after it ended, in the future, or of the wrong kind', () => {
    const record = (decidedOn: string, kind: 'reconsideration' | 'lvuReview' = 'reconsideration') =>
      codes(
        considerationRefusals(
          { kind, decidedOn, decidedBy: committee },
          { ...twoYears, end: { endedOn: '2026-04-30', outcome: 'returnedHome' } },
          today,
        ),
      );
    assert.deepEqual(record('2024-02-28'), ['beforePlacement@decidedOn']);
    assert.deepEqual(record('2026-05-02'), ['afterPlacementEnd@decidedOn']);
    assert.deepEqual(record('2026-06-02'), ['dateInFuture@decidedOn']);
    assert.deepEqual(record('2026-03-02', 'lvuReview'), ['wrongConsiderationForBasis@kind']);
  });
  it('a custody transfer is not considered for a child in an HVB', () => {
    const hvb = placement({ periods: [period('residentialCareHome', '2024-03-01')] });
    const refusals = considerationRefusals(
      { kind: 'custodyTransfer', decidedOn: '2026-03-02', decidedBy: committee, factors },
      hvb,
      today,
    );
    assert.deepEqual(codes(refusals), ['notInFamilyHome@kind']);
  });
});
