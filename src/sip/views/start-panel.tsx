import { CsrfField } from '../../platform/layout/forms.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { sipTexts } from '../i18n/index.ts';

/** Social services starts a plan for the child here; from a case page the plan is linked to the case. */
export function SipStartPanel({
  ctx,
  childId,
  caseId,
}: {
  ctx: PageContext;
  childId: string;
  caseId?: string;
}) {
  const s = sipTexts(ctx.lang);
  return (
    <section class="panel" aria-labelledby="sip-heading">
      <h2 id="sip-heading">{s.startTitle}</h2>
      <p>
        <a href={`/sips?child=${childId}`}>{s.showPlans}</a>
      </p>
      <form method="post" action="/sips" class="inline-form">
        <CsrfField token={ctx.csrf} />
        <input type="hidden" name="childId" value={childId} />
        {caseId ? <input type="hidden" name="caseId" value={caseId} /> : null}
        <button type="submit" class="button button--secondary">
          {s.start}
        </button>
      </form>
      <p class="hint">{s.startHint}</p>
    </section>
  );
}
