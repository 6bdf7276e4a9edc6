import type { Lang } from '../i18n/i18n.ts';
import { messages } from '../i18n/messages.ts';

/**
 * Previous and next page of a long list, with where the reader stands; nothing when one page holds
 * it all. `href` gives a page's address with the list's own filters kept.
 */
export function Pager({
  lang,
  page,
  pages,
  href,
}: {
  lang: Lang;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const t = messages(lang).pager;
  return (
    <nav aria-label={t.pageOf(page, pages)}>
      <p>
        {t.pageOf(page, pages)} {page > 1 ? <a href={href(page - 1)}>{t.previousPage}</a> : null}{' '}
        {page < pages ? <a href={href(page + 1)}>{t.nextPage}</a> : null}
      </p>
    </nav>
  );
}
