import type { Kysely } from 'kysely';
import type { ExampleFormValues } from '../good-practice/form-values.ts';
import { insertExample, type SaveOutcome } from '../good-practice/service.ts';
import { type AccessScope, type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import { conflict, notFound } from '../platform/http/errors.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { messages } from '../platform/i18n/messages.ts';
import { actionPlanTexts, visitTexts } from './i18n/index.ts';
import { organisationsOf, planOrganisationIds, planRow } from './queries.ts';
import { visitExampleTexts } from './visit-example-texts.ts';
import type { FindingAssessment, PlanSnapshot } from './visits.ts';

/**
 * A follow-up visit's report as a good example (docs/decisions/0139). The municipality's plan
 * owner (a manager, who writes the plan: `plan.write`) starts a draft of the kind `visitReport`
 * from a visit whose report is final, prefilled from the plan as frozen at the visit, the findings
 * per measure and the next steps agreed. The draft then goes the ordinary way of good examples
 * (written → reviewed by an editor of another organisation → published), and every text passes
 * the same guard. One example per visit.
 */

export interface VisitForExample {
  visit: { id: string; visitedOn: string; report: string };
  municipalityName: string;
  snapshot: PlanSnapshot;
  findings: { measureId: string; assessment: FindingAssessment; finding: string }[];
  nextSteps: { description: string; organisation: string; role: string; dueOn: string }[];
  contact: { name: string; role: string; email: string };
}

/** The draft's fields, in the writer's language, from what the visit froze and agreed. */
export function exampleValuesFromVisit(from: VisitForExample, lang: Lang): ExampleFormValues {
  const t = visitExampleTexts(lang);
  const p = actionPlanTexts(lang);
  const v = visitTexts(lang);
  const s = from.snapshot;
  const measures = s.areas.flatMap((a) => a.measures);
  const counts = (list: readonly { status: keyof typeof p.measure.statuses }[]) =>
    [
      t.measureCount(list.length),
      ...(['done', 'started', 'planned', 'dropped'] as const)
        .map((status) => [status, list.filter((m) => m.status === status).length] as const)
        .filter(([, n]) => n > 0)
        .map(([status, n]) => `${p.measure.statuses[status].toLowerCase()} ${n}`),
    ].join(', ');
  const adopted = s.plan.adoptedOn ? t.adopted(s.plan.adoptedOn, s.plan.adoptedByBody) : '';
  const problem = [
    t.planState(s.plan.title, s.plan.version, adopted),
    t.atVisit(from.visit.visitedOn, counts(measures)),
    ...s.areas.map((a) => `- ${t.areaLine(a.title, counts(a.measures))}`),
  ].join('\n');
  const measureTitle = (id: string) => measures.find((m) => m.id === id)?.title ?? '–';
  const findings = from.findings.map(
    (f) => `- ${measureTitle(f.measureId)} (${v.visit.assessments[f.assessment]}): ${f.finding}`,
  );
  const whatWasDone = [
    ...(from.visit.report.trim() ? [`${t.report}:`, from.visit.report.trim(), ''] : []),
    `${t.findings}:`,
    ...(findings.length ? findings : [t.noFindings]),
  ].join('\n');
  const results = [
    `${t.nextSteps}:`,
    ...from.nextSteps.map((n) => `- ${t.nextStep(n.description, `${n.organisation} (${n.role})`, n.dueOn)}`),
  ].join('\n');
  // The area most findings are about (the first area on a tie), and the themes of the areas.
  const areaOf = (measureId: string) => s.areas.find((a) => a.measures.some((m) => m.id === measureId))?.area;
  const tally = new Map<string, number>();
  for (const f of from.findings) {
    const area = areaOf(f.measureId);
    if (area) tally.set(area, (tally.get(area) ?? 0) + 1);
  }
  const area = [...tally.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? s.areas[0]?.area ?? '';
  const themes = [...new Set(s.areas.filter((a) => a.area === area).flatMap((a) => a.themes))];
  return {
    kind: 'visitReport',
    title: t.title(from.municipalityName, from.visit.visitedOn),
    area,
    themes,
    targetGroups: [],
    problem,
    whatWasDone,
    results,
    periodFrom: s.plan.adoptedOn ?? from.visit.visitedOn,
    periodTo: from.visit.visitedOn,
    contactName: from.contact.name,
    contactRole: from.contact.role,
    contactEmail: from.contact.email,
    tags: t.tag,
    evidence: 'localResult',
  };
}

/** The plan owner opens a reported visit of the plan for its example; 404, 403 or 409 otherwise. */
async function openVisit(scope: AccessScope, context: RequestContext, planId: string, visitId: string) {
  const plan = await planRow(scope.db, scope.actor.municipalityId, planId);
  if (!plan) throw notFound();
  scope.authorize('plan.write', {
    type: 'actionPlan',
    municipalityId: context.actor?.municipalityId ?? '',
    organisationIds: await planOrganisationIds(scope.db, planId),
    measureOwnerId: null,
  });
  const visit = await scope.db
    .selectFrom('plan_visit')
    .select(['id', 'visited_on', 'status', 'report', 'municipality_id'])
    .where('id', '=', visitId)
    .where('plan_id', '=', planId)
    .forUpdate()
    .executeTakeFirst();
  if (!visit) throw notFound();
  if (visit.status !== 'reported') throw conflict((lang) => visitExampleTexts(lang).refusals.notReported);
  const started = await scope.db
    .selectFrom('good_practice')
    .select('id')
    .where('source_visit_id', '=', visit.id)
    .executeTakeFirst();
  if (started) throw conflict((lang) => visitExampleTexts(lang).refusals.alreadyStarted);
  return { plan, visit };
}

async function visitForExample(
  scope: AccessScope,
  visit: { id: string; visited_on: string; report: string; municipality_id: string },
  lang: Lang,
): Promise<VisitForExample> {
  const [snapshot, findings, tasks, organisations, municipality, me] = await Promise.all([
    scope.db
      .selectFrom('plan_visit_snapshot')
      .select('snapshot')
      .where('visit_id', '=', visit.id)
      .executeTakeFirstOrThrow(),
    scope.db.selectFrom('plan_visit_finding').selectAll().where('visit_id', '=', visit.id).execute(),
    scope.db
      .selectFrom('plan_visit_task')
      .selectAll()
      .where('visit_id', '=', visit.id)
      .orderBy('position')
      .execute(),
    organisationsOf(scope.db, visit.municipality_id),
    scope.db
      .selectFrom('municipality')
      .select('name')
      .where('id', '=', visit.municipality_id)
      .executeTakeFirstOrThrow(),
    scope.db
      .selectFrom('user_account')
      .select(['display_name', 'email'])
      .where('id', '=', scope.actor.userId)
      .executeTakeFirstOrThrow(),
  ]);
  const stored = snapshot.snapshot;
  const frozen = (typeof stored === 'string' ? JSON.parse(stored) : stored) as PlanSnapshot;
  return {
    visit: { id: visit.id, visitedOn: String(visit.visited_on), report: visit.report },
    municipalityName: municipality.name,
    snapshot: frozen,
    findings: findings.map((f) => ({
      measureId: f.measure_id,
      assessment: f.assessment,
      finding: f.finding,
    })),
    nextSteps: tasks.map((task) => ({
      description: task.description,
      organisation: organisations.find((o) => o.id === task.owner_organisation_id)?.name ?? '–',
      role: task.owner_role,
      dueOn: String(task.due_on),
    })),
    contact: {
      name: me.display_name,
      role: messages(lang).roles[scope.actor.role],
      email: me.email ?? '',
    },
  };
}

/** The prefilled draft for the form (nothing is written until it is saved). */
export async function visitExampleDraft(
  db: Kysely<Database>,
  context: RequestContext,
  planId: string,
  visitId: string,
  lang: Lang,
): Promise<ExampleFormValues> {
  return withAccess(db, context, async (scope) => {
    const { visit } = await openVisit(scope, context, planId, visitId);
    return exampleValuesFromVisit(await visitForExample(scope, visit, lang), lang);
  });
}

/** Saves the draft as a good example of the kind `visitReport` that names the visit. */
export async function startVisitExample(
  db: Kysely<Database>,
  context: RequestContext,
  planId: string,
  visitId: string,
  input: Parameters<typeof insertExample>[2],
  confirmed: boolean,
  today: string,
): Promise<SaveOutcome> {
  return withAccess(db, context, async (scope) => {
    const { visit } = await openVisit(scope, context, planId, visitId);
    return insertExample(scope, context, input, confirmed, today, { sourceVisitId: visit.id });
  });
}
