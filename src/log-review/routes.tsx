import { Type } from 'typebox';
import { isRealPastDate, parsePersonQuery } from '../people/domain.ts';
import { type PersonSummary, peopleMatching, personById } from '../people/queries.ts';
import { seenInList } from '../people/service.ts';
import { withAccess } from '../platform/access/scope.ts';
import { todayInSweden } from '../platform/dates.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { isId, OptionalText as text } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { logReviewTexts } from './i18n/index.ts';
import { auditEventsFor, type ReviewedUser, userById, userMatchLimit, usersMatching } from './queries.ts';
import { LogReviewPage } from './views.tsx';
import { auditVocabulary } from './vocabulary.ts';

/**
 * Log review for managers (SoLPuL: access is to be checked systematically): who has seen this
 * child, what has this user seen, in a period; access outside the user's own cases stands out.
 */
export async function logReviewRoutes(app: App): Promise<void> {
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
        const { person, candidates: people } = await findPerson(scope, (q.person ?? '').trim());
        if (q.person?.trim() && !person)
          errors.person = people.length ? tx.personAmbiguous : tx.personNotFound;
        if (Object.keys(errors).length)
          return { user, candidates, person, people, events: null, more: false };
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
        return { user, candidates, person, people, events, more };
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
          people={result.people}
          events={result.events}
          more={result.more}
          errors={errors}
          vocabulary={auditVocabulary(app.features, request.lang)}
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

/**
 * The person filter: an id (from a link), a personal identity number, or a name as typed. A name
 * that fits several people lists them to choose from; each one listed is an access like a search.
 */
async function findPerson(
  scope: Parameters<typeof personById>[0],
  value: string,
): Promise<{ person?: PersonSummary | undefined; candidates: PersonSummary[] }> {
  if (!value) return { candidates: [] };
  if (isId(value)) return { person: await personById(scope, value), candidates: [] };
  const query = parsePersonQuery(value, todayInSweden());
  if (query.kind === 'tooShort') return { candidates: [] };
  const matches = await peopleMatching(scope, query, userMatchLimit + 1);
  if (matches.length === 1) return { person: matches[0], candidates: [] };
  if (matches.length > 1) {
    scope.authorize('person.search', { type: 'personRegister', municipalityId: scope.actor.municipalityId });
    await scope.audit(...seenInList(matches.slice(0, userMatchLimit)));
  }
  return { candidates: matches };
}

function monthBefore(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
}
