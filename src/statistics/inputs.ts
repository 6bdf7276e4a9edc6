import type { DecisionOutcome, InitialDecision } from '../cases/schema.ts';
import type { IsoDate } from '../deadlines/calendar.ts';
import type { OrganisationKind, ReporterKind } from '../reports/schema.ts';

/**
 * The plain rows the indicators are computed from. Each is what one query reads (see
 * docs/design/statistics.md for the query behind each): the domain never sees a table. Rows that
 * do not exist yet in the database (placements, staff, workload) are the smallest shape the
 * figures need; the feature that owns them decides its tables and maps onto these.
 */

/** A child's case (`child_case`). */
export interface CaseRow {
  id: string;
  childId: string;
  /** The case's unit now: the investigating unit once an investigation is opened. */
  unitId: string;
  /**
   * The unit that made the initial assessment. `child_case.unit_id` is overwritten when the
   * investigation moves to another unit, so the wiring reads it from the first linked report's
   * `unit_id` (intake); null falls back to `unitId`.
   */
  intakeUnitId: string | null;
  /** The day the 14 days count from: the earliest report (decision 0013). */
  openedOn: IsoDate;
  initialDecision: InitialDecision | null;
  initialDecidedOn: IsoDate | null;
  investigationOpenedOn: IsoDate | null;
  decisionOutcome: DecisionOutcome | null;
  decidedOn: IsoDate | null;
  closedOn: IsoDate | null;
}

/** A recorded extension of a time limit (`deadline_extension`). */
export interface ExtensionRow {
  caseId: string;
  ruleId: 'initialAssessment' | 'investigation';
  extendedTo: IsoDate;
}

export type ChildSex = 'female' | 'male' | 'unknown';

/** A concern report (`report`), with the child's birth date and sex where known. */
export interface ReportRow {
  id: string;
  caseId: string | null;
  childId: string | null;
  /**
   * The intake unit that received it; the query falls back to its case's intake unit, so every
   * figure about reports counts a report under the same unit.
   */
  unitId: string | null;
  receivedOn: IsoDate;
  reporterKind: ReporterKind;
  organisationKind: OrganisationKind | null;
  joinedOngoing: boolean;
  /** `person.birth_date`, or the report's own `child_birth_date` while unlinked. */
  childBirthDate: IsoDate | null;
  /** From the identity number's ninth digit as registered; unknown without a number. */
  childSex: ChildSex;
}

// ---- Out-of-home care (designed in src/placements/; these are the fields the figures need) ----

/** The legal basis of the care: SoL, or LVU 2 § (home), 3 § (own behaviour), 6 § (immediate custody). */
export const careBases = ['sol', 'lvu2', 'lvu3', 'lvu6'] as const;
export type CareBasis = (typeof careBases)[number];

export const placementForms = [
  'familyHome',
  'kinshipFamilyHome',
  'emergencyHome',
  'residentialCare',
  'specialYouthHome',
  'supportedHousing',
  'protectedHousing',
] as const;
export type PlacementForm = (typeof placementForms)[number];

/** One decided intervention of out-of-home care or LVU (insats): one decision, one legal basis. */
export interface CareRow {
  id: string;
  childId: string;
  unitId: string;
  basis: CareBasis;
  /** Null while a placement is recorded before its decision is: an error the register names. */
  decidedOn: IsoDate | null;
  /** The day the care was carried out (verkställd): the six-month clocks count from it. */
  startedOn: IsoDate | null;
  endedOn: IsoDate | null;
}

/** One stretch in one home within a care; a move (omplacering) starts the next. */
export interface PlacementPeriodRow {
  id: string;
  careId: string;
  form: PlacementForm;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
}

/** A version of a care plan or an implementation plan (9 kap. 12–13 §§ SoL). */
export interface CarePlanRow {
  careId: string;
  kind: 'carePlan' | 'implementationPlan';
  establishedOn: IsoDate;
  /** The follow-up date the plan itself sets (10 kap. 3 § 3 SoF); null when it sets none. */
  followUpOn: IsoDate | null;
}

/** A recorded reconsideration (22 kap. 13 § SoL, 13 § LVU): the committee's decision date. */
export interface ReconsiderationRow {
  careId: string;
  heldOn: IsoDate;
}

/** A private talk with the placed child (22 kap. 11 § 2 SoL), recorded as held. */
export interface PrivateTalkRow {
  careId: string;
  heldOn: IsoDate;
}

// ---- Favourable decisions and when they were carried out (34 kap. SoL) ----

/**
 * A favourable decision on an intervention and its execution. Only decisions under 11 kap. 1 §
 * (or 12 kap. 1 §) SoL are reportable to IVO; LVU decisions are not.
 */
export interface FavourableDecisionRow {
  id: string;
  childId: string;
  unitId: string;
  /** The intervention, as its name in the managed list (`intervention_type`). */
  interventionKind: string;
  reportable: boolean;
  decidedOn: IsoDate;
  carriedOutOn: IsoDate | null;
  /** The execution was interrupted on this day and, if so, resumed on `resumedOn`. */
  interruptedOn: IsoDate | null;
  resumedOn: IsoDate | null;
  /** The decision stopped applying without being carried out (declined, moved away, …). */
  endedOn: IsoDate | null;
  /** The reasons for the delay, as recorded for IVO ("kortfattat ange skälen"). */
  delayReason: string | null;
}

/** A coordinated individual plan (`sip`), with the day social services started work on it. */
export interface SipRow {
  id: string;
  childId: string | null;
  /** The coordinator's unit. */
  unitId: string | null;
  /** The day a partner asked for the plan; null when social services started it. */
  requestedOn: IsoDate | null;
  /** The day work began: draft created, or the request taken up. */
  startedOn: IsoDate | null;
  agreedOn: IsoDate | null;
}

/** A stretch during which a worker was the child's responsible social worker. */
export interface ResponsibilityRow {
  childId: string;
  workerId: string;
  unitId: string;
  from: IsoDate;
  to: IsoDate | null;
}

/** A child–guardian link (`guardianship`); appointed guardians (god man) do not make a family. */
export interface GuardianshipRow {
  childId: string;
  guardianId: string;
  kind: 'guardian' | 'appointedGuardian';
}
