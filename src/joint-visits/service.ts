import type { Kysely } from 'kysely';
import { childSummary } from '../cases/queries.ts';
import type { CasePhase } from '../cases/schema.ts';
import { decide, type Resource } from '../platform/access/policy.ts';
import { type AccessScope, type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { AuditEntry } from '../platform/audit/audit.ts';
import type { Database } from '../platform/db/schema.ts';
import { conflict, notFound } from '../platform/http/errors.ts';
import { parseReference } from '../reports/domain.ts';
import type { JointVisitContext } from './access.ts';
import {
  type ConsentFacts,
  type ConsentInput,
  type FieldError,
  type FrameInput,
  measuresOf,
  policeSummaryOf,
  type RecordInput,
  unitFiguresOf,
  validateConsent,
  validateFrame,
  validateRecord,
} from './domain.ts';
import { jointVisitsTexts } from './i18n/index.ts';
import {
  followUpsOf,
  namesOf,
  organisationName,
  policeOrganisations,
  type ReportForVisit,
  reportForVisit,
  summariesForPolice,
  unitVisitsSince,
  type VisitFacts,
  visitFacts,
  visitsVisibleTo,
} from './queries.ts';

/**
 * What the pages and the API do with joint visits: every call is one transaction in which the
 * visit (or its report) is read, the policy decides, and the access is written to the audit trail
 * with the child as its subject (docs/decisions/0066).
 */

type Db = Kysely<Database>;
export type Outcome<T = { id: string }> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

interface ContextFacts {
  report_unit_id: string | null;
  case_unit_id: string | null;
  case_responsible_user_id: string | null;
  case_phase: CasePhase | null;
}

export function visitContext(
  f: ContextFacts,
  visit: {
    unit_id: string | null;
    recorded_by: string | null;
    police_organisation_id: string;
    consent_given_at: Date | null;
    consent_withdrawn_at: Date | null;
  },
): JointVisitContext {
  const unitIds = [f.case_unit_id, f.report_unit_id, visit.unit_id].filter((u): u is string => !!u);
  return {
    case: {
      unitIds: [...new Set(unitIds)],
      responsibleUserId: f.case_responsible_user_id,
      phase: f.case_phase ?? 'new',
    },
    recordedBy: visit.recorded_by,
    policeOrganisationId: visit.police_organisation_id,
    consent: visit.consent_given_at ? { withdrawn: !!visit.consent_withdrawn_at } : null,
  };
}

export const visitResource = (municipalityId: string, visit: JointVisitContext): Resource => ({
  type: 'jointVisit',
  municipalityId,
  visit,
});

const subjectOf = (f: { id: string; child_id: string }): Omit<AuditEntry, 'action'> => ({
  subjectPersonId: f.child_id,
  recordType: 'jointVisit',
  recordId: f.id,
});

export const consentOf = (v: {
  consent_given_at: Date | null;
  consent_kinds: ConsentFacts['kinds'];
  consent_withdrawn_at: Date | null;
}): ConsentFacts => ({
  givenAt: v.consent_given_at,
  kinds: v.consent_kinds,
  withdrawnAt: v.consent_withdrawn_at,
});

/** Runs work on one visit after the policy allowed the action; an unknown visit is a 404. */
async function onVisit<T>(
  db: Db,
  context: RequestContext,
  id: string,
  action:
    | 'jointVisit.read'
    | 'jointVisit.update'
    | 'jointVisit.recordConsent'
    | 'jointVisit.withdrawConsent'
    | 'jointVisit.completeFollowUp'
    | 'jointVisit.readSummary',
  work: (scope: AccessScope, facts: VisitFacts) => Promise<T>,
): Promise<T> {
  return withAccess(db, context, async (scope) => {
    const facts = await visitFacts(
      scope,
      id,
      action !== 'jointVisit.read' && action !== 'jointVisit.readSummary',
    );
    if (!facts) throw notFound();
    scope.authorize(action, visitResource(facts.municipality_id, visitContext(facts, facts)), {
      audit: subjectOf(facts),
    });
    const result = await work(scope, facts);
    await scope.audit({ action, ...subjectOf(facts) });
    return result;
  });
}

// ---- Recording a new visit ----

/** The report a visit is for, as the worker may record one for it; null when there is none to see. */
async function authorisedReport(scope: AccessScope, by: { id: string } | { reference: string }) {
  const report = await reportForVisit(scope, by);
  if (!report) {
    scope.authorize('jointVisit.list', {
      type: 'jointVisitRegister',
      municipalityId: scope.actor.municipalityId,
      unitId: scope.actor.unitId,
    });
    return null;
  }
  const context = visitContext(
    { ...report, report_unit_id: report.unit_id },
    {
      unit_id: scope.actor.unitId,
      recorded_by: scope.actor.userId,
      police_organisation_id: '',
      consent_given_at: null,
      consent_withdrawn_at: null,
    },
  );
  // Creating is decided on the report's case, not on the visit-to-be's recorder.
  scope.authorize(
    'jointVisit.create',
    visitResource(report.municipality_id, { ...context, recordedBy: null }),
    {
      audit: { subjectPersonId: report.child_id, recordType: 'report', recordId: report.id },
    },
  );
  return report;
}

export type NewVisitForm =
  | { found: false; reference: string }
  | {
      found: true;
      report: ReportForVisit;
      child: Awaited<ReturnType<typeof childSummary>> | null;
      police: { id: string; name: string }[];
    };

/** The form of a new visit for a report, found by its id or by the reference the worker typed. */
export async function newVisitForm(
  db: Db,
  context: RequestContext,
  by: { id: string } | { reference: string },
): Promise<NewVisitForm> {
  const reference = 'reference' in by ? parseReference(by.reference) : null;
  return withAccess(db, context, async (scope) => {
    if ('reference' in by && !reference) {
      scope.authorize('jointVisit.list', {
        type: 'jointVisitRegister',
        municipalityId: scope.actor.municipalityId,
        unitId: scope.actor.unitId,
      });
      return { found: false, reference: by.reference };
    }
    const report = await authorisedReport(scope, reference ? { reference } : by);
    if (!report) return { found: false, reference: 'reference' in by ? by.reference : '' };
    const child = report.child_id ? await childSummary(scope, report.child_id) : null;
    const police = await policeOrganisations(scope);
    await scope.audit({
      action: 'report.read',
      subjectPersonId: report.child_id,
      recordType: 'report',
      recordId: report.id,
      reason: 'jointVisitForm',
    });
    return { found: true, report, child, police };
  });
}

/** Records a visit for a report that is linked to its child. */
export async function createVisit(
  db: Db,
  context: RequestContext,
  reportId: string,
  input: FrameInput,
  now = new Date(),
): Promise<Outcome> {
  return withAccess(db, context, async (scope) => {
    const report = await authorisedReport(scope, { id: reportId });
    if (!report) throw notFound();
    if (!report.child_id) throw conflict((lang) => jointVisitsTexts(lang).reportNotLinked);
    const police = await policeOrganisations(scope);
    const valid = validateFrame(input, { now, policeOrganisationIds: police.map((p) => p.id) });
    if (!valid.ok) return valid;
    const v = valid.value;
    const row = await scope.db
      .insertInto('joint_visit')
      .values({
        municipality_id: report.municipality_id,
        report_id: report.id,
        case_id: report.case_id,
        child_id: report.child_id,
        unit_id: scope.actor.unitId,
        police_organisation_id: v.policeOrganisationId,
        police_reference: v.policeReference,
        incident_at: v.incidentAt,
        visit_at: v.visitAt,
        place: v.place,
        social_services_participants: v.socialServicesParticipants,
        police_participants: v.policeParticipants,
        follow_up_on: v.followUpOn,
        follow_up_user_id: scope.actor.userId,
        recorded_by: scope.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await scope.audit({
      action: 'jointVisit.create',
      ...subjectOf({ id: row.id, child_id: report.child_id }),
    });
    return { ok: true, value: { id: row.id } };
  });
}

// ---- The visit's page ----

/** The whole visit for social services: the file, the measures and what the police see. */
export async function readVisit(db: Db, context: RequestContext, id: string) {
  return onVisit(db, context, id, 'jointVisit.read', async (scope, facts) => {
    const [child, police, names] = await Promise.all([
      childSummary(scope, facts.child_id),
      organisationName(scope, facts.police_organisation_id),
      namesOf(scope, [
        facts.recorded_by,
        facts.consent_recorded_by,
        facts.consent_withdrawn_by,
        facts.follow_up_done_by,
      ]),
    ]);
    const allowed = (
      action:
        | 'jointVisit.update'
        | 'jointVisit.recordConsent'
        | 'jointVisit.withdrawConsent'
        | 'jointVisit.completeFollowUp',
    ) => decideFor(scope, action, facts);
    return {
      visit: facts,
      child,
      policeName: police,
      names,
      measures: measuresOf(facts, facts.report_received_at),
      policeSees: policeSummaryOf(facts),
      can: {
        update: allowed('jointVisit.update'),
        recordConsent: allowed('jointVisit.recordConsent'),
        withdrawConsent: allowed('jointVisit.withdrawConsent'),
        completeFollowUp: allowed('jointVisit.completeFollowUp'),
      },
    };
  });
}
export type VisitView = Awaited<ReturnType<typeof readVisit>>;

function decideFor(
  scope: AccessScope,
  action:
    | 'jointVisit.update'
    | 'jointVisit.recordConsent'
    | 'jointVisit.withdrawConsent'
    | 'jointVisit.completeFollowUp',
  facts: VisitFacts,
) {
  return decide(scope.actor, action, visitResource(facts.municipality_id, visitContext(facts, facts)))
    .allowed;
}

// ---- Consent, findings, follow-up ----

/** The family's consent to the police summary; a consent in force is not recorded over. */
export async function recordConsent(
  db: Db,
  context: RequestContext,
  id: string,
  input: ConsentInput,
): Promise<Outcome> {
  return onVisit(db, context, id, 'jointVisit.recordConsent', async (scope, facts) => {
    if (facts.consent_given_at && !facts.consent_withdrawn_at)
      throw conflict((lang) => jointVisitsTexts(lang).consentAlready);
    const valid = validateConsent(input);
    if (!valid.ok) return valid;
    const now = new Date();
    await scope.db
      .updateTable('joint_visit')
      .set({
        consent_given_by: valid.value.givenBy,
        consent_given_at: now,
        consent_kinds: valid.value.kinds,
        consent_recorded_by: scope.actor.userId,
        consent_recorded_at: now,
        consent_withdrawn_at: null,
        consent_withdrawn_by: null,
        consent_withdrawal_note: null,
      })
      .where('municipality_id', '=', facts.municipality_id)
      .where('id', '=', id)
      .execute();
    return { ok: true, value: { id } };
  });
}

/** The family withdraws its consent: from this moment the police see nothing of the visit. */
export async function withdrawConsent(
  db: Db,
  context: RequestContext,
  id: string,
  note: string | undefined,
): Promise<Outcome> {
  return onVisit(db, context, id, 'jointVisit.withdrawConsent', async (scope, facts) => {
    if (!facts.consent_given_at || facts.consent_withdrawn_at)
      throw conflict((lang) => jointVisitsTexts(lang).noConsentToWithdraw);
    const text = (note ?? '').replace(/\s+/g, ' ').trim();
    if (!text) return { ok: false, errors: [{ field: 'withdrawalNote', code: 'required' }] };
    if (text.length > 1000)
      return { ok: false, errors: [{ field: 'withdrawalNote', code: 'tooLong', max: 1000 }] };
    await scope.db
      .updateTable('joint_visit')
      .set({
        consent_withdrawn_at: new Date(),
        consent_withdrawn_by: scope.actor.userId,
        consent_withdrawal_note: text,
      })
      .where('municipality_id', '=', facts.municipality_id)
      .where('id', '=', id)
      .execute();
    return { ok: true, value: { id } };
  });
}

/** What was found at the visit; the police summary only under a consent that covers it. */
export async function recordFindings(
  db: Db,
  context: RequestContext,
  id: string,
  input: RecordInput,
): Promise<Outcome> {
  return onVisit(db, context, id, 'jointVisit.update', async (scope, facts) => {
    const valid = validateRecord(input, consentOf(facts));
    if (!valid.ok) return valid;
    const v = valid.value;
    await scope.db
      .updateTable('joint_visit')
      .set({
        child_met_alone: v.childMetAlone,
        child_not_met_alone_reason: v.childNotMetAloneReason,
        childs_account: v.childsAccount,
        risk_factors: v.riskFactors,
        protective_factors: v.protectiveFactors,
        protection_outcome: v.protectionOutcome,
        support_offered: v.supportOffered,
        support_response: v.supportResponse,
        police_summary: v.policeSummary,
      })
      .where('municipality_id', '=', facts.municipality_id)
      .where('id', '=', id)
      .execute();
    return { ok: true, value: { id } };
  });
}

/** The follow-up is done, with what it showed. */
export async function completeFollowUp(
  db: Db,
  context: RequestContext,
  id: string,
  note: string | undefined,
  today: string,
): Promise<Outcome> {
  return onVisit(db, context, id, 'jointVisit.completeFollowUp', async (scope, facts) => {
    if (facts.follow_up_done_on) throw conflict((lang) => jointVisitsTexts(lang).followUpAlreadyDone);
    const text = (note ?? '').replace(/\r\n?/g, '\n').trim();
    if (!text) return { ok: false, errors: [{ field: 'followUpNote', code: 'required' }] };
    if (text.length > 2000)
      return { ok: false, errors: [{ field: 'followUpNote', code: 'tooLong', max: 2000 }] };
    await scope.db
      .updateTable('joint_visit')
      .set({ follow_up_done_on: today, follow_up_done_by: scope.actor.userId, follow_up_note: text })
      .where('municipality_id', '=', facts.municipality_id)
      .where('id', '=', id)
      .execute();
    return { ok: true, value: { id } };
  });
}

// ---- The police's summaries ----

/** One visit's summary for the police: the frame and the parts the consent names, nothing else. */
export async function summaryForPolice(db: Db, context: RequestContext, id: string) {
  return onVisit(db, context, id, 'jointVisit.readSummary', async (_scope, facts) => {
    const summary = policeSummaryOf(facts);
    if (!summary) throw notFound();
    return summary;
  });
}

/** Every summary the police organisation may read now. */
export async function policeSummaries(db: Db, context: RequestContext) {
  return withAccess(db, context, async (scope) => {
    scope.authorize('jointVisit.listSummaries', {
      type: 'jointVisitRegister',
      municipalityId: scope.actor.municipalityId,
      unitId: null,
    });
    const rows = await summariesForPolice(scope, scope.actor.partnerOrganisationId ?? '');
    const summaries = rows.flatMap((r) => {
      const s = policeSummaryOf(r);
      return s ? [s] : [];
    });
    await scope.audit(
      { action: 'jointVisit.listSummaries', reason: String(summaries.length) },
      ...rows.map((r) => ({ action: 'jointVisit.listSummaries', ...subjectOf(r) })),
    );
    return summaries;
  });
}

// ---- Social services' list, the unit's figures and the follow-ups ----

const yearAgo = (now: Date) => new Date(now.getTime() - 365 * 86_400_000);

/** The visits the user may see, and for a manager the unit's figures over the last 12 months. */
export async function listVisits(db: Db, context: RequestContext, now = new Date()) {
  return withAccess(db, context, async (scope) => {
    const actor = scope.actor;
    scope.authorize('jointVisit.list', {
      type: 'jointVisitRegister',
      municipalityId: actor.municipalityId,
      unitId: actor.unitId,
    });
    const rows = await visitsVisibleTo(scope, actor);
    let figures = null;
    const figuresResource: Resource = {
      type: 'jointVisitRegister',
      municipalityId: actor.municipalityId,
      unitId: actor.unitId,
    };
    if (actor.unitId && decide(actor, 'jointVisit.readFigures', figuresResource).allowed) {
      scope.authorize('jointVisit.readFigures', figuresResource);
      figures = unitFiguresOf(await unitVisitsSince(scope, actor.unitId, yearAgo(now)));
    }
    await scope.audit(
      ...rows.map((r) => ({ action: 'jointVisit.list', ...subjectOf(r) })),
      ...(figures ? [{ action: 'jointVisit.readFigures', recordType: 'unit', recordId: actor.unitId }] : []),
      ...(rows.length || figures ? [] : [{ action: 'jointVisit.list', reason: 'empty' }]),
    );
    return { rows, figures };
  });
}

/** The user's follow-ups due, inside a page's own scope (the worklist, the start page). */
export async function followUpsIn(scope: AccessScope) {
  const actor = scope.actor;
  const register: Resource = {
    type: 'jointVisitRegister',
    municipalityId: actor.municipalityId,
    unitId: actor.unitId,
  };
  if (!decide(actor, 'jointVisit.list', register).allowed) return null;
  scope.authorize('jointVisit.list', register);
  const rows = await followUpsOf(scope, actor.userId);
  if (!rows.length) return null;
  await scope.audit(...rows.map((r) => ({ action: 'jointVisit.list', ...subjectOf(r), reason: 'followUp' })));
  return rows;
}
