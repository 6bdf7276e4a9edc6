import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generatePersonalNumber } from '../people/personal-number.ts';
import type { CareRow, PlacementPeriodRow } from './inputs.ts';
import { type RegisterChild, type RegisterInput, registerRecords } from './register.ts';
import { layoutSamtak2017, serialiseRegister } from './register-layout.ts';
import { birthday, registerRules, validateRegister } from './register-validation.ts';

const child = (childId: string, birthDate: string, o: Partial<RegisterChild> = {}): RegisterChild => ({
  childId,
  personalNumber: generatePersonalNumber(birthDate, 123),
  temporaryId: null,
  birthDate,
  sex: 'female',
  countryOfBirth: 'SE',
  motherCountryOfBirth: 'SE',
  fatherCountryOfBirth: 'FI',
  guardianSituation: 'bothParents',
  unaccompanied: false,
  ...o,
});
const care = (id: string, childId: string, o: Partial<CareRow> = {}): CareRow => ({
  id,
  childId,
  unitId: 'placement',
  basis: 'sol',
  decidedOn: '2024-05-30',
  startedOn: '2024-06-01',
  endedOn: null,
  ...o,
});
const placement = (
  id: string,
  careId: string,
  startedOn: string,
  endedOn: string | null,
  o: Partial<PlacementPeriodRow> = {},
) => ({ id, careId, form: 'familyHome', startedOn, endedOn, ...o }) satisfies PlacementPeriodRow;

/** The input, with lists a test may change. */
type Input = RegisterInput & {
  children: RegisterChild[];
  cares: CareRow[];
  placements: PlacementPeriodRow[];
};

/** A clean year: a move within a SoL care, LVU care at home, and cares that are not the year's. */
function cleanYear(): Input {
  return {
    year: 2025,
    municipalityCode: '9999',
    children: [
      child('a', '2012-04-02'),
      child('b', '2009-09-09', { sex: 'male' }),
      child('c', '2015-01-01'),
      child('d', '2016-01-01'),
    ],
    cares: [
      care('a1', 'a'),
      care('b1', 'b', { basis: 'lvu3', decidedOn: '2025-02-01', startedOn: '2025-02-01' }),
      care('c1', 'c', { decidedOn: '2025-03-01', startedOn: '2025-03-01' }), // SoL, never placed
      care('d1', 'd', { endedOn: '2024-12-31' }),
    ],
    placements: [
      placement('p1', 'a1', '2024-06-01', '2025-03-31'),
      placement('p2', 'a1', '2025-04-01', null, { form: 'residentialCare' }),
      placement('p3', 'd1', '2024-06-01', '2024-12-31'),
    ],
  };
}

describe('the register file of a year (HSLF-FS 2016:3)', () => {
  it('has every placement period of the year, a move numbered as a move, and LVU care without a placement', () => {
    const records = registerRecords(cleanYear());
    assert.deepEqual(
      records.map((r) => [r.row, r.child.childId, r.care.id, r.placement?.id ?? null, r.sequence]),
      [
        [1, 'a', 'a1', 'p1', 1],
        [2, 'a', 'a1', 'p2', 2],
        [3, 'b', 'b1', null, 0],
      ],
    );
  });

  it('writes one line per record in the layout, the separator never inside a field', () => {
    const input = cleanYear();
    input.cares[0] = { ...input.cares[0]!, id: 'a;1' };
    input.placements[0] = { ...input.placements[0]!, careId: 'a;1' };
    input.placements[1] = { ...input.placements[1]!, careId: 'a;1' };
    const file = serialiseRegister(registerRecords(input), input);
    const lines = file.split('\r\n');
    assert.equal(lines.length, 4, 'three lines and the final line end');
    assert.equal(
      lines[0],
      `9999;2025;P;${generatePersonalNumber('2012-04-02', 123)};;2;SE;SE;FI;1;0;a 1;SOL;20240530;20240601;;1;FH;20240601;20250331`,
    );
    assert.equal(lines[0]!.split(';').length, layoutSamtak2017.fields.length);
    assert.match(lines[2]!, /;LVU3;20250201;20250201;;0;;;$/);
  });

  it('finds nothing wrong in a clean year', () => {
    const input = cleanYear();
    const v = validateRegister(input, registerRecords(input), '2026-01-20');
    assert.deepEqual(v.findings, []);
    assert.equal(v.mayBeSent, true);
  });
});

describe('validation before the register file is sent', () => {
  function planted(): Input {
    const input = cleanYear();
    input.children.push(
      child('e', '2014-02-02', { personalNumber: '1402021234' }), // ten digits: incomplete
      child('f', '2004-03-10'), // turns 21 on 10 March 2025
      child('g', '2013-05-05', { personalNumber: null, temporaryId: 'T-0001', countryOfBirth: null }),
    );
    input.cares.push(
      care('e1', 'e', { decidedOn: null, startedOn: '2025-05-01' }),
      care('f1', 'f', { basis: 'lvu3', decidedOn: '2022-01-01', startedOn: '2022-01-01' }),
      care('g1', 'g', { decidedOn: '2025-01-10', startedOn: '2025-01-10' }),
    );
    input.placements.push(
      placement('p-e', 'e1', '2025-05-01', null),
      placement('p-f', 'f1', '2022-01-01', null, { form: 'specialYouthHome' }),
      placement('p-g1', 'g1', '2025-01-10', '2025-01-05'), // ends before it starts
      placement('p-g2', 'g1', '2025-02-01', null),
    );
    return input;
  }

  it('names the row of each planted error with its rule and severity', () => {
    const input = planted();
    const records = registerRecords(input);
    const v = validateRegister(input, records, '2026-01-20');
    const rowOf = (placementId: string) => records.find((r) => r.placement?.id === placementId)!.row;
    const found = v.findings.map((f) => [f.code, f.severity, f.row]);
    assert.deepEqual(found, [
      ['BU07', 'error', rowOf('p-e')],
      ['BU08', 'error', rowOf('p-e')],
      ['BU10', 'error', rowOf('p-f')],
      ['BU04', 'fatal', rowOf('p-g1')],
      ['BU17', 'warning', rowOf('p-g2')],
      ['BU19', 'warning', rowOf('p-g2')],
    ]);
    assert.deepEqual(v.counts, { fatal: 1, error: 3, warning: 2 });
    assert.equal(v.mayBeSent, false);
    assert.equal(v.findings[0]!.childId, 'e');
  });

  it('lets LVU 3 § care end on the 21st birthday, not the day after', () => {
    assert.equal(birthday('2004-03-10', 21), '2025-03-10');
    assert.equal(birthday('2008-02-29', 18), '2026-02-28');
    const input = cleanYear();
    input.children.push(child('f', '2004-03-10'));
    input.cares.push(
      care('f1', 'f', {
        basis: 'lvu3',
        decidedOn: '2022-01-01',
        startedOn: '2022-01-01',
        endedOn: '2025-03-10',
      }),
    );
    assert.deepEqual(validateRegister(input, registerRecords(input), '2026-01-20').findings, []);
    input.cares[input.cares.length - 1] = { ...input.cares.at(-1)!, endedOn: '2025-03-11' };
    assert.deepEqual(
      validateRegister(input, registerRecords(input), '2026-01-20').findings.map((f) => f.code),
      ['BU10'],
    );
  });

  it('finds overlapping placements, gaps at a move, a placement before its decision and a year not yet over', () => {
    const input = cleanYear();
    input.placements[1] = { ...input.placements[1]!, startedOn: '2025-03-15' }; // overlaps p1
    input.children.push(child('h', '2011-01-01'));
    input.cares.push(care('h1', 'h', { decidedOn: '2025-06-10', startedOn: '2025-06-01' }));
    input.placements.push(
      placement('p-h1', 'h1', '2025-06-01', '2025-06-30'),
      placement('p-h2', 'h1', '2025-07-05', null),
    );
    const v = validateRegister(input, registerRecords(input), '2025-12-31');
    assert.deepEqual(
      v.findings.map((f) => f.code),
      ['BU02', 'BU13', 'BU09', 'BU18'],
    );
  });

  it('warns of a missing country of birth only when it is missing (BU19 the child, BU22 a parent)', () => {
    const codesOf = (o: Partial<RegisterChild>) => {
      const input = cleanYear();
      input.children[0] = { ...input.children[0]!, ...o };
      return validateRegister(input, registerRecords(input), '2026-01-20').findings.map((f) => f.code);
    };
    assert.deepEqual(codesOf({}), [], 'child SE, mother SE, father FI: nothing to warn of');
    assert.deepEqual(codesOf({ countryOfBirth: null }), ['BU19']);
    assert.deepEqual(codesOf({ fatherCountryOfBirth: null }), ['BU22']);
    assert.deepEqual(codesOf({ countryOfBirth: null, motherCountryOfBirth: null }), ['BU19', 'BU22']);
    // One parent as guardian: that parent's country is enough.
    assert.deepEqual(codesOf({ guardianSituation: 'oneParent', fatherCountryOfBirth: null }), []);
    assert.deepEqual(
      codesOf({ guardianSituation: 'oneParent', motherCountryOfBirth: null, fatherCountryOfBirth: null }),
      ['BU22'],
    );
    // An unaccompanied child with an appointed guardian: no parent is registered to ask about.
    assert.deepEqual(
      codesOf({
        guardianSituation: 'appointedGuardian',
        unaccompanied: true,
        countryOfBirth: 'AF',
        motherCountryOfBirth: null,
        fatherCountryOfBirth: null,
      }),
      [],
    );
    // Given once per child, on the child's first row, even with several rows (child a moved).
    const input = cleanYear();
    input.children[0] = { ...input.children[0]!, countryOfBirth: null };
    const records = registerRecords(input);
    const bu19 = validateRegister(input, records, '2026-01-20').findings.filter((f) => f.code === 'BU19');
    assert.equal(bu19.length, 1);
    assert.equal(bu19[0]!.row, records.find((r) => r.child.childId === 'a')!.row);
  });

  it('writes the countries of birth into fields 7 to 9', () => {
    const input = cleanYear();
    input.children[0] = { ...input.children[0]!, countryOfBirth: 'SY', motherCountryOfBirth: 'SY' };
    const records = registerRecords(input);
    const line = serialiseRegister(records, input, layoutSamtak2017)
      .split('\r\n')
      .find((l) => l.includes(input.children[0]!.personalNumber!))!;
    assert.deepEqual(line.split(';').slice(6, 9), ['SY', 'SY', 'FI']);
  });

  it('has a unique code for every rule', () => {
    const codes = Object.values(registerRules).map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
  });
});

describe('the documented field list and rules', () => {
  it('lists every field of the layout in order and every rule with its severity', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/statistics-reporting.md'), 'utf8');
    layoutSamtak2017.fields.forEach((f, i) => {
      assert.ok(doc.includes(`| ${i + 1} | ${f.name} |`), `field ${i + 1} ${f.name}`);
    });
    for (const rule of Object.values(registerRules)) {
      assert.ok(doc.includes(`| ${rule.code} | ${rule.severity} |`), rule.code);
    }
  });
});
