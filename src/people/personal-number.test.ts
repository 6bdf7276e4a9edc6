import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  generatePersonalNumber,
  luhnCheckDigit,
  type PersonalNumberError,
  parsePersonalNumber,
} from './personal-number.ts';

const today = '2026-11-24';

function errorOf(input: string, on = today): PersonalNumberError | 'ok' {
  const result = parsePersonalNumber(input, on);
  return result.ok ? 'ok' : result.error;
}

/** A real calendar date between 1900-01-01 and `today`, as YYYY-MM-DD. */
const pastDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${today}T00:00:00Z`), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const serial = fc.integer({ min: 0, max: 999 });

describe('the Luhn check digit', () => {
  it("matches Skatteverket's published example 811218-9876", () => {
    assert.equal(luhnCheckDigit('811218987'), 6);
    assert.equal(errorOf('811218-9876'), 'ok');
  });
});

describe('valid numbers, property by property', () => {
  it('accepts every generated number and gives back its birth date', () => {
    fc.assert(
      fc.property(pastDate, serial, (birthDate, n) => {
        const number = generatePersonalNumber(birthDate, n);
        const parsed = parsePersonalNumber(number, today);
        assert.ok(parsed.ok, number);
        assert.equal(parsed.value.birthDate, birthDate);
        assert.equal(parsed.value.normalized, number);
        assert.equal(parsed.value.isCoordinationNumber, false);
      }),
    );
  });

  it('accepts every generated coordination number (day + 60) and gives back the real birth date', () => {
    fc.assert(
      fc.property(pastDate, serial, (birthDate, n) => {
        const number = generatePersonalNumber(birthDate, n, { coordination: true });
        const parsed = parsePersonalNumber(number, today);
        assert.ok(parsed.ok, number);
        assert.equal(parsed.value.birthDate, birthDate);
        assert.equal(parsed.value.isCoordinationNumber, true);
      }),
    );
  });

  it('reads the 10-digit form with - as under 100 years and with + as 100 or older', () => {
    fc.assert(
      fc.property(pastDate, serial, (birthDate, n) => {
        const number = generatePersonalNumber(birthDate, n);
        const age = ageOn(birthDate, today);
        const separator = age >= 100 ? '+' : '-';
        const parsed = parsePersonalNumber(`${number.slice(2, 8)}${separator}${number.slice(8)}`, today);
        assert.ok(parsed.ok, `${number} as ${separator}`);
        assert.equal(parsed.value.normalized, number);
      }),
    );
  });

  it('accepts the same number with or without separator, and with spaces around it', () => {
    fc.assert(
      fc.property(pastDate, serial, (birthDate, n) => {
        const number = generatePersonalNumber(birthDate, n);
        for (const form of [number, `${number.slice(0, 8)}-${number.slice(8)}`, `  ${number} `]) {
          const parsed = parsePersonalNumber(form, today);
          assert.ok(parsed.ok && parsed.value.normalized === number, form);
        }
      }),
    );
  });
});

describe('invalid numbers, property by property', () => {
  it('refuses any single changed digit in the ten digits the check digit covers', () => {
    fc.assert(
      fc.property(
        pastDate,
        serial,
        fc.integer({ min: 2, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (birthDate, n, position, shift) => {
          const number = generatePersonalNumber(birthDate, n);
          const digit = (Number(number[position]) + shift) % 10;
          const changed = `${number.slice(0, position)}${digit}${number.slice(position + 1)}`;
          assert.notEqual(errorOf(changed), 'ok', `${number} → ${changed}`);
        },
      ),
    );
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const result = parsePersonalNumber(input, today);
        assert.equal(typeof result.ok, 'boolean');
      }),
    );
  });
});

describe('tricky dates and forms', () => {
  const cases: [string, string, PersonalNumberError | 'ok'][] = [
    ['a leap day in a leap year', generatePersonalNumber('2024-02-29', 123), 'ok'],
    ['a leap day in 2000 (divisible by 400)', generatePersonalNumber('2000-02-29', 123), 'ok'],
    ['a leap day in 1900 (not a leap year)', withCheckDigit('190002291234'), 'day'],
    ['a leap day in 2023', withCheckDigit('202302291234'), 'day'],
    ['31 April', withCheckDigit('201004311234'), 'day'],
    ['day 00', withCheckDigit('201004001234'), 'day'],
    ['month 13', withCheckDigit('201013011234'), 'month'],
    ['month 00', withCheckDigit('201000011234'), 'month'],
    ['a coordination number on a leap day (29 + 60 = 89)', withCheckDigit('202402891234'), 'ok'],
    ['a coordination number with day 92 (32 + 60)', withCheckDigit('201001921234'), 'day'],
    ['a coordination day on 29 February of a common year', withCheckDigit('202302891234'), 'day'],
    ['a birth date tomorrow', generatePersonalNumber('2026-11-25', 1), 'future'],
    ['a birth date today', generatePersonalNumber(today, 1), 'ok'],
    ['a wrong check digit', '201001011230', 'checksum'],
    ['eleven digits', '20100101123', 'format'],
    ['thirteen digits', '2010010112345', 'format'],
    ['letters', '2010O1011234', 'format'],
    ['Arabic-Indic digits', '٢٠١٠٠١٠١١٢٣٤', 'format'],
    ['two separators', '201001--1234', 'format'],
    ['a separator in the wrong place', '2010-01011234', 'format'],
    ['nothing', '   ', 'empty'],
    [
      'a 12-digit number with + for someone under 100',
      withPlus(generatePersonalNumber('1990-05-05', 7)),
      'century',
    ],
    [
      'a 12-digit number with + for someone over 100',
      withPlus(generatePersonalNumber('1920-05-05', 7)),
      'ok',
    ],
    // Issue 12: the century of a 12-digit number was not checked.
    ['a 12-digit number born in the year 181 (century 01)', '018112189876', 'tooOld'],
    ['a 12-digit number born in 1081 (century 10)', '108112189876', 'tooOld'],
    ['a 12-digit number with century 00 (no longer "in the future")', '008112189876', 'tooOld'],
    ['a birth 145 years ago, in 12 digits', '18811218-9876', 'tooOld'],
    ['a birth 145 years ago, in 10 digits with +', '811218+9876', 'tooOld'],
    ['a birth exactly 130 years ago', generatePersonalNumber('1896-11-24', 3), 'ok'],
    ['a birth 130 years and a day ago', generatePersonalNumber('1896-11-23', 3), 'tooOld'],
  ];
  for (const [name, input, expected] of cases) {
    it(`${expected === 'ok' ? 'accepts' : `refuses (${expected})`} ${name}`, () => {
      assert.equal(errorOf(input), expected, input);
    });
  }

  it('puts a 10-digit number with - born on this very date 100 years ago in this century', () => {
    const parsed = parsePersonalNumber(tenDigit(generatePersonalNumber('1926-11-24', 5), '-'), today);
    assert.ok(parsed.ok);
    assert.equal(parsed.value.birthDate, '2026-11-24');
  });

  it('puts the same number with + a hundred years earlier', () => {
    const parsed = parsePersonalNumber(tenDigit(generatePersonalNumber('1926-11-24', 5), '+'), today);
    assert.ok(parsed.ok);
    assert.equal(parsed.value.birthDate, '1926-11-24');
  });

  it('puts a 10-digit number of someone born tomorrow a century ago in the last century', () => {
    const parsed = parsePersonalNumber(tenDigit(generatePersonalNumber('1926-11-25', 5), '-'), today);
    assert.ok(parsed.ok);
    assert.equal(parsed.value.birthDate, '1926-11-25');
  });

  it('resolves the century against the given day, across New Year', () => {
    const number = tenDigit(generatePersonalNumber('2000-01-01', 9), '-');
    const before = parsePersonalNumber(number, '1999-12-31');
    const after = parsePersonalNumber(number, '2000-01-01');
    assert.ok(before.ok && after.ok);
    assert.equal(before.value.birthDate, '1900-01-01');
    assert.equal(after.value.birthDate, '2000-01-01');
  });

  it('shows the number as YYYYMMDD-NNNN and reads the sex digit as registered', () => {
    const parsed = parsePersonalNumber('811218-9876', today);
    assert.ok(parsed.ok);
    assert.equal(parsed.value.display, '19811218-9876');
    assert.equal(parsed.value.sexHint, 'male');
  });
});

function withCheckDigit(elevenDigitsAndPlaceholder: string): string {
  const twelve = elevenDigitsAndPlaceholder;
  const nine = twelve.slice(2, 11);
  return `${twelve.slice(0, 11)}${luhnCheckDigit(nine)}`;
}

function withPlus(twelve: string): string {
  return `${twelve.slice(0, 8)}+${twelve.slice(8)}`;
}

function tenDigit(twelve: string, separator: '-' | '+'): string {
  return `${twelve.slice(2, 8)}${separator}${twelve.slice(8)}`;
}

function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
