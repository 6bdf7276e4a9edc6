import type { ComponentChildren } from 'preact';
import { ErrorSummary, type FieldErrors, Notice } from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { placementTexts } from '../i18n/index.ts';
import { currentDecision, startedOn } from '../model.ts';
import type { PlacementView } from '../service/read.ts';
import { PlacementForms, type PlacementPermissions } from './placement-forms.tsx';
import { RestrictionsSection } from './restrictions.tsx';
import { childName, DutyTable, type Values } from './shared.tsx';
import { TemporaryBansSection } from './temporary-bans.tsx';

/** The placement: its duties from the schedule, the guideline's visits, the history, and its forms. */
export function PlacementPage({
  ctx,
  view,
  can,
  notice,
  errors = {},
  values,
  address,
}: {
  ctx: PageContext;
  view: PlacementView;
  can: PlacementPermissions;
  notice?: string | undefined;
  errors?: FieldErrors;
  values?: Values | undefined;
  address?: string | null | undefined;
}) {
  const p = placementTexts(ctx.lang);
  const { row, placement, period } = view;
  const decision = currentDecision(placement);
  const title = p.placementOf(childName(view.child));
  const homeName = (id: string) => view.homeNames.get(id) ?? '–';
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <dl class="facts">
        <dt>{p.child}</dt>
        <dd>
          <a href={`/people/${view.child.id}`}>{childName(view.child)}</a>
        </dd>
        <dt>{p.legalBasis}</dt>
        <dd data-basis={decision.basis}>{p.bases[decision.basis]}</dd>
        <dt>{p.form}</dt>
        <dd data-form={period?.form ?? ''}>{period ? p.forms[period.form] : '–'}</dd>
        <dt>{p.home}</dt>
        <dd>{period ? homeName(period.homeId) : '–'}</dd>
        <dt>{p.startedOn}</dt>
        <dd>{startedOn(placement) ?? '–'}</dd>
        <dt>{p.designatedWorker}</dt>
        <dd>{view.designatedName ?? p.noDesignatedWorker}</dd>
        {row.ended_on ? (
          <>
            <dt>{p.endedOn}</dt>
            <dd data-ended={row.ended_on}>
              {row.ended_on} – {row.end_outcome ? p.outcomes[row.end_outcome] : ''}
            </dd>
          </>
        ) : null}
        <dt>{p.unaccompanied}</dt>
        <dd>
          <a href={`/unaccompanied/${view.child.id}`}>{p.unaccompanied}</a>
        </dd>
        {row.case_id ? (
          <>
            <dt>{p.caseLink}</dt>
            <dd>
              <a href={`/cases/${row.case_id}`}>{p.caseLink}</a>
            </dd>
          </>
        ) : null}
        {address !== undefined ? (
          <>
            <dt>{p.address}</dt>
            <dd data-address="shown">{address ?? '–'}</dd>
          </>
        ) : null}
      </dl>
      <Section id="duties" title={p.duties}>
        <p class="hint">{p.dutiesIntro}</p>
        <DutyTable
          lang={ctx.lang}
          duties={view.duties}
          today={view.today}
          caption={`${p.duties}: ${childName(view.child)}`}
        />
        {can.consider && !row.ended_on ? (
          <p>
            <a class="button button--secondary" href={`/placements/${row.id}/reconsideration`}>
              {p.newReconsideration}
            </a>
          </p>
        ) : null}
      </Section>
      <Section id="contacts" title={p.contacts}>
        <p>{p.guideline(view.settings.visitsPerYear, view.settings.privateTalksPerYear)}</p>
        {view.contactStatus ? (
          <ul class="plain-list">
            <li data-measure="visits">
              {p.visitsLabel}: {p.lastYear(view.contactStatus.visits.lastYear)}; {p.nextVisit}{' '}
              {view.contactStatus.visits.nextDueOn}
              {view.contactStatus.visits.below ? (
                <span class="tag tag--warning"> {p.belowGuideline}</span>
              ) : null}
            </li>
            <li data-measure="privateTalks">
              {p.privateTalksLabel}: {p.lastYear(view.contactStatus.privateTalks.lastYear)}
              {view.contactStatus.privateTalks.below ? (
                <span class="tag tag--warning"> {p.belowGuideline}</span>
              ) : null}
            </li>
            {view.contactStatus.attemptsSinceLastVisit ? (
              <li>{p.attemptsSinceLastVisit(view.contactStatus.attemptsSinceLastVisit)}</li>
            ) : null}
          </ul>
        ) : null}
        {view.contacts.length === 0 ? (
          <p>{p.noContacts}</p>
        ) : (
          <ul class="plain-list">
            {view.contacts.map((c) => (
              <li key={c.id} data-contact={c.kind} data-outcome={c.outcome}>
                {c.on}: {p.contactKinds[c.kind]}, {p.contactPlaces[c.place]}
                {c.outcome === 'attempted' ? ` – ${p.attempted}` : ''}
                {c.childAlone === true ? ` – ${p.privateTalksLabel}` : ''}
                {c.childAlone === false && c.notAloneReason
                  ? ` – ${p.notAloneReasons[c.notAloneReason]}`
                  : ''}
                {c.attendedTo.length ? ` (${c.attendedTo.map((a) => p.areas[a]).join(', ')})` : ''}
                {c.note ? <p class="note">{c.note}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="history" title={p.decisions}>
        <ul class="plain-list">
          {placement.decisions.map((d, i) => (
            <li key={i}>
              {d.decidedOn}: {p.bases[d.basis]} – {p.makers[d.decidedBy.kind]} ({d.decidedBy.name})
              {d.executedOn ? `, ${p.executedOn.toLowerCase()} ${d.executedOn}` : ''}
            </li>
          ))}
        </ul>
        <h3>{p.periods}</h3>
        <ul class="plain-list">
          {placement.periods.map((period, i) => (
            <li key={i} data-period={period.homeId}>
              {period.startedOn}: {homeName(period.homeId)} ({p.forms[period.form]})
            </li>
          ))}
        </ul>
        <h3>{p.considerations}</h3>
        {view.considerations.length === 0 ? (
          <p>{p.none}</p>
        ) : (
          <ul class="plain-list">
            {view.considerations.map((k) => (
              <li key={k.id} data-consideration={k.kind}>
                {k.decidedOn}: {p.considerationKinds[k.kind]} – {p.makers[k.decidedByKind as 'committee']} (
                {k.decidedByName}){k.conclusion ? `: ${k.conclusion}` : ''}
              </li>
            ))}
          </ul>
        )}
        <h3>{p.steps}</h3>
        {view.steps.length === 0 ? (
          <p>{p.none}</p>
        ) : (
          <ul class="plain-list">
            {view.steps.map((s) => (
              <li key={s.id} data-step={s.kind}>
                {s.on}: {p.stepKinds[s.kind]}
                {s.note ? ` – ${s.note}` : ''}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <RestrictionsSection ctx={ctx} view={view} mayRecord={can.consider} errors={errors} values={values} />
      <TemporaryBansSection ctx={ctx} view={view} mayRecord={can.consider} errors={errors} values={values} />
      <PlacementForms ctx={ctx} view={view} can={can} errors={errors} values={values} />
    </Layout>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}
