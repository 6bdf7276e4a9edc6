import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CareProvider, PrivateHome } from './homes.ts';
import { ivoPlacementNotice } from './ivo-notice.ts';

const home = (placedByOthers?: number): PrivateHome => ({
  kind: 'privateHome',
  id: 'h1',
  name: 'Familjen Ek',
  forms: ['familyHome'],
  municipalityCode: '9999',
  carers: [],
  investigation: null,
  registerExtracts: [],
  training: [],
  ...(placedByOthers === undefined ? {} : { placedByOthers }),
});
const hvb: CareProvider = {
  kind: 'provider',
  id: 'p1',
  name: 'HVB Tallen',
  forms: ['residentialCareHome'],
  ownership: 'private',
  ivoPermit: null,
  ivoNotifiedOn: null,
};

describe('the notice to IVO when more than three children are placed in one family home (SoF 16 kap. 2 §)', () => {
  it('says nothing below three children, warns at three, and flags more than three', () => {
    assert.equal(ivoPlacementNotice(home(), 0, '2026-03-13'), null);
    assert.equal(ivoPlacementNotice(home(), 2, '2026-03-13'), null);
    assert.deepEqual(ivoPlacementNotice(home(), 3, '2026-03-13'), {
      level: 'atLimit',
      placed: 3,
      referenceText: 'SoF (2025:468) 16 kap. 2 §',
    });
    assert.equal(ivoPlacementNotice(home(), 4, '2026-03-13')?.level, 'exceeded');
  });
  it('counts the children other municipalities placed in the home', () => {
    assert.equal(ivoPlacementNotice(home(1), 1, '2026-03-13'), null);
    assert.equal(ivoPlacementNotice(home(2), 1, '2026-03-13')?.level, 'atLimit');
    assert.deepEqual(ivoPlacementNotice(home(4), 0, '2026-03-13')?.placed, 4);
    assert.equal(ivoPlacementNotice(home(3), 1, '2026-03-13')?.level, 'exceeded');
  });
  it('cites the ordinance in force on the day', () => {
    assert.equal(ivoPlacementNotice(home(), 4, '2025-06-30')?.referenceText, 'SoF (2001:937) 3 kap. 19 a §');
  });
  it('is not owed for HVB and other providers, which IVO supervises by permit', () => {
    assert.equal(ivoPlacementNotice(hvb, 5, '2026-03-13'), null);
  });
});
