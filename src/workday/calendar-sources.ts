import type { AccessScope } from '../platform/access/scope.ts';

/**
 * The calendar's extension point (docs/decisions/0062): each source gives the user's entries in a
 * range of days. The working day has three (booked visits and meetings, SIP meetings, the
 * deadlines of the user's cases); joint visits and placement visits plug in the same way:
 *
 *   contributes: { calendarSources: [myVisitsSource] }
 *
 * A loader runs in the page's (or the feed's) access scope after the calendar was authorised as
 * the user's own, and reads only what that user may see. What an entry says about a person is for
 * the page only: the feed takes the kind and the times, never the title, the place or the link.
 */

export type CalendarKind = 'visit' | 'meeting' | 'deadline';

export interface CalendarEntry {
  /** Stable across loads, unique across sources: `<source>:<record id>[:<key>]`. */
  uid: string;
  kind: CalendarKind;
  /** The day it is on (Stockholm), and the times when it has them. */
  date: string;
  start?: Date;
  end?: Date;
  /** What the page shows (may name the child); never in the feed. */
  title: string;
  place?: string;
  href?: string;
  /** Whose data the page shows, for its audit trail. */
  subjectPersonId?: string | null;
  recordType?: string;
  recordId?: string | null;
  /** The user's own appointment, which they may cancel. */
  appointmentId?: string;
}

export interface CalendarRange {
  userId: string;
  /** First and last day, inclusive. */
  from: string;
  to: string;
  today: string;
}

export interface CalendarSource {
  id: string;
  load(scope: AccessScope, range: CalendarRange): Promise<CalendarEntry[]>;
}

declare module '../platform/features.ts' {
  interface ExtensionPoints {
    calendarSources: CalendarSource;
  }
}
