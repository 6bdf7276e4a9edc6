/**
 * Calendar dates as 'YYYY-MM-DD' strings and the Swedish holiday calendar. A date has no time zone:
 * arithmetic is done on UTC midnights so summer time never shifts a day.
 */

export type IsoDate = string;

const isoPattern = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

export function isIsoDate(value: string): boolean {
  if (!isoPattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function toUtc(date: IsoDate): Date {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/**
 * A period of months ends on the same day number in the last month, or on that month's last day
 * when it is shorter: 31 October + 4 months = 28 (or 29) February, never 3 March.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = toUtc(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtc(target);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return toUtc(date).getUTCDay();
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first date from `from` (inclusive) that falls on the given weekday. */
function firstWeekdayFrom(from: IsoDate, day: number): IsoDate {
  return addDays(from, (day - weekday(from) + 7) % 7);
}

export type HolidayName =
  | 'newYearsDay'
  | 'epiphany'
  | 'goodFriday'
  | 'easterSunday'
  | 'easterMonday'
  | 'mayDay'
  | 'ascensionDay'
  | 'whitSunday'
  | 'nationalDay'
  | 'midsummerEve'
  | 'midsummerDay'
  | 'allSaintsDay'
  | 'christmasEve'
  | 'christmasDay'
  | 'boxingDay'
  | 'newYearsEve';

/**
 * The days on which, besides Saturdays and Sundays, a statutory last day moves to the next weekday
 * (lag 1930:173 om beräkning av lagstadgad tid): the public holidays of lag 1989:253 om allmänna
 * helgdagar, and Midsummer Eve, Christmas Eve and New Year's Eve, which the 1930 act names.
 */
export function swedishHolidays(year: number): Map<IsoDate, HolidayName> {
  const easter = easterSunday(year);
  const y = String(year);
  const entries: [IsoDate, HolidayName][] = [
    [`${y}-01-01`, 'newYearsDay'],
    [`${y}-01-06`, 'epiphany'],
    [addDays(easter, -2), 'goodFriday'],
    [easter, 'easterSunday'],
    [addDays(easter, 1), 'easterMonday'],
    [`${y}-05-01`, 'mayDay'],
    [addDays(easter, 39), 'ascensionDay'],
    [addDays(easter, 49), 'whitSunday'],
    [`${y}-06-06`, 'nationalDay'],
    // Midsummer Day is the Saturday between 20 and 26 June; its Eve the Friday before.
    [addDays(firstWeekdayFrom(`${y}-06-20`, 6), -1), 'midsummerEve'],
    [firstWeekdayFrom(`${y}-06-20`, 6), 'midsummerDay'],
    // All Saints' Day is the Saturday between 31 October and 6 November.
    [firstWeekdayFrom(`${y}-10-31`, 6), 'allSaintsDay'],
    [`${y}-12-24`, 'christmasEve'],
    [`${y}-12-25`, 'christmasDay'],
    [`${y}-12-26`, 'boxingDay'],
    [`${y}-12-31`, 'newYearsEve'],
  ];
  return new Map(entries);
}

const cache = new Map<number, Map<IsoDate, HolidayName>>();
function holidaysOf(year: number) {
  let holidays = cache.get(year);
  if (!holidays) {
    holidays = swedishHolidays(year);
    cache.set(year, holidays);
  }
  return holidays;
}

export function holidayOn(date: IsoDate): HolidayName | undefined {
  return holidaysOf(Number(date.slice(0, 4))).get(date);
}

/** A weekday (vardag) in the sense of lag 1930:173: not a weekend, holiday or one of the three eves. */
export function isWorkingDay(date: IsoDate): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && holidayOn(date) === undefined;
}

/** The date itself when it is a working day, otherwise the next working day. */
export function nextWorkingDayFrom(date: IsoDate): IsoDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}
