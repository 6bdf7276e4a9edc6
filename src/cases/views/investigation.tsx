import { followUpMonths } from '../../deadlines/deadlines.ts';
import {
  Checkbox,
  type FieldErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { reportsTexts } from '../../reports/i18n/index.ts';
import { Radios } from '../../reports/views.tsx';
import { casesTexts } from '../i18n/index.ts';
import type { CaseView } from '../service/read.ts';
import { ExtensionForm } from './extension.tsx';
import { type CasePermissions, Form, Submit, str, type Values } from './shared.tsx';

export function Investigation({
  ctx,
  view,
  today,
  can,
  errors,
  values,
}: {
  ctx: PageContext;
  view: CaseView;
  today: string;
  can: CasePermissions;
  errors: FieldErrors;
  values: Values;
}) {
  const { t } = ctx;
  const c = casesTexts(ctx.lang);
  const k = view.case;
  const base = `/cases/${k.id}`;
  const v = (field: string) => str(values[field]);
  const active = k.phase === 'investigation';
  const writable = active && can.update && !k.concluded_on;
  return (
    <>
      {active && can.assign ? (
        <section class="panel" aria-labelledby="assign-heading">
          <h2 id="assign-heading">{c.assignTitle}</h2>
          <Form ctx={ctx} action={`${base}/assign`}>
            <SelectField
              name="responsibleUserId"
              label={c.responsible}
              hint={c.assignHint}
              value={v('responsibleUserId') ?? k.responsible_user_id ?? ''}
              error={errors.responsibleUserId}
              options={view.candidates.map(
                (w) => [w.id, c.candidate(w.display_name, Number(w.open_cases), w.knows_family)] as const,
              )}
            />
            <Submit label={c.assign} />
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="bbic-heading">
        <h2 id="bbic-heading">{c.assessmentTitle}</h2>
        {writable ? (
          <Form ctx={ctx} action={`${base}/assessment`}>
            <TextArea
              name="needsText"
              label={c.needsText}
              hint={c.needsHint}
              value={v('needsText') ?? k.needs_text}
              error={errors.needsText}
              rows={6}
            />
            <TextArea
              name="parentsCapacityText"
              label={c.parentsCapacityText}
              hint={c.parentsCapacityHint}
              value={v('parentsCapacityText') ?? k.parents_capacity_text}
              error={errors.parentsCapacityText}
              rows={6}
            />
            <TextArea
              name="familyEnvironmentText"
              label={c.familyEnvironmentText}
              hint={c.familyEnvironmentHint}
              value={v('familyEnvironmentText') ?? k.family_environment_text}
              error={errors.familyEnvironmentText}
              rows={6}
            />
            <Submit label={c.saveAssessment} />
          </Form>
        ) : (
          <dl class="summary-list">
            <dt>{c.needsText}</dt>
            <dd class="prewrap">{k.needs_text || t.notGiven}</dd>
            <dt>{c.parentsCapacityText}</dt>
            <dd class="prewrap">{k.parents_capacity_text || t.notGiven}</dd>
            <dt>{c.familyEnvironmentText}</dt>
            <dd class="prewrap">{k.family_environment_text || t.notGiven}</dd>
          </dl>
        )}
      </section>

      <section aria-labelledby="voice-heading">
        <h2 id="voice-heading">{c.voiceTitle}</h2>
        <p>{c.voiceIntro}</p>
        {view.voices.length === 0 ? <p>{c.noVoices}</p> : null}
        {view.voices.map((voice) => (
          <article key={voice.id} class="record">
            <h3>{voice.held_on}</h3>
            <p class="hint">{voice.circumstances}</p>
            <blockquote>
              <p>{voice.account}</p>
            </blockquote>
            <p class="hint">{c.recordedBy(voice.recorded_by_name)}</p>
          </article>
        ))}
        {k.childs_voice_waived_reason ? <p>{c.waived(k.childs_voice_waived_reason)}</p> : null}
        {writable ? (
          <>
            <Form ctx={ctx} action={`${base}/childs-voice`}>
              <TextField
                name="heldOn"
                label={c.heldOn}
                hint={reportsTexts(ctx.lang).childBirthDateHint}
                value={v('heldOn')}
                error={errors.heldOn}
                width="medium"
                maxLength={10}
              />
              <TextArea
                name="circumstances"
                label={c.circumstances}
                value={v('circumstances')}
                error={errors.circumstances}
                rows={2}
              />
              <TextArea
                name="account"
                label={c.account}
                value={v('account')}
                error={errors.account}
                rows={6}
              />
              <Submit label={c.saveVoice} />
            </Form>
            {!k.childs_voice_waived_reason ? (
              <details>
                <summary>{c.waiveTitle}</summary>
                <Form ctx={ctx} action={`${base}/childs-voice/waive`}>
                  <TextArea
                    name="waivedReason"
                    label={c.waivedReason}
                    value={v('waivedReason')}
                    error={errors.waivedReason}
                    rows={2}
                  />
                  <Submit label={c.waive} />
                </Form>
              </details>
            ) : null}
          </>
        ) : null}
      </section>

      <section aria-labelledby="party-heading">
        <h2 id="party-heading">{c.partyTitle}</h2>
        <p>{c.partyIntro}</p>
        {k.party_communicated_on ? (
          <>
            <p>{c.partyDone(k.party_communicated_on)}</p>
            <p class="prewrap">{k.party_communication_note}</p>
          </>
        ) : active && can.update && !k.decided_on ? (
          <Form ctx={ctx} action={`${base}/party-communication`}>
            <TextField
              name="communicatedOn"
              label={c.communicatedOn}
              hint={reportsTexts(ctx.lang).childBirthDateHint}
              value={v('communicatedOn')}
              error={errors.communicatedOn}
              width="medium"
              maxLength={10}
            />
            <TextArea
              name="partyNote"
              label={c.partyNote}
              value={v('partyNote')}
              error={errors.partyNote}
              rows={3}
            />
            <Submit label={c.saveParty} />
          </Form>
        ) : null}
      </section>

      {active && can.extend && !k.decided_on ? (
        <ExtensionForm
          ctx={ctx}
          base={base}
          intro={c.extendIntroInvestigation}
          errors={errors}
          values={values}
        />
      ) : null}

      <section aria-labelledby="conclude-heading">
        <h2 id="conclude-heading">{c.concludeTitle}</h2>
        {k.concluded_on ? (
          <>
            <p>{c.concludedOn(k.concluded_on)}</p>
            <p class="prewrap">{k.conclusion_text}</p>
          </>
        ) : writable ? (
          <Form ctx={ctx} action={`${base}/conclusion`}>
            <TextArea
              name="conclusionText"
              label={c.conclusionText}
              value={v('conclusionText')}
              error={errors.conclusionText}
              rows={5}
            />
            <Submit label={c.conclude} />
          </Form>
        ) : active ? (
          <p class="hint">{c.whoCan.conclusion}</p>
        ) : null}
      </section>

      <section class="panel" aria-labelledby="decision-heading">
        <h2 id="decision-heading">{c.decisionTitle}</h2>
        {k.decided_on && k.decision_outcome ? (
          <>
            <p>{c.decidedOn(k.decided_on, c.outcomes[k.decision_outcome])}</p>
            {view.interventions.length ? (
              <ul class="plain-list">
                {view.interventions.map((i) => (
                  <li key={i.id}>
                    {i.name}
                    {i.ksi_code ? ` (KSI ${i.ksi_code})` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
            <p class="prewrap">{k.decision_text}</p>
          </>
        ) : active && can.decide && k.concluded_on ? (
          <Form ctx={ctx} action={`${base}/decision`}>
            <p>{c.decisionIntro}</p>
            <Radios
              name="outcome"
              legend={c.outcome}
              value={v('outcome') ?? ''}
              error={errors.outcome}
              options={[
                ['interventions', c.outcomes.interventions],
                ['noIntervention', c.outcomes.noIntervention],
              ]}
            />
            <fieldset
              id="interventionIds"
              tabindex={-1}
              class={errors.interventionIds ? 'field radios field--error' : 'field radios'}
            >
              <legend>{c.interventions}</legend>
              {errors.interventionIds ? <p class="field-error">{errors.interventionIds}</p> : null}
              {view.interventionTypes.map((i) => (
                <div class="checkbox" key={i.id}>
                  <input
                    type="checkbox"
                    id={`intervention-${i.id}`}
                    name="interventionIds"
                    value={i.id}
                    checked={[values.interventionIds ?? []].flat().includes(i.id)}
                  />
                  <label for={`intervention-${i.id}`}>
                    {i.name}
                    {i.ksi_code ? ` (KSI ${i.ksi_code})` : ''}
                  </label>
                </div>
              ))}
            </fieldset>
            <TextArea
              name="decisionText"
              label={c.decisionText}
              value={v('decisionText')}
              error={errors.decisionText}
              rows={4}
            />
            <Checkbox name="confirmDecision" label={c.confirmDecision} />
            <Submit label={c.saveDecision} />
          </Form>
        ) : active ? (
          <p class="hint">{k.concluded_on ? c.whoCan.decision : c.whoCan.decisionAfterConclusion}</p>
        ) : null}
      </section>

      {active && k.decided_on && can.close ? (
        <section aria-labelledby="close-heading">
          <h2 id="close-heading">{c.closeTitle}</h2>
          <Form ctx={ctx} action={`${base}/closure`}>
            {k.decision_outcome === 'noIntervention' ? (
              <Checkbox name="followUpPlanned" label={c.followUpPlanned(followUpMonths(today))} />
            ) : null}
            <Checkbox name="confirmClose" label={c.confirmClose} />
            <Submit label={c.close} />
          </Form>
        </section>
      ) : null}

      {k.phase === 'closed' && k.closed_on ? (
        <section aria-labelledby="closed-heading">
          <h2 id="closed-heading">{c.closedOn(k.closed_on)}</h2>
          {k.follow_up_planned ? (
            k.follow_up_done_on ? (
              <>
                <p>{c.followUpDone(k.follow_up_done_on)}</p>
                <p class="prewrap">{k.follow_up_note}</p>
              </>
            ) : can.close ? (
              <Form ctx={ctx} action={`${base}/follow-up`} label={c.followUpTitle}>
                <h3>{c.followUpTitle}</h3>
                <TextField
                  name="doneOn"
                  label={c.doneOn}
                  hint={reportsTexts(ctx.lang).childBirthDateHint}
                  value={v('doneOn')}
                  error={errors.doneOn}
                  width="medium"
                  maxLength={10}
                />
                <TextArea
                  name="followUpNote"
                  label={c.followUpNote}
                  value={v('followUpNote')}
                  error={errors.followUpNote}
                  rows={3}
                />
                <Submit label={c.saveFollowUp} />
              </Form>
            ) : null
          ) : null}
        </section>
      ) : null}
    </>
  );
}
