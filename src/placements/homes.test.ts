import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CareProvider, homeAlerts, homeRefusals, ivoNotice, type PrivateHome } from './homes.ts';
import { period, placement } from './testing.ts';

function familyHome(more: Partial<PrivateHome> = {}): PrivateHome {
  return {
    kind: 'privateHome',
    id: 'home-familyHome',
    name: 'Familjehemmet Ek',
    forms: ['familyHome', 'emergencyHome'],
    municipalityCode: '9999',
    carers: [
      { id: 'c1', name: 'Kim Ek' },
      { id: 'c2', name: 'Alex Ek' },
    ],
    investigation: { completedOn: '2026-01-05', result: 'approved' },
    registerExtracts: ['c1', 'c2'].flatMap((carerId) =>
      (['criminalRecord', 'suspicionRegister'] as const).map((register) => ({
        carerId,
        register,
        obtainedOn: '2025-12-10',
      })),
    ),
    training: [
      { carerId: 'c1', completedOn: '2025-11-01' },
      { carerId: 'c2', completedOn: '2025-11-01' },
    ],
    ...more,
  };
}
const decision = { form: 'familyHome' as const, decidedOn: '2026-01-12', municipalityCode: '9999' };
const codes = (refusals: { code: string }[]) => refusals.map((r) => r.code);

describe('a child is placed only in a home investigated and checked (22 kap. 2 och 4 §§, SoF 3 kap. 3 §)', () => {
  it('accepts a home investigated, approved and with both extracts for every carer', () => {
    assert.deepEqual(homeRefusals(familyHome(), decision), []);
    assert.deepEqual(homeRefusals(familyHome(), { ...decision, form: 'emergencyHome' }), []);
  });
  it('refuses a home without a completed investigation, or one completed after the decision', () => {
    assert.deepEqual(codes(homeRefusals(familyHome({ investigation: null }), decision)), [
      'homeNotInvestigated',
    ]);
    const late = familyHome({ investigation: { completedOn: '2026-01-20', result: 'approved' } });
    assert.deepEqual(codes(homeRefusals(late, decision)), ['homeNotInvestigated']);
  });
  it('refuses a home the investigation did not approve', () => {
    const home = familyHome({ investigation: { completedOn: '2026-01-05', result: 'notApproved' } });
    assert.deepEqual(codes(homeRefusals(home, decision)), ['homeNotApproved']);
  });
  it('names each carer and register whose extract is missing', () => {
    const home = familyHome({
      registerExtracts: [{ carerId: 'c1', register: 'criminalRecord', obtainedOn: '2025-12-10' }],
    });
    assert.deepEqual(homeRefusals(home, decision), [
      { code: 'registerExtractMissing', carerId: 'c1', register: 'suspicionRegister' },
      { code: 'registerExtractMissing', carerId: 'c2', register: 'criminalRecord' },
      { code: 'registerExtractMissing', carerId: 'c2', register: 'suspicionRegister' },
    ]);
  });
  it('refuses a home with nobody recorded as carer', () => {
    assert.deepEqual(codes(homeRefusals(familyHome({ carers: [], registerExtracts: [] }), decision)), [
      'noCarers',
    ]);
  });
  it('refuses a home in another municipality until that municipality was consulted (22 kap. 6 §)', () => {
    const away = familyHome({ municipalityCode: '1234' });
    assert.deepEqual(codes(homeRefusals(away, decision)), ['otherMunicipalityNotConsulted']);
    assert.deepEqual(homeRefusals(away, { ...decision, consultedOn: '2026-01-08' }), []);
  });
  it('refuses a form the home was not investigated for', () => {
    assert.deepEqual(codes(homeRefusals(familyHome({ forms: ['emergencyHome'] }), decision)), [
      'homeFormMismatch',
    ]);
  });
});

describe('HVB and housing providers need IVO (26 kap. 1–2 §§)', () => {
  const hvb: CareProvider = {
    kind: 'provider',
    id: 'hvb-1',
    name: 'HVB Tallen',
    forms: ['residentialCareHome'],
    ownership: 'private',
    ivoPermit: { reference: 'IVO 3.5.1-1234/2024', grantedOn: '2024-03-01', forms: ['residentialCareHome'] },
    ivoNotifiedOn: null,
  };
  const hvbDecision = { ...decision, form: 'residentialCareHome' as const };
  it('a private provider with a permit for the form, a public one notified', () => {
    assert.deepEqual(homeRefusals(hvb, hvbDecision), []);
    assert.deepEqual(
      homeRefusals(
        { ...hvb, ownership: 'public', ivoPermit: null, ivoNotifiedOn: '2020-01-01' },
        hvbDecision,
      ),
      [],
    );
    assert.deepEqual(homeRefusals({ ...hvb, ownership: 'state', ivoPermit: null }, hvbDecision), []);
  });
  it('refuses a private provider without a permit, and a public one not notified', () => {
    assert.deepEqual(codes(homeRefusals({ ...hvb, ivoPermit: null }, hvbDecision)), [
      'providerPermitMissing',
    ]);
    assert.deepEqual(codes(homeRefusals({ ...hvb, ownership: 'public', ivoPermit: null }, hvbDecision)), [
      'providerNotNotified',
    ]);
  });
  it('a provider is not a family home', () => {
    assert.deepEqual(codes(homeRefusals({ ...hvb, forms: ['familyHome'] }, decision)), ['homeFormMismatch']);
  });
});

describe("the home-finding team's alerts", () => {
  it('extracts older than the municipality’s limit are to be renewed, missing ones and training flagged', () => {
    const home = familyHome({ training: [{ carerId: 'c1', completedOn: '2025-11-01' }] });
    assert.deepEqual(homeAlerts(home, '2026-12-09'), [{ code: 'trainingMissing', carerId: 'c2' }]);
    const alerts = homeAlerts(home, '2026-12-10');
    assert.deepEqual(alerts[0], {
      code: 'registerExtractOld',
      carerId: 'c1',
      register: 'criminalRecord',
      obtainedOn: '2025-12-10',
      renewBy: '2026-12-10',
    });
    assert.equal(alerts.length, 5);
    assert.deepEqual(
      homeAlerts(familyHome({ registerExtracts: [] }), '2026-01-01')
        .map((a) => a.code)
        .slice(0, 2),
      ['registerExtractMissing', 'registerExtractMissing'],
    );
  });
});

describe('more than three children in one family home is reported to IVO (SoF 16 kap. 2 §)', () => {
  it('the fourth child needs a notice, counting children placed by others', () => {
    const here = (id: string) => placement({ id, periods: [period('familyHome', '2026-01-15')] });
    const three = [here('a'), here('b'), here('c')];
    assert.equal(!!ivoNotice(familyHome(), three.slice(0, 2), '2026-02-01'), false);
    assert.equal(!!ivoNotice(familyHome(), three, '2026-02-01'), true);
    assert.equal(!!ivoNotice(familyHome({ placedByOthers: 1 }), three.slice(0, 1), '2026-02-01'), false);
    assert.equal(!!ivoNotice(familyHome({ placedByOthers: 3 }), [], '2026-02-01'), true);
    assert.equal(!!ivoNotice(familyHome(), three, '2026-01-14'), false, 'not yet placed that day');
    assert.equal(ivoNotice(familyHome(), three, '2026-02-01')!.referenceText, 'SoF (2025:468) 16 kap. 2 §');
  });
});
