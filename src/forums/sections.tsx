import { withLang } from '../good-practice/views/shared.tsx';
import type { HomeSection } from '../home/sections.ts';
import { decide } from '../platform/access/policy.ts';
import type { RequestContext } from '../platform/access/scope.ts';
import type { PageContext } from '../platform/layout/page-context.ts';
import { agreementsOfForum } from './agreement-queries.ts';
import { agreementTexts } from './agreement-texts.ts';
import { forumResource } from './service.ts';

/**
 * The start page's reminder of agreements to review (docs/decisions/0136): for the chair, vice
 * chair or secretary of a forum, each of its agreements due for review within 90 days or overdue.
 */

type Due = {
  forumId: string;
  forumName: string;
  id: string;
  title: string;
  reviewBy: string;
  overdue: boolean;
};

const roles = new Set(['manager', 'socialWorker', 'intakeWorker', 'partnerProfessional']);
const applies = (context: RequestContext) => context.actor !== null && roles.has(context.actor.role);

function AgreementsDue({ ctx, rows }: { ctx: PageContext; rows: Due[] }) {
  const a = agreementTexts(ctx.lang);
  return (
    <section aria-labelledby="agreements-due">
      <h2 id="agreements-due">{a.dueHeading}</h2>
      <ul class="plain-list">
        {rows.map((r) => (
          <li key={r.id}>
            <a href={withLang(`/forums/${r.forumId}/agreements`, ctx.lang)}>{r.title}</a> ({r.forumName}):{' '}
            <span class="tag tag--warning">{a.reviewStates[r.overdue ? 'reviewOverdue' : 'reviewSoon']}</span>{' '}
            {a.reviewBy(r.reviewBy)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export const agreementsDueAtHome: HomeSection<Due[]> = {
  id: 'forumAgreementsDue',
  order: 40,
  placement: 'afterLinks',
  applies,
  load: async (scope, { today }) => {
    const forums = await scope.db
      .selectFrom('forum_representative as r')
      .innerJoin('forum as f', 'f.id', 'r.forum_id')
      .select(['f.id', 'f.name'])
      .where('r.user_id', '=', scope.actor.userId)
      .where('r.active', '=', true)
      .where('r.role', 'in', ['chair', 'viceChair', 'secretary'])
      // The municipality's own forums, and the county and national ones it sits in (0129).
      .where((eb) =>
        eb.or([eb('f.municipality_id', '=', scope.actor.municipalityId), eb('f.reach', '<>', 'municipal')]),
      )
      .distinct()
      .execute();
    const rows: Due[] = [];
    for (const forum of forums) {
      if (!decide(scope.actor, 'forum.record', await forumResource(scope, forum.id)).allowed) continue;
      for (const agreement of await agreementsOfForum(scope.db, forum.id, today)) {
        const latest = agreement.versions.find((v) => v.valid_until === null) ?? agreement.versions[0];
        if (!latest || (agreement.review !== 'reviewSoon' && agreement.review !== 'reviewOverdue')) continue;
        rows.push({
          forumId: forum.id,
          forumName: forum.name,
          id: agreement.id,
          title: latest.title,
          reviewBy: latest.review_by,
          overdue: agreement.review === 'reviewOverdue',
        });
      }
    }
    return rows.length ? rows : null;
  },
  render: (ctx, rows) => <AgreementsDue ctx={ctx} rows={rows} />,
};
