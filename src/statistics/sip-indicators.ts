import { daysBetween } from '../deadlines/calendar.ts';
import { daysFigure, type Figure, inScope, type Scope, Tally, tableFigure } from './figures.ts';
import type { SipRow } from './inputs.ts';
import { contains } from './periods.ts';

/**
 * Coordinated individual plans (10 kap. 8–9 §§ SoL): how many were started, and how long a
 * partner who asked for one waited for an agreed plan ("arbetet med planen ska påbörjas genast").
 */

export const sipStarts = ['fromPartnerRequest', 'bySocialServices'] as const;

export function sipsStarted(sips: readonly SipRow[], scope: Scope): Figure {
  const tally = new Tally(sipStarts);
  for (const s of sips) {
    if (!contains(scope.period, s.startedOn) || s.startedOn! > scope.today || !inScope(scope, s.unitId))
      continue;
    tally.add(s.requestedOn ? 'fromPartnerRequest' : 'bySocialServices', s.id);
  }
  const table = tableFigure('sipsStarted', tally, sipStarts, [], 'started');
  return { ...table, value: tally.count('started'), valueFrom: ['started'] };
}

/** Days from a partner's request to the day every party had agreed, for plans agreed in the period. */
export function daysFromSipRequestToAgreedPlan(sips: readonly SipRow[], scope: Scope): Figure {
  const tally = new Tally(['agreed']);
  const days: number[] = [];
  for (const s of sips) {
    if (!s.requestedOn || !s.agreedOn || !contains(scope.period, s.agreedOn) || s.agreedOn > scope.today)
      continue;
    if (!inScope(scope, s.unitId)) continue;
    days.push(daysBetween(s.requestedOn, s.agreedOn));
    tally.add('agreed', s.id);
  }
  return daysFigure('daysFromSipRequestToAgreedPlan', days, tally, 'agreed');
}
