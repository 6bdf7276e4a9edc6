import type { VNode } from 'preact';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { answerBy, appealabilityOf, type DocumentChoice, newActFrom } from '../domain.ts';
import { documentsTexts } from '../i18n/index.ts';
import type { DocumentsView } from '../service.ts';
import { AboutChild, DocumentPage, Prose } from './document-page.tsx';

/** The five documents of a child's case, each on its printable page. */

type Props = { ctx: PageContext; view: DocumentsView; choice: DocumentChoice };

export function renderDocument(props: Props): VNode {
  const { view, choice } = props;
  const body = {
    investigation: Investigation,
    partyCommunication: PartyCommunication,
    decision: DecisionLetter,
    noInvestigation: NoInvestigation,
    feedback: Feedback,
  }[choice.kind];
  const initial = choice.kind === 'noInvestigation' || choice.kind === 'feedback';
  return (
    <DocumentPage
      ctx={props.ctx}
      view={view}
      choice={choice}
      decisionMaker={initial ? view.initialDeciderName : view.deciderName}
    >
      {body(props)}
    </DocumentPage>
  );
}

const proposalOf = (view: DocumentsView) => view.details?.proposal || view.case.conclusion_text;

function Investigation({ ctx, view }: Props) {
  const d = documentsTexts(ctx.lang);
  const k = view.case;
  return (
    <>
      <h1>{d.investigationHeading}</h1>
      <p class="doc-law">{d.investigationLaw}</p>
      <AboutChild ctx={ctx} view={view} />
      {k.investigation_opened_on ? <p>{d.openedOn(k.investigation_opened_on)}</p> : null}
      <h2>{d.reasonForInvestigation}</h2>
      {view.reports.map((r) => (
        <section key={r.id} class="doc-report">
          <h3>{d.reportLine(r.reference, r.received_on)}</h3>
          <p class="prewrap">{r.concern}</p>
        </section>
      ))}
      <h2>{d.bbicNeeds}</h2>
      <Prose text={k.needs_text} empty={d.notWritten} />
      <h2>{d.bbicParents}</h2>
      <Prose text={k.parents_capacity_text} empty={d.notWritten} />
      <h2>{d.bbicFamily}</h2>
      <Prose text={k.family_environment_text} empty={d.notWritten} />
      <h2>{d.childsAccount}</h2>
      {view.voices.map((v) => (
        <section key={v.id}>
          <h3>{d.heardOn(v.held_on)}</h3>
          <p class="doc-law">{v.circumstances}</p>
          <blockquote class="prewrap">{v.account}</blockquote>
        </section>
      ))}
      {k.childs_voice_waived_reason ? <p>{d.childNotHeard(k.childs_voice_waived_reason)}</p> : null}
      {view.voices.length === 0 && !k.childs_voice_waived_reason ? (
        <p class="doc-empty">{d.noAccount}</p>
      ) : null}
      <h2>{d.analysis}</h2>
      <Prose text={k.conclusion_text} empty={d.notWritten} />
      <h2>{d.proposal}</h2>
      <Prose text={proposalOf(view)} empty={d.notWritten} />
    </>
  );
}

function PartyCommunication({ ctx, view, choice }: Props) {
  const d = documentsTexts(ctx.lang);
  return (
    <>
      <h1>{d.communicationHeading}</h1>
      <AboutChild ctx={ctx} view={view} />
      <p>{d.communicationIntro}</p>
      <h2>{d.analysis}</h2>
      <Prose text={view.case.conclusion_text} empty={d.notWritten} />
      <h2>{d.proposal}</h2>
      <Prose text={proposalOf(view)} empty={d.notWritten} />
      <p class="doc-important">{d.communicationAnswer(answerBy(choice.date))}</p>
      <p>{d.communicationHow}</p>
    </>
  );
}

function DecisionLetter({ ctx, view, choice }: Props) {
  const d = documentsTexts(ctx.lang);
  const k = view.case;
  const application = view.details?.application ?? 'none';
  const appeal = appealabilityOf({
    kind: 'investigation',
    outcome: k.decision_outcome,
    application,
    decidedOn: choice.date,
  });
  return (
    <>
      <h1>{d.decisionHeading}</h1>
      <AboutChild ctx={ctx} view={view} />
      <p>{d.decidedOn(choice.date)}</p>
      <h2>{d.whatDecided}</h2>
      {k.decision_outcome ? <p>{d.outcomes[k.decision_outcome]}</p> : null}
      {k.decision_outcome === 'interventions' && view.interventions.length ? (
        <ul>
          {view.interventions.map((i) => (
            <li key={i.id}>{i.name}</li>
          ))}
        </ul>
      ) : null}
      {k.decision_text ? <p class="prewrap">{k.decision_text}</p> : null}
      {view.details?.applied_for ? <p>{d.appliedForLine(view.details.applied_for)}</p> : null}
      <h2>{d.grounds}</h2>
      <p class="doc-law">{d.groundsLaw}</p>
      <Prose text={k.conclusion_text} empty={d.notWritten} />
      {k.decision_outcome === 'interventions' ? (
        <p>{d.legalBasisInterventions(choice.date < newActFrom)}</p>
      ) : null}
      <Appeal ctx={ctx} view={view} appeal={appeal} />
    </>
  );
}

function Appeal({
  ctx,
  view,
  appeal,
}: {
  ctx: PageContext;
  view: DocumentsView;
  appeal: ReturnType<typeof appealabilityOf>;
}) {
  const d = documentsTexts(ctx.lang);
  if (!appeal.appealable)
    return (
      <section class="doc-appeal">
        <h2>{d.notAppealableHeading}</h2>
        <p>{d.notAppealable[appeal.reason]}</p>
      </section>
    );
  return (
    <section class="doc-appeal">
      <h2>{d.appealHeading}</h2>
      {d
        .appealText(view.municipality)
        .split('\n')
        .map((line) => (
          <p key={line}>{line}</p>
        ))}
      <p class="doc-law">{d.appealLaw(appeal.ground, appeal.procedure)}</p>
    </section>
  );
}

function NoInvestigation({ ctx, view, choice }: Props) {
  const d = documentsTexts(ctx.lang);
  return (
    <>
      <h1>{d.noInvestigationHeading}</h1>
      <p class="doc-law">{d.noInvestigationLaw}</p>
      <AboutChild ctx={ctx} view={view} />
      <p>{d.noInvestigationText(choice.date)}</p>
      <ul class="doc-reports">
        {view.reports.map((r) => (
          <li key={r.id}>{d.reportLine(r.reference, r.received_on)}</li>
        ))}
      </ul>
      <h2>{d.reasons}</h2>
      <Prose text={view.case.initial_decision_reason} empty={d.notWritten} />
      <Appeal
        ctx={ctx}
        view={view}
        appeal={appealabilityOf({ kind: 'noInvestigation', application: 'none', decidedOn: choice.date })}
      />
    </>
  );
}

function Feedback({ ctx, view, choice }: Props) {
  const d = documentsTexts(ctx.lang);
  const report = view.reports.find((r) => `report:${r.id}` === choice.recipient);
  const k = view.case;
  const outcome = report?.joined_ongoing || !k.initial_decision ? 'ongoing' : k.initial_decision;
  return (
    <>
      <h1>{d.feedbackHeading}</h1>
      {report ? <p>{d.feedbackAbout(report.reference, report.received_on)}</p> : null}
      <p class="doc-important">{d.feedbackOutcome[outcome]}</p>
      <p class="doc-law">{d.feedbackLaw}</p>
      <p>{d.feedbackThanks}</p>
    </>
  );
}
