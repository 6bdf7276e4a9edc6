import type { CaseSection } from '../cases/sections.ts';
import { caseResource } from '../cases/service/step.ts';
import { decide } from '../platform/access/policy.ts';
import { documentsTexts } from './i18n/index.ts';

/** On the case page: the way to the case's documents, for whoever may read them. */
export const documentsOfCase: CaseSection<{ caseId: string }> = {
  id: 'documents',
  order: 20,
  load: async (scope, c) =>
    decide(scope.actor, 'document.read', caseResource(c)).allowed ? { caseId: c.id } : null,
  render: (ctx, { caseId }) => {
    const d = documentsTexts(ctx.lang);
    return (
      <section class="panel" aria-labelledby="documents-heading">
        <h2 id="documents-heading">{d.sectionTitle}</h2>
        <p>{d.sectionIntro}</p>
        <p>
          <a href={`/documents/cases/${caseId}`}>{d.openDocuments}</a>
        </p>
      </section>
    );
  },
};
