// Formatters are made once: constructing an Intl.DateTimeFormat with a time zone costs tens of
// microseconds and, made per call, grows the process's memory by megabytes per thousand requests.
const swedishDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });
const swedishDateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});
const stockholmHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** Today's date in Sweden ('YYYY-MM-DD'), which is what every date rule in Samtak means by "today". */
export function todayInSweden(now = new Date()): string {
  return swedishDate.format(now);
}

/** A timestamp as Swedes read it: 2026-11-24 14:05. */
export function formatDateTime(value: Date): string {
  return swedishDateTime.format(value);
}

/** The hour (0–23) on the clock in Stockholm at an instant. */
export function hourInStockholm(instant: Date): number {
  return Number(stockholmHour.format(instant));
}
