import type { HomeSection } from '../home/sections.ts';
import { permittedActions } from '../platform/access/policy.ts';
import { worklistsTexts } from './i18n/index.ts';
import { isUrgent, type WorklistItem } from './queries.ts';
import { readWorklistIn } from './service.ts';
import { Reminders, WorklistTable } from './views.tsx';

const homeWorklistLength = 8;

/** Reminders in the app: the user's own deadlines, most urgent first, at the top of the start page. */
export const deadlinesSection: HomeSection<WorklistItem[]> = {
  id: 'deadlines',
  order: 10,
  placement: 'beforeLinks',
  applies: ({ actor }) => !!actor && permittedActions(actor.role).includes('worklist.read'),
  load: async (scope, { today }) => (await readWorklistIn(scope, 'own', today))?.items ?? null,
  render: (ctx, worklist) => {
    const tx = worklistsTexts(ctx.lang);
    // What is urgent is always shown, on top; older, less urgent items fill the rest of the room.
    const urgent = worklist.filter(isUrgent);
    const rest = worklist.filter((item) => !isUrgent(item));
    const shown = [...urgent, ...rest.slice(0, Math.max(0, homeWorklistLength - urgent.length))];
    return (
      <section aria-labelledby="worklist-heading">
        <h2 id="worklist-heading">{tx.worklistTitle}</h2>
        <Reminders lang={ctx.lang} items={worklist} />
        <WorklistTable lang={ctx.lang} items={shown} />
        {worklist.length > shown.length ? (
          <p>
            <a href="/worklist">{tx.allItems}</a>
          </p>
        ) : null}
      </section>
    );
  },
};
