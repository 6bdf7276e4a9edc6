import {
  Checkbox,
  CheckboxGroup,
  CsrfField,
  type FieldErrors,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { attentionAreas, contactKinds, contactPlaces, notAloneReasons } from '../contacts.ts';
import { placementTexts } from '../i18n/index.ts';
import { decisionMakerKinds, endOutcomes, placementTypes } from '../model.ts';
import { recordableSteps } from '../schema.ts';
import type { PlacementView } from '../service/read.ts';
import { type Values, value } from './shared.tsx';

export interface PlacementPermissions {
  contact: boolean;
  update: boolean;
  end: boolean;
  consider: boolean;
  readAddress: boolean;
}

/** The forms of the placement page: each posts to its own route and comes back with a notice. */
export function PlacementForms({
  ctx,
  view,
  can,
  errors,
  values,
}: {
  ctx: PageContext;
  view: PlacementView;
  can: PlacementPermissions;
  errors: FieldErrors;
  values?: Values | undefined;
}) {
  const p = placementTexts(ctx.lang);
  const id = view.row.id;
  const ended = !!view.row.ended_on;
  const v = (name: string) => value(values, name);
  return (
    <>
      {can.readAddress ? (
        <section aria-labelledby="address-heading">
          <h2 id="address-heading">{p.showAddress}</h2>
          <p class="hint">{p.addressHidden}</p>
          <form method="post" action={`/placements/${id}/address`} class="stacked-form">
            <CsrfField token={ctx.csrf} />
            <TextField name="reason" label={p.addressReason} error={errors.reason} maxLength={500} />
            <button type="submit" class="button button--secondary">
              {p.showAddress}
            </button>
          </form>
        </section>
      ) : null}
      {can.contact && !ended ? (
        <section aria-labelledby="contact-heading">
          <h2 id="contact-heading">{p.recordContact}</h2>
          <form method="post" action={`/placements/${id}/contacts`} class="stacked-form" novalidate>
            <CsrfField token={ctx.csrf} />
            <TextField name="on" type="date" label={p.contactOn} value={v('on')} error={errors.on} />
            <SelectField
              name="kind"
              label={p.contactKind}
              value={v('kind')}
              error={errors.kind}
              options={contactKinds.map((k) => [k, p.contactKinds[k]] as const)}
            />
            <SelectField
              name="place"
              label={p.contactPlace}
              value={v('place')}
              error={errors.place}
              options={contactPlaces.map((k) => [k, p.contactPlaces[k]] as const)}
            />
            <RadioGroup
              name="outcome"
              legend={p.contactOutcome}
              value={v('outcome') ?? 'made'}
              error={errors.outcome}
              options={[
                ['made', p.made],
                ['attempted', p.attempted],
              ]}
            />
            <RadioGroup
              name="childAlone"
              legend={p.childAlone}
              value={v('childAlone') ?? ''}
              error={errors.childAlone}
              options={[
                ['yes', p.yes],
                ['no', p.no],
                ['', p.notStated],
              ]}
            />
            <SelectField
              name="notAloneReason"
              label={p.notAloneReason}
              value={v('notAloneReason')}
              error={errors.notAloneReason}
              options={[['', '–'], ...notAloneReasons.map((r) => [r, p.notAloneReasons[r]] as const)]}
            />
            <CheckboxGroup
              name="attendedTo"
              legend={p.attendedTo}
              error={errors.attendedTo}
              checked={[values?.attendedTo ?? []].flat()}
              options={attentionAreas.map((a) => [a, p.areas[a]] as const)}
            />
            <TextArea name="note" label={p.note} value={v('note')} rows={3} />
            <button type="submit" class="button">
              {p.recordContact}
            </button>
          </form>
        </section>
      ) : null}
      {can.update && !ended ? (
        <section aria-labelledby="step-heading">
          <h2 id="step-heading">{p.recordStep}</h2>
          <form method="post" action={`/placements/${id}/steps`} class="stacked-form" novalidate>
            <CsrfField token={ctx.csrf} />
            <SelectField
              name="stepKind"
              label={p.stepKind}
              value={v('stepKind')}
              error={errors.stepKind}
              options={recordableSteps.map((k) => [k, p.stepKinds[k]] as const)}
            />
            <TextField name="stepOn" type="date" label={p.stepOn} value={v('stepOn')} error={errors.stepOn} />
            <TextField
              name="extendedTo"
              type="date"
              label={p.stepKinds.applicationExtended}
              value={v('extendedTo')}
              error={errors.extendedTo}
            />
            <TextArea name="stepNote" label={p.note} value={v('stepNote')} rows={2} />
            <button type="submit" class="button button--secondary">
              {p.recordStep}
            </button>
          </form>
        </section>
      ) : null}
      {can.update && !ended ? (
        <section aria-labelledby="move-heading">
          <h2 id="move-heading">{p.move}</h2>
          <p class="hint">{p.moveIntro}</p>
          <form method="post" action={`/placements/${id}/move`} class="stacked-form" novalidate>
            <CsrfField token={ctx.csrf} />
            <SelectField
              name="moveHomeId"
              label={p.home}
              value={v('moveHomeId')}
              error={errors.moveHomeId}
              options={[['', '–'], ...view.homes.map((h) => [h.row.id, h.row.name] as const)]}
            />
            <SelectField
              name="moveForm"
              label={p.form}
              value={v('moveForm') ?? view.period?.form}
              error={errors.moveForm}
              options={placementTypes.map((f) => [f, p.forms[f]] as const)}
            />
            <TextField
              name="moveDecidedOn"
              type="date"
              label={p.decidedOn}
              value={v('moveDecidedOn')}
              error={errors.moveDecidedOn}
            />
            <SelectField
              name="moveDecidedByKind"
              label={p.decidedBy}
              value={v('moveDecidedByKind') ?? 'committee'}
              error={errors.moveDecidedByKind}
              options={decisionMakerKinds.filter((k) => k !== 'court').map((k) => [k, p.makers[k]] as const)}
            />
            <TextField
              name="moveDecidedByName"
              label={p.decidedByName}
              value={v('moveDecidedByName')}
              error={errors.moveDecidedByName}
              maxLength={200}
            />
            <TextField
              name="moveStartedOn"
              type="date"
              label={p.executedOn}
              value={v('moveStartedOn')}
              error={errors.moveStartedOn}
            />
            <button type="submit" class="button button--secondary">
              {p.move}
            </button>
          </form>
        </section>
      ) : null}
      {can.end && !ended ? (
        <section aria-labelledby="end-heading">
          <h2 id="end-heading">{p.end}</h2>
          <form method="post" action={`/placements/${id}/end`} class="stacked-form" novalidate>
            <CsrfField token={ctx.csrf} />
            <TextField
              name="endedOn"
              type="date"
              label={p.endedOn}
              value={v('endedOn')}
              error={errors.endedOn}
            />
            <SelectField
              name="endOutcome"
              label={p.endOutcome}
              value={v('endOutcome')}
              error={errors.endOutcome}
              options={endOutcomes.map((o) => [o, p.outcomes[o]] as const)}
            />
            <Checkbox
              name="reunionPrepared"
              label={p.reunionPrepared}
              checked={v('reunionPrepared') === 'on'}
            />
            <button type="submit" class="button button--secondary">
              {p.end}
            </button>
          </form>
        </section>
      ) : null}
      {can.update && ended ? (
        <section aria-labelledby="follow-up-heading">
          <h2 id="follow-up-heading">{p.followUp}</h2>
          <p class="hint">{p.followUpIntro}</p>
          <p>
            {p.followUpStarted}: {view.facts.followUp?.startedOn ?? '–'}; {p.followUpEnded}:{' '}
            {view.facts.followUp?.endedOn ?? '–'}
          </p>
          {view.facts.followUp?.endedOn ? null : (
            <form method="post" action={`/placements/${id}/follow-up`} class="stacked-form" novalidate>
              <CsrfField token={ctx.csrf} />
              <input
                type="hidden"
                name="followUpStep"
                value={view.facts.followUp?.startedOn ? 'end' : 'start'}
              />
              <TextField
                name="followUpOn"
                type="date"
                label={p.stepOn}
                value={v('followUpOn')}
                error={errors.followUpOn}
              />
              <TextArea name="followUpNote" label={p.note} value={v('followUpNote')} rows={2} />
              <button type="submit" class="button button--secondary">
                {view.facts.followUp?.startedOn ? p.endFollowUp : p.startFollowUp}
              </button>
            </form>
          )}
        </section>
      ) : null}
    </>
  );
}
