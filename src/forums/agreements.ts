import { createReader, type Outcome, type TextGuard } from '../collaboration/form.ts';
import { addDays } from '../deadlines/calendar.ts';

/**
 * Agreements between organisations (överenskommelser) as versioned documents with a review date
 * and a reminder: JämtBus (2012, revised 2018), Stockholm's BUS (2001). One kind is required by
 * law: the municipality shall agree with the region on working together for children and young
 * people cared for outside their own home or placed in protected housing (7 kap. 2 § SoL
 * 2025:400). docs/decisions/0104.
 */

export const agreementTopics = [
  'childrenPlacedOutOfHome',
  'childrenAtRisk',
  'earlyCoordinatedEfforts',
  'mentalHealth',
  'substanceUse',
  'other',
] as const;
export type AgreementTopic = (typeof agreementTopics)[number];

/** What the law requires the municipality to agree on with the region, as data with its reference. */
export const statutoryAgreements = [
  {
    topic: 'childrenPlacedOutOfHome',
    counterpartKind: 'regionHealthCare',
    reference: '7 kap. 2 § första stycket första strecksatsen socialtjänstlagen (2025:400)',
    inForceFrom: '2025-07-01',
  },
] as const satisfies readonly {
  topic: AgreementTopic;
  counterpartKind: string;
  reference: string;
  inForceFrom: string;
}[];

/** A reminder this long before the review date. */
export const reviewReminderDays = 90;

export interface AgreementVersion {
  version: number;
  adoptedOn: string;
  validFrom: string;
  reviewBy: string;
  /** Set when the version was ended early or replaced by the next. */
  validUntil: string | null;
}

export interface AgreementVersionInput {
  title?: string;
  topic?: string;
  partyOrganisationIds?: string[];
  adoptedOn?: string;
  adoptedBy?: string;
  validFrom?: string;
  reviewBy?: string;
  summary?: string;
  documentUrl?: string;
  changes?: string;
}

export interface AgreementVersionValue {
  title: string;
  topic: AgreementTopic;
  partyOrganisationIds: string[];
  adoptedOn: string;
  adoptedBy: string;
  validFrom: string;
  reviewBy: string;
  summary: string;
  documentUrl: string | null;
  changes: string;
}

export type AgreementRefusal =
  | 'needsTwoParties'
  | 'reviewBeforeStart'
  | 'startsBeforePrevious'
  | 'changesRequired';

/**
 * A new version of an agreement. Two parties at least; the review date after the start; a later
 * version starts after the one before it and says what changed.
 */
export function validateAgreementVersion(
  input: AgreementVersionInput,
  context: {
    guard: TextGuard;
    organisationIds: readonly string[];
    previous: AgreementVersion | null;
  },
): Outcome<AgreementVersionValue, AgreementRefusal> {
  const form = createReader<AgreementRefusal>(context.guard);
  const title = form.text('title', input.title, { max: 300, required: true });
  const topic = form.oneOf('topic', input.topic, agreementTopics);
  const parties = form.ids('partyOrganisationIds', input.partyOrganisationIds, context.organisationIds);
  if (parties.length < 2) form.fail('partyOrganisationIds', 'needsTwoParties');
  const adoptedOn = form.date('adoptedOn', input.adoptedOn, { required: true });
  const adoptedBy = form.text('adoptedBy', input.adoptedBy, { max: 300, required: true, official: true });
  const validFrom = form.date('validFrom', input.validFrom, { required: true });
  const reviewBy = form.date('reviewBy', input.reviewBy, { required: true });
  if (validFrom && reviewBy && reviewBy <= validFrom) form.fail('reviewBy', 'reviewBeforeStart');
  if (validFrom && context.previous && validFrom <= context.previous.validFrom)
    form.fail('validFrom', 'startsBeforePrevious');
  const summary = form.text('summary', input.summary, { max: 8000, multiline: true });
  const documentUrl = form.webAddress('documentUrl', input.documentUrl);
  const changes = form.text('changes', input.changes, { max: 4000, multiline: true });
  if (context.previous && !changes) form.fail('changes', 'changesRequired');
  return form.done(() => ({
    title,
    topic,
    partyOrganisationIds: parties,
    adoptedOn: adoptedOn ?? '',
    adoptedBy,
    validFrom: validFrom ?? '',
    reviewBy: reviewBy ?? '',
    summary,
    documentUrl,
    changes,
  }));
}

/** The version in force on a day: the latest that has started and not ended. */
export function versionInForce<V extends AgreementVersion>(versions: readonly V[], on: string): V | null {
  return (
    [...versions]
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom))
      .find((v) => v.validFrom <= on && (v.validUntil === null || on <= v.validUntil)) ?? null
  );
}

export type ReviewState = 'current' | 'reviewSoon' | 'reviewOverdue' | 'notInForce';

/** Whether the agreement in force is due for review: the reminder starts 90 days before. */
export function reviewState(versions: readonly AgreementVersion[], today: string): ReviewState {
  const current = versionInForce(versions, today);
  if (!current) return 'notInForce';
  if (current.reviewBy < today) return 'reviewOverdue';
  return addDays(today, reviewReminderDays) >= current.reviewBy ? 'reviewSoon' : 'current';
}

/**
 * The statutory agreements a municipality lacks today: for each, whether an agreement on the topic
 * with an organisation of the required kind is in force.
 */
export function missingStatutoryAgreements(
  agreements: readonly {
    topic: AgreementTopic;
    partyKinds: readonly string[];
    versions: readonly AgreementVersion[];
  }[],
  today: string,
): (typeof statutoryAgreements)[number][] {
  return statutoryAgreements.filter(
    (rule) =>
      rule.inForceFrom <= today &&
      !agreements.some(
        (a) =>
          a.topic === rule.topic &&
          a.partyKinds.includes(rule.counterpartKind) &&
          versionInForce(a.versions, today) !== null,
      ),
  );
}
