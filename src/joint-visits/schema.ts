import type { Generated, Selectable } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';
import type { ProtectionOutcome } from '../reports/schema.ts';

/**
 * Joint home visits with the police (migration 0010, docs/decisions/0066): social services and
 * the police go out together to a family right after an incident. A visit belongs to the concern
 * report (and so to its protection assessment and case); what the police may read of it is the
 * summary the family's consent covers.
 */

/** What a family may let the police read beyond the visit's frame (times, place, who took part). */
export const visitConsentKinds = ['summary', 'support', 'followUp'] as const;
export type VisitConsentKind = (typeof visitConsentKinds)[number];

export const supportResponses = ['accepted', 'partlyAccepted', 'declined', 'undecided'] as const;
export type SupportResponse = (typeof supportResponses)[number];

export const protectionOutcomes = [
  'immediateProtectionNeeded',
  'noImmediateProtection',
] as const satisfies readonly ProtectionOutcome[];

export interface JointVisitTable {
  id: Generated<string>;
  municipality_id: string;
  report_id: string;
  case_id: string | null;
  child_id: string;
  unit_id: string | null;
  police_organisation_id: string;
  police_reference: string;
  incident_at: Date;
  visit_at: Date;
  place: string;
  social_services_participants: string;
  police_participants: string;
  child_met_alone: boolean | null;
  child_not_met_alone_reason: string | null;
  childs_account: Generated<string>;
  risk_factors: Generated<string>;
  protective_factors: Generated<string>;
  protection_outcome: ProtectionOutcome | null;
  support_offered: Generated<string>;
  support_response: SupportResponse | null;
  police_summary: string | null;
  consent_given_by: string | null;
  consent_given_at: Date | null;
  consent_kinds: VisitConsentKind[] | null;
  consent_recorded_by: string | null;
  consent_recorded_at: Date | null;
  consent_withdrawn_at: Date | null;
  consent_withdrawn_by: string | null;
  consent_withdrawal_note: string | null;
  follow_up_on: string;
  follow_up_user_id: string;
  follow_up_done_on: string | null;
  follow_up_done_by: string | null;
  follow_up_note: string | null;
  recorded_by: string;
  recorded_at: CreatedAt;
}

export type JointVisit = Selectable<JointVisitTable>;

declare module '../platform/db/schema.ts' {
  interface Database {
    joint_visit: JointVisitTable;
  }
}
