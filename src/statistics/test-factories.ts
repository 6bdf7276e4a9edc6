import type { Scope } from './figures.ts';
import type { CaseRow, FavourableDecisionRow, ReportRow } from './inputs.ts';
import type { IvoDecision } from './ivo-report.ts';
import { parsePeriodKey } from './periods.ts';

/** Factories for the statistics tests: plain rows with fictional ids, overridden per test. */

let next = 0;
const nextId = () => ++next;

export function aCase(overrides: Partial<CaseRow> = {}): CaseRow {
  const n = nextId();
  return {
    id: `case-${n}`,
    childId: `child-${n}`,
    unitId: 'investigation-a',
    intakeUnitId: 'intake',
    openedOn: '2026-01-09',
    initialDecision: null,
    initialDecidedOn: null,
    investigationOpenedOn: null,
    decisionOutcome: null,
    decidedOn: null,
    closedOn: null,
    ...overrides,
  };
}

export function anyReport(overrides: Partial<ReportRow> = {}): ReportRow {
  return {
    id: `report-${nextId()}`,
    caseId: null,
    childId: null,
    unitId: 'intake',
    receivedOn: '2026-01-12',
    reporterKind: 'professional',
    organisationKind: 'school',
    joinedOngoing: false,
    childBirthDate: '2015-05-05',
    childSex: 'female',
    ...overrides,
  };
}

/** A favourable decision on a contact family, decided 15 January 2026, not yet carried out. */
export function aDecision(overrides: Partial<FavourableDecisionRow> = {}): FavourableDecisionRow {
  return {
    id: `decision-${nextId()}`,
    childId: 'child',
    unitId: 'open-care',
    interventionKind: 'Kontaktfamilj',
    reportable: true,
    decidedOn: '2026-01-15',
    carriedOutOn: null,
    interruptedOn: null,
    resumedOn: null,
    endedOn: null,
    delayReason: null,
    ...overrides,
  };
}

export function anIvoDecision(id: string, overrides: Partial<IvoDecision> = {}): IvoDecision {
  return {
    ...aDecision({ id, childId: `child-${id}`, delayReason: 'Ingen lämplig kontaktfamilj ännu.' }),
    sex: 'female',
    birthYear: 2016,
    ...overrides,
  };
}

export const scopeOf = (key: string, today: string, unitId: string | null = null): Scope => ({
  period: parsePeriodKey(key)!,
  today,
  unitId,
});
