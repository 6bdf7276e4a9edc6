import type { HomeSection } from '../home/sections.ts';
import { permittedActions } from '../platform/access/policy.ts';
import type { AccessScope } from '../platform/access/scope.ts';
import { peopleTexts } from './i18n/index.ts';
import { formatPersonalNumber } from './personal-number.ts';
import { childrenAssignedTo, type PersonSummary } from './queries.ts';
import { seenInList } from './service.ts';

/** The children a social worker holds, on the start page; each one listed is audited as seen. */
export const assignedChildrenSection: HomeSection<PersonSummary[]> = {
  id: 'assignedChildren',
  order: 30,
  placement: 'afterLinks',
  applies: ({ actor }) => !!actor && permittedActions(actor.role).includes('person.read'),
  load: (scope) => assignedChildren(scope),
  render: (ctx, children) => {
    const tx = peopleTexts(ctx.lang);
    return (
      <section aria-labelledby="my-children">
        <h2 id="my-children">{tx.assignedChildren}</h2>
        {children.length === 0 ? (
          <p>{tx.noAssignedChildren}</p>
        ) : (
          <ul class="plain-list">
            {children.map((c) => (
              <li key={c.id}>
                <a href={`/people/${c.id}`}>
                  {c.given_name} {c.family_name}
                </a>{' '}
                ({c.personal_number ? formatPersonalNumber(c.personal_number) : c.birth_date})
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  },
};

async function assignedChildren(scope: AccessScope): Promise<PersonSummary[]> {
  scope.authorize('person.search', { type: 'personRegister', municipalityId: scope.actor.municipalityId });
  const list = await childrenAssignedTo(scope);
  await scope.audit(...seenInList(list));
  return list;
}
