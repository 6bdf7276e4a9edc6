import { Type } from 'typebox';
import { isRealPastDate } from '../people/domain.ts';
import { parsePersonalNumber } from '../people/personal-number.ts';
import { personById, personByNumber } from '../people/queries.ts';
import { withAccess } from '../platform/access/scope.ts';
import { todayInSweden } from '../platform/dates.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { isId, OptionalText as text } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { logReviewTexts } from './i18n/index.ts';
import { auditEventsFor, type ReviewedUser, userById, usersMatching } from './queries.ts';
import { LogReviewPage } from './views.tsx';

/**
 * Log review for managers (SoLPuL: access is to be checked systematically): who has seen this
 * child, what has this user seen, in a period; access outside the user's own cases stands out.
 */
export async function logReviewRoutes(app: App): Promise<void> {
  const labels = app.features.contributions('auditLabels');
  app.get(
    '/log-review',
    {
      preHandler: requireSignedInPage,
      config: { personalData: true },
      schema: {
        querystring: Type.Object({
          person: text(60),
          user: text(60),
          from: text(20),
          to: text(20),
          unusual: text(5),
          lang: text(5),
        }),
        response: { 200: Type.String() },
      },
    },
    async (request, reply) => {
      const tx = logReviewTexts(request.lang);
      const today = todayInSweden();
      const q = request.query;
      const from = q.from || monthBefore(today);
      const to = q.to || today;
      const errors: Record<string, string> = {};
      if (!isRealPastDate(from, today) || !isRealPastDate(to, today) || from > to)
        errors.from = tx.periodInvalid;
      const userText = (q.user ?? '').trim();

      const result = await withAccess(app.db, accessContext(request), async (scope) => {
        const actor = scope.actor;
        scope.authorize('auditLog.review', { type: 'auditLog', municipalityId: actor.municipalityId });
        const { user, candidates } = await findUser(scope, userText);
        if (userText && !user) errors.user = candidates.length ? tx.userAmbiguous : tx.userNotFound;
        const person = q.person ? await findPerson(scope, q.person) : undefined;
        if (q.person && !person) errors.person = tx.personNotFound;
        if (Object.keys(errors).length) return { user, candidates, person, events: null, more: false };
        const userId = user?.id;
        const { events, more } = await auditEventsFor(scope, {
          personId: person?.id,
          userId,
          from,
          to,
          onlyUnusual: q.unusual === 'on',
        });
        // Reading the trail about a person is itself an access to that person's data.
        await scope.audit({
          action: 'auditLog.review',
          subjectPersonId: person?.id ?? null,
          recordType: userId ? 'user' : 'auditLog',
          recordId: userId ?? null,
        });
        return { user, candidates, person, events, more };
      });
      return sendPage(
        reply,
        <LogReviewPage
          ctx={pageContext(request)}
          filter={{
            person: q.person ?? '',
            user: result.user?.username ?? userText,
            from,
            to,
            unusual: q.unusual === 'on',
          }}
          personLabel={result.person ? `${result.person.given_name} ${result.person.family_name}` : undefined}
          userLabel={result.user?.display_name}
          candidates={result.candidates}
          events={result.events}
          more={result.more}
          errors={errors}
          actionLabels={Object.assign({}, ...labels.map((of) => of(request.lang)))}
        />,
        Object.keys(errors).length ? 400 : 200,
      );
    },
  );
}

/**
 * The user filter: an id (from a link), or a username or part of a name as typed. A username
 * typed exactly wins over names that contain it; several names give candidates to choose from.
 */
async function findUser(
  scope: Parameters<typeof userById>[0],
  text: string,
): Promise<{ user?: ReviewedUser | undefined; candidates: ReviewedUser[] }> {
  if (!text) return { candidates: [] };
  if (isId(text)) return { user: await userById(scope, text), candidates: [] };
  const matches = await usersMatching(scope, text);
  const exact = matches[0]?.username.toLowerCase() === text.toLowerCase();
  if (exact || matches.length === 1) return { user: matches[0], candidates: [] };
  // One more than the view lists tells it to ask for more of the name.
  return { candidates: matches };
}

async function findPerson(scope: Parameters<typeof personById>[0], value: string) {
  if (isId(value)) return personById(scope, value);
  const parsed = parsePersonalNumber(value, todayInSweden());
  return parsed.ok ? personByNumber(scope, parsed.value.normalized) : undefined;
}

function monthBefore(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
}
