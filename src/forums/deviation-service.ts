import type { Kysely } from 'kysely';
import { createReader, type FieldError, type FieldWarning, refused } from '../collaboration/form.ts';
import { recordChange } from '../collaboration/history.ts';
import { type AccessScope, type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import {
  type DeviationInput,
  type DeviationStep,
  type DeviationSummary,
  deviationStepRefusal,
  quarterlyReview,
  validateDeviation,
} from './deviations.ts';
import { quarterOf } from './meetings.ts';
import { actorOrganisationId, membersOf } from './queries.ts';
import { officer, openForum } from './service.ts';

/**
 * Collaboration deviations in a forum (docs/decisions/0135): any member reports one for its own
 * organisation about another member organisation; only the counterpart's staff answer; the chair,
 * vice chair or secretary mark them reviewed (at the quarter's meeting) and closed. Each change in
 * one transaction with its visible history and audit event; every text passes the guard.
 */

type Failure = { ok: false; errors: FieldError<string>[]; warnings: FieldWarning[] };

async function knownNames(scope: AccessScope, forumId: string) {
  const { organisations, representatives } = await membersOf(scope.db, forumId);
  return [...organisations.map((o) => o.name), ...representatives.map((r) => r.name)];
}

export async function deviationsPage(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  today: string,
  quarter: string | undefined,
) {
  return withAccess(db, context, async (scope) => {
    const forum = await openForum(scope, forumId, 'forum.read');
    const [rows, members, ownOrganisation, canReview] = await Promise.all([
      scope.db
        .selectFrom('forum_deviation')
        .selectAll()
        .where('forum_id', '=', forumId)
        .orderBy('reported_on', 'desc')
        .orderBy('created_at', 'desc')
        .execute(),
      membersOf(scope.db, forumId),
      actorOrganisationId(scope.db, scope.actor),
      officer(scope, forumId, ['chair', 'viceChair', 'secretary']),
    ]);
    const summaries: DeviationSummary[] = rows.map((r) => ({
      id: r.id,
      reportedOn: r.reported_on,
      status: r.status,
      category: r.category,
      reportingOrganisationId: r.reporting_organisation_id,
      counterpartOrganisationId: r.counterpart_organisation_id,
    }));
    const shown = quarter && /^[0-9]{4}-Q[1-4]$/.test(quarter) ? quarter : quarterOf(today);
    return {
      forum,
      deviations: rows,
      organisations: members.organisations,
      ownOrganisation,
      canReport: ownOrganisation !== null && members.organisations.some((o) => o.id === ownOrganisation),
      canReview,
      review: quarterlyReview(summaries, shown, today),
      today,
    };
  });
}
export type DeviationsPage = Awaited<ReturnType<typeof deviationsPage>>;

export async function reportDeviation(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  input: DeviationInput,
  confirmed: boolean,
  today: string,
): Promise<{ ok: true; id: string } | Failure> {
  return withAccess(db, context, async (scope) => {
    await openForum(scope, forumId, 'forum.read');
    const own = await actorOrganisationId(scope.db, scope.actor);
    const { organisations } = await membersOf(scope.db, forumId);
    // A representative named by person whose organisation is not a member reports for none.
    if (!own || !organisations.some((o) => o.id === own))
      return refused('_form', 'notAMember' as never) as Failure;
    const outcome = validateDeviation(input, {
      guard: { today, confirmed, knownNames: await knownNames(scope, forumId) },
      today,
      reportingOrganisationId: own,
      memberOrganisationIds: organisations.map((o) => o.id),
    });
    if (!outcome.ok) return outcome;
    const v = outcome.value;
    const row = await scope.db
      .insertInto('forum_deviation')
      .values({
        forum_id: forumId,
        municipality_id: scope.actor.municipalityId,
        reporting_organisation_id: own,
        counterpart_organisation_id: v.counterpartOrganisationId,
        occurred_on: v.occurredOn,
        reported_on: today,
        category: v.category,
        description: v.description,
        suggestion: v.suggestion,
        status: 'reported',
        reported_by: scope.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChange(scope.db, scope.actor, {
      recordType: 'deviation',
      recordId: row.id,
      action: 'deviationReported',
      confirmedWarnings: outcome.warnings,
    });
    await scope.audit({ action: 'forum.reportDeviation', recordType: 'deviation', recordId: row.id });
    return { ok: true, id: row.id };
  });
}

/** The counterpart's answer, or an officer's review or closing. */
export async function deviationStep(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  deviationId: string,
  step: DeviationStep,
  answerText: string | undefined,
  confirmed: boolean,
  today: string,
): Promise<{ ok: true; id: string } | Failure> {
  return withAccess(db, context, async (scope) => {
    await openForum(scope, forumId, step === 'answer' ? 'forum.read' : 'forum.record');
    const deviation = await scope.db
      .selectFrom('forum_deviation')
      .select(['id', 'status', 'counterpart_organisation_id'])
      .where('id', '=', deviationId)
      .where('forum_id', '=', forumId)
      .forUpdate()
      .executeTakeFirst();
    if (!deviation) throw notFound();
    const own = await actorOrganisationId(scope.db, scope.actor);
    const refusal = deviationStepRefusal(
      step,
      { status: deviation.status, counterpartOrganisationId: deviation.counterpart_organisation_id },
      own,
    );
    if (refusal) return refused('_form', refusal as never) as Failure;
    let answer = '';
    let warnings: FieldWarning[] = [];
    if (step === 'answer') {
      const form = createReader({ today, confirmed, knownNames: await knownNames(scope, forumId) });
      answer = form.text('answer', answerText, { max: 4000, required: true, multiline: true });
      const outcome = form.done(() => answer);
      if (!outcome.ok) return outcome;
      warnings = outcome.warnings;
    }
    const changes =
      step === 'answer'
        ? { status: 'answered' as const, answer, answered_on: today, answered_by: scope.actor.userId }
        : step === 'review'
          ? { status: 'reviewed' as const, reviewed_on: today }
          : { status: 'closed' as const };
    await scope.db.updateTable('forum_deviation').set(changes).where('id', '=', deviation.id).execute();
    const action = { answer: 'answerDeviation', review: 'reviewDeviation', close: 'closeDeviation' }[step];
    await recordChange(scope.db, scope.actor, {
      recordType: 'deviation',
      recordId: deviation.id,
      action,
      confirmedWarnings: warnings,
    });
    await scope.audit({ action: `forum.${action}`, recordType: 'deviation', recordId: deviation.id });
    return { ok: true, id: deviation.id };
  });
}
