import { Type } from 'typebox';
import {
  formatPersonalNumber,
  parsePersonalNumber,
  personalNumberErrorMessages,
} from '../people/personal-number.ts';
import { withAccess } from '../platform/access/scope.ts';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { OptionalLine } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { ErrorSummary, type FieldErrors, TextField } from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import { type PageContext, pageContext } from '../platform/layout/page-context.ts';
import { assessRetention } from './assess.ts';
import { retentionTexts } from './i18n/index.ts';
import { retentionInputs } from './inputs.ts';
import type { RecordAssessment } from './model.ts';

interface ArchivedFile {
  person: {
    id: string;
    given_name: string;
    family_name: string;
    personal_number: string | null;
    archived_on: string;
  };
  records: RecordAssessment[];
}

/**
 * The archivist reads an archived file (decisions 0082, 0117): found by identity number only,
 * since archived people are in no search or list; the register entry and the kept records, each
 * with why it is kept. Audited (`retention.readArchived`), and refused to every other role.
 */
export async function archivedRoutes(app: App): Promise<void> {
  app.get(
    '/retention/archived',
    {
      preHandler: requireSignedInPage,
      config: { personalData: true },
      schema: {
        querystring: Type.Object({ number: OptionalLine(20), lang: OptionalLine(5) }),
        response: { 200: Type.String(), 400: Type.String() },
      },
    },
    async (request, reply) => {
      const today = todayFor(app.config);
      const tx = retentionTexts(request.lang);
      const typed = request.query.number?.trim() ?? '';
      const parsed = typed === '' ? null : parsePersonalNumber(typed, today);
      const outcome = await withAccess(app.db, accessContext(request), async (scope) => {
        const m = scope.actor.municipalityId;
        scope.authorize('retention.readArchived', { type: 'retention', municipalityId: m });
        if (!parsed?.ok) return null;
        const person = await scope.db
          .selectFrom('person')
          .select(['id', 'given_name', 'family_name', 'personal_number', 'archived_on'])
          .where('municipality_id', '=', m)
          .where('personal_number', '=', parsed.value.normalized)
          .where('archived_on', 'is not', null)
          .executeTakeFirst();
        if (!person) {
          await scope.audit({ action: 'retention.readArchived', reason: 'notFound' });
          return 'notFound' as const;
        }
        const municipality = await scope.db
          .selectFrom('municipality')
          .select('code')
          .where('id', '=', m)
          .executeTakeFirstOrThrow();
        const [input] = await retentionInputs(scope.db, m, municipality.code, today, person.id);
        const records = input ? assessRetention(input.input).records.filter((r) => r.verdict === 'keep') : [];
        await scope.audit({
          action: 'retention.readArchived',
          subjectPersonId: person.id,
          recordType: 'person',
          recordId: person.id,
        });
        return {
          person: { ...person, archived_on: String(person.archived_on) },
          records,
        } satisfies ArchivedFile;
      });
      const errors: FieldErrors =
        parsed && !parsed.ok
          ? { number: personalNumberErrorMessages[parsed.error][request.lang === 'en' ? 'en' : 'sv'] }
          : {};
      return sendPage(
        reply,
        <ArchivedPage
          ctx={pageContext(request)}
          number={typed}
          errors={errors}
          found={outcome === 'notFound' ? undefined : (outcome ?? undefined)}
          notFound={outcome === 'notFound' ? tx.archivedNotFound : undefined}
        />,
        parsed && !parsed.ok ? 400 : 200,
      );
    },
  );
}

function ArchivedPage({
  ctx,
  number,
  errors,
  found,
  notFound,
}: {
  ctx: PageContext;
  number: string;
  errors: FieldErrors;
  found: ArchivedFile | undefined;
  notFound: string | undefined;
}) {
  const tx = retentionTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={tx.archivedTitle}>
      <h1>{tx.archivedTitle}</h1>
      <p class="lead">{tx.archivedIntro}</p>
      <ErrorSummary t={ctx.t} errors={errors} />
      <form method="get" action="/retention/archived" class="form">
        <TextField
          name="number"
          label={tx.archivedNumber}
          value={number}
          error={errors.number}
          width="medium"
        />
        <button type="submit" class="button">
          {tx.archivedFind}
        </button>
      </form>
      {notFound ? <p role="status">{notFound}</p> : null}
      {found ? (
        <section aria-labelledby="archived-person">
          <h2 id="archived-person">
            {found.person.given_name} {found.person.family_name}
          </h2>
          <p>
            {formatPersonalNumber(found.person.personal_number)}. {tx.archivedOn} {found.person.archived_on}.
          </p>
          <section class="table-wrap" aria-label={tx.archivedRecords} tabindex={0}>
            <table class="table">
              <caption>{tx.archivedRecords}</caption>
              <thead>
                <tr>
                  <th scope="col">{tx.record}</th>
                  <th scope="col">{tx.why}</th>
                </tr>
              </thead>
              <tbody>
                {found.records.map((r) => (
                  <tr key={`${r.recordType}:${r.recordId}`}>
                    <th scope="row">{tx.recordTypes[r.recordType] ?? r.recordType}</th>
                    <td>{r.rules.map((rule) => rule.references.join('; ') || rule.ruleId).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </section>
      ) : null}
    </Layout>
  );
}
