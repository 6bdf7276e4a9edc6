/** Today's date in Sweden ('YYYY-MM-DD'), which is what every date rule in Samtak means by "today". */
export function todayInSweden(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
}

/** A timestamp as Swedes read it: 2026-11-24 14:05. */
export function formatDateTime(value: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(value);
}
