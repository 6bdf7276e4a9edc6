import type { Kysely } from 'kysely';
import { type LiveIndicatorId, liveIndicatorIds } from '../action-plans/live-indicators.ts';
import { createReader, type FieldError, type FieldWarning, type TextGuard } from '../collaboration/form.ts';
import { recordChange } from '../collaboration/history.ts';
import { changesOf } from '../good-practice/queries.ts';
import { type AccessScope, type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import { conflict, notFound } from '../platform/http/errors.ts';
import { computeIndicators } from '../statistics/compute.ts';
import { showFigures } from '../statistics/present.ts';
import { indicatorData } from '../statistics/queries.ts';
import { type JointProjectInput, type JointProjectValue, validateJointProject } from './joint-projects.ts';
import { projectTexts } from './project-texts.ts';
import {
  fromStatistics,
  type RecordedValue,
  type ValueInput,
  validateManualValue,
  validateSnapshotPeriod,
  valuesByPeriod,
} from './project-values.ts';
import { membersOf } from './queries.ts';
import { officer, openForum } from './service.ts';

/**
 * A joint project's own page: its goals with their values over time, recording a value, and
 * editing the project (docs/decisions/0138). The forum's members read; its chair, vice chair or
 * secretary write, as they start projects (decision 0136). Each write in one transaction with its
 * visible history and audit event; every text passes the collaboration layer's guard.
 */

type Failure = { ok: false; errors: FieldError<string>[]; warnings: FieldWarning[] };

/** How each Samtak indicator a goal may follow is kept: a share as per cent, a count as it is. */
export const indicatorUnits: Record<LiveIndicatorId, 'percent' | 'count'> = {
  initialAssessmentWithin14Days: 'percent',
  sipsStarted: 'count',
};

export type ProjectInput = JointProjectInput & {
  indicators?: { kind?: string; samtakIndicatorId?: string; manual?: string }[];
  targets?: (string | undefined)[];
};

export interface GoalIndicator {
  kind: 'none' | 'samtak' | 'manual';
  samtakIndicatorId: string | null;
  manual: string;
  target: number | null;
}

async function knownNames(scope: AccessScope, forumId: string) {
  const { organisations, representatives } = await membersOf(scope.db, forumId);
  return [...organisations.map((o) => o.name), ...representatives.map((r) => r.name)];
}

/**
 * The project form read as a whole: the project (validateJointProject) and, for each goal kept
 * (a row left empty is dropped with its indicator), the indicator it follows and its target.
 */
export async function readProjectForm(
  scope: AccessScope,
  forumId: string,
  input: ProjectInput,
  confirmed: boolean,
  today: string,
): Promise<
  | {
      ok: true;
      value: JointProjectValue;
      indicators: GoalIndicator[];
      rows: number[];
      warnings: FieldWarning[];
    }
  | Failure
> {
  const { organisations } = await membersOf(scope.db, forumId);
  const guard: TextGuard = { today, confirmed, knownNames: await knownNames(scope, forumId) };
  const outcome = validateJointProject(input, {
    guard,
    memberOrganisationIds: organisations.map((o) => o.id),
  });
  const rows = (input.goals ?? [])
    .map((g, i) => ({ g, i }))
    .filter(({ g }) => g.goal?.trim() || g.area)
    .map(({ i }) => i);
  const form = createReader<'unknownIndicator'>(guard);
  const indicators = rows.map((i): GoalIndicator => {
    const given = input.indicators?.[i] ?? {};
    const target = form.number(`goals.${i}.target`, input.targets?.[i]);
    const kind = form.oneOf(`indicators.${i}.kind`, given.kind || 'none', [
      'none',
      'samtak',
      'manual',
    ] as const);
    if (kind === 'samtak') {
      const id = given.samtakIndicatorId ?? '';
      if (!(liveIndicatorIds as readonly string[]).includes(id))
        form.fail(`indicators.${i}.samtakIndicatorId`, 'unknownIndicator');
      return { kind, samtakIndicatorId: id, manual: '', target };
    }
    const manual =
      kind === 'manual'
        ? form.text(`indicators.${i}.manual`, given.manual, { max: 500, required: true })
        : '';
    return { kind, samtakIndicatorId: null, manual, target };
  });
  const checked = form.done(() => indicators);
  if (!outcome.ok || !checked.ok)
    return {
      ok: false,
      errors: [...(outcome.ok ? [] : outcome.errors), ...(checked.ok ? [] : checked.errors)],
      warnings: [...outcome.warnings, ...checked.warnings],
    };
  return {
    ok: true,
    value: outcome.value,
    indicators: checked.value,
    rows,
    warnings: [...outcome.warnings, ...checked.warnings],
  };
}

async function projectOfForum(scope: AccessScope, forumId: string, projectId: string, lock = false) {
  let query = scope.db
    .selectFrom('forum_project')
    .selectAll()
    .where('id', '=', projectId)
    .where('forum_id', '=', forumId);
  if (lock) query = query.forUpdate();
  const project = await query.executeTakeFirst();
  if (!project) throw notFound();
  return project;
}

async function goalsOf(db: Kysely<Database>, projectId: string) {
  return db
    .selectFrom('forum_project_goal')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('position')
    .execute();
}

/** Whether a project may still be changed: a finished or stopped one is kept as it ended. */
export const editable = (status: string) => status === 'planned' || status === 'ongoing';

export async function projectPage(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  projectId: string,
) {
  return withAccess(db, context, async (scope) => {
    const forum = await openForum(scope, forumId, 'forum.read');
    const project = await projectOfForum(scope, forumId, projectId);
    const [goals, values, members, changes, canRecord] = await Promise.all([
      goalsOf(scope.db, projectId),
      scope.db
        .selectFrom('forum_project_value as v')
        .innerJoin('user_account as u', 'u.id', 'v.recorded_by')
        .select([
          'v.id',
          'v.goal_id',
          'v.period_key',
          'v.period_from',
          'v.kind',
          'v.value',
          'v.suppressed',
          'v.source',
          'v.recorded_at',
          'u.display_name',
        ])
        .where('v.project_id', '=', projectId)
        .execute(),
      membersOf(scope.db, forumId),
      changesOf(scope.db, 'jointProject', projectId),
      officer(scope, forumId, ['chair', 'viceChair', 'secretary']),
    ]);
    const recorded: RecordedValue[] = values.map((v) => ({
      id: v.id,
      goalId: v.goal_id,
      periodKey: v.period_key,
      periodFrom: String(v.period_from),
      kind: v.kind,
      value: v.value === null ? null : Number(v.value),
      suppressed: v.suppressed,
      source: v.source,
      recordedBy: v.display_name,
      recordedAt: new Date(v.recorded_at),
    }));
    return {
      forum,
      project,
      organisations: members.organisations,
      goals: goals.map((g) => ({
        ...g,
        target_value: g.target_value === null ? null : Number(g.target_value),
        unit:
          g.indicator_kind === 'samtak'
            ? (indicatorUnits[g.samtak_indicator_id as LiveIndicatorId] ?? null)
            : null,
        periods: valuesByPeriod(recorded.filter((v) => v.goalId === g.id)),
      })),
      changes,
      canRecord,
      canEdit: canRecord && editable(project.status),
      indicatorIds: liveIndicatorIds,
    };
  });
}
export type ProjectPage = Awaited<ReturnType<typeof projectPage>>;

/**
 * A goal's value for a period: kept by hand (a number and its source), or a snapshot of the
 * Samtak indicator the goal follows, computed by the statistics feature for the project's
 * municipality and that period with small numbers suppressed for everyone (partners read it).
 * A later value for the same period corrects the earlier, which is kept.
 */
export async function recordValue(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  projectId: string,
  goalId: string,
  input: ValueInput,
  confirmed: boolean,
  today: string,
): Promise<{ ok: true; id: string } | Failure> {
  return withAccess(db, context, async (scope) => {
    await openForum(scope, forumId, 'forum.record');
    const project = await projectOfForum(scope, forumId, projectId, true);
    const goal = await scope.db
      .selectFrom('forum_project_goal')
      .selectAll()
      .where('id', '=', goalId)
      .where('project_id', '=', project.id)
      .executeTakeFirst();
    if (!goal) throw notFound();
    let row: {
      period: { key: string; from: string; to: string };
      kind: 'manual' | 'snapshot';
      value: number | null;
      suppressed: boolean;
      source: string;
      warnings: FieldWarning[];
    };
    if (goal.indicator_kind === 'manual') {
      const outcome = validateManualValue(input, {
        guard: { today, confirmed, knownNames: await knownNames(scope, forumId) },
        today,
      });
      if (!outcome.ok) return outcome;
      const v = outcome.value;
      row = {
        period: v.period,
        kind: 'manual',
        value: v.value,
        suppressed: false,
        source: v.source,
        warnings: outcome.warnings,
      };
    } else if (goal.indicator_kind === 'samtak' && goal.samtak_indicator_id) {
      const outcome = validateSnapshotPeriod(input.period, today);
      if (!outcome.ok) return outcome;
      const period = outcome.value;
      const id = goal.samtak_indicator_id as LiveIndicatorId;
      const data = await indicatorData(scope.db, project.municipality_id, period, today);
      const { figures } = computeIndicators(data, { period, today, unitId: null }, [id]);
      const shown = showFigures(figures, { suppress: true })[0];
      const value = shown && !shown.suppressed ? fromStatistics(shown.value, indicatorUnits[id]) : null;
      row = {
        period,
        kind: 'snapshot',
        value,
        suppressed: shown?.suppressed ?? false,
        source: '',
        warnings: [],
      };
    } else {
      return { ok: false, errors: [{ field: 'period', code: 'noIndicator' }], warnings: [] };
    }
    const saved = await scope.db
      .insertInto('forum_project_value')
      .values({
        project_id: project.id,
        goal_id: goal.id,
        period_key: row.period.key,
        period_from: row.period.from,
        period_to: row.period.to,
        kind: row.kind,
        value: row.value,
        suppressed: row.suppressed,
        source: row.source,
        recorded_by: scope.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChange(scope.db, scope.actor, {
      recordType: 'jointProject',
      recordId: project.id,
      action: row.kind === 'manual' ? 'project.value' : 'project.snapshot',
      note: row.period.key,
      confirmedWarnings: row.warnings,
    });
    await scope.audit({
      action: 'forum.recordProjectValue',
      recordType: 'jointProject',
      recordId: project.id,
      reason: row.kind,
    });
    return { ok: true, id: saved.id };
  });
}

/**
 * The officers change a planned or ongoing project: its title, description, organisations, lead,
 * dates and goals (1–3). Its status is not changed here (moveProject does that). A goal row
 * emptied is removed, unless values are recorded for it. A finished or stopped project is 409.
 */
export async function editProject(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  projectId: string,
  input: ProjectInput,
  confirmed: boolean,
  today: string,
): Promise<{ ok: true; id: string } | Failure> {
  return withAccess(db, context, async (scope) => {
    await openForum(scope, forumId, 'forum.record');
    const project = await projectOfForum(scope, forumId, projectId, true);
    if (!editable(project.status)) throw conflict((lang) => projectTexts(lang).refusals.notEditable ?? '');
    const form = await readProjectForm(scope, forumId, input, confirmed, today);
    if (!form.ok) return form;
    const goals = await goalsOf(scope.db, project.id);
    const kept = new Set(form.rows);
    const dropped = goals.filter((g) => !kept.has(g.position));
    if (dropped.length) {
      const withValues = await scope.db
        .selectFrom('forum_project_value')
        .select('goal_id')
        .where(
          'goal_id',
          'in',
          dropped.map((g) => g.id),
        )
        .execute();
      const ids = new Set(withValues.map((v) => v.goal_id));
      const blocked = dropped.filter((g) => ids.has(g.id));
      if (blocked.length)
        return {
          ok: false,
          errors: blocked.map((g) => ({ field: `goals.${g.position}.goal`, code: 'goalHasValues' })),
          warnings: [],
        };
      await scope.db
        .deleteFrom('forum_project_goal')
        .where(
          'id',
          'in',
          dropped.map((g) => g.id),
        )
        .execute();
    }
    const v = form.value;
    const before = {
      title: project.title,
      description: project.description,
      organisationIds: project.organisation_ids.join(),
      leadOrganisationId: project.lead_organisation_id,
      startsOn: project.starts_on ? String(project.starts_on) : null,
      endsOn: project.ends_on ? String(project.ends_on) : null,
    };
    await scope.db
      .updateTable('forum_project')
      .set({
        title: v.title,
        description: v.description,
        organisation_ids: v.organisationIds,
        lead_organisation_id: v.leadOrganisationId,
        starts_on: v.startsOn,
        ends_on: v.endsOn,
      })
      .where('id', '=', project.id)
      .execute();
    // Positions are renumbered in the order of the rows kept; moved out of the way first.
    await scope.db
      .updateTable('forum_project_goal')
      .set((eb) => ({ position: eb('position', '+', 100) }))
      .where('project_id', '=', project.id)
      .execute();
    let goalsChanged = dropped.length > 0;
    for (const [position, row] of form.rows.entries()) {
      const goal = v.goals[position]!;
      const indicator = form.indicators[position]!;
      const values = {
        position,
        area: goal.area,
        goal: goal.goal,
        indicator_kind: indicator.kind,
        samtak_indicator_id: indicator.samtakIndicatorId,
        manual_indicator: indicator.manual,
        target_value: indicator.target,
      };
      const existing = goals.find((g) => g.position === row);
      if (existing) {
        goalsChanged ||=
          existing.position !== position ||
          existing.area !== goal.area ||
          existing.goal !== goal.goal ||
          existing.indicator_kind !== indicator.kind ||
          existing.samtak_indicator_id !== indicator.samtakIndicatorId ||
          existing.manual_indicator !== indicator.manual ||
          (existing.target_value === null ? null : Number(existing.target_value)) !== indicator.target;
        await scope.db.updateTable('forum_project_goal').set(values).where('id', '=', existing.id).execute();
      } else {
        goalsChanged = true;
        await scope.db
          .insertInto('forum_project_goal')
          .values({ project_id: project.id, ...values })
          .execute();
      }
    }
    const after = {
      title: v.title,
      description: v.description,
      organisationIds: v.organisationIds.join(),
      leadOrganisationId: v.leadOrganisationId,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
    };
    const fields = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== after[k]);
    if (goalsChanged) fields.push('goals' as never);
    await recordChange(scope.db, scope.actor, {
      recordType: 'jointProject',
      recordId: project.id,
      action: 'editProject',
      fields,
      confirmedWarnings: form.warnings,
    });
    await scope.audit({ action: 'forum.editProject', recordType: 'jointProject', recordId: project.id });
    return { ok: true, id: project.id };
  });
}
