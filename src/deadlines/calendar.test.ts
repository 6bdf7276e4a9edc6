import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  addMonths,
  daysBetween,
  easterSunday,
  holidayOn,
  isIsoDate,
  isWorkingDay,
  nextWorkingDayFrom,
  swedishHolidays,
} from './calendar.ts';

describe('calendar arithmetic', () => {
  it('adds months ending on the last day of a shorter month', () => {
    assert.equal(addMonths('2025-10-31', 4), '2026-02-28');
    assert.equal(addMonths('2023-10-31', 4), '2024-02-29', 'leap year');
    assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2025-08-31', 6), '2026-02-28');
    assert.equal(addMonths('2025-12-15', 2), '2026-02-15', 'across a year end');
  });

  it('adds days across month and year ends and summer time', () => {
    assert.equal(addDays('2025-12-25', 14), '2026-01-08');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2025-03-29', 1), '2025-03-30');
    assert.equal(addDays('2025-03-30', 1), '2025-03-31', 'the night summer time begins');
    assert.equal(daysBetween('2025-10-25', '2025-10-27'), 2, 'the night summer time ends');
  });

  it('knows real calendar dates only', () => {
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2025-02-29'), false);
    assert.equal(isIsoDate('2025-13-01'), false);
    assert.equal(isIsoDate('20250101'), false);
    assert.throws(() => addDays('2025-02-30', 1), RangeError);
  });
});

describe('the Swedish holiday calendar', () => {
  it('computes Easter Sunday', () => {
    const known: Record<number, string> = {
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
      2285: '2285-03-22',
    };
    for (const [year, date] of Object.entries(known)) assert.equal(easterSunday(Number(year)), date);
  });

  it('has the Easter-based days: Good Friday, Easter Monday, Ascension Day and Whit Sunday', () => {
    assert.equal(holidayOn('2026-04-03'), 'goodFriday');
    assert.equal(holidayOn('2026-04-06'), 'easterMonday');
    assert.equal(holidayOn('2026-05-14'), 'ascensionDay');
    assert.equal(holidayOn('2026-05-24'), 'whitSunday');
  });

  it('puts Midsummer Eve on the Friday and Midsummer Day on the Saturday between 20 and 26 June', () => {
    assert.equal(holidayOn('2025-06-20'), 'midsummerEve');
    assert.equal(holidayOn('2025-06-21'), 'midsummerDay');
    assert.equal(holidayOn('2026-06-19'), 'midsummerEve');
    assert.equal(holidayOn('2026-06-20'), 'midsummerDay');
    assert.equal(holidayOn('2027-06-25'), 'midsummerEve');
    assert.equal(holidayOn('2027-06-26'), 'midsummerDay');
  });

  it("puts All Saints' Day on the Saturday between 31 October and 6 November", () => {
    assert.equal(holidayOn('2025-11-01'), 'allSaintsDay');
    assert.equal(holidayOn('2026-10-31'), 'allSaintsDay');
    assert.equal(holidayOn('2027-11-06'), 'allSaintsDay');
  });

  it('has the fixed days and the three eves of lag 1930:173, and sixteen days a year', () => {
    for (const date of [
      '2026-01-01',
      '2026-01-06',
      '2026-05-01',
      '2026-06-06',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-31',
    ])
      assert.ok(holidayOn(date), date);
    assert.equal(swedishHolidays(2026).size, 16);
  });

  it('finds the next working day over weekends and holidays', () => {
    assert.equal(isWorkingDay('2026-01-09'), true, 'a Friday');
    assert.equal(isWorkingDay('2026-01-10'), false, 'a Saturday');
    assert.equal(nextWorkingDayFrom('2026-01-10'), '2026-01-12');
    assert.equal(nextWorkingDayFrom('2026-04-03'), '2026-04-07', 'Good Friday to the Tuesday after Easter');
    assert.equal(nextWorkingDayFrom('2025-12-24'), '2025-12-29', 'Christmas');
    assert.equal(nextWorkingDayFrom('2025-12-31'), '2026-01-02', "New Year's Eve");
    assert.equal(nextWorkingDayFrom('2026-06-19'), '2026-06-22', 'Midsummer Eve');
    assert.equal(nextWorkingDayFrom('2026-01-12'), '2026-01-12', 'a working day stays');
  });
});
