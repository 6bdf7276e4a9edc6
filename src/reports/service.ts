import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Resource } from '../platform/access/policy.ts';
import { type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import {
  newReference,
  type ReportFieldError,
  type ReportInput,
  type ReportStage,
  validateReport,
} from './domain.ts';
import type { OrganisationKind, ReportChannel } from './schema.ts';

/** Filing concern reports, from the public, from professionals and from other systems. */

export interface ApiClientPrincipal {
  id: string;
  municipalityId: string;
  name: string;
  organisationKind: OrganisationKind;
}

const intake = (municipalityId: string): Resource => ({ type: 'reportIntake', municipalityId });

export type SubmitOutcome =
  | { ok: true; reference: string; receivedOn: string }
  | { ok: false; errors: ReportFieldError[] };

/**
 * Validates and stores a report and its audit event in one transaction; only then is the
 * reference returned, so a receipt always stands for a stored report, and a refused one leaves
 * nothing behind.
 */
export async function submitReport(
  db: Kysely<Database>,
  context: RequestContext,
  request: {
    municipalityId: string;
    input: ReportInput;
    form: 'public' | 'professional';
    channel: ReportChannel;
    today: string;
    apiClient?: ApiClientPrincipal;
  },
): Promise<SubmitOutcome> {
  const { municipalityId, today } = request;
  const input = request.apiClient
    ? {
        ...request.input,
        reporterOrganisationKind:
          request.input.reporterOrganisationKind ?? request.apiClient.organisationKind,
      }
    : request.input;
  const valid = validateReport(input, request.form, today);
  if (!valid.ok) return valid;
  const v = valid.value;
  return withAccess(db, context, async (scope) => {
    scope.authorize('report.submit', intake(municipalityId));
    // New reports land in the municipality's intake unit, where its manager sees them.
    const intakeUnit = await scope.db
      .selectFrom('unit')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('kind', '=', 'intake')
      .where('active', '=', true)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    const row = await scope.db
      .insertInto('report')
      .values({
        municipality_id: municipalityId,
        reference: newReference(),
        unit_id: intakeUnit?.id ?? null,
        received_on: today,
        channel: request.channel,
        reporter_kind: v.reporterKind,
        reporter_name: v.reporterName,
        reporter_phone: v.reporterPhone,
        reporter_email: v.reporterEmail,
        reporter_organisation: v.reporterOrganisation,
        reporter_organisation_kind: v.reporterOrganisationKind,
        reporter_title: v.reporterTitle,
        feedback_requested: v.feedbackRequested,
        submitted_by_user_id: context.actor?.userId ?? null,
        api_client_id: request.apiClient?.id ?? null,
        child_given_name: v.childGivenName,
        child_family_name: v.childFamilyName,
        child_personal_number: v.childPersonalNumber,
        child_birth_date: v.childBirthDate,
        child_whereabouts: v.childWhereabouts,
        concern: v.concern,
        guardians_informed: v.guardiansInformed,
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow();
    await scope.audit({
      action: 'report.submit',
      recordType: 'report',
      recordId: row.id,
      reason: request.apiClient ? `apiClient:${request.apiClient.name}` : request.channel,
    });
    return { ok: true as const, reference: row.reference, receivedOn: today };
  });
}

/**
 * How far a report has come, by its reference: received, being assessed, or assessed. Never the
 * outcome, the child or anything else: a professional who asked for feedback gets that from the
 * intake unit (SoL 14:1 a; OSL 26:1).
 */
export async function reportStage(
  db: Kysely<Database>,
  context: RequestContext,
  reference: string,
): Promise<ReportStage | null> {
  const row = await db
    .selectFrom('report as r')
    .leftJoin('child_case as c', (join) =>
      join.onRef('c.municipality_id', '=', 'r.municipality_id').onRef('c.id', '=', 'r.case_id'),
    )
    .select([
      'r.id',
      'r.municipality_id',
      'r.joined_ongoing',
      'r.protection_outcome',
      'r.case_id',
      'c.initial_decision',
    ])
    .where('r.reference', '=', reference)
    .executeTakeFirst();
  if (!row) return null;
  return withAccess(db, context, async (scope) => {
    scope.authorize('report.checkStatus', intake(row.municipality_id));
    await scope.audit({ action: 'report.checkStatus', recordType: 'report', recordId: row.id });
    if (row.initial_decision || row.joined_ongoing) return 'assessed';
    if (row.case_id || row.protection_outcome) return 'inAssessment';
    return 'received';
  });
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The API client a bearer token belongs to, if the token is known and the client active. */
export async function apiClientByToken(
  db: Kysely<Database>,
  token: string,
): Promise<ApiClientPrincipal | null> {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return null;
  const row = await db
    .selectFrom('api_client')
    .select(['id', 'municipality_id', 'name', 'organisation_kind'])
    .where('token_hash', '=', hashApiToken(token))
    .where('active', '=', true)
    // A deactivated municipality's tokens stop working with it (decision 0086).
    .where('municipality_id', 'in', (eb) =>
      eb.selectFrom('municipality').select('id').where('active', '=', true),
    )
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        municipalityId: row.municipality_id,
        name: row.name,
        organisationKind: row.organisation_kind,
      }
    : null;
}

/** Which municipality a public form is for: the given code, or the only one there is. */
export async function municipalityForForm(db: Kysely<Database>, code: string | undefined) {
  if (code) {
    return (
      (await db
        .selectFrom('municipality')
        .select(['id', 'code', 'name'])
        .where('code', '=', code)
        .where('active', '=', true)
        .executeTakeFirst()) ?? null
    );
  }
  const all = await db
    .selectFrom('municipality')
    .select(['id', 'code', 'name'])
    .where('active', '=', true)
    .orderBy('name')
    .limit(2)
    .execute();
  return all.length === 1 ? (all[0] ?? null) : null;
}

export async function allMunicipalities(db: Kysely<Database>) {
  return db
    .selectFrom('municipality')
    .select(['code', 'name'])
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}
