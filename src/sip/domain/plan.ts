import { addDays } from '../../deadlines/calendar.ts';
import type { ConsentContext, SipContext } from '../access.ts';
import type { SipStatus } from '../schema.ts';

/**
 * The rules of a coordinated individual plan (SIP) as plain functions: what the plan must hold
 * before the parties can agree to it, what a consent must say, how dates and statuses move.
 * SoL (2001:453) 2 kap. 7 §, SoL (2025:400) 10 kap. 8–9 §§ and HSL (2017:30) 16 kap. 4 §: the
 * plan says what efforts are needed, what each party is responsible for, what others will do, and which party leads it; it is made
 * with the child and, where appropriate, relatives; the individual (for a child, the guardians and
 * as far as maturity allows the child) consents. See docs/decisions/0031–0033.
 */

/** The law behind the plan, as it reads on a given day (the act was replaced on 1 July 2025). */
export function sipLegalReference(date: string): { socialServices: string; healthCare: string } {
  return {
    // The new act (in force 1 July 2025) carries the rule in 10 kap. 8–9 §§: docs/decisions/0031.
    socialServices:
      date < '2025-07-01'
        ? '2 kap. 7 § socialtjänstlagen (2001:453)'
        : '10 kap. 8–9 §§ socialtjänstlagen (2025:400)',
    healthCare: '16 kap. 4 § hälso- och sjukvårdslagen (2017:30)',
  };
}

/** How far ahead the worklists look: two weeks, so a meeting can still be booked. */
export const worklistHorizonDays = 14;

export type Due = 'overdue' | 'today' | 'soon' | 'later';

export function dueState(dueOn: string, today: string): Due {
  if (dueOn < today) return 'overdue';
  if (dueOn === today) return 'today';
  return dueOn <= addDays(today, worklistHorizonDays) ? 'soon' : 'later';
}

/** The policy's view of a plan, from what the queries loaded in the access's own transaction. */
export function sipContext(input: {
  status: SipStatus;
  coordinatorUserId: string | null;
  participantOrganisationIds: readonly string[];
  requestedByOrganisationId: string | null;
  consent: ConsentContext | null;
  today: string;
}): SipContext {
  return {
    status: input.status,
    coordinatorUserId: input.coordinatorUserId,
    participantOrganisationIds: input.participantOrganisationIds,
    requestedByOrganisationId: input.requestedByOrganisationId,
    consent: input.consent,
    asOf: input.today,
  };
}

export function clean(value: string | undefined): string {
  return (value ?? '')
    .normalize('NFC')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
