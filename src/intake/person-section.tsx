import { caseContextOf } from '../cases/domain.ts';
import type { PersonSection } from '../people/sections.ts';
import { decide, permittedActions } from '../platform/access/policy.ts';
import type { AccessScope } from '../platform/access/scope.ts';
import type { PageContext } from '../platform/layout/page-context.ts';
import { intakeTexts } from './i18n/index.ts';

/**
 * Every concern report about the child on the child's page (prop. 2024/25:89: reports stay
 * searchable also when no investigation was opened), as far as the viewer may read each one.
 */

async function reportsOfChild(scope: AccessScope, childId: string) {
  return scope.db
    .selectFrom('report as r')
    .leftJoin('child_case as c', (join) =>
      join.onRef('c.municipality_id', '=', 'r.municipality_id').onRef('c.id', '=', 'r.case_id'),
    )
    .select([
      'r.id',
      'r.reference',
      'r.received_on',
      'r.unit_id',
      'r.reporter_kind',
      'r.reporter_name',
      'r.reporter_title',
      'r.reporter_organisation',
      'r.protection_outcome',
      'r.joined_ongoing',
      'r.case_id',
      'c.unit_id as case_unit_id',
      'c.responsible_user_id',
      'c.phase',
      'c.initial_decision',
    ])
    .where('r.municipality_id', '=', scope.actor.municipalityId)
    .where('r.child_id', '=', childId)
    .orderBy('r.received_at', 'desc')
    .execute();
}

type Row = Awaited<ReturnType<typeof reportsOfChild>>[number];
interface Data {
  rows: Row[];
  hidden: number;
}

function outcomeOf(r: Row) {
  if (!r.case_id) return 'notLinked' as const;
  if (r.joined_ongoing) return 'joined' as const;
  return r.initial_decision ?? ('pending' as const);
}

function reporterLabel(ctx: PageContext, r: Row) {
  const x = intakeTexts(ctx.lang).childReports;
  return r.reporter_kind === 'professional'
    ? [r.reporter_organisation, r.reporter_name].filter(Boolean).join(', ') || x.reporterKinds.professional
    : x.reporterKinds[r.reporter_kind];
}

export const reportsOfChildSection: PersonSection<Data> = {
  id: 'childReports',
  order: 20,
  async load(scope, person) {
    // A role that reads no reports sees no section at all.
    if (!permittedActions(scope.actor.role).includes('report.read')) return null;
    const all = await reportsOfChild(scope, person.id);
    const rows = all.filter(
      (r) =>
        decide(scope.actor, 'report.read', {
          type: 'report',
          municipalityId: scope.actor.municipalityId,
          case: caseContextOf(
            r.case_id && r.phase
              ? { unit_id: r.case_unit_id!, responsible_user_id: r.responsible_user_id, phase: r.phase }
              : null,
            r.unit_id,
          ),
        }).allowed,
    );
    await scope.audit(
      ...rows.map((r) => ({
        action: 'report.read',
        subjectPersonId: person.id,
        recordType: 'report',
        recordId: r.id,
      })),
    );
    return { rows, hidden: all.length - rows.length };
  },
  render(ctx, { rows, hidden }) {
    const x = intakeTexts(ctx.lang).childReports;
    return (
      <section>
        <h2 id="child-reports-heading">{x.title}</h2>
        <p class="hint">{x.intro}</p>
        {rows.length === 0 && hidden === 0 ? <p>{x.none}</p> : null}
        {rows.length ? (
          <section class="table-wrap" aria-labelledby="child-reports-heading" tabindex={0}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{x.received}</th>
                  <th scope="col">{x.report}</th>
                  <th scope="col">{x.reporter}</th>
                  <th scope="col">{x.protection}</th>
                  <th scope="col">{x.outcome}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td class="nowrap">{r.received_on}</td>
                    <td>
                      <a href={`/intake/reports/${r.id}`}>{r.reference}</a>
                    </td>
                    <td>{reporterLabel(ctx, r)}</td>
                    <td>
                      {r.protection_outcome === 'immediateProtectionNeeded' ? (
                        <span class="tag tag--urgent">
                          {intakeTexts(ctx.lang).protectionOutcomes[r.protection_outcome]}
                        </span>
                      ) : r.protection_outcome ? (
                        intakeTexts(ctx.lang).protectionOutcomes[r.protection_outcome]
                      ) : (
                        x.notAssessed
                      )}
                    </td>
                    <td>
                      {r.case_id ? (
                        <a href={`/cases/${r.case_id}`}>{x.outcomes[outcomeOf(r)]}</a>
                      ) : (
                        x.outcomes[outcomeOf(r)]
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        {hidden ? <p>{x.hidden(hidden)}</p> : null}
      </section>
    );
  },
  timeline: (ctx, { rows }) =>
    rows.map((r) => ({
      date: r.received_on,
      kind: intakeTexts(ctx.lang).childReports.timelineKind,
      text: intakeTexts(ctx.lang).childReports.timelineText(r.reference, reporterLabel(ctx, r)),
      href: `/intake/reports/${r.id}`,
    })),
  professionals: (ctx, { rows }) =>
    rows
      .filter((r) => r.reporter_kind === 'professional' && r.reporter_name)
      .map((r) => ({
        name: [r.reporter_name, r.reporter_title].filter(Boolean).join(', '),
        organisation: r.reporter_organisation,
        role: intakeTexts(ctx.lang).childReports.reportedOn(r.received_on),
        href: `/intake/reports/${r.id}`,
      })),
};
