import {
  CsrfField,
  type FieldErrors,
  RadioGroup,
  SelectField,
  TextField,
} from '../../platform/layout/forms.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { placementTexts } from '../i18n/index.ts';
import { moreTexts } from '../i18n/more.ts';
import {
  currentDecision,
  type DecisionMakerKind,
  decisionMakerKinds,
  isFamilyHome,
  isLvu,
} from '../model.ts';
import type { ReviewRecord } from '../queries/facts.ts';
import { restrictionKinds } from '../restrictions.ts';
import type { PlacementView } from '../service/read.ts';
import { type Values, value } from './shared.tsx';

/**
 * The placement's LVU 14 § decisions and moving bans with the committee's reviews, and the forms
 * to record them (docs/decisions/0120). Each form's fields carry its name: they share the page.
 */
export function RestrictionsSection({
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
  const m = moreTexts(ctx.lang);
  const id = view.row.id;
  const v = (name: string) => value(values, name);
  const maker = (kind: DecisionMakerKind | null, name: string | null) =>
    kind ? ` – ${p.makers[kind]}${name ? ` (${name})` : ''}` : '';
  const reviewed = (reviews: readonly ReviewRecord[]) =>
    reviews.length
      ? ` · ${m.reviews(reviews.length)}, ${reviews.at(-1)!.decidedOn}: ${m.reviewOutcomes[reviews.at(-1)!.outcome]}`
      : '';
  const open = !view.row.ended_on && mayRecord;
  // Only the forms that can apply: 14 § during LVU care, a moving ban for a child in a family home.
  const lvu = isLvu(currentDecision(view.placement).basis);
  const familyHome = !!view.period && isFamilyHome(view.period.form);
  const subjects = [
    ...view.restrictions
      .filter((r) => !r.endedOn)
      .map((r) => [r.id, `${r.decidedOn}: ${m.restrictionKinds[r.kind]}`] as const),
    ...view.movingBans
      .filter((b) => b.courtDecidedOn && !b.endedOn)
      .map((b) => [b.id, `${b.courtDecidedOn}: ${m.movingBan}`] as const),
  ];
  // The court decides one application at a time: its decision is recorded on the oldest pending one.
  const pending = view.movingBans.filter((b) => !b.courtDecidedOn && !b.endedOn).slice(0, 1);
  const makerOptions = (name: string) => (
    <SelectField
      name={`${name}ByKind`}
      label={m.decidedBy}
      value={v(`${name}ByKind`) ?? 'committee'}
      error={errors[`${name}ByKind`]}
      options={decisionMakerKinds.filter((k) => k !== 'court').map((k) => [k, p.makers[k]] as const)}
    />
  );
  const makerFields = (name: string) => (
    <>
      {makerOptions(name)}
      <TextField
        name={`${name}ByName`}
        label={m.decidedByName}
        value={v(`${name}ByName`)}
        error={errors[`${name}ByName`]}
        maxLength={200}
      />
      <TextField
        name={`${name}Protocol`}
        label={m.protocolReference}
        value={v(`${name}Protocol`)}
        maxLength={100}
      />
    </>
  );
  return (
    <section aria-labelledby="restrictions-heading" id="restrictions">
      <h2 id="restrictions-heading">{m.restrictionsTitle}</h2>
      <p class="hint">{m.restrictionsIntro}</p>
      {view.restrictions.length + view.movingBans.length === 0 ? (
        <p>{m.noRestrictions}</p>
      ) : (
        <ul class="plain-list">
          {view.restrictions.map((r) => (
            <li key={r.id} data-restriction={r.kind} data-ended={r.endedOn ?? ''}>
              {r.decidedOn}: {m.restrictionKinds[r.kind]}
              {maker(r.decidedByKind, r.decidedByName)}
              {reviewed(r.reviews)}
              {r.endedOn ? ` · ${m.endedOn(r.endedOn)}` : ''}
            </li>
          ))}
          {view.movingBans.map((b) => (
            <li key={b.id} data-moving-ban={b.courtDecidedOn ? 'inForce' : 'pending'}>
              {m.movingBan}: {b.courtDecidedOn ?? `${b.appliedOn}, ${m.movingBanPending}`}
              {maker(b.decidedByKind, b.decidedByName)}
              {reviewed(b.reviews)}
              {b.endedOn ? ` · ${m.endedOn(b.endedOn)}` : ''}
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <>
          {lvu ? (
            <>
              <h3 id="restriction-form-heading">{m.recordRestriction}</h3>
              <form
                method="post"
                action={`/placements/${id}/restrictions`}
                class="stacked-form"
                aria-labelledby="restriction-form-heading"
                novalidate
              >
                <CsrfField token={ctx.csrf} />
                <RadioGroup
                  name="restrictionKind"
                  legend={m.restrictionKind}
                  value={v('restrictionKind') ?? 'whereaboutsSecret'}
                  error={errors.restrictionKind}
                  options={restrictionKinds.map((k) => [k, m.restrictionKinds[k]] as const)}
                />
                <TextField
                  name="restrictionOn"
                  type="date"
                  label={m.decidedOnLabel}
                  value={v('restrictionOn')}
                  error={errors.restrictionOn}
                />
                {makerFields('restriction')}
                <button type="submit" class="button button--secondary">
                  {m.recordRestriction}
                </button>
              </form>
            </>
          ) : null}
          {familyHome ? (
            <>
              <h3 id="ban-form-heading">{m.recordMovingBan}</h3>
              <form
                method="post"
                action={`/placements/${id}/moving-bans`}
                class="stacked-form"
                aria-labelledby="ban-form-heading"
                novalidate
              >
                <CsrfField token={ctx.csrf} />
                <TextField
                  name="appliedOn"
                  type="date"
                  label={m.appliedOn}
                  value={v('appliedOn')}
                  error={errors.appliedOn}
                />
                {makerFields('ban')}
                <TextField
                  name="courtDecidedOn"
                  type="date"
                  label={m.courtDecidedOn}
                  hint={m.courtDecidedHint}
                  value={v('courtDecidedOn')}
                  error={errors.courtDecidedOn}
                />
                <button type="submit" class="button button--secondary">
                  {m.recordMovingBan}
                </button>
              </form>
            </>
          ) : null}
          {pending.map((b) => (
            <form
              key={b.id}
              method="post"
              action={`/placements/${id}/moving-bans`}
              class="stacked-form"
              aria-label={`${m.courtDecidedOn}: ${b.appliedOn}`}
              novalidate
            >
              <CsrfField token={ctx.csrf} />
              <input type="hidden" name="banId" value={b.id} />
              <TextField
                name="banCourtOn"
                type="date"
                label={`${m.courtDecidedOn} (${b.appliedOn})`}
                error={errors.banCourtOn}
              />
              <button type="submit" class="button button--secondary">
                {m.save}
              </button>
            </form>
          ))}
          {subjects.length ? (
            <>
              <h3 id="review-form-heading">{m.recordReview}</h3>
              <form
                method="post"
                action={`/placements/${id}/reviews`}
                class="stacked-form"
                aria-labelledby="review-form-heading"
                novalidate
              >
                <CsrfField token={ctx.csrf} />
                <SelectField
                  name="subject"
                  label={m.reviewSubject}
                  value={v('subject')}
                  error={errors.subject}
                  options={subjects}
                />
                <TextField
                  name="reviewedOn"
                  type="date"
                  label={m.reviewedOn}
                  value={v('reviewedOn')}
                  error={errors.reviewedOn}
                />
                {makerFields('review')}
                <RadioGroup
                  name="reviewOutcome"
                  legend={m.reviewOutcome}
                  value={v('reviewOutcome') ?? 'continues'}
                  error={errors.reviewOutcome}
                  options={(['continues', 'ends'] as const).map((o) => [o, m.reviewOutcomes[o]] as const)}
                />
                <button type="submit" class="button button--secondary">
                  {m.recordReview}
                </button>
              </form>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
