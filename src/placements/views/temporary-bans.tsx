import {
  CsrfField,
  type FieldErrors,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { placementTexts } from '../i18n/index.ts';
import { temporaryBanTexts } from '../i18n/temporary-bans.ts';
import { decisionMakerKinds, isFamilyHome } from '../model.ts';
import type { TemporaryBanRecord } from '../queries/facts.ts';
import type { PlacementView } from '../service/read.ts';
import { temporaryBanState } from '../temporary-ban.ts';
import { temporaryBanSteps } from '../temporary-ban-steps.ts';
import { type Values, value } from './shared.tsx';

/**
 * The placement's temporary moving bans (27–30 §§ LVU; docs/decisions/0113): each with its state on
 * the day and its open duties, a form for the decision and one for the next step of a ban. The
 * fields carry their form's prefix since the forms share the placement page.
 */
export function TemporaryBansSection({
  ctx,
  view,
  mayRecord,
  errors,
  values,
}: {
  ctx: PageContext;
  view: PlacementView;
  mayRecord: boolean;
  errors: FieldErrors;
  values?: Values | undefined;
}) {
  const p = placementTexts(ctx.lang);
  const tb = temporaryBanTexts(ctx.lang);
  const id = view.row.id;
  const v = (name: string) => value(values, name);
  const stateOf = (b: TemporaryBanRecord) => temporaryBanState(b, view.today);
  // A step can still be recorded on a ban in force, and a chair's decision not yet reported.
  const open = view.temporaryBans.filter(
    (b) => !stateOf(b).ended || (b.decidedBy.kind === 'chair' && !b.reportedOn),
  );
  const pending = view.movingBans.filter((b) => !b.courtDecidedOn && !b.endedOn);
  const mayAdd = mayRecord && !view.row.ended_on;
  const familyHome = !!view.period && isFamilyHome(view.period.form);
  const makers = decisionMakerKinds.filter((k) => k !== 'official');
  return (
    <section aria-labelledby="temporary-bans-heading" id="temporary-bans">
      <h2 id="temporary-bans-heading">{tb.title}</h2>
      <p class="hint">{tb.intro}</p>
      {view.temporaryBans.length === 0 ? (
        <p>{tb.none}</p>
      ) : (
        <ul class="plain-list">
          {view.temporaryBans.map((b) => {
            const state = stateOf(b);
            const facts = [
              b.submittedOn ? tb.submittedOn(b.submittedOn) : null,
              b.courtReview
                ? (b.courtReview.confirmed ? tb.confirmedOn : tb.notConfirmedOn)(b.courtReview.on)
                : null,
              b.appliedOn ? tb.appliedOn(b.appliedOn) : null,
              b.reportedOn ? tb.reportedOn(b.reportedOn) : null,
            ].filter((f): f is string => !!f);
            return (
              <li
                key={b.id}
                data-temporary-ban={state.ended ? 'ended' : 'inForce'}
                data-ended-reason={state.ended?.reason ?? ''}
              >
                <strong>
                  {tb.decided(b.decidedOn)} – {p.makers[b.decidedBy.kind]} ({b.decidedBy.name})
                </strong>
                {b.protocolReference ? `, ${b.protocolReference}` : ''}
                {facts.length ? `; ${facts.join('; ')}` : ''}
                <br />
                {state.ended
                  ? `${tb.ended(state.ended.on)}: ${tb.endReasons[state.ended.reason]}`
                  : tb.inForce}
                {b.lifted?.reason ? ` (${b.lifted.reason})` : ''}
                {state.duties.length ? (
                  <ul>
                    {state.duties.map((d) => (
                      <li key={d.rule} data-rule={d.rule} data-due={d.dueOn}>
                        {tb.dueBy(p.rules[d.rule], d.dueOn)} ({d.referenceText})
                      </li>
                    ))}
                  </ul>
                ) : null}
                {state.reportToCommittee && !b.reportedOn ? (
                  <p class="tag tag--warning" data-report="due">
                    {tb.toReport}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {mayAdd && familyHome ? (
        <>
          <h3 id="temporary-ban-form-heading">{tb.record}</h3>
          <form
            method="post"
            action={`/placements/${id}/temporary-bans`}
            class="stacked-form"
            aria-labelledby="temporary-ban-form-heading"
            novalidate
          >
            <CsrfField token={ctx.csrf} />
            <TextField
              name="temporaryOn"
              type="date"
              label={tb.decidedOn}
              value={v('temporaryOn')}
              error={errors.temporaryOn}
            />
            <SelectField
              name="temporaryByKind"
              label={tb.decidedBy}
              hint={tb.courtHint}
              value={v('temporaryByKind') ?? 'committee'}
              error={errors.temporaryByKind}
              options={makers.map((k) => [k, p.makers[k]] as const)}
            />
            <TextField
              name="temporaryByName"
              label={tb.decidedByName}
              value={v('temporaryByName')}
              error={errors.temporaryByName}
              maxLength={200}
            />
            <TextField
              name="temporaryProtocol"
              label={tb.protocol}
              value={v('temporaryProtocol')}
              maxLength={100}
            />
            <button type="submit" class="button button--secondary">
              {tb.record}
            </button>
          </form>
        </>
      ) : null}
      {mayRecord && open.length ? (
        <>
          <h3 id="temporary-ban-step-heading">{tb.stepTitle}</h3>
          <form
            method="post"
            action={`/placements/${id}/temporary-bans/steps`}
            class="stacked-form"
            aria-labelledby="temporary-ban-step-heading"
            novalidate
          >
            <CsrfField token={ctx.csrf} />
            <SelectField
              name="banStepId"
              label={tb.stepBan}
              value={v('banStepId')}
              error={errors.banStepId}
              options={open.map((b) => [b.id, `${tb.decided(b.decidedOn)} – ${b.decidedBy.name}`] as const)}
            />
            <RadioGroup
              name="banStep"
              legend={tb.step}
              value={v('banStep') ?? 'submitted'}
              error={errors.banStep}
              options={temporaryBanSteps.map((k) => [k, tb.steps[k]] as const)}
            />
            <TextField
              name="banStepOn"
              type="date"
              label={tb.stepOn}
              value={v('banStepOn')}
              error={errors.banStepOn}
            />
            {pending.length ? (
              <SelectField
                name="banStepApplicationId"
                label={tb.application}
                value={v('banStepApplicationId') ?? ''}
                error={errors.banStepApplicationId}
                options={[
                  ['', tb.newApplication] as const,
                  ...pending.map((b) => [b.id, tb.existingApplication(b.appliedOn)] as const),
                ]}
              />
            ) : null}
            <SelectField
              name="banStepByKind"
              label={tb.decidedBy}
              hint={tb.stepByHint}
              value={v('banStepByKind') ?? 'committee'}
              error={errors.banStepByKind}
              options={makers.map((k) => [k, p.makers[k]] as const)}
            />
            <TextField
              name="banStepByName"
              label={tb.decidedByName}
              value={v('banStepByName')}
              error={errors.banStepByName}
              maxLength={200}
            />
            <TextField
              name="banStepProtocol"
              label={tb.protocol}
              value={v('banStepProtocol')}
              maxLength={100}
            />
            <TextArea
              name="banStepReason"
              label={tb.reason}
              value={v('banStepReason')}
              maxLength={2000}
              rows={2}
            />
            <button type="submit" class="button button--secondary">
              {tb.stepTitle}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
