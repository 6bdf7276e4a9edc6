import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import type { ContactRecord } from '../contacts.ts';
import { placementTexts } from '../i18n/index.ts';
import { decisionMakerKinds } from '../model.ts';
import type { ReconsiderationView } from '../service/consideration.ts';
import { custodyTransferFactors } from '../validation.ts';
import { childName, type Values, value } from './shared.tsx';

type Texts = ReturnType<typeof placementTexts>;

function Contacts({ p, title, items }: { p: Texts; title: string; items: readonly ContactRecord[] }) {
  return (
    <>
      <h3>
        {title} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p>{p.none}</p>
      ) : (
        <ul class="plain-list">
          {items.map((c) => (
            <li key={c.id}>
              {c.on}: {p.contactKinds[c.kind]}, {p.contactPlaces[c.place]}
              {c.attendedTo.length ? ` (${c.attendedTo.map((a) => p.areas[a]).join(', ')})` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The reconsideration document, prefilled since the last one; printable; the committee's decision below it. */
export function ReconsiderationPage({
  ctx,
  view,
  print,
  mayRecord,
  errors = {},
  values,
}: {
  ctx: PageContext;
  view: ReconsiderationView;
  print: boolean;
  mayRecord: boolean;
  errors?: FieldErrors;
  values?: Values | undefined;
}) {
  const p = placementTexts(ctx.lang);
  const placement = view.placement;
  const title = `${p.reconsideration}: ${childName(placement.child)}`;
  const result = view.result;
  const v = (name: string) => value(values, name);
  const defaultKind = result.ok && result.document.rule === 'lvuReview' ? 'lvuReview' : 'reconsideration';
  return (
    <Layout ctx={ctx} title={title} bare={print}>
      {print ? null : (
        <p>
          <a href={`/placements/${placement.row.id}`}>{p.openPlacement}</a>
        </p>
      )}
      <h1>{title}</h1>
      <ErrorSummary t={ctx.t} errors={errors} />
      {print ? null : <p>{p.reconsiderationIntro}</p>}
      {!result.ok ? (
        <p>{p.refusals[result.code]}</p>
      ) : (
        <article class="document" aria-labelledby="document-heading">
          <h2 id="document-heading">
            {p.documentPeriod(result.document.period.from, result.document.period.to)}
          </h2>
          <p>
            {result.document.period.previousOn
              ? p.previousOn(result.document.period.previousOn)
              : p.firstConsideration}
            {result.document.dueOn
              ? ` · ${p.dueOn} ${result.document.dueOn} (${result.document.reference})`
              : ''}
          </p>
          <h3>{p.periods}</h3>
          <ul class="plain-list">
            {result.document.homes.map((h, i) => (
              <li key={i}>
                {h.startedOn}: {placement.homeNames.get(h.homeId) ?? '–'} ({p.forms[h.form]})
              </li>
            ))}
          </ul>
          <Contacts p={p} title={p.visitsLabel} items={result.document.contacts.visits} />
          <Contacts p={p} title={p.privateTalksLabel} items={result.document.contacts.privateTalks} />
          <Contacts p={p} title={p.withCarers} items={result.document.contacts.withCarers} />
          <Contacts p={p} title={p.withGuardians} items={result.document.contacts.withGuardians} />
          <Contacts p={p} title={p.attempts} items={result.document.contacts.attempts} />
          <h3>{p.notAttendedTo}</h3>
          <p>{result.document.notAttendedTo.map((a) => p.areas[a]).join(', ') || p.none}</p>
          <h3>{p.planChanges}</h3>
          <ul class="plain-list">
            {result.document.planChanges.map((c, i) => (
              <li key={i}>
                {c.on}: {c.plan === 'carePlan' ? p.rules.carePlan : p.rules.implementationPlan}
                {c.summary ? ` – ${c.summary}` : ''}
              </li>
            ))}
          </ul>
          <h3>{p.notes}</h3>
          <ul class="plain-list">
            {result.document.notes.map((n) => (
              <li key={n.id}>
                {n.on}: {n.title}
              </li>
            ))}
          </ul>
          <h3>{p.sipFollowUps}</h3>
          <ul class="plain-list">
            {result.document.sipFollowUps.map((f, i) => (
              <li key={i}>
                {f.on}: {f.summary}
              </li>
            ))}
          </ul>
          <h3>{p.gaps}</h3>
          {result.document.gaps.length === 0 ? (
            <p>{p.noGaps}</p>
          ) : (
            <ul class="plain-list">
              {result.document.gaps.map((g) => (
                <li key={g} data-gap={g}>
                  {p.gapTexts[g]}
                </li>
              ))}
            </ul>
          )}
          <h3>{p.questionsTitle}</h3>
          <ul class="plain-list">
            {result.document.questions.map((q) => (
              <li key={q} data-question={q}>
                {p.questions[q]}
              </li>
            ))}
          </ul>
        </article>
      )}
      {print ? null : (
        <p>
          <a href={`/placements/${placement.row.id}/reconsideration?meeting=${view.meetingOn}&print=1`}>
            {p.print}
          </a>
        </p>
      )}
      {mayRecord && !print ? (
        <section aria-labelledby="decide-heading">
          <h2 id="decide-heading">{p.conclusion}</h2>
          <form
            method="post"
            action={`/placements/${placement.row.id}/considerations`}
            class="stacked-form"
            novalidate
          >
            <CsrfField token={ctx.csrf} />
            <SelectField
              name="considerationKind"
              label={p.considerationKind}
              value={v('considerationKind') ?? defaultKind}
              error={errors.considerationKind}
              options={(['reconsideration', 'lvuReview', 'custodyTransfer', 'movingBan'] as const).map(
                (k) => [k, p.considerationKinds[k]] as const,
              )}
            />
            <TextField
              name="decidedOn"
              type="date"
              label={p.decidedOn}
              value={v('decidedOn') ?? view.meetingOn}
              error={errors.decidedOn}
            />
            <SelectField
              name="decidedByKind"
              label={p.decidedBy}
              value={v('decidedByKind') ?? 'committee'}
              error={errors.decidedByKind}
              options={decisionMakerKinds.map((k) => [k, p.makers[k]] as const)}
            />
            <TextField
              name="decidedByName"
              label={p.decidedByName}
              value={v('decidedByName')}
              error={errors.decidedByName}
              maxLength={200}
            />
            <TextField
              name="protocolReference"
              label={p.protocolReference}
              value={v('protocolReference')}
              maxLength={100}
            />
            <TextArea name="conclusion" label={p.conclusion} value={v('conclusion')} rows={4} />
            <fieldset class="fieldset">
              <legend>{p.custodyTransfer}</legend>
              <p class="hint">{p.custodyTransferIntro}</p>
              {custodyTransferFactors.map((f) => (
                <TextArea
                  key={f}
                  name={`factor-${f}`}
                  label={p.factors[f]}
                  value={v(`factor-${f}`)}
                  error={errors[`factor-${f}`]}
                  rows={2}
                />
              ))}
            </fieldset>
            <button type="submit" class="button">
              {p.save}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
