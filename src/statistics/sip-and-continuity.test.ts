import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { continuityFigures, familiesOf } from './continuity.ts';
import type { ResponsibilityRow, SipRow } from './inputs.ts';
import { parsePeriodKey } from './periods.ts';
import { daysFromSipRequestToAgreedPlan, sipsStarted } from './sip-indicators.ts';

const scopeOf = (key: string, today: string, unitId: string | null = null) => ({
  period: parsePeriodKey(key)!,
  today,
  unitId,
});

describe('coordinated individual plans', () => {
  const sip = (id: string, o: Partial<SipRow>): SipRow => ({
    id,
    childId: 'c',
    unitId: 'u',
    requestedOn: null,
    startedOn: null,
    agreedOn: null,
    ...o,
  });

  it('counts plans started in the period, from a partner’s request or by social services', () => {
    const sips = [
      sip('a', { requestedOn: '2026-02-20', startedOn: '2026-03-02' }),
      sip('b', { startedOn: '2026-03-05' }),
      sip('c', { requestedOn: '2026-03-10' }), // asked for, not yet taken up
      sip('d', { startedOn: '2026-04-01' }),
    ];
    const f = sipsStarted(sips, scopeOf('2026-03', '2026-04-10'));
    assert.equal(f.value, 2);
    assert.deepEqual(f.rows.fromPartnerRequest, ['a']);
    assert.deepEqual(f.rows.bySocialServices, ['b']);
  });

  it('gives the days from a partner’s request to the agreed plan', () => {
    const sips = [
      sip('a', { requestedOn: '2026-02-01', startedOn: '2026-02-03', agreedOn: '2026-03-03' }), // 30
      sip('b', { requestedOn: '2026-02-20', startedOn: '2026-02-21', agreedOn: '2026-03-12' }), // 20
      sip('c', { startedOn: '2026-03-01', agreedOn: '2026-03-10' }), // no request: not in this figure
    ];
    const f = daysFromSipRequestToAgreedPlan(sips, scopeOf('2026-03', '2026-04-10'));
    assert.equal(f.value, 25);
    assert.equal(f.median, 25);
    assert.equal(f.denominator, 2);
  });
});

describe('continuity: responsible social workers over twelve months', () => {
  it('groups siblings by a shared guardian, but not by a shared god man', () => {
    const families = familiesOf([
      { childId: 'anna', guardianId: 'mum', kind: 'guardian' },
      { childId: 'bo', guardianId: 'mum', kind: 'guardian' },
      { childId: 'bo', guardianId: 'dad', kind: 'guardian' },
      { childId: 'cia', guardianId: 'dad', kind: 'guardian' },
      { childId: 'dawit', guardianId: 'godman', kind: 'appointedGuardian' },
      { childId: 'emir', guardianId: 'godman', kind: 'appointedGuardian' },
    ]);
    assert.equal(families.get('anna'), 'anna');
    assert.equal(families.get('bo'), 'anna');
    assert.equal(families.get('cia'), 'anna', 'a half-sibling through the other parent');
    assert.equal(families.get('dawit'), 'dawit');
    assert.equal(families.get('emir'), 'emir');
  });

  it('counts distinct workers per child and per family, and families that kept one', () => {
    const families = new Map([
      ['anna', 'anna'],
      ['bo', 'anna'],
      ['dawit', 'dawit'],
    ]);
    const r = (childId: string, workerId: string, from: string, to: string | null, unitId = 'u1') =>
      ({ childId, workerId, unitId, from, to }) satisfies ResponsibilityRow;
    const responsibilities = [
      r('anna', 'w1', '2025-01-01', '2025-09-30'),
      r('anna', 'w2', '2025-10-01', null),
      r('bo', 'w1', '2025-02-01', null),
      r('dawit', 'w3', '2024-01-01', null, 'u2'),
      r('dawit', 'w4', '2023-01-01', '2025-03-31', 'u2'), // ended before the window
    ];
    const [perChild, perFamily, oneWorker] = continuityFigures(
      responsibilities,
      families,
      scopeOf('2026-03', '2026-05-01'),
    );
    // Window: 1 April 2025 – 31 March 2026.
    assert.equal(perChild!.denominator, 3);
    assert.equal(perChild!.value, (2 + 1 + 1) / 3);
    assert.deepEqual(perFamily!.rows.two, ['anna']);
    assert.equal(oneWorker!.value, 1 / 2);
    const [, , unit2] = continuityFigures(responsibilities, families, scopeOf('2026-03', '2026-05-01', 'u2'));
    assert.equal(unit2!.value, 1);
  });
});
