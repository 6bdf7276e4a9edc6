import type { PageContext } from '../../platform/layout/page-context.ts';
import { moreTexts } from '../i18n/more.ts';
import type { IvoPlacementNotice } from '../ivo-notice.ts';

/** The notice to IVO a home with three or more children placed calls for (SoF 16 kap. 2 §). */
export function IvoNotice({ ctx, notice }: { ctx: PageContext; notice: IvoPlacementNotice }) {
  const m = moreTexts(ctx.lang).ivoNotice;
  return (
    <p data-alert={`ivoNotice-${notice.level}`}>
      <span class={notice.level === 'exceeded' ? 'tag tag--warning' : 'tag'}>
        {notice.level === 'exceeded'
          ? m.exceeded(notice.placed, notice.referenceText)
          : m.atLimit(notice.referenceText)}
      </span>
    </p>
  );
}
