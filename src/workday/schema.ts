import type { Generated } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';

/** The working day's tables (migration 0008): notifications, booked visits and meetings, calendar feeds. */

export const notificationKinds = ['caseAssigned'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface WorkdayNotificationTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  kind: NotificationKind;
  case_id: string | null;
  child_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  read_at: Date | null;
}

export const appointmentKinds = ['visit', 'meeting'] as const;
export type AppointmentKind = (typeof appointmentKinds)[number];

export interface CalendarAppointmentTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  kind: AppointmentKind;
  case_id: string | null;
  starts_at: Date;
  ends_at: Date;
  place: Generated<string>;
  note: Generated<string>;
  created_at: CreatedAt;
  cancelled_at: Date | null;
}

export interface CalendarFeedTable {
  municipality_id: string;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    workday_notification: WorkdayNotificationTable;
    calendar_appointment: CalendarAppointmentTable;
    calendar_feed: CalendarFeedTable;
  }
}
