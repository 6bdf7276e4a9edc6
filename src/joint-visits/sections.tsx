import { reportsOfCase } from '../cases/queries.ts';
import type { CaseSection } from '../cases/sections.ts';
import { urgencyOf } from '../deadlines/deadlines.ts';
import type { HomeSection } from '../home/sections.ts';
import { decide } from '../platform/access/policy.ts';
import type { RequestContext } from '../platform/access/scope.ts';
import type { PageContext } from '../platform/layout/page-context.ts';
import type { WorklistSection } from '../worklists/sections.ts';
import { jointVisitsTexts } from './i18n/index.ts';
import { type FollowUpRow, visitsOfCase } from './queries.ts';
import { followUpsIn, visitContext, visitResource } from './service.ts';
import { at } from './views/shared.tsx';

/** What joint visits show on other features' pages (src/platform/features.ts). */

const tagClass = { overdue: 'overdue', dueToday: 'today', dueSoon: 'soon', later: '' } as const;

function FollowUps({ ctx, rows, today }: { ctx: PageContext; rows: FollowUpRow[]; today: string }) {
  const tx = jointVisitsTexts(ctx.lang);
  return (
    <section aria-labelledby="joint-visit-follow-ups" class="worklist">
      <h2 id="joint-visit-follow-ups">{tx.worklistTitle}</h2>
      <ul class="plain-list">
        {rows.map((r) => {
          const { daysLeft, urgency } = urgencyOf(r.follow_up_on, today);
          const label = {
            overdue: tx.overdue,
            dueToday: tx.dueToday,
            dueSoon: tx.daysLeft(daysLeft),
            later: '',
          }[urgency];
          return (
            <li key={r.id}>
              <a href={`/joint-visits/${r.id}#follow-up-heading`}>
                {r.given_name} {r.family_name}
              </a>
              : {tx.followUpDue(r.follow_up_on)}{' '}
              {label ? <span class={`tag tag--due-${tagClass[urgency]}`}>{label}</span> : null}
            </li>
          );
        })}
      </ul>
      <p>
        <a href="/joint-visits">{tx.title}</a>
      </p>
    </section>
  );
}

const mayList = (context: RequestContext) => {
  const actor = context.actor;
  if (!actor || actor.role === 'partnerProfessional') return false;
  return decide(actor, 'jointVisit.list', {
    type: 'jointVisitRegister',
    municipalityId: actor.municipalityId,
    unitId: actor.unitId,
  }).allowed;
};

interface Due {
  rows: FollowUpRow[];
  today: string;
}

const loadDue = async (scope: Parameters<HomeSection['load']>[0]): Promise<Due | null> => {
  const rows = await followUpsIn(scope);
  return rows ? { rows, today: scope.context.today ?? '' } : null;
};

/** The user's follow-ups after joint visits, on the start page. */
export const visitFollowUpsAtHome: HomeSection<Due> = {
  id: 'jointVisitFollowUps',
  order: 30,
  placement: 'afterLinks',
  applies: mayList,
  load: loadDue,
  render: (ctx, due) => <FollowUps ctx={ctx} rows={due.rows} today={due.today} />,
};

/** …and below the user's own deadlines on the worklist. */
export const visitFollowUpsOnWorklist: WorklistSection<Due> = {
  id: 'jointVisitFollowUps',
  order: 20,
  load: async (scope, { which }) => (which === 'own' && mayList(scope.context) ? loadDue(scope) : null),
  render: (ctx, due) => <FollowUps ctx={ctx} rows={due.rows} today={due.today} />,
};

interface CaseVisits {
  visits: { id: string; visit_at: Date; police_reference: string }[];
  reports: { id: string; reference: string }[];
}

/** The case's joint visits, and a way to record one for each of its reports. */
export const visitsOnCase: CaseSection<CaseVisits> = {
  id: 'jointVisits',
  order: 20,
  load: async (scope, c) => {
    const actor = scope.actor;
    if (actor.role === 'partnerProfessional') return null;
    const [reports, visits] = await Promise.all([reportsOfCase(scope, c.id), visitsOfCase(scope, c.id)]);
    const facts = (reportUnitId: string | null) => ({
      report_unit_id: reportUnitId,
      case_unit_id: c.unit_id,
      case_responsible_user_id: c.responsible_user_id,
      case_phase: c.phase,
    });
    const unitOf = (reportId: string) => reports.find((r) => r.id === reportId)?.unit_id ?? null;
    const shown = visits.filter(
      (v) =>
        decide(
          actor,
          'jointVisit.read',
          visitResource(c.municipality_id, visitContext(facts(unitOf(v.report_id)), v)),
        ).allowed,
    );
    const creatable = reports.filter(
      (r) =>
        r.child_id &&
        decide(
          actor,
          'jointVisit.create',
          visitResource(c.municipality_id, {
            ...visitContext(facts(r.unit_id), {
              unit_id: actor.unitId,
              recorded_by: null,
              police_organisation_id: '',
              consent_given_at: null,
              consent_withdrawn_at: null,
            }),
          }),
        ).allowed,
    );
    if (!shown.length && !creatable.length) return null;
    if (shown.length)
      await scope.audit(
        ...shown.map((v) => ({
          action: 'jointVisit.list',
          subjectPersonId: v.child_id,
          recordType: 'jointVisit',
          recordId: v.id,
        })),
      );
    return { visits: shown, reports: creatable.map((r) => ({ id: r.id, reference: r.reference })) };
  },
  render: (ctx, data) => {
    const tx = jointVisitsTexts(ctx.lang);
    return (
      <section class="panel" aria-labelledby="joint-visits-heading">
        <h2 id="joint-visits-heading">{tx.caseSection}</h2>
        {data.visits.length ? (
          <ul class="plain-list">
            {data.visits.map((v) => (
              <li key={v.id}>
                <a href={`/joint-visits/${v.id}`}>{at(v.visit_at)}</a> – {tx.policeReference}:{' '}
                {v.police_reference}
              </li>
            ))}
          </ul>
        ) : null}
        {data.reports.map((r) => (
          <p key={r.id}>
            <a class="button button--secondary" href={`/joint-visits/new?report=${r.id}`}>
              {tx.caseSectionNew(r.reference)}
            </a>
          </p>
        ))}
      </section>
    );
  },
};
