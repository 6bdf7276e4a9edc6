import type { IsoDate } from '../deadlines/calendar.ts';
import type { ContactRecord } from './contacts.ts';
import type {
  CareDecision,
  DecisionMaker,
  LegalBasis,
  Placement,
  PlacementPeriod,
  PlacementType,
} from './model.ts';

/** Factories for the placement tests: fictional data, each test builds what it needs. */

export const committee: DecisionMaker = { kind: 'subcommittee', name: 'Individutskottet' };
export const official: DecisionMaker = { kind: 'official', name: 'Handläggare Test' };
export const court: DecisionMaker = { kind: 'court', name: 'Förvaltningsrätten i Sjövik' };

export function decision(
  basis: LegalBasis,
  decidedOn: IsoDate,
  more: Partial<CareDecision> = {},
): CareDecision {
  return {
    basis,
    decidedOn,
    decidedBy: basis === 'lvu2' || basis === 'lvu3' ? court : committee,
    executedOn: decidedOn,
    ...more,
  };
}

export function period(
  form: PlacementType,
  startedOn: IsoDate,
  more: Partial<PlacementPeriod> = {},
): PlacementPeriod {
  return { homeId: `home-${form}`, form, decidedOn: startedOn, decidedBy: committee, startedOn, ...more };
}

export function placement(more: Partial<Placement> = {}): Placement {
  const periods = more.periods ?? [period('familyHome', '2026-01-15')];
  return {
    id: 'placement-1',
    childId: 'child-1',
    caseId: 'case-1',
    decisions: more.decisions ?? [decision('sol', periods[0]?.decidedOn ?? '2026-01-15')],
    periods,
    end: null,
    designatedWorkerId: 'worker-1',
    ...more,
  };
}

let contacts = 0;
/** A visit made in the home, the child talked to alone, health attended to. */
export function contact(placementId: string, on: IsoDate, more: Partial<ContactRecord> = {}): ContactRecord {
  return {
    id: `contact-${++contacts}`,
    placementId,
    on,
    kind: 'visit',
    place: 'placementHome',
    outcome: 'made',
    childAlone: true,
    notAloneReason: null,
    attendedTo: ['health'],
    ...more,
  };
}
