import type { PersonSection, TimelineEntry } from '../people/sections.ts';
import { decide } from '../platform/access/policy.ts';
import type { AccessScope } from '../platform/access/scope.ts';
import type { PageContext } from '../platform/layout/page-context.ts';
import { caseContextOf } from './domain.ts';
import { casesTexts } from './i18n/index.ts';
import { interventionsOfCases } from './queries.ts';
import type { ChildCase } from './schema.ts';

/**
 * The child's cases on the child's page: each with its phase, decisions and interventions with
 * their dates, and the child's siblings and guardians with their own cases linked. Only the cases
 * the viewer may read are shown (and audited); the others are counted.
 */

const m = (scope: AccessScope) => scope.actor.municipalityId;

const mayRead = (scope: AccessScope, c: Pick<ChildCase, 'unit_id' | 'responsible_user_id' | 'phase'>) =>
  decide(scope.actor, 'case.read', { type: 'case', municipalityId: m(scope), case: caseContextOf(c) })
    .allowed;

async function casesOf(scope: AccessScope, childIds: readonly string[]) {
  if (childIds.length === 0) return [];
  const cases = await scope.db
    .selectFrom('child_case as c')
    .leftJoin('user_account as u', 'u.id', 'c.responsible_user_id')
    .select([
      'c.id',
      'c.child_id',
      'c.unit_id',
      'c.responsible_user_id',
      'c.phase',
      'c.opened_on',
      'c.initial_decision',
      'c.initial_decided_on',
      'c.investigation_opened_on',
      'c.decision_outcome',
      'c.decided_on',
      'c.closed_on',
      'u.display_name as responsible_name',
    ])
    .where('c.municipality_id', '=', m(scope))
    .where('c.child_id', 'in', childIds)
    .orderBy('c.opened_on', 'desc')
    .execute();
  const visible = cases.filter((c) => mayRead(scope, c));
  const interventions = await interventionsOfCases(
    scope,
    visible.map((c) => c.id),
  );
  return cases.map((c) => ({
    ...c,
    visible: visible.includes(c),
    interventions: interventions.filter((i) => i.case_id === c.id).map((i) => i.name),
  }));
}

type CaseRow = Awaited<ReturnType<typeof casesOf>>[number];

async function familyOf(scope: AccessScope, childId: string) {
  const guardianIds = scope.db
    .selectFrom('guardianship')
    .select('guardian_id')
    .where('municipality_id', '=', m(scope))
    .where('child_id', '=', childId);
  const [guardians, siblings] = await Promise.all([
    scope.db
      .selectFrom('person')
      .select(['id', 'given_name', 'family_name', 'birth_date'])
      .where('municipality_id', '=', m(scope))
      .where('id', 'in', guardianIds)
      .orderBy('family_name')
      .execute(),
    scope.db
      .selectFrom('person')
      .select(['id', 'given_name', 'family_name', 'birth_date'])
      .where('municipality_id', '=', m(scope))
      .where('id', '<>', childId)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('guardianship')
          .select('child_id')
          .where('municipality_id', '=', m(scope))
          .where('guardian_id', 'in', guardianIds),
      )
      .orderBy('birth_date')
      .execute(),
  ]);
  return [
    ...siblings.map((p) => ({ ...p, relation: 'sibling' as const })),
    ...guardians.map((p) => ({ ...p, relation: 'guardian' as const })),
  ];
}

interface Data {
  cases: CaseRow[];
  family: (Awaited<ReturnType<typeof familyOf>>[number] & { cases: CaseRow[] })[];
}

export const casesOfChildSection: PersonSection<Data> = {
  id: 'childCases',
  order: 30,
  async load(scope, person) {
    if (
      !decide(scope.actor, 'worklist.read', {
        type: 'worklist',
        municipalityId: m(scope),
        unitId: scope.actor.unitId,
      }).allowed
    )
      return null;
    const family = await familyOf(scope, person.id);
    const all = await casesOf(scope, [person.id, ...family.map((f) => f.id)]);
    const data: Data = {
      cases: all.filter((c) => c.child_id === person.id),
      family: family.map((f) => ({ ...f, cases: all.filter((c) => c.child_id === f.id) })),
    };
    await scope.audit(
      ...all
        .filter((c) => c.visible)
        .map((c) => ({
          action: 'case.read',
          subjectPersonId: c.child_id,
          recordType: 'case',
          recordId: c.id,
        })),
      ...family
        .filter((f) => f.relation === 'sibling')
        .map((f) => ({
          action: 'person.read',
          subjectPersonId: f.id,
          recordType: 'siblingOf',
          recordId: person.id,
        })),
    );
    return data;
  },
  render(ctx, data) {
    const c = casesTexts(ctx.lang);
    const x = c.childCases;
    const shown = data.cases.filter((k) => k.visible);
    const hidden = data.cases.length - shown.length;
    return (
      <>
        <section aria-labelledby="child-cases-heading">
          <h2 id="child-cases-heading">{x.title}</h2>
          {data.cases.length === 0 ? <p>{x.none}</p> : null}
          {shown.map((k) => (
            <div class="panel" key={k.id}>
              <h3>
                <a href={`/cases/${k.id}`}>{x.caseOpened(k.opened_on)}</a>{' '}
                <span class="tag">{c.phase[k.phase]}</span>
              </h3>
              <ul class="plain-list">
                <li>
                  {x.responsible}: {k.responsible_name ?? c.none}
                </li>
                {k.initial_decision && k.initial_decided_on ? (
                  <li>{x.initial(c.initialDecisions[k.initial_decision], k.initial_decided_on)}</li>
                ) : null}
                {k.investigation_opened_on ? (
                  <li>{x.investigationOpened(k.investigation_opened_on)}</li>
                ) : null}
                {k.decision_outcome && k.decided_on ? (
                  <li>
                    {x.decision(c.outcomes[k.decision_outcome], k.decided_on)}
                    {k.interventions.length ? `: ${k.interventions.join(', ')}` : ''}
                  </li>
                ) : null}
                {k.closed_on ? <li>{x.closedOn(k.closed_on)}</li> : null}
              </ul>
            </div>
          ))}
          {hidden ? <p>{x.hidden(hidden)}</p> : null}
        </section>
        <section>
          <h2 id="family-heading">{x.familyTitle}</h2>
          {data.family.length === 0 ? (
            <p>{x.familyNone}</p>
          ) : (
            <section class="table-wrap" aria-labelledby="family-heading" tabindex={0}>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{x.person}</th>
                    <th scope="col">{x.relation}</th>
                    <th scope="col">{x.theirCases}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.family.map((f) => {
                    const visible = f.cases.filter((k) => k.visible);
                    const notVisible = f.cases.length - visible.length;
                    return (
                      <tr key={f.id}>
                        <td>
                          <a href={`/people/${f.id}`}>
                            {f.given_name} {f.family_name}
                          </a>
                        </td>
                        <td>{x.relations[f.relation]}</td>
                        <td>
                          {f.cases.length === 0 ? x.noCases : null}
                          <ul class="plain-list">
                            {visible.map((k) => (
                              <li key={k.id}>
                                <a href={`/cases/${k.id}`}>{x.caseLink(c.phase[k.phase], k.opened_on)}</a>
                              </li>
                            ))}
                            {notVisible ? <li>{x.hiddenCases(notVisible)}</li> : null}
                          </ul>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          )}
        </section>
      </>
    );
  },
  timeline: (ctx, data) => data.cases.filter((k) => k.visible).flatMap((k) => caseEvents(ctx, k)),
};

function caseEvents(ctx: PageContext, k: CaseRow): TimelineEntry[] {
  const c = casesTexts(ctx.lang);
  const x = c.childCases;
  const href = `/cases/${k.id}`;
  const entries: TimelineEntry[] = [
    { date: k.opened_on, kind: x.timelineCase, text: x.timelineOpened, href },
  ];
  if (k.initial_decision && k.initial_decided_on)
    entries.push({
      date: k.initial_decided_on,
      kind: x.timelineDecision,
      text: `${c.initialTitle}: ${c.initialDecisions[k.initial_decision]}`,
      href,
    });
  if (k.investigation_opened_on && k.investigation_opened_on !== k.initial_decided_on)
    entries.push({
      date: k.investigation_opened_on,
      kind: x.timelineCase,
      text: x.timelineInvestigation,
      href,
    });
  if (k.decision_outcome && k.decided_on)
    entries.push({
      date: k.decided_on,
      kind: x.timelineDecision,
      text: [c.outcomes[k.decision_outcome], ...k.interventions].join(': '),
      href,
    });
  if (k.closed_on) entries.push({ date: k.closed_on, kind: x.timelineCase, text: x.timelineClosed, href });
  return entries;
}
