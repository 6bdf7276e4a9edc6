import type { Kysely } from 'kysely';
import { caseById, childsVoicesOf, interventionsOfCase, reportsOfCase, userName } from '../cases/queries.ts';
import { authorizeLookup, caseAudit, caseResource } from '../cases/service/step.ts';
import type { Action } from '../platform/access/policy.ts';
import { type AccessScope, type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { AuditEntry } from '../platform/audit/audit.ts';
import { todayInSweden } from '../platform/dates.ts';
import type { Database } from '../platform/db/schema.ts';
import {
  type ApplicationAnswer,
  applicationAnswers,
  type DispatchError,
  type DispatchInput,
  documentChoices,
  validateDispatch,
} from './domain.ts';
import {
  detailsOf,
  dispatchesOf,
  guardiansOf,
  insertDispatch,
  municipalityName,
  personFor,
  saveDetails,
} from './queries.ts';

/** The documents of a child's case: what they show, read in one scope and audited together. */

async function load(scope: AccessScope, caseId: string, action: Action) {
  const c = await caseById(scope, caseId, action !== 'document.read');
  if (!c) {
    authorizeLookup(scope);
    return null;
  }
  scope.authorize(action, caseResource(c), { audit: caseAudit(c, action) });
  const [child, guardians, reports, voices, interventions, details, dispatches, municipality, names] =
    await Promise.all([
      personFor(scope, c.child_id),
      guardiansOf(scope, c.child_id),
      reportsOfCase(scope, c.id),
      childsVoicesOf(scope, c.id),
      interventionsOfCase(scope, c.id),
      detailsOf(scope, c.id),
      dispatchesOf(scope, c.id),
      municipalityName(scope),
      Promise.all([
        userName(scope, c.responsible_user_id),
        userName(scope, c.initial_decided_by),
        userName(scope, c.decided_by),
      ]),
    ]);
  const today = scope.context.today ?? todayInSweden();
  const choices = documentChoices(c, { child, guardians }, reports, today);
  const [responsibleName, initialDeciderName, deciderName] = names;
  return {
    case: c,
    child,
    guardians,
    reports,
    voices,
    interventions,
    details: details ?? null,
    dispatches,
    municipality,
    responsibleName,
    initialDeciderName,
    deciderName,
    choices,
    today,
  };
}

export type DocumentsView = NonNullable<Awaited<ReturnType<typeof load>>>;

/** The guardians' names and addresses are on the page as the letters' recipients. */
function seen(view: DocumentsView, action: string): AuditEntry[] {
  return [
    caseAudit(view.case, action),
    ...view.guardians.map((g) => ({
      action: 'person.read',
      subjectPersonId: g.id,
      recordType: 'documentRecipient',
      recordId: view.case.id,
    })),
  ];
}

/** The case's documents, for the index page or one printed document. Null when there is no such case. */
export async function readDocuments(
  db: Kysely<Database>,
  context: RequestContext,
  caseId: string,
): Promise<DocumentsView | null> {
  return withAccess(db, context, async (scope) => {
    const view = await load(scope, caseId, 'document.read');
    if (view) await scope.audit(...seen(view, 'document.read'));
    return view;
  });
}

export type WriteOutcome<E> = { ok: true } | { ok: false; errors: E[] } | null;

/** Records that one of the case's documents was sent: validated whole, written and audited together. */
export async function recordDispatch(
  db: Kysely<Database>,
  context: RequestContext,
  caseId: string,
  input: DispatchInput,
): Promise<WriteOutcome<DispatchError>> {
  return withAccess(db, context, async (scope) => {
    const view = await load(scope, caseId, 'document.dispatch');
    if (!view) return null;
    const valid = validateDispatch(input, view.choices, view.today);
    if (!valid.ok) return valid;
    const { choice, method, sentOn, note } = valid.value;
    const id = await insertDispatch(scope, {
      case_id: view.case.id,
      document_kind: choice.kind,
      recipient: choice.recipient,
      recipient_name: choice.recipientName,
      method,
      sent_on: sentOn,
      note,
    });
    await scope.audit({
      action: 'document.dispatch',
      subjectPersonId: view.case.child_id,
      recordType: 'documentDispatch',
      recordId: id,
    });
    return { ok: true };
  });
}

export interface DetailsInput {
  proposal?: string | undefined;
  application?: string | undefined;
  appliedFor?: string | undefined;
}
export type DetailsError = {
  field: 'application' | 'appliedFor' | 'proposal';
  code: 'chooseAnswer' | 'appliedForRequired' | 'tooLong';
};

const detailsMax = 20_000;

export function validateDetails(
  input: DetailsInput,
):
  | { ok: true; value: { proposal: string; application: ApplicationAnswer; applied_for: string } }
  | { ok: false; errors: DetailsError[] } {
  const errors: DetailsError[] = [];
  const application = applicationAnswers.find((a) => a === input.application);
  const proposal = (input.proposal ?? '').trim();
  const appliedFor = (input.appliedFor ?? '').trim();
  if (!application) errors.push({ field: 'application', code: 'chooseAnswer' });
  if (application && application !== 'none' && !appliedFor)
    errors.push({ field: 'appliedFor', code: 'appliedForRequired' });
  if (proposal.length > detailsMax) errors.push({ field: 'proposal', code: 'tooLong' });
  if (appliedFor.length > detailsMax) errors.push({ field: 'appliedFor', code: 'tooLong' });
  if (errors.length || !application) return { ok: false, errors };
  return {
    ok: true,
    value: { proposal, application, applied_for: application === 'none' ? '' : appliedFor },
  };
}

/** Saves the proposed decision and whether the decision answered an application. */
export async function recordDetails(
  db: Kysely<Database>,
  context: RequestContext,
  caseId: string,
  input: DetailsInput,
): Promise<WriteOutcome<DetailsError>> {
  return withAccess(db, context, async (scope) => {
    const view = await load(scope, caseId, 'document.recordApplication');
    if (!view) return null;
    const valid = validateDetails(input);
    if (!valid.ok) return valid;
    await saveDetails(scope, view.case.id, valid.value);
    await scope.audit(caseAudit(view.case, 'document.recordApplication'));
    return { ok: true };
  });
}
