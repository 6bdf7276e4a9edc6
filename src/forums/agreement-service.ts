import type { Kysely } from 'kysely';
import { liveIndicatorIds } from '../action-plans/live-indicators.ts';
import type { FieldError, FieldWarning } from '../collaboration/form.ts';
import { recordChange } from '../collaboration/history.ts';
import { type AccessScope, type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import { agreementsOfForum } from './agreement-queries.ts';
import { type AgreementVersionInput, validateAgreementVersion } from './agreements.ts';
import { projectStatuses, projectStepAllowed } from './joint-projects.ts';
import { type ProjectInput, readProjectForm } from './project-service.ts';
import { membersOf } from './queries.ts';
import { officer, openForum } from './service.ts';

/**
 * A forum's agreements and joint projects (docs/decisions/0136). Its members read them; its chair,
 * vice chair or secretary add agreements, their new versions and projects. Each write in one
 * transaction with its visible history and audit event; every text passes the guard.
 */

type Failure = { ok: false; errors: FieldError<string>[]; warnings: FieldWarning[] };

async function knownNames(scope: AccessScope, forumId: string) {
  const { organisations, representatives } = await membersOf(scope.db, forumId);
  return [...organisations.map((o) => o.name), ...representatives.map((r) => r.name)];
}

export async function agreementsPage(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  today: string,
) {
  return withAccess(db, context, async (scope) => {
    const forum = await openForum(scope, forumId, 'forum.read');
    const [agreements, members, projects, goals, canRecord] = await Promise.all([
      agreementsOfForum(scope.db, forumId, today),
      membersOf(scope.db, forumId),
      scope.db
        .selectFrom('forum_project')
        .selectAll()
        .where('forum_id', '=', forumId)
        .orderBy('created_at')
        .execute(),
      scope.db
        .selectFrom('forum_project_goal as g')
        .innerJoin('forum_project as p', 'p.id', 'g.project_id')
        .selectAll('g')
        .where('p.forum_id', '=', forumId)
        .orderBy('g.position')
        .execute(),
      officer(scope, forumId, ['chair', 'viceChair', 'secretary']),
    ]);
    return {
      forum,
      agreements,
      organisations: members.organisations,
      projects: projects.map((p) => ({ ...p, goals: goals.filter((g) => g.project_id === p.id) })),
      canRecord,
      indicatorIds: liveIndicatorIds,
      today,
    };
  });
}
export type AgreementsPage = Awaited<ReturnType<typeof agreementsPage>>;

/** A new agreement with its first version, or (with agreementId) the next version of one. */
export async function adoptAgreementVersion(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  agreementId: string | null,
  input: AgreementVersionInput,
  confirmed: boolean,
  today: string,
): Promise<{ ok: true; id: string } | Failure> {
  return withAccess(db, context, async (scope) => {
    await openForum(scope, forumId, 'forum.record');
    let previous: { version: number; valid_from: string; topic: string } | undefined;
    if (agreementId) {
      const agreement = await scope.db
        .selectFrom('forum_agreement')
        .select(['id', 'topic'])
        .where('id', '=', agreementId)
        .where('forum_id', '=', forumId)
        .forUpdate()
        .executeTakeFirst();
      if (!agreement) throw notFound();
      const latest = await scope.db
        .selectFrom('forum_agreement_version')
        .select(['version', 'valid_from', 'review_by', 'adopted_on', 'valid_until'])
        .where('agreement_id', '=', agreementId)
        .orderBy('version', 'desc')
        .executeTakeFirstOrThrow();
      previous = { ...latest, topic: agreement.topic };
    }
    const { organisations } = await membersOf(scope.db, forumId);
    const outcome = validateAgreementVersion(previous ? { ...input, topic: previous.topic } : input, {
      guard: { today, confirmed, knownNames: await knownNames(scope, forumId) },
      organisationIds: organisations.map((o) => o.id),
      previous: previous
        ? {
            version: previous.version,
            adoptedOn: '',
            validFrom: previous.valid_from,
            reviewBy: '',
            validUntil: null,
          }
        : null,
    });
    if (!outcome.ok) return outcome;
    const v = outcome.value;
    const id =
      agreementId ??
      (
        await scope.db
          .insertInto('forum_agreement')
          .values({
            forum_id: forumId,
            municipality_id: scope.actor.municipalityId,
            topic: v.topic,
            created_by: scope.actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    if (previous)
      // The version before ends the day before the new one starts.
      await scope.db
        .updateTable('forum_agreement_version')
        .set({ valid_until: dayBefore(v.validFrom) })
        .where('agreement_id', '=', id)
        .where('version', '=', previous.version)
        .execute();
    await scope.db
      .insertInto('forum_agreement_version')
      .values({
        agreement_id: id,
        version: (previous?.version ?? 0) + 1,
        title: v.title,
        party_organisation_ids: v.partyOrganisationIds,
        adopted_on: v.adoptedOn,
        adopted_by: v.adoptedBy,
        valid_from: v.validFrom,
        review_by: v.reviewBy,
        summary: v.summary,
        document_url: v.documentUrl,
        changes: v.changes,
        created_by: scope.actor.userId,
      })
      .execute();
    const action = previous ? 'reviseAgreement' : 'adoptAgreement';
    await recordChange(scope.db, scope.actor, {
      recordType: 'agreement',
      recordId: id,
      action,
      confirmedWarnings: outcome.warnings,
    });
    await scope.audit({ action: `forum.${action}`, recordType: 'agreement', recordId: id });
    return { ok: true, id };
  });
}

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export type { ProjectInput } from './project-service.ts';

/** A joint project with its goals; each goal may follow a Samtak indicator or a figure by hand. */
export async function startProject(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  input: ProjectInput,
  confirmed: boolean,
  today: string,
): Promise<{ ok: true; id: string } | Failure> {
  return withAccess(db, context, async (scope) => {
    await openForum(scope, forumId, 'forum.record');
    const form = await readProjectForm(scope, forumId, input, confirmed, today);
    if (!form.ok) return form;
    const v = form.value;
    const row = await scope.db
      .insertInto('forum_project')
      .values({
        forum_id: forumId,
        municipality_id: scope.actor.municipalityId,
        title: v.title,
        description: v.description,
        organisation_ids: v.organisationIds,
        lead_organisation_id: v.leadOrganisationId,
        starts_on: v.startsOn,
        ends_on: v.endsOn,
        status: v.startsOn && v.startsOn <= today ? 'ongoing' : 'planned',
        created_by: scope.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await scope.db
      .insertInto('forum_project_goal')
      .values(
        v.goals.map((g, position) => ({
          project_id: row.id,
          position,
          area: g.area,
          goal: g.goal,
          indicator_kind: form.indicators[position]?.kind ?? 'none',
          samtak_indicator_id: form.indicators[position]?.samtakIndicatorId ?? null,
          manual_indicator: form.indicators[position]?.manual ?? '',
          target_value: form.indicators[position]?.target ?? null,
        })),
      )
      .execute();
    await recordChange(scope.db, scope.actor, {
      recordType: 'jointProject',
      recordId: row.id,
      action: 'startProject',
      confirmedWarnings: form.warnings,
    });
    await scope.audit({ action: 'forum.startProject', recordType: 'jointProject', recordId: row.id });
    return { ok: true, id: row.id };
  });
}

/** A project moves on (planned → ongoing → finished, or stopped); the officers decide it. */
export async function moveProject(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  projectId: string,
  to: string | undefined,
): Promise<{ ok: true; id: string } | { ok: false }> {
  return withAccess(db, context, async (scope) => {
    await openForum(scope, forumId, 'forum.record');
    const project = await scope.db
      .selectFrom('forum_project')
      .select(['id', 'status'])
      .where('id', '=', projectId)
      .where('forum_id', '=', forumId)
      .forUpdate()
      .executeTakeFirst();
    if (!project) throw notFound();
    const next = projectStatuses.find((s) => s === to);
    if (!next || !projectStepAllowed(project.status, next)) return { ok: false };
    await scope.db.updateTable('forum_project').set({ status: next }).where('id', '=', project.id).execute();
    await recordChange(scope.db, scope.actor, {
      recordType: 'jointProject',
      recordId: project.id,
      action: `project.${next}`,
      confirmedWarnings: [],
    });
    await scope.audit({ action: 'forum.moveProject', recordType: 'jointProject', recordId: project.id });
    return { ok: true, id: project.id };
  });
}
