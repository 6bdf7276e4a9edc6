import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { sipLegalReference } from '../domain/plan.ts';
import { sipTexts } from '../i18n/index.ts';
import type { SipView } from '../service/read.ts';
import { responsibleName } from './content.tsx';
import { childLabel } from './shared.tsx';

export function PrintPage({ ctx, view }: { ctx: PageContext; view: SipView }) {
  const { t } = ctx;
  const s = sipTexts(ctx.lang);
  const sip = view.facts.sip;
  const name = childLabel(view.child, null);
  const firstName = view.child?.given_name ?? name;
  const lead = view.participants.find((p) => p.organisation_id === sip.lead_organisation_id);
  const legal = sipLegalReference(view.today);
  return (
    <Layout ctx={ctx} title={s.printTitle(name)}>
      <div class="print-plan">
        <p class="no-print">
          <a href={`/sips/${sip.id}`}>{s.backToPlan}</a> · {s.printButton}
        </p>
        <h1>{s.printTitle(name)}</h1>
        <section class="for-child" aria-labelledby="for-child-heading">
          <h2 id="for-child-heading">{s.forTheChild}</h2>
          <p class="lead">{s.childSummaryIntro(firstName)}</p>
          {sip.summary_for_child ? <p class="pre-line">{sip.summary_for_child}</p> : null}
          {view.goals.length ? (
            <>
              <p>{s.childGoalsIntro}</p>
              <ul>
                {view.goals.map((g) => (
                  <li key={g.id}>{g.childs_words || g.goal}</li>
                ))}
              </ul>
            </>
          ) : null}
          {view.actions.length ? (
            <>
              <p>{s.childWhoDoesWhat}</p>
              <ul>
                {view.actions.map((a) => (
                  <li key={a.id}>
                    <strong>{a.responsible_person || responsibleName(view, a)}</strong>: {a.description}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {sip.follow_up_on ? <p>{s.childNextMeeting(sip.follow_up_on)}</p> : null}
          <p>{s.childCanSayNo}</p>
        </section>
        <section aria-labelledby="plan-heading" class="page-break">
          <h2 id="plan-heading">{s.forTheFamily}</h2>
          <dl class="summary-list">
            <dt>{s.child}</dt>
            <dd>{name}</dd>
            <dt>{s.statusLabel}</dt>
            <dd>{s.status[sip.status]}</dd>
            <dt>{s.lead}</dt>
            <dd>{lead?.name ?? s.notSet}</dd>
            <dt>{s.coordinator}</dt>
            <dd>{view.coordinatorName ?? '–'}</dd>
            <dt>{s.participants}</dt>
            <dd>
              {view.participants
                .map((p) => (p.contact_name ? `${p.name} (${p.contact_name})` : p.name))
                .join(', ')}
            </dd>
            <dt>{s.familyParticipants}</dt>
            <dd>{sip.family_participants || t.notGiven}</dd>
            <dt>{s.followUpOn}</dt>
            <dd>{sip.follow_up_on ?? s.notSet}</dd>
          </dl>
          {view.needs.length ? (
            <>
              <h3>{s.needs}</h3>
              <ul>
                {view.needs.map((n) => (
                  <li key={n.id}>
                    {s.areas[n.area]}: {n.description}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>{s.goals}</h3>
          <ul>
            {view.goals.map((g) => (
              <li key={g.id}>
                {s.areas[g.area]}: {g.goal}
                {g.childs_words ? ` (”${g.childs_words}”)` : ''}
              </li>
            ))}
          </ul>
          <h3>{s.actions}</h3>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{s.action}</th>
                <th scope="col">{s.responsible}</th>
                <th scope="col">{s.dueOn}</th>
                <th scope="col">{s.actionStatusLabel}</th>
              </tr>
            </thead>
            <tbody>
              {view.actions.map((a) => (
                <tr key={a.id}>
                  <td>{a.description}</td>
                  <td>
                    {responsibleName(view, a)}
                    {a.responsible_person ? `, ${a.responsible_person}` : ''}
                  </td>
                  <td>{a.due_on}</td>
                  <td>{s.actionStatus[a.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="hint">{s.legal(legal.socialServices, legal.healthCare)}</p>
          <p class="hint">{s.printedOn(view.today)}</p>
        </section>
      </div>
    </Layout>
  );
}
