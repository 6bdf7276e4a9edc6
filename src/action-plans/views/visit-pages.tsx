import { GuardWarnings } from '../../collaboration/guard-warnings.tsx';
import { collaborationTexts } from '../../collaboration/i18n/index.ts';
import { goodPracticeTexts } from '../../good-practice/i18n/index.ts';
import { day, labelsOf } from '../../good-practice/views/shared.tsx';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import type { Coordinator } from '../coordinator-gate.ts';
import { actionPlanTexts, visitTexts } from '../i18n/index.ts';
import type { planContents } from '../service.ts';
import type { VisitPage } from '../visit-service.ts';
import { findingAssessments, type PlanSnapshot, snapshotDigest } from '../visits.ts';
import { CoordinatorFrame, coordinatorHref } from './coordinator-pages.tsx';

export type VisitFormValues = Record<string, string | string[] | undefined>;
export interface VisitFormState {
  form: 'visit' | 'followUp' | 'report';
  values: VisitFormValues;
  errors: FieldErrors;
  warnings: string[];
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
export const visitorRows = 2;
/**
 * The form's repeated rows post each field under one name, once per row (so a form has a few
 * names, not one per row and field); the ids stay `prefix.row.field` for the error summary.
 */
export const rowFields = {
  visitors: { name: 'visitorName', organisation: 'visitorOrganisation' },
  attendees: {
    name: 'attendeeName',
    role: 'attendeeRole',
    organisationId: 'attendeeOrganisationId',
    organisationName: 'attendeeOrganisationName',
  },
  findings: { measureId: 'findingMeasureId', assessment: 'findingAssessment', finding: 'findingText' },
  nextSteps: {
    description: 'stepDescription',
    measureId: 'stepMeasureId',
    ownerOrganisationId: 'stepOwnerId',
    ownerRole: 'stepOwnerRole',
    dueOn: 'stepDueOn',
  },
} as const;
const posted = (id: string) => {
  const [prefix, , field] = id.split('.') as [keyof typeof rowFields, string, string];
  return (rowFields[prefix] as Record<string, string>)[field] ?? id;
};
export const attendeeRows = 6;
export const nextStepRows = 3;

/** The guard's warnings and, with them, the writer's confirmation that no child is named. */
function Warned({ ctx, warnings }: { ctx: PageContext; warnings: readonly string[] }) {
  if (!warnings.length) return null;
  return (
    <>
      <GuardWarnings ctx={ctx} warnings={warnings} />
      <Checkbox name="confirmNames" label={collaborationTexts(ctx.lang).confirmNames} />
    </>
  );
}

type Contents = Awaited<ReturnType<typeof planContents>>;

/** A plan as the coordinator reads it, its visits, and the form for a new visit. */
export function CoordinatorPlanPage({
  ctx,
  coordinator,
  municipalityName,
  contents,
  visits,
  state = null,
}: {
  ctx: PageContext;
  coordinator: Coordinator;
  municipalityName: string;
  contents: Contents;
  visits: readonly { id: string; visited_on: string; status: 'planned' | 'held' | 'reported' }[];
  state?: VisitFormState | null;
}) {
  const { lang } = ctx;
  const c = visitTexts(lang).coordinator;
  const v = visitTexts(lang).visit;
  const p = actionPlanTexts(lang);
  const g = goodPracticeTexts(lang);
  const { plan } = contents;
  const orgName = (id: string) => contents.organisations.find((o) => o.id === id)?.name ?? '–';
  const values = state?.form === 'visit' ? state.values : {};
  const errors = state?.form === 'visit' ? state.errors : {};
  const orgOptions = [['', v.none] as const, ...contents.organisations.map((o) => [o.id, o.name] as const)];
  return (
    <CoordinatorFrame ctx={ctx} title={plan.title} coordinator={coordinator}>
      <p>
        <a href={coordinatorHref('/coordinator', lang)}>{c.back}</a>
      </p>
      <h1>{plan.title}</h1>
      {state ? <ErrorSummary t={ctx.t} errors={errors} /> : null}
      <p>
        {municipalityName} · <span class="tag">{p.statuses[plan.status]}</span> {p.version(plan.version)} ·{' '}
        {p.deadlineIs(plan.deadline)}
        {plan.adopted_on ? ` · ${p.adoptedBy(plan.adopted_by_body, plan.adopted_on)}` : ''}
      </p>
      <p>
        <strong>{p.organisations}:</strong> {contents.organisationIds.map(orgName).join(', ') || '–'}
      </p>
      {contents.areas.map((area, i) => (
        <section key={area.position} aria-labelledby={`area-${i}`}>
          <h2 id={`area-${i}`}>
            {p.areaHeading(
              i + 1,
              area.area === 'other'
                ? area.title
                : ((g.areas as Record<string, string>)[area.area] ?? area.area),
            )}
          </h2>
          <p class="pre-line">{area.rationale}</p>
          {area.themes.length ? (
            <p>
              <strong>{p.fields.themes}:</strong> {labelsOf(g.themes, area.themes)}
            </p>
          ) : null}
          <h3>{p.measures}</h3>
          <ul>
            {contents.measures
              .filter((m) => m.areaPosition === area.position)
              .map((m) => (
                <li key={m.id}>
                  {m.title} – {orgName(m.ownerOrganisationId)} ({m.ownerRole}), {p.measure.statuses[m.status]}
                  , {p.measure.due(m.dueOn)}
                </li>
              ))}
          </ul>
          {contents.indicators.some((x) => x.areaPosition === area.position) ? (
            <>
              <h3>{p.indicators}</h3>
              <ul>
                {contents.indicators
                  .filter((x) => x.areaPosition === area.position)
                  .map((x) => (
                    <li key={x.id}>
                      {x.indicator.name}: {p.indicator.current}{' '}
                      {x.live?.kind === 'suppressed'
                        ? p.indicator.suppressed
                        : x.current
                          ? `${x.current.value} (${x.current.on})`
                          : p.indicator.noValue}
                    </li>
                  ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}

      <h2>{c.visits}</h2>
      {visits.length === 0 ? (
        <p>{c.noVisits}</p>
      ) : (
        <ul>
          {visits.map((visit) => (
            <li key={visit.id}>
              <a href={coordinatorHref(`/coordinator/visits/${visit.id}`, lang)}>
                {v.heading(municipalityName, day(visit.visited_on))}
              </a>{' '}
              ({v.statuses[visit.status]})
            </li>
          ))}
        </ul>
      )}

      <form
        method="post"
        action={coordinatorHref(`/coordinator/plans/${plan.id}/visits`, lang)}
        class="stack-form"
      >
        <h2>{v.newHeading}</h2>
        <CsrfField token={ctx.csrf} />
        <TextField
          id="visitedOn"
          name="visitedOn"
          label={v.visitedOn}
          value={one(values.visitedOn)}
          error={errors.visitedOn}
        />
        <TextField id="place" name="place" label={v.place} value={one(values.place)} error={errors.place} />
        <fieldset>
          <legend>{v.visitors}</legend>
          <p class="hint">{v.visitorsHint}</p>
          {Array.from({ length: visitorRows }, (_, i) => (
            <div key={i} class="field-row">
              <TextField
                id={`visitors.${i}.name`}
                name={posted(`visitors.${i}.name`)}
                label={`${v.visitorName} ${i + 1}`}
                value={one(values[`visitors.${i}.name`])}
                error={errors[`visitors.${i + 1}.name`]}
              />
              <TextField
                id={`visitors.${i}.organisation`}
                name={posted(`visitors.${i}.organisation`)}
                label={`${v.visitorOrganisation} ${i + 1}`}
                value={one(values[`visitors.${i}.organisation`])}
                error={errors[`visitors.${i + 1}.organisation`]}
              />
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{v.attendees}</legend>
          <p class="hint">{v.attendeesHint}</p>
          {Array.from({ length: attendeeRows }, (_, i) => (
            <div key={i} class="field-row">
              <TextField
                id={`attendees.${i}.name`}
                name={posted(`attendees.${i}.name`)}
                label={`${v.attendeeName} ${i + 1}`}
                value={one(values[`attendees.${i}.name`])}
                error={errors[`attendees.${i}.name`]}
              />
              <TextField
                id={`attendees.${i}.role`}
                name={posted(`attendees.${i}.role`)}
                label={`${v.attendeeRole} ${i + 1}`}
                value={one(values[`attendees.${i}.role`])}
                error={errors[`attendees.${i}.role`]}
              />
              <SelectField
                id={`attendees.${i}.organisationId`}
                name={posted(`attendees.${i}.organisationId`)}
                label={`${v.attendeeOrganisation} ${i + 1}`}
                value={one(values[`attendees.${i}.organisationId`])}
                options={orgOptions}
                error={errors[`attendees.${i}.organisationId`] ?? errors[`attendees.${i}`]}
              />
              <TextField
                id={`attendees.${i}.organisationName`}
                name={posted(`attendees.${i}.organisationName`)}
                label={`${v.attendeeOrganisationName} ${i + 1}`}
                value={one(values[`attendees.${i}.organisationName`])}
                error={errors[`attendees.${i}.organisationName`]}
              />
            </div>
          ))}
        </fieldset>
        {state?.form === 'visit' ? <Warned ctx={ctx} warnings={state.warnings} /> : null}
        <button type="submit" class="button">
          {v.create}
        </button>
      </form>
    </CoordinatorFrame>
  );
}

/** A visit as its visitor works on it: hold it, findings and next steps, the report. */
export function VisitPageView({
  ctx,
  coordinator,
  page,
  measures,
  organisations,
  notice,
  state = null,
}: {
  ctx: PageContext;
  coordinator: Coordinator;
  page: VisitPage;
  measures: readonly { id: string; title: string }[];
  organisations: readonly { id: string; name: string }[];
  notice?: string | undefined;
  state?: VisitFormState | null;
}) {
  const { lang } = ctx;
  const c = visitTexts(lang).coordinator;
  const v = visitTexts(lang).visit;
  const { visit } = page;
  const orgName = (id: string | null) => organisations.find((o) => o.id === id)?.name ?? '';
  const heading = v.heading(page.municipalityName, day(visit.visited_on));
  const base = `/coordinator/visits/${visit.id}`;
  const follow = state?.form === 'followUp' ? state : null;
  const reportState = state?.form === 'report' ? state : null;
  const finding = (measureId: string) => page.findings.find((f) => f.measure_id === measureId);
  const openTasks = page.tasks.filter((t) => t.status === 'open');
  const stepValue = (i: number, key: string) => {
    if (follow) return one(follow.values[`nextSteps.${i}.${key}`]);
    const task = openTasks[i];
    if (!task) return undefined;
    const map: Record<string, string | null> = {
      description: task.description,
      measureId: task.measure_id,
      ownerOrganisationId: task.owner_organisation_id,
      ownerRole: task.owner_role,
      dueOn: task.due_on,
    };
    return map[key] ?? undefined;
  };
  const errors = state?.errors ?? {};
  return (
    <CoordinatorFrame ctx={ctx} title={heading} coordinator={coordinator}>
      <p>
        <a href={coordinatorHref('/coordinator', lang)}>{c.back}</a> ·{' '}
        <a href={coordinatorHref(`/coordinator/plans/${page.plan.id}`, lang)}>
          {v.planLink}: {page.plan.title}
        </a>
      </p>
      <h1>{heading}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      {state ? <ErrorSummary t={ctx.t} errors={errors} /> : null}
      <p>
        <span class="tag">{v.statuses[visit.status]}</span>
        {visit.place ? ` · ${visit.place}` : ''}
      </p>
      <h2>{v.visitors}</h2>
      <ul>
        {page.visitors.map((x) => (
          <li key={x.position}>
            {x.name}, {x.organisation}
          </li>
        ))}
      </ul>
      <h2>{v.attendance}</h2>
      {page.attendees.length === 0 ? (
        <p>–</p>
      ) : (
        <ul>
          {page.attendees.map((a) => (
            <li key={a.position}>
              {[a.name, a.role].filter(Boolean).join(', ')} –{' '}
              {orgName(a.organisation_id) || a.organisation_name}
            </li>
          ))}
        </ul>
      )}

      {visit.status === 'planned' ? (
        <form method="post" action={coordinatorHref(`${base}/hold`, lang)} class="stack-form">
          <CsrfField token={ctx.csrf} />
          <p class="hint">{v.holdHint}</p>
          <button type="submit" class="button">
            {v.hold}
          </button>
        </form>
      ) : (
        <p>
          <a href={coordinatorHref(`${base}/snapshot`, lang)}>{v.snapshot}</a>
        </p>
      )}

      {visit.status === 'held' ? (
        <form method="post" action={coordinatorHref(`${base}/follow-up`, lang)} class="stack-form">
          <h2>{v.findings}</h2>
          <CsrfField token={ctx.csrf} />
          {measures.map((m, i) => (
            <fieldset key={m.id}>
              <legend>{m.title}</legend>
              <input type="hidden" name={posted(`findings.${i}.measureId`)} value={m.id} />
              <SelectField
                id={`findings.${i}.assessment`}
                name={posted(`findings.${i}.assessment`)}
                label={v.assessment}
                value={follow ? one(follow.values[`findings.${i}.assessment`]) : finding(m.id)?.assessment}
                options={[
                  ['', v.notAssessed],
                  ...findingAssessments.map((a) => [a, v.assessments[a]] as const),
                ]}
                error={errors[`findings.${i}.assessment`]}
              />
              <TextArea
                id={`findings.${i}.finding`}
                name={posted(`findings.${i}.finding`)}
                label={v.finding}
                value={follow ? one(follow.values[`findings.${i}.finding`]) : finding(m.id)?.finding}
                error={errors[`findings.${i}.finding`]}
                rows={3}
              />
            </fieldset>
          ))}
          <h2>{v.nextSteps}</h2>
          <p class="hint">{v.nextStepsHint}</p>
          {Array.from({ length: nextStepRows }, (_, i) => (
            <fieldset key={i}>
              <legend>{v.step(i + 1)}</legend>
              <TextArea
                id={`nextSteps.${i}.description`}
                name={posted(`nextSteps.${i}.description`)}
                label={v.stepDescription}
                value={stepValue(i, 'description')}
                error={errors[`nextSteps.${i}.description`]}
                rows={2}
              />
              <SelectField
                id={`nextSteps.${i}.measureId`}
                name={posted(`nextSteps.${i}.measureId`)}
                label={v.stepMeasure}
                value={stepValue(i, 'measureId')}
                options={[['', v.none], ...measures.map((m) => [m.id, m.title] as const)]}
                error={errors[`nextSteps.${i}.measureId`]}
              />
              <SelectField
                id={`nextSteps.${i}.ownerOrganisationId`}
                name={posted(`nextSteps.${i}.ownerOrganisationId`)}
                label={v.stepOwner}
                value={stepValue(i, 'ownerOrganisationId')}
                options={[['', v.none], ...organisations.map((o) => [o.id, o.name] as const)]}
                error={errors[`nextSteps.${i}.ownerOrganisationId`]}
              />
              <TextField
                id={`nextSteps.${i}.ownerRole`}
                name={posted(`nextSteps.${i}.ownerRole`)}
                label={v.stepOwnerRole}
                value={stepValue(i, 'ownerRole')}
                error={errors[`nextSteps.${i}.ownerRole`]}
              />
              <TextField
                id={`nextSteps.${i}.dueOn`}
                name={posted(`nextSteps.${i}.dueOn`)}
                label={v.stepDueOn}
                value={stepValue(i, 'dueOn')}
                error={errors[`nextSteps.${i}.dueOn`]}
              />
            </fieldset>
          ))}
          {follow ? <Warned ctx={ctx} warnings={follow.warnings} /> : null}
          <button type="submit" class="button">
            {v.saveFollowUp}
          </button>
        </form>
      ) : null}

      <h2>{v.tasks}</h2>
      {page.tasks.length === 0 ? (
        <p>{v.noTasks}</p>
      ) : (
        <ul>
          {page.tasks.map((t) => (
            <li key={t.id}>
              {t.description} – {orgName(t.owner_organisation_id)} ({t.owner_role}),{' '}
              {v.taskDue(day(t.due_on))} ({v.taskStatuses[t.status]})
            </li>
          ))}
        </ul>
      )}

      <h2>{v.report}</h2>
      {visit.status === 'held' ? (
        <form method="post" action={coordinatorHref(`${base}/report`, lang)} class="stack-form">
          <CsrfField token={ctx.csrf} />
          <TextArea
            id="report"
            name="report"
            label={v.report}
            hint={v.reportHint}
            value={reportState ? one(reportState.values.report) : visit.report}
            error={errors.report}
            rows={10}
          />
          {reportState ? <Warned ctx={ctx} warnings={reportState.warnings} /> : null}
          <div class="button-row">
            <button type="submit" name="finish" value="no" class="button button--secondary">
              {v.saveReport}
            </button>{' '}
            <button type="submit" name="finish" value="yes" class="button">
              {v.finishReport}
            </button>
          </div>
        </form>
      ) : visit.report ? (
        <p class="pre-line">{visit.report}</p>
      ) : (
        <p>–</p>
      )}

      <h2>{v.history}</h2>
      <ul>
        {page.changes.map((ch, i) => (
          <li key={i}>
            {day(ch.occurredAt)} {ch.actorName}:{' '}
            {(visitTexts(lang).auditActions as Record<string, string>)[ch.action] ?? ch.action}
          </li>
        ))}
      </ul>
    </CoordinatorFrame>
  );
}

/** The plan's frozen state, printable: A4, with the digest that shows it never changed. */
export function SnapshotPage({
  ctx,
  page,
  snapshot,
  digest,
}: {
  ctx: PageContext;
  page: VisitPage;
  snapshot: PlanSnapshot;
  digest: string;
}) {
  const { lang } = ctx;
  const s = visitTexts(lang).snapshot;
  const p = actionPlanTexts(lang);
  const g = goodPracticeTexts(lang);
  const title = s.title(snapshot.plan.title, snapshot.takenOn);
  const intact = snapshotDigest(snapshot) === digest;
  return (
    <Layout ctx={ctx} title={title} bare>
      <div class="print-plan">
        <p class="no-print">
          <a href={coordinatorHref(`/coordinator/visits/${page.visit.id}`, lang)}>
            {visitTexts(lang).coordinator.back}
          </a>
        </p>
        <h1>{title}</h1>
        <p>
          {page.municipalityName} · {p.statuses[snapshot.plan.status]} · {p.version(snapshot.plan.version)} ·{' '}
          {p.deadlineIs(snapshot.plan.deadline)}
          {snapshot.plan.adoptedOn
            ? ` · ${p.adoptedBy(snapshot.plan.adoptedByBody, snapshot.plan.adoptedOn)}`
            : ''}
        </p>
        <p>{s.frozen(snapshot.takenOn)}</p>
        {snapshot.areas.map((area, i) => (
          <section key={i} aria-labelledby={`snap-area-${i}`}>
            <h2 id={`snap-area-${i}`}>
              {p.areaHeading(
                i + 1,
                area.area === 'other'
                  ? area.title
                  : ((g.areas as Record<string, string>)[area.area] ?? area.area),
              )}
            </h2>
            <p class="pre-line">{area.rationale}</p>
            <h3>{p.measures}</h3>
            <ul>
              {area.measures.map((m) => (
                <li key={m.id}>
                  {m.title} ({m.ownerRole}) – {p.measure.statuses[m.status]}, {p.measure.due(m.dueOn)}
                  {m.evidence ? `. ${m.evidence}` : ''}
                </li>
              ))}
            </ul>
            {area.indicators.length ? (
              <>
                <h3>{p.indicators}</h3>
                <ul>
                  {area.indicators.map((x, j) => (
                    <li key={j}>
                      {x.name}: {s.current} {x.current ? `${x.current.value} (${x.current.on})` : s.noValue};{' '}
                      {p.indicator.target(String(x.target), '')}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        ))}
        <p>
          <strong>{s.digest}:</strong> <code class="digest">{digest}</code>
          {intact ? '' : ' ⚠'}
        </p>
      </div>
    </Layout>
  );
}
