import type { PageContext } from '../platform/layout/page-context.ts';
import { collaborationTexts } from './i18n/index.ts';

/**
 * The guard's warnings above a form of the collaboration layer: what may name a child, for the
 * writer to rewrite or confirm (docs/decisions/0101). Nothing when there are none.
 */
export function GuardWarnings({ ctx, warnings }: { ctx: PageContext; warnings: readonly string[] }) {
  if (!warnings.length) return null;
  const c = collaborationTexts(ctx.lang);
  return (
    <div class="notice notice--urgent" role="alert">
      <p>
        <strong>{c.warningsHeading}</strong>
      </p>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}
