import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { placementTexts } from '../i18n/index.ts';
import type { UnaccompaniedView } from '../service/unaccompanied.ts';
import { notAppliedReasons, type UnaccompaniedTask } from '../unaccompanied.ts';
import { childName, type Values, value } from './shared.tsx';

type Texts = ReturnType<typeof placementTexts>;

function taskText(p: Texts, task: UnaccompaniedTask): string {
  const label = p.unaccompaniedTasks[task.task];
  if (task.task === 'specialCustodianApplication')
    return `${label}: ${p.dueOn} ${task.duty.dueOn} (${task.duty.referenceText})`;
  if (task.task === 'transitionAt18') return `${label}: ${task.dueOn}`;
  return label;
}

const dateFields = [
  'arrivedOn',
  'assignedOn',
  'guardianAppointedOn',
  'residencePermitOn',
  'custodianAppliedOn',
  'custodianAppointedOn',
  'healthExaminationDoneOn',
  'schoolStartedOn',
  'transitionPlannedOn',
] as const;

/** An unaccompanied minor: the open tasks, and the record to keep up to date. */
export function UnaccompaniedPage({
  ctx,
  view,
  notice,
  errors = {},
  values,
}: {
  ctx: PageContext;
  view: UnaccompaniedView;
  notice?: string | undefined;
  errors?: FieldErrors;
  values?: Values | undefined;
}) {
  const p = placementTexts(ctx.lang);
  const r = view.row;
  const stored: Record<string, string | null | undefined> = {
    arrivedOn: r?.arrived_on,
    assignedOn: r?.assigned_on,
    guardianName: r?.guardian_name,
    guardianAppointedBy: r?.guardian_appointed_by,
    guardianAppointedOn: r?.guardian_appointed_on,
    guardianContact: r?.guardian_contact,
    residencePermitOn: r?.residence_permit_on,
    custodianAppliedOn: r?.custodian_applied_on,
    custodianNotAppliedReason: r?.custodian_not_applied_reason,
    custodianNotAppliedText: r?.custodian_not_applied_text,
    custodianAppointedOn: r?.custodian_appointed_on,
    healthExaminationDoneOn: r?.health_examination_done_on,
    schoolStartedOn: r?.school_started_on,
    transitionPlannedOn: r?.transition_planned_on,
  };
  const v = (name: string) => value(values, name) ?? stored[name] ?? undefined;
  const title = `${p.unaccompanied}: ${childName(view.placement.child)}`;
  const label = (f: (typeof dateFields)[number]) => p[f];
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/placements/${view.placement.row.id}`}>{p.openPlacement}</a>
      </p>
      <h1>{title}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <p>{p.unaccompaniedIntro}</p>
      {view.tasks ? (
        <section aria-labelledby="tasks-heading">
          <h2 id="tasks-heading">{p.tasks}</h2>
          {view.tasks.length === 0 ? (
            <p>{p.none}</p>
          ) : (
            <ul class="plain-list">
              {view.tasks.map((t) => (
                <li key={t.task} data-task={t.task}>
                  <span class="tag tag--warning">{taskText(p, t)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <form
        method="post"
        action={`/unaccompanied/${view.placement.child.id}`}
        class="stacked-form"
        novalidate
      >
        <CsrfField token={ctx.csrf} />
        {dateFields.slice(0, 2).map((f) => (
          <TextField key={f} name={f} type="date" label={label(f)} value={v(f)} error={errors[f]} />
        ))}
        <TextField
          name="guardianName"
          label={p.guardianName}
          value={v('guardianName')}
          error={errors.guardianName}
          maxLength={200}
        />
        <TextField
          name="guardianAppointedBy"
          label={p.guardianAppointedBy}
          value={v('guardianAppointedBy')}
          maxLength={200}
        />
        <TextField
          name="guardianAppointedOn"
          type="date"
          label={p.guardianAppointedOn}
          value={v('guardianAppointedOn')}
          error={errors.guardianAppointedOn}
        />
        <TextField
          name="guardianContact"
          label={p.guardianContact}
          value={v('guardianContact')}
          maxLength={200}
        />
        {dateFields.slice(3, 6).map((f) => (
          <TextField key={f} name={f} type="date" label={label(f)} value={v(f)} error={errors[f]} />
        ))}
        <SelectField
          name="custodianNotAppliedReason"
          label={p.custodianNotAppliedReason}
          value={v('custodianNotAppliedReason') ?? ''}
          error={errors.custodianNotAppliedReason}
          options={[['', '–'], ...notAppliedReasons.map((n) => [n, p.notAppliedReasons[n]] as const)]}
        />
        <TextField
          name="custodianNotAppliedText"
          label={p.custodianNotAppliedText}
          value={v('custodianNotAppliedText')}
          error={errors.custodianNotAppliedText}
          maxLength={2000}
        />
        {dateFields.slice(6).map((f) => (
          <TextField key={f} name={f} type="date" label={label(f)} value={v(f)} error={errors[f]} />
        ))}
        <button type="submit" class="button">
          {p.save}
        </button>
      </form>
    </Layout>
  );
}
