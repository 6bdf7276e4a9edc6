import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dutyFrom } from './duty.ts';
import { homeWorklist, placedAlerts } from './home-worklist.ts';
import { placementDuties } from './schedule.ts';
import { decision, period, placement } from './testing.ts';

const today = '2026-05-04';

describe('the home-finding team’s worklist', () => {
  it('flags an emergency home past two months after the investigation, unless special reasons are recorded', () => {
    const p = placement({
      decisions: [decision('sol', '2026-02-20')],
      periods: [period('emergencyHome', '2026-02-20', { homeId: 'jour' })],
    });
    const facts = { placement: p, child: { birthDate: '2014-03-03' }, investigationClosedOn: '2026-02-28' };
    // 28 February + two months = 28 April: past on 4 May.
    const alerts = placedAlerts([{ placementId: p.id, duties: placementDuties(facts) }], today);
    assert.deepEqual(alerts.get('jour'), [
      { code: 'emergencyHomeOverdue', placementId: p.id, dueOn: '2026-04-28' },
    ]);
    const reasons = placedAlerts(
      [
        {
          placementId: p.id,
          duties: placementDuties({ ...facts, emergencyHomeSpecialReasonsOn: '2026-04-20' }),
        },
      ],
      today,
    );
    assert.equal(reasons.get('jour'), undefined);
  });

  it('shows an emergency home’s two months fourteen days ahead, not earlier, and on the last day itself', () => {
    const duty = (closed: string) => [
      { placementId: 'p', duties: [dutyFrom('emergencyHomeLimit', closed, { subject: 'h' })!] },
    ];
    assert.equal(placedAlerts(duty('2026-03-18'), today).get('h')?.[0]?.code, 'emergencyHomeDueSoon');
    assert.equal(placedAlerts(duty('2026-03-19'), today).get('h'), undefined);
    assert.equal(placedAlerts(duty('2026-03-04'), today).get('h')?.[0]?.code, 'emergencyHomeDueSoon');
    assert.equal(placedAlerts(duty('2026-03-03'), today).get('h')?.[0]?.code, 'emergencyHomeOverdue');
  });

  it('flags a family home whose agreement with the foster parents is missing', () => {
    const p = placement({ periods: [period('familyHome', '2026-01-15', { homeId: 'ek' })] });
    const duties = placementDuties({ placement: p, child: { birthDate: '2014-03-03' } });
    assert.equal(
      placedAlerts([{ placementId: p.id, duties }], today).get('ek')?.[0]?.code,
      'agreementMissing',
    );
    const signed = placementDuties({
      placement: p,
      child: { birthDate: '2014-03-03' },
      fosterAgreements: [{ homeId: 'ek', signedOn: '2026-01-20' }],
    });
    assert.equal(placedAlerts([{ placementId: p.id, duties: signed }], today).get('ek'), undefined);
  });

  it('lists only homes with something to do, overdue emergency homes first', () => {
    const homes = [
      { home: { id: 'a', name: 'Ask' }, alerts: [{ code: 'homeNotInvestigated' as const }] },
      { home: { id: 'b', name: 'Björk' }, alerts: [] },
      { home: { id: 'c', name: 'Ceder' }, alerts: [] },
    ];
    const placed = new Map([
      ['c', [{ code: 'emergencyHomeOverdue' as const, placementId: 'p', dueOn: '2026-04-28' }]],
    ]);
    assert.deepEqual(
      homeWorklist(homes, placed).map((h) => h.home.id),
      ['c', 'a'],
    );
  });
});
