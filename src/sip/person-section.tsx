import type { PersonSection, ProfessionalEntry, TimelineEntry } from '../people/sections.ts';
import { decide } from '../platform/access/policy.ts';
import type { AccessScope } from '../platform/access/scope.ts';
import { sipTexts } from './i18n/index.ts';
import { m } from './queries/facts.ts';

/**
 * The child's coordinated plans on the child's page, with the parties to each: the professionals
 * around the child that the plans know. Shown to whoever may list plans (social services).
 */

async function plansOfChild(scope: AccessScope, childId: string) {
  const plans = await scope.db
    .selectFrom('sip as s')
    .leftJoin('user_account as u', 'u.id', 's.coordinator_user_id')
    .select([
      's.id',
      's.status',
      's.meeting_on',
      's.follow_up_on',
      's.agreed_on',
      's.closed_on',
      's.created_at',
      'u.display_name as coordinator_name',
    ])
    .where('s.municipality_id', '=', m(scope))
    .where('s.child_id', '=', childId)
    .orderBy('s.created_at', 'desc')
    .execute();
  const parties = plans.length
    ? await scope.db
        .selectFrom('sip_participant as p')
        .innerJoin('partner_organisation as o', (join) =>
          join.onRef('o.municipality_id', '=', 'p.municipality_id').onRef('o.id', '=', 'p.organisation_id'),
        )
        .select(['p.sip_id', 'p.contact_name', 'o.name', 'o.kind'])
        .where('p.municipality_id', '=', m(scope))
        .where(
          'p.sip_id',
          'in',
          plans.map((p) => p.id),
        )
        .orderBy('o.name')
        .execute()
    : [];
  return plans.map((p) => ({
    ...p,
    started_on: p.created_at.toISOString().slice(0, 10),
    parties: parties.filter((x) => x.sip_id === p.id),
  }));
}

type Plan = Awaited<ReturnType<typeof plansOfChild>>[number];

export const plansOfChildSection: PersonSection<Plan[]> = {
  id: 'childPlans',
  order: 40,
  async load(scope, person) {
    if (!decide(scope.actor, 'sip.list', { type: 'sipRegister', municipalityId: m(scope) }).allowed)
      return null;
    const plans = await plansOfChild(scope, person.id);
    await scope.audit(
      ...plans.map((p) => ({
        action: 'sip.list',
        subjectPersonId: person.id,
        recordType: 'sip',
        recordId: p.id,
      })),
    );
    return plans;
  },
  render(ctx, plans) {
    const s = sipTexts(ctx.lang);
    const x = s.childPlans;
    return (
      <section aria-labelledby="child-plans-heading">
        <h2 id="child-plans-heading">{x.title}</h2>
        {plans.length === 0 ? (
          <p>{x.none}</p>
        ) : (
          <ul class="plain-list">
            {plans.map((p) => (
              <li key={p.id}>
                <a href={`/sips/${p.id}`}>{x.started(p.started_on)}</a>{' '}
                <span class="tag">{s.status[p.status]}</span>
                {p.meeting_on ? ` · ${x.meeting} ${p.meeting_on}` : ''}
                {p.follow_up_on ? ` · ${x.followUp} ${p.follow_up_on}` : ''}
                {p.closed_on ? ` · ${x.closed} ${p.closed_on}` : ''}
                {p.coordinator_name ? ` · ${s.coordinator}: ${p.coordinator_name}` : ''}
                {p.parties.length ? (
                  <>
                    <br />
                    {s.participants}:{' '}
                    {p.parties
                      .map((q) => (q.contact_name ? `${q.name} (${q.contact_name})` : q.name))
                      .join(', ')}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  },
  timeline(ctx, plans) {
    const x = sipTexts(ctx.lang).childPlans;
    return plans.flatMap((p) => {
      const href = `/sips/${p.id}`;
      const entry = (date: string | null, text: string): TimelineEntry[] =>
        date ? [{ date, kind: x.timelineKind, text, href }] : [];
      return [
        ...entry(p.started_on, x.timelineStarted),
        ...entry(p.meeting_on, x.timelineMeeting),
        ...entry(p.agreed_on, x.timelineAgreed),
        ...entry(p.closed_on, x.timelineClosed),
      ];
    });
  },
  professionals(ctx, plans) {
    const x = sipTexts(ctx.lang).childPlans;
    return plans.flatMap((p): ProfessionalEntry[] => [
      ...(p.coordinator_name
        ? [
            {
              name: p.coordinator_name,
              organisation: x.socialServices,
              role: x.coordinator,
              href: `/sips/${p.id}`,
            },
          ]
        : []),
      ...p.parties
        .filter((q) => q.kind !== 'socialServices')
        .map((q) => ({
          name: q.contact_name || q.name,
          organisation: q.name,
          role: x.party,
          href: `/sips/${p.id}`,
        })),
    ]);
  },
};
