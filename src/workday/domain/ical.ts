/**
 * An iCalendar feed (RFC 5545) of times only: lines end in CRLF, long lines are folded at 75
 * octets, every event has a UID and a DTSTAMP. What goes in is decided by the caller; this writes
 * it correctly and escapes what it is given.
 */

export interface FeedEvent {
  uid: string;
  summary: string;
  /** An all-day event on a date, or a timed one. */
  when: { date: string } | { start: Date; end: Date };
}

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; each continuation begins with a space and holds 74 more.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.[0-9]{3}/, '');
const dateValue = (date: string) => date.replace(/-/g, '');
const nextDay = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export function icalendar(options: { name: string; events: readonly FeedEvent[]; now: Date }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Samtak//Samtak calendar//SV',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  const stamp = utcStamp(options.now);
  for (const event of options.events) {
    lines.push('BEGIN:VEVENT', `UID:${escapeText(event.uid)}`, `DTSTAMP:${stamp}`);
    if ('date' in event.when)
      lines.push(
        `DTSTART;VALUE=DATE:${dateValue(event.when.date)}`,
        `DTEND;VALUE=DATE:${dateValue(nextDay(event.when.date))}`,
      );
    else lines.push(`DTSTART:${utcStamp(event.when.start)}`, `DTEND:${utcStamp(event.when.end)}`);
    // A deadline is a whole day to keep in mind, not time taken from it.
    const transparency = 'date' in event.when ? 'TRANSPARENT' : 'OPAQUE';
    lines.push(
      `SUMMARY:${escapeText(event.summary)}`,
      `TRANSP:${transparency}`,
      'CLASS:PRIVATE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
