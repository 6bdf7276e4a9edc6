import type { IsoDate } from '../deadlines/calendar.ts';
import type { RetentionRuleId } from './rules.ts';

/**
 * What the retention rules need to know about one person's file (personakt) and what they answer.
 * Plain data: the caller reads it from the tables (docs/design/retention.md says how).
 */

/** The kind of matter (ärende) a case is, as far as retention tells them apart. */
export type CaseKind =
  /** A child's protection or support: report, initial assessment, maybe an investigation (20 kap.). */
  | 'childWelfare'
  /** Paternity or parenthood under 1 kap. 9 § föräldrabalken. */
  | 'parentage'
  | 'adoption'
  /** An agreement on custody, residence or contact under 6 kap. föräldrabalken. */
  | 'custodyAgreement'
  | 'other';

export interface CaseFacts {
  id: string;
  kind: CaseKind;
  openedOn: IsoDate;
  /** The initial assessment's decision (20 kap. 2 §); null while undecided or not applicable. */
  initialDecision: 'openInvestigation' | 'noInvestigation' | null;
  /** Set when an investigation of the child's need of protection or support was opened. */
  investigationOpenedOn: IsoDate | null;
  /** The day the case was closed; null while open. */
  closedOn: IsoDate | null;
  /** For custody agreements: the day the committee approved it; null when it did not. */
  agreementApprovedOn?: IsoDate | null;
}

/** Where a child lived when placed (the glossary's `placementType`). */
export type PlacementType =
  | 'familyHome'
  | 'kinshipFamilyHome'
  | 'emergencyHome'
  | 'residentialCare'
  | 'specialYouthHome'
  | 'supportedHousing'
  | 'protectedHousing'
  | 'housingWithSpecialSupport'
  | 'otherPrivateHome'
  /** Care in the child's own home (e.g. LVU care at home): not a placement in 16 kap. 2 § 3. */
  | 'ownHome';

export interface PlacementFacts {
  id: string;
  /** The case whose decision it carried out. */
  caseId: string | null;
  placementType: PlacementType;
  /** The day the child actually moved in (verkställighet); null when it was never carried out. */
  startedOn: IsoDate | null;
  endedOn: IsoDate | null;
}

/** An intervention other than a placement; ongoing while it has no end date. */
export interface InterventionFacts {
  id: string;
  caseId: string | null;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
}

/** One record in the file: a report, a case, a note, the child's account, a plan, a document. */
export interface FileRecord {
  /** As in the audit trail's record_type: 'report', 'case', 'caseNote', 'childsVoice', 'sip', … */
  recordType: string;
  recordId: string;
  /** The case it belongs to; a case's own record names itself. */
  caseId: string | null;
  /** The placement it documents, if any. */
  placementId: string | null;
  /** The day the latest entry was made in this record (not the day the entry is about). */
  enteredOn: IsoDate;
  /** Handed over by a private provider for preservation (17 kap. 4 or 5 § SoL). */
  handedOverForPreservation?: boolean;
}

export interface RetentionInput {
  today: IsoDate;
  /** The municipality's four-digit code (the research sample of SoF 13 kap. 1 §). */
  municipalityCode: string;
  /** The person's register entry: `registeredOn` is the day it was made or last changed. */
  person: { personalNumber: string | null; birthDate: IsoDate | null; registeredOn: IsoDate };
  cases: readonly CaseFacts[];
  placements: readonly PlacementFacts[];
  interventions: readonly InterventionFacts[];
  records: readonly FileRecord[];
}

export interface RuleApplication {
  ruleId: RetentionRuleId;
  /** The references in force on the day of the assessment, formatted ("SoL (2025:400) 16 kap. 1 §"). */
  references: string[];
}

/**
 * Kept: `until` is the first day it could be culled if nothing changes; 'permanent' when never;
 * 'open' when no date can be given (an ongoing circumstance, or a person must review it).
 */
export type RecordVerdict =
  | { verdict: 'keep'; until: IsoDate | 'permanent' | 'open'; rules: RuleApplication[] }
  | { verdict: 'cull'; dueSince: IsoDate; completeBy: IsoDate; overdue: boolean; rules: RuleApplication[] };

export type RecordAssessment = { recordType: string; recordId: string } & RecordVerdict;

export type FileState =
  /** The duty to cull has not arisen: every record is kept. */
  | { state: 'active'; lastEntryOn: IsoDate; dueOn: IsoDate | null; ongoing: OngoingRef[] }
  /** Five years have passed since the last entry and nothing is ongoing. */
  | { state: 'due'; lastEntryOn: IsoDate; dueOn: IsoDate; completeBy: IsoDate; overdue: boolean };

export interface OngoingRef {
  type: 'case' | 'placement' | 'intervention';
  id: string;
}

export type ReviewReason =
  /** No usable date of birth: the rules of age 18, age 30 and the research birthday cannot be applied. */
  | 'birthDateUnknown'
  /** An entry or an end date after today: the data is wrong, so nothing is culled. */
  | 'dateAfterToday';

export interface RetentionAssessment {
  today: IsoDate;
  birthDate: IsoDate | null;
  file: FileState;
  records: RecordAssessment[];
  /** The person's register entry: in use, kept out of the working register with kept records, or culled. */
  person: { verdict: 'keep' | 'archive' | 'cull'; rules: RuleApplication[] };
  review: ReviewReason[];
}
