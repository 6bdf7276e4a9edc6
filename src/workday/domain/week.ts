import { addDays, weekday } from '../../deadlines/calendar.ts';

/** ISO 8601 weeks (Swedish calendars count weeks this way) and local times in Stockholm. */

export interface Week {
  year: number;
  week: number;
  /** Monday. */
  from: string;
  /** Sunday. */
  to: string;
  days: string[];
}

/** The Monday of ISO week 1 of a year: the week that holds 4 January. */
function firstMonday(year: number): string {
  const jan4 = `${year}-01-04`;
  return addDays(jan4, -((weekday(jan4) + 6) % 7));
}

function weekStarting(monday: string, year: number, week: number): Week {
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return { year, week, from: monday, to: days[6]!, days };
}

/** The ISO week a date falls in. */
export function weekOf(date: string): Week {
  const monday = addDays(date, -((weekday(date) + 6) % 7));
  // The week belongs to the year of its Thursday.
  const year = Number(addDays(monday, 3).slice(0, 4));
  const week = Math.round((Date.parse(monday) - Date.parse(firstMonday(year))) / (7 * 86_400_000)) + 1;
  return weekStarting(monday, year, week);
}

/** Reads "2026-W49"; null for anything else, and for week 53 of a year that has 52. */
export function parseWeek(raw: string): Week | null {
  const match = /^([0-9]{4})-W([0-9]{2})$/.exec(raw);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 2000 || year > 2100 || week < 1 || week > 53) return null;
  const monday = addDays(firstMonday(year), (week - 1) * 7);
  const found = weekOf(monday);
  return found.year === year && found.week === week ? found : null;
}

export const weekKey = (w: Pick<Week, 'year' | 'week'>) => `${w.year}-W${String(w.week).padStart(2, '0')}`;
export const previousWeek = (w: Week) => weekOf(addDays(w.from, -7));
export const nextWeek = (w: Week) => weekOf(addDays(w.from, 7));

/** A time of day as typed: "9:30", "9.30", "09:30" or "930"; minutes since midnight, or null. */
export function parseTime(raw: string): number | null {
  const match = /^([0-9]{1,2})[:.]?([0-9]{2})$/.exec(raw.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

const stockholmParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The date and the time on the clock in Stockholm at an instant: ['2026-12-01', '09:30']. */
export function stockholmClock(instant: Date): [string, string] {
  const p = Object.fromEntries(stockholmParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return [`${p.year}-${p.month}-${p.day}`, `${p.hour}:${p.minute}`];
}

/** The instant a Stockholm date and clock time names (in the autumn's repeated hour, the first). */
export function stockholmInstant(date: string, minutes: number): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  // Start from summer time's offset: in the repeated autumn hour this lands on its first occurrence.
  let guess = wall - 2 * 3_600_000;
  for (let i = 0; i < 2; i++) {
    const [d, t] = stockholmClock(new Date(guess));
    const shown = Date.parse(`${d}T${t}:00Z`);
    guess += wall - shown;
  }
  return new Date(guess);
}
