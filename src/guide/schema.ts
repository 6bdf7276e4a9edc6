import type { Generated, Selectable } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';

/**
 * The public support guide (migration 0003, issue 4). Public content, no personal data; editors'
 * actions are audited.
 */

/** Languages the guide is written in: the chrome and the entries. sv-x-lattlast is easy-to-read Swedish. */
export const guideLanguages = ['sv', 'sv-x-lattlast', 'en', 'ar', 'so', 'fa', 'ti', 'uk', 'fi'] as const;
export type GuideLanguage = (typeof guideLanguages)[number];

/** Languages a support can be given in (spoken with staff), wider than the guide's own languages. */
export const offeredLanguages = [
  'sv',
  'en',
  'ar',
  'so',
  'fa',
  'prs',
  'ti',
  'uk',
  'fi',
  'ku',
  'tr',
  'pl',
  'bs',
] as const;
export type OfferedLanguage = (typeof offeredLanguages)[number];

export const guideLevels = ['universal', 'targeted'] as const;
export type GuideLevel = (typeof guideLevels)[number];

export const guideOrganisationKinds = [
  'socialServices',
  'school',
  'childHealth',
  'youthClinic',
  'childPsychiatry',
  'primaryCare',
  'dentalCare',
  'voluntary',
] as const;
export type GuideOrganisationKind = (typeof guideOrganisationKinds)[number];

export const guideAccessRoutes = ['noReferral', 'contact', 'apply', 'referral'] as const;
export type GuideAccessRoute = (typeof guideAccessRoutes)[number];

export const guideSituations = [
  'worriedAboutChild',
  'parenting',
  'parentCognitiveDifficulties',
  'childAsNextOfKin',
  'newlyArrived',
  'schoolAbsence',
  'mentalHealth',
  'violence',
  'substanceUse',
  'developmentalDelay',
  'separation',
  'money',
  'healthAndBody',
] as const;
export type GuideSituation = (typeof guideSituations)[number];

export const guideRevisionStates = ['draft', 'reviewed', 'published', 'superseded', 'withdrawn'] as const;
export type GuideRevisionState = (typeof guideRevisionStates)[number];

export interface GuideEntryTable {
  municipality_id: string;
  id: Generated<string>;
  created_at: CreatedAt;
  created_by: string;
}

/**
 * One version of one entry in one language. Swedish revisions carry the facts (level, ages,
 * contact details...) as well as the text; translations carry text only.
 */
export interface GuideRevisionTable {
  municipality_id: string;
  id: Generated<string>;
  entry_id: string;
  lang: GuideLanguage;
  revision_no: number;
  state: GuideRevisionState;
  title: string;
  summary: string;
  for_whom: string;
  how_to_get: string;
  hours: string;
  level: GuideLevel | null;
  organisation_kind: GuideOrganisationKind | null;
  provider: string | null;
  age_from: number | null;
  age_to: number | null;
  situations: string[] | null;
  access: GuideAccessRoute | null;
  languages: string[] | null;
  interpreter: boolean | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  source_revision_id: string | null;
  search_text: string;
  edited_by: string;
  edited_at: Date;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  published_by: string | null;
  published_at: Date | null;
}
export type GuideRevision = Selectable<GuideRevisionTable>;

export type GuideChangeAction = 'created' | 'edited' | 'reviewed' | 'published' | 'withdrawn' | 'settings';
export interface GuideChangeTable {
  municipality_id: string;
  id: Generated<number>;
  entry_id: string | null;
  revision_id: string | null;
  lang: GuideLanguage | null;
  action: GuideChangeAction;
  fields: string[];
  actor_user_id: string;
  actor_name: string;
  occurred_at: Generated<Date>;
}

export interface GuideSettingTable {
  municipality_id: string;
  intake_phone: string;
  after_hours_phone: string;
  contact_email: string;
  contact_phone: string;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    guide_entry: GuideEntryTable;
    guide_revision: GuideRevisionTable;
    guide_change: GuideChangeTable;
    guide_setting: GuideSettingTable;
  }
}
